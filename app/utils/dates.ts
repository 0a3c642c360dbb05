/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), the one copy for the whole app: pure, no clock, no time
 * zone, no imports (client-safe). "Today" comes from `todayIso()` in clock.server and is passed in.
 */

/** `days` after (or, negative, before) a date: "2026-12-28" + 7 = "2027-01-04". */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A moment `days` × 24 hours after another (expiry times: an invitation, a consent about to lapse). */
export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}

/** Whole days from one date to another (negative when `to` is earlier): "2026-02-27" → "2026-03-01" = 2. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The number of days in a month (1–12) of a year: 29 for February 2024. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Add months to an ISO date; the 29th–31st clamp to the month's last day (29/02 + 1 year = 28/02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = daysInMonth(year, month);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
