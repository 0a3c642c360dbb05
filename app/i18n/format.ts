/**
 * Dates, times, money and numbers for readers in both languages. The one place that formats with Intl
 * (ESLint's no-restricted-syntax refuses `new Intl.*` and `toLocaleString()` elsewhere in app/).
 *
 * Every formatter is made once per locale and options and kept: making one costs 36–75 µs, using a kept
 * one ~1 µs, and a search page formats a number per facet option and a date and a wage per job card.
 * What public pages show (dates, money, numbers) is here; times, date-times and shares are in
 * `format-more.ts`, so the browser code of every page does not carry them (the 100 KB budget).
 */
import type { Locale } from "../../db/enums";

export const INTL: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
export const VIETNAM = "Asia/Ho_Chi_Minh";

const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The formatter kept under `key` (the locale and options it was made with), made on first use. */
export function keep<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = kept.get(key) as T | undefined;
  if (!formatter) kept.set(key, (formatter = make()));
  return formatter;
}

export const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** dd/MM/yyyy in both languages, in Vietnam's time zone. */
export function formatDate(value: Date | string | null | undefined, locale: Locale = "vi"): string {
  if (!value) return "";
  const tag = INTL[locale];
  return keep(
    `date ${tag}`,
    () => new Intl.DateTimeFormat(tag, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: VIETNAM }),
  ).format(toDate(value));
}

/** "5.500.000 ₫" for Vietnamese readers, "5,500,000 VND" in English. */
export function formatVnd(amount: number, locale: Locale = "vi"): string {
  const tag = locale === "vi" ? "vi-VN" : "en-GB";
  const figure = keep(`vnd ${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })).format(amount);
  return locale === "vi" ? `${figure} ₫` : `${figure} VND`;
}

/** "1.234" in Vietnamese, "1,234" in English (what `n.toLocaleString("vi-VN")` gives). */
export function formatNumber(value: number, locale: Locale = "vi"): string {
  const tag = INTL[locale];
  return keep(`number ${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}
