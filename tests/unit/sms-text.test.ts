import { describe, expect, it } from "vitest";

import { foldForSms, smsSegments } from "~/modules/notifications/channels/sms-text";
import { foldText } from "~/utils/text";

describe("foldForSms", () => {
  it("drops tone marks and accents, keeps case, digits, punctuation and links", () => {
    expect(foldForSms("Chào chị Ánh! Có 3 việc mới gần Đà Nẵng: https://ct.vn/n/Ab3x")).toBe(
      "Chao chi Anh! Co 3 viec moi gan Da Nang: https://ct.vn/n/Ab3x",
    );
  });

  it("reads đ as d and Đ as D", () => {
    expect(foldForSms("đường ĐIỆN BIÊN PHỦ, Đặng")).toBe("duong DIEN BIEN PHU, Dang");
  });

  it("folds decomposed input (macOS, some keyboards) the same as precomposed", () => {
    const word = "Nguyễn Thị Hưởng";
    expect(foldForSms(word.normalize("NFD"))).toBe("Nguyen Thi Huong");
    expect(foldForSms(word)).toBe("Nguyen Thi Huong");
  });

  it("writes typographic dashes, quotes and the ellipsis in ASCII", () => {
    expect(foldForSms("Ca sáng – “đúng giờ”… ’ok’")).toBe("Ca sang - \"dung gio\"... 'ok'");
  });

  it("is foldText without the lower case (one folding rule, app/utils/text.ts)", () => {
    const sample = "ĐẶNG Thị Ngọc Ánh — Ưu tiên “Ơn”";
    expect(foldForSms(sample).toLowerCase()).toBe(foldText(sample));
  });

  it("turns every Vietnamese letter into GSM-7", () => {
    const letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    expect(smsSegments(foldForSms(letters)).encoding).toBe("gsm7");
    expect(smsSegments(foldForSms(letters.toUpperCase())).encoding).toBe("gsm7");
  });
});

describe("smsSegments", () => {
  const gsm = (n: number) => "a".repeat(n);
  const ucs = (n: number) => "ạ".repeat(n);

  it.each([
    [0, 1],
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])("GSM-7: %i characters are %i message(s)", (length, segments) => {
    expect(smsSegments(gsm(length))).toEqual({ encoding: "gsm7", characters: length, segments });
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])("UCS-2: %i characters are %i message(s)", (length, segments) => {
    expect(smsSegments(ucs(length))).toEqual({ encoding: "ucs2", characters: length, segments });
  });

  it("counts extension characters (€ [ ] { } ^ ~ | \\ and form feed) as two septets", () => {
    expect(smsSegments("€[]{}^~|\\\f")).toEqual({ encoding: "gsm7", characters: 20, segments: 1 });
    expect(smsSegments(`${gsm(158)}€`)).toEqual({ encoding: "gsm7", characters: 160, segments: 1 });
    expect(smsSegments(`${gsm(159)}€`)).toEqual({ encoding: "gsm7", characters: 161, segments: 2 });
  });

  it("never cuts an escape from its character across two parts", () => {
    // 306 septets fit 2 × 153 only if the € could be split; it cannot, so the text needs three parts.
    expect(smsSegments(`${gsm(152)}€${gsm(152)}`)).toEqual({ encoding: "gsm7", characters: 306, segments: 3 });
    expect(smsSegments(`${gsm(151)}€${gsm(153)}`)).toEqual({ encoding: "gsm7", characters: 306, segments: 2 });
  });

  it("keeps the GSM-7 letters that look foreign (é, ñ, Ø, Δ, ¿, £, ¥, §) in GSM-7", () => {
    expect(smsSegments("é ñ Ø Δ ¿ £ ¥ § à Ç ß\n")).toEqual({ encoding: "gsm7", characters: 22, segments: 1 });
  });

  it("switches the whole text to UCS-2 for one character outside GSM-7", () => {
    expect(smsSegments(`${gsm(100)}ệ`)).toEqual({ encoding: "ucs2", characters: 101, segments: 2 });
    expect(smsSegments("Chào chị")).toEqual({ encoding: "ucs2", characters: 8, segments: 1 });
    // "à" is one of GSM-7's own letters: "Xin chào" alone stays GSM-7.
    expect(smsSegments("Xin chào")).toEqual({ encoding: "gsm7", characters: 8, segments: 1 });
    expect(smsSegments("â")).toEqual({ encoding: "ucs2", characters: 1, segments: 1 });
  });

  it("counts an emoji as two UCS-2 units and never splits its halves", () => {
    expect(smsSegments("👍")).toEqual({ encoding: "ucs2", characters: 2, segments: 1 });
    expect(smsSegments(`${ucs(69)}👍`)).toEqual({ encoding: "ucs2", characters: 71, segments: 2 });
    // 66 + 2 would straddle the 67-unit part: the emoji moves whole to the second part.
    expect(smsSegments(`${ucs(66)}👍${ucs(66)}`)).toEqual({ encoding: "ucs2", characters: 134, segments: 3 });
  });

  it("prices a typical alert: with diacritics 2 messages, folded 1", () => {
    const alert =
      "Chung Tay: Có 2 việc làm mới phù hợp với chị ở Quận Hoàng Mai. Xem chi tiết: https://chungtay.vn/n/Ab3x";
    expect(smsSegments(alert)).toEqual({ encoding: "ucs2", characters: 103, segments: 2 });
    expect(smsSegments(foldForSms(alert))).toEqual({ encoding: "gsm7", characters: 103, segments: 1 });
  });
});
