/**
 * Times, date-times and shares (staff pages, the audit log, reminders, the clock): the formatters of
 * `format.ts`, kept the same way, in a module of their own so that public pages' browser code stays small.
 */
import type { Locale } from "../../db/enums";
import { INTL, keep, toDate, VIETNAM } from "./format";

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
