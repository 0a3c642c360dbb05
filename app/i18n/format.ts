/**
 * Dates, times, money and numbers for readers in both languages. The one place that formats with Intl
 * (ESLint's no-restricted-syntax refuses `new Intl.*` and `toLocaleString()` elsewhere in app/).
 *
 * Every formatter is made once per locale and options and kept: making one costs 36–75 µs, using a kept
 * one ~1 µs, and a search page formats a number per facet option and a date and a wage per job card.
 */
import type { Locale } from "../../db/enums";

const INTL: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };
const VIETNAM = "Asia/Ho_Chi_Minh";

const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The formatter kept under `key` (the locale and options it was made with), made on first use. */
function keep<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = kept.get(key) as T | undefined;
  if (!formatter) kept.set(key, (formatter = make()));
  return formatter;
}

const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

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

/** A share as a percentage with at most one decimal: 0.125 → "12,5 %" / "12.5%". */
export function formatPercent(value: number, locale: Locale = "vi"): string {
  const tag = INTL[locale];
  return keep(
    `percent ${tag}`,
    () => new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }),
  ).format(value);
}

/** "09:30": the time of day in Vietnam (UTC+7 all year), 24-hour clock. */
export function formatClock(value: Date | string): string {
  return keep(
    "clock",
    () => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: VIETNAM }),
  ).format(toDate(value));
}

/** "21/11/2026 14:05" in Vietnam's time. */
export function formatDateTime(value: Date | string): string {
  return keep(
    "date-time",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: VIETNAM,
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }),
  )
    .format(toDate(value))
    .replace(",", "");
}

/** "21/11 14:05" in Vietnam's time (no year: lists of recent deliveries). */
export function formatDayTime(value: Date | string): string {
  return keep(
    "day-time",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: VIETNAM,
        day: "2-digit",
        month: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }),
  )
    .format(toDate(value))
    .replace(",", "");
}

/** Vietnamese short date and time ("14:05 21/11/2026"), with seconds when `seconds` is set (the audit log). */
export function formatViDateTime(value: Date | string, seconds = false): string {
  const timeStyle = seconds ? "medium" : "short";
  return keep(
    `vi-date-time ${timeStyle}`,
    () => new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle, timeZone: VIETNAM }),
  ).format(toDate(value));
}

/** The calendar date in Vietnam as YYYY-MM-DD (closing dates and deadlines are Vietnamese calendar days). */
export function isoDateInVietnam(at: Date): string {
  return keep(
    "iso-date",
    () => new Intl.DateTimeFormat("en-CA", { timeZone: VIETNAM, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(at);
}
