import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatVnd, isMessageKey, localeFromCookie, translator } from "../../app/i18n";
import { en } from "../../app/i18n/en";
import { vi } from "../../app/i18n/vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in Vietnamese and English", () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !(k in vi)), "keys only in en").toEqual([]);
    expect(viKeys.filter((k) => !(k in en)), "keys only in vi").toEqual([]);
    expect(viKeys.length).toBeGreaterThan(0);
  });

  it("have no empty messages", () => {
    const empty = [
      ...Object.entries(vi).filter(([, text]) => text.trim() === "").map(([k]) => `vi:${k}`),
      ...Object.entries(en).filter(([, text]) => text.trim() === "").map(([k]) => `en:${k}`),
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
    expect(translator("vi")("login.error.locked", { minutes: 15 })).toBe("Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    expect(translator("en")("nav.loggedInAs", { name: "Lan" })).toBe(`${en["nav.loggedInAs"].replace("{name}", "Lan")}`);
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
