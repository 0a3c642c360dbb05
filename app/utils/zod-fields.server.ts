import { z } from "zod";

/** Shared zod building blocks for forms: NFC-normalised trimmed text, numbers typed with separators, lists. */
export const requiredText = (max: number) =>
  z
    .string({ error: "validation.required" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, { error: "validation.required" }).max(max));

export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").normalize("NFC").trim())
    .pipe(z.string().max(max));

/** "5.500.000", "5 500 000" and "5500000" are the same amount. */
export const vndAmount = (opts: { required?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const digits = (s ?? "").replace(/[\s.,₫đ]|vnd/gi, "");
      if (digits === "") {
        if (opts.required) ctx.addIssue({ code: "custom", message: "validation.required" });
        return opts.required ? z.NEVER : 0;
      }
      if (!/^\d{1,12}$/.test(digits)) {
        ctx.addIssue({ code: "custom", message: "validation.amount" });
        return z.NEVER;
      }
      // Amounts are stored as 32-bit integers; a billion đồng a month is beyond any real wage or fee.
      if (Number(digits) > 1_000_000_000) {
        ctx.addIssue({ code: "custom", message: "validation.tooBig" });
        return z.NEVER;
      }
      return Number(digits);
    });

export const positiveInt = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .regex(/^\d+$/, { error: "validation.wholeNumber" })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "validation.wholeNumber" }).max(max, { error: "validation.tooBig" }));

/** A date from <input type="date"> (YYYY-MM-DD) or typed as dd/MM/yyyy. */
export const isoDate = (opts: { required?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? "").trim();
      if (v === "") {
        if (opts.required) {
          ctx.addIssue({ code: "custom", message: "validation.required" });
          return z.NEVER;
        }
        return null;
      }
      const vn = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
      const iso = vn ? `${vn[3]}-${vn[2].padStart(2, "0")}-${vn[1].padStart(2, "0")}` : v;
      const d = new Date(`${iso}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
        ctx.addIssue({ code: "custom", message: "validation.date" });
        return z.NEVER;
      }
      return iso;
    });

/** Checkbox groups and multi-selects: one value, several, or none. */
export const stringList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: "validation.choose" })).max(values.length))
    .transform((v) => [...new Set(v)]);

/** Free-text lists typed as "a, b; c" or one per line. */
export const textList = (maxItems: number, maxLength: number) =>
  z
    .string()
    .optional()
    .transform((s) =>
      (s ?? "")
        .normalize("NFC")
        .split(/[,;\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxLength)).max(maxItems, { error: "validation.tooMany" }));
