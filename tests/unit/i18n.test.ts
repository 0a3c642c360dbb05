import { describe, expect, it } from "vitest";

import { fillTemplate, formatDate, formatNumber, formatVnd, isMessageKey, localeFromCookie, translator } from "~/i18n";
import { en } from "~/i18n/en";
import { vi } from "~/i18n/vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in Vietnamese and English", () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !(k in vi)),
      "keys only in en",
    ).toEqual([]);
    expect(
      viKeys.filter((k) => !(k in en)),
      "keys only in vi",
    ).toEqual([]);
    expect(viKeys.length).toBeGreaterThan(0);
  });

  it("have no empty messages", () => {
    const empty = [
      ...Object.entries(vi)
        .filter(([, text]) => text.trim() === "")
        .map(([k]) => `vi:${k}`),
      ...Object.entries(en)
        .filter(([, text]) => text.trim() === "")
        .map(([k]) => `en:${k}`),
    ];
    expect(empty).toEqual([]);
  });

  it("use the same {placeholders} in both languages", () => {
    const mismatched = Object.keys(vi)
      .filter((key) => key in en)
      .filter((key) => {
        const k = key as keyof typeof vi;
        return placeholders(vi[k]).join(",") !== placeholders(en[k]).join(",");
      });
    expect(mismatched).toEqual([]);
  });
});

describe("translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("vi")("login.error.locked", { minutes: 15 })).toBe(
      "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
    );
    expect(translator("en")("nav.loggedInAs", { name: "Lan" })).toBe(
      `${en["nav.loggedInAs"].replace("{name}", "Lan")}`,
    );
    expect(translator("vi")("nav.loggedInAs")).toContain("{name}");
  });

  it("recognises message keys", () => {
    expect(isMessageKey("validation.required")).toBe(true);
    expect(isMessageKey("validation.nope")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });

  it("is Vietnamese unless our cookie says English", () => {
    expect(localeFromCookie(null)).toBe("vi");
    expect(localeFromCookie("other=1; ct_lang=en")).toBe("en");
    expect(localeFromCookie("ct_lang=fr")).toBe("vi");
    expect(localeFromCookie("xct_lang=en")).toBe("vi");
  });
});

describe("formatDate", () => {
  it("writes dd/MM/yyyy in both languages", () => {
    expect(formatDate(new Date("2026-01-05T00:00:00Z"))).toBe("05/01/2026");
    expect(formatDate("2026-01-05")).toBe("05/01/2026");
    expect(formatDate("2026-01-05", "en")).toBe("05/01/2026");
    expect(formatDate("2025-12-31T10:00:00+07:00")).toBe("31/12/2025");
  });

  it("shows the date in Vietnam, not in UTC", () => {
    // 20:30 UTC on 5 January is 03:30 on 6 January in Hà Nội.
    expect(formatDate(new Date("2026-01-05T20:30:00Z"))).toBe("06/01/2026");
    expect(formatDate(new Date("2026-01-05T16:59:59Z"))).toBe("05/01/2026");
    expect(formatDate(new Date("2026-01-05T17:00:00Z"), "en")).toBe("06/01/2026");
  });

  it("shows nothing for no date", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
  });
});

describe("formatVnd and formatNumber", () => {
  it("groups thousands with dots in Vietnamese and commas in English", () => {
    expect(formatVnd(5_500_000)).toBe("5.500.000 ₫");
    expect(formatVnd(5_500_000, "en")).toBe("5,500,000 VND");
    expect(formatVnd(0)).toBe("0 ₫");
    expect(formatVnd(1_234.6)).toBe("1.235 ₫");
    expect(formatNumber(3321)).toBe("3.321");
    expect(formatNumber(3321, "en")).toBe("3,321");
  });
});

describe("a value that ends its own sentence", () => {
  it("swallows the template's full stop right after it, and only that one", () => {
    expect(fillTemplate("Đã xác minh {name}.", { name: "Nguyễn Văn H." })).toBe("Đã xác minh Nguyễn Văn H.");
    expect(fillTemplate("Đã xác minh {name}.", { name: "Nguyễn Văn Hải" })).toBe("Đã xác minh Nguyễn Văn Hải.");
    expect(fillTemplate("Lý do: {reason}.", { reason: "Đã chuyển đi?" })).toBe("Lý do: Đã chuyển đi?");
    expect(fillTemplate("{name}. Xin chào {name}", { name: "H." })).toBe("H. Xin chào H.");
    // A full stop not right after the value, an ellipsis and a value with a dot inside stay as they are.
    expect(fillTemplate("“{title}”.", { title: "Thợ sửa xe." })).toBe("“Thợ sửa xe.”.");
    expect(fillTemplate("{name}...", { name: "H." })).toBe("H....");
    expect(fillTemplate("{name}.", { name: "Co. Ltd" })).toBe("Co. Ltd.");
    expect(fillTemplate("{count}.", { count: 3 })).toBe("3.");
    expect(fillTemplate("{missing}.", {})).toBe("{missing}.");
  });

  it("reads right in a real notification and a real status message", () => {
    const t = translator("vi");
    expect(t("notify.referral.officer.interview", { title: "Thợ sửa xe máy", name: "Nguyễn Văn H." })).toBe(
      "“Thợ sửa xe máy” hẹn phỏng vấn Nguyễn Văn H.",
    );
    expect(t("review.verified", { name: "Công ty TNHH May Sông Xanh" })).toBe(
      "Đã xác minh Công ty TNHH May Sông Xanh.",
    );
    expect(
      translator("en")("notify.referral.officer.interview", { title: "Motorbike mechanic", name: "Nguyễn Văn H." }),
    ).not.toContain("..");
  });
});
