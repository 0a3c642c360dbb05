import { describe, expect, it } from "vitest";

import { correctQuery, correctShortWord, isShortWord, oneEditAfterFirst } from "~/modules/search/words";
import { foldText as fold } from "~/utils/text";

describe("fold", () => {
  it("drops accents and đ, and lowers case, as Meilisearch and ct_fold do", () => {
    expect(fold("Thợ Sửa Xe Máy")).toBe("tho sua xe may");
    expect(fold("Đắk Lắk đường")).toBe("dak lak duong");
  });
});

describe("oneEditAfterFirst", () => {
  it.each([
    ["mai", "may"], // substitution
    ["mya", "may"], // two neighbours swapped
    ["phan", "phanh"], // insertion
    ["phanh", "phan"], // deletion
    ["phi", "phu"],
  ])("%s is one edit from %s", (a, b) => expect(oneEditAfterFirst(a, b)).toBe(true));

  it.each([
    ["may", "may"], // the same word is no correction
    ["phi", "chi"], // first letter: Meilisearch counts it as two typos
    ["sua", "xua"],
    ["mai", "mayy"], // two edits
    ["tho", "hto"], // a swap that moves the first letter
  ])("%s is not one edit after the first letter from %s", (a, b) => expect(oneEditAfterFirst(a, b)).toBe(false));
});

describe("correctShortWord", () => {
  const texts = ["Thợ sửa xe máy", "Phụ hồ công trình", "Công nhân may công nghiệp"];

  it("corrects a 3-letter word standing beside the query's neighbouring word", () => {
    expect(correctShortWord("sua xe mai", 2, texts)).toBe("sua xe máy");
    expect(correctShortWord("sua xe mya", 2, texts)).toBe("sua xe máy");
  });

  it("does not correct without a neighbour that vouches for it", () => {
    // "phụ" is one letter from "phi", but "công" does not follow it: "phi công" is not "phụ hồ công trình".
    expect(correctShortWord("phi công", 0, texts)).toBeUndefined();
    expect(correctShortWord("mai", 0, texts)).toBeUndefined();
    expect(correctShortWord("xe mai", 1, ["Xe tải", "Máy xúc"])).toBeUndefined();
  });

  it("leaves longer words to the search engine", () => {
    expect(isShortWord("mai")).toBe(true);
    expect(isShortWord("máy")).toBe(true);
    expect(isShortWord("phanh")).toBe(false);
    expect(isShortWord("123")).toBe(false);
    expect(correctShortWord("sua xe mayy", 2, texts)).toBeUndefined();
  });
});

describe("correctQuery", () => {
  it("looks up, in one batch, the listings matching the other words of each short word, at most two", async () => {
    const asked: string[][] = [];
    const texts = async (others: string[]) => {
      asked.push(others);
      return others.map((other) => (other === "sua xe" ? ["Thợ sửa xe máy"] : []));
    };
    expect(await correctQuery("sua xe mai", texts)).toBe("sua xe máy");
    // "sua" and "mai" are tried; "xe" has 2 letters and is never corrected.
    expect(asked).toEqual([["xe mai", "sua xe"]]);
    asked.length = 0;
    expect(await correctQuery("phi công", texts)).toBeUndefined();
    expect(asked).toEqual([["công"]]);
    asked.length = 0;
    expect(await correctQuery("abc def ghi jkl", texts)).toBeUndefined();
    expect(asked).toEqual([["def ghi jkl", "abc ghi jkl"]]);
    asked.length = 0;
    // Nothing to try: no look-up at all.
    expect(await correctQuery("mai", texts)).toBeUndefined();
    expect(await correctQuery("ke toan truong", texts)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
