import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { foldText, foldWords } from "~/utils/text";

import { setupIntegration } from "../setup/integration";

/**
 * The TypeScript folding (app/utils/text.ts) and the SQL one (`ct_fold`, lower(unaccent(…)), used by the
 * search fallback and the name filters) must agree, or a name found by one would be missed by the other.
 */
const ctx = setupIntegration();

const decomposed = (text: string) => text.normalize("NFD");
const TONES = ["a", "à", "á", "ả", "ã", "ạ"];
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
/** Every Vietnamese vowel with every tone (72 letters), lower and upper case. */
const ALL_TONED = VOWELS.map((v) => TONES.map((t) => (v + t.normalize("NFD").slice(1)).normalize("NFC")).join("")).join(
  " ",
);

const CASES: string[] = [
  ALL_TONED,
  ALL_TONED.toUpperCase(),
  decomposed(ALL_TONED),
  decomposed(ALL_TONED.toUpperCase()),
  "Đặng Thị Ngọc Ánh",
  "ĐẶNG THỊ NGỌC ÁNH",
  "đường Điện Biên Phủ, Đà Nẵng",
  "Nguyễn Văn Hưởng",
  decomposed("Nguyễn Văn Hưởng"),
  // Mixed: precomposed base with a combining tone added (as some Vietnamese keyboards type it).
  "Nguye\u0302\u0303n Va\u0306n Hu\u031b\u01a1\u0309ng",
  "Tho\u031b\u0323 sư\u0309a xe ma\u0301y",
  "Trương  Thị\u00a0Mỹ\tLệ\n Quỳnh ",
  "  Lý   Thường Kiệt  ",
  "Huỳnh Tấn Phát — Q.7, TP. Hồ Chí Minh (№ 12/3)",
  "Ứng Hoà, Ư Ơ Ư Ơ ươ ƯƠ",
  "Kỹ thuật hàn 3G/4G; Thợ điện – cấp 2",
  "“Việc làm tốt” – ‘Sửa xe’… Chị Hằng’s tiệm\u00adxe − 5‑10 người",
  "Sửa Xe Máy 50cc",
  "ABC xyz 0123456789",
  "",
];

describe("foldText agrees with ct_fold", () => {
  it.each(CASES.map((text) => [JSON.stringify(text), text]))("%s", async (_label, text) => {
    const result = (await ctx.handle.db.execute(sql`select ct_fold(${text}) as folded`)) as unknown as
      { folded: string }[] | { rows: { folded: string }[] };
    const [row] = Array.isArray(result) ? result : result.rows;
    expect(foldText(text)).toBe(row!.folded);
  });

  it("folds a toned vowel to its bare letter, both forms and both cases alike", () => {
    // Not a copy of the SQL: the expected strings are written out, so a change on either side shows here.
    expect(foldText(ALL_TONED)).toBe(
      VOWELS.map((v) =>
        (v === "ă" || v === "â" ? "a" : v === "ê" ? "e" : v === "ô" || v === "ơ" ? "o" : v === "ư" ? "u" : v).repeat(6),
      ).join(" "),
    );
    expect(foldText(decomposed(ALL_TONED.toUpperCase()))).toBe(foldText(ALL_TONED));
    expect(foldText("ĐẶNG Đặng đặng")).toBe("dang dang dang");
  });

  it("keeps spaces as they are; foldWords collapses them (and punctuation) to single spaces", () => {
    expect(foldText("  Lý   Thường\u00a0Kiệt ")).toBe("  ly   thuong\u00a0kiet ");
    expect(foldWords("  Lý   Thường\u00a0Kiệt, Q.7 ")).toBe("ly thuong kiet q 7");
    expect(foldWords("Nguyễn  Văn H.")).toBe(foldWords("nguyen van h"));
    expect(foldText("Thợ điện – “cấp 2”…")).toBe('tho dien - "cap 2"...');
  });
});
