import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formValues, readForm } from "~/utils/forms";
import { cleanText, queryOf } from "~/utils/text";

/* Text at the boundary (app/utils/text.ts): one form of every string, whatever the keyboard or client sent. */

// The same replay switch as the integration fuzzing (tests/setup/fuzz.ts), without loading the database code.
const options = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_260_007, numRuns: 300 };
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ maxLength: 40 }),
);
const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("cleanText", () => {
  it("makes decomposed and precomposed Vietnamese the same string", () => {
    const typed = "Nguyễn Văn Hùng, Đắk Lắk, Thừa Thiên Huế";
    const decomposed = typed.normalize("NFD");
    expect(decomposed).not.toBe(typed);
    expect(cleanText(decomposed)).toBe(typed);
    expect(cleanText(typed)).toBe(typed);
  });

  it("drops NUL, which PostgreSQL cannot store, and keeps the other control characters and line breaks", () => {
    expect(cleanText("a\u0000b\u0000")).toBe("ab");
    expect(cleanText("dòng 1\r\ndòng 2\tcột")).toBe("dòng 1\r\ndòng 2\tcột");
  });

  it("turns a lone surrogate into U+FFFD and keeps whole emoji", () => {
    expect(cleanText("a\uD800b")).toBe("a\uFFFDb");
    expect(cleanText("\uDFFF")).toBe("\uFFFD");
    expect(cleanText("👩‍👩‍👧 🇻🇳")).toBe("👩‍👩‍👧 🇻🇳");
  });

  it("for any text: NFC, no NUL, well-formed, idempotent, and NFD or NFC in gives the same out", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = cleanText(text);
        expect(out).toBe(out.normalize("NFC"));
        expect(out).not.toContain("\u0000");
        expect(isWellFormed(out)).toBe(true);
        expect(cleanText(out)).toBe(out);
        if (isWellFormed(text)) expect(cleanText(text.normalize("NFD"))).toBe(cleanText(text.normalize("NFC")));
      }),
      options,
    );
  });
});

describe("formValues and readForm", () => {
  it("clean every name and value, keep repeated names as lists, and never turn __proto__ into a prototype", () => {
    const form = new FormData();
    form.append("fullName", "Lê Thị Hồng".normalize("NFD"));
    form.append("trades", "72311");
    form.append("trades", "a\u0000b");
    form.append("__proto__", "x");
    form.append("__proto__", "y");
    form.append("ghi chú".normalize("NFD"), "ok");
    const values = formValues(form);
    expect(values.fullName).toBe("Lê Thị Hồng");
    expect(values.trades).toEqual(["72311", "ab"]);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.hasOwn(values, "__proto__")).toBe(true);
    expect(values["ghi chú"]).toBe("ok");
  });

  it("read a urlencoded body with an encoded NUL and decomposed text, and count a malformed body as an empty form", async () => {
    const body = new URLSearchParams({ note: `${"Huế".normalize("NFD")}\u0000` });
    const ok = await readForm(
      new Request("http://localhost/", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      }),
    );
    expect(ok).toEqual({ note: "Huế" });
    const broken = await readForm(
      new Request("http://localhost/", {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=x" },
        body: "--x\r\nnot a part",
      }),
    );
    expect(broken).toEqual({});
  });
});

describe("queryOf", () => {
  it("cleans the query string's names and values, keeping repeated names", () => {
    const url = `http://localhost/jobs?q=${encodeURIComponent("sửa xe".normalize("NFD"))}%00&type=full_time&type=part_time`;
    const query = queryOf(new Request(url));
    expect(query.get("q")).toBe("sửa xe");
    expect(query.getAll("type")).toEqual(["full_time", "part_time"]);
  });
});
