import { describe, expect, it } from "vitest";

import {
  buildZnsTemplate,
  DEFAULT_ZNS_TEMPLATE_IDS,
  fitZnsParam,
  ZNS_KINDS,
  ZNS_PARAM_LIMITS,
  znsTemplate,
  znsTemplateIds,
} from "~/modules/notifications/channels/zns-templates";

// Words no message leaving the app may carry (the house rule: phones are shared with families).
const FORBIDDEN = [
  "tù",
  "trại giam",
  "phạm nhân",
  "án",
  "tội",
  "công an",
  "cải tạo",
  "tái hòa nhập",
  "tái hoà nhập",
  "đặc xá",
  "hồ sơ",
  "prison",
  "jail",
  "sentence",
  "offence",
  "crime",
  "police",
  "parole",
  "probation",
  "inmate",
  "release",
];
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")} `;

describe("ZNS templates", () => {
  it("every kind has a short Vietnamese sample naming each of its parameters, ending with the link", () => {
    for (const kind of ZNS_KINDS) {
      const t = znsTemplate(kind);
      expect(t.params.at(-1)).toBe("link");
      for (const p of t.params) expect(t.sample.vi).toContain(`<${p}>`);
      expect(t.sample.vi.length).toBeLessThanOrEqual(400); // ZNS's limit for a template's text
    }
  });

  it("no sample says prison, sentence, offence, police or anything implying them", () => {
    for (const kind of ZNS_KINDS) {
      const text = words(znsTemplate(kind).sample.vi);
      for (const w of FORBIDDEN) expect(text, `${kind} contains “${w}”`).not.toContain(` ${w} `);
    }
  });

  it("ids are placeholders until ZNS_TEMPLATE_<KIND> sets Zalo's id", () => {
    expect(znsTemplateIds({})).toEqual(DEFAULT_ZNS_TEMPLATE_IDS);
    const ids = znsTemplateIds({ ZNS_TEMPLATE_FOLLOW_UP_DUE: " 401122 " });
    expect(ids.follow_up_due).toBe("401122");
    expect(ids.news).toBe(DEFAULT_ZNS_TEMPLATE_IDS.news);
    expect(() => znsTemplateIds({ ZNS_TEMPLATE_NEWS: "abc" })).toThrow(/ZNS_TEMPLATE_NEWS/);
  });

  it("builds the data Zalo expects, fitting each value to its limit", () => {
    const ids = znsTemplateIds({ ZNS_TEMPLATE_INTERVIEW_TOMORROW: "500600" });
    const built = buildZnsTemplate(
      "interview_tomorrow",
      { title: "Phụ bếp\nca   tối", date: "07/12/2026 08:30" },
      "https://chungtay.example.vn/n/Zx9",
      ids,
    );
    expect(built).toEqual({
      id: "500600",
      data: { title: "Phụ bếp ca tối", date: "07/12/2026 08:30", link: "https://chungtay.example.vn/n/Zx9" },
    });

    const long = buildZnsTemplate(
      "verification_decided",
      { org: "Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp Ánh Dương" },
      "https://x.vn/a",
    );
    expect(long.data.org.length).toBeLessThanOrEqual(ZNS_PARAM_LIMITS.org);
    expect(long.data.org.endsWith("…")).toBe(true);
  });

  it("refuses a missing or unknown parameter and a link it cannot send", () => {
    expect(() => buildZnsTemplate("referral_new", {}, "https://x.vn/n/1")).toThrow(/title/);
    expect(() => buildZnsTemplate("news", { title: "x" }, "https://x.vn/n/1")).toThrow(/title/);
    expect(() => buildZnsTemplate("news", {}, "/n/1")).toThrow(/link/);
    expect(() => buildZnsTemplate("news", {}, `https://x.vn/${"a".repeat(200)}`)).toThrow(/link/);
  });

  it("cuts between whole letters: a tone mark is never left behind or split off", () => {
    const decomposed = "Nguyễn".normalize("NFD").repeat(10); // letters written with combining marks
    const cut = fitZnsParam(decomposed, 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(cut).toBe(`${"Nguyễn".normalize("NFC")}N…`);
    expect(fitZnsParam("  ngắn  ", 30)).toBe("ngắn");
  });
});
