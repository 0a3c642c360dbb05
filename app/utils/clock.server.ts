/**
 * The one clock. Anything that depends on "today" (expiry, follow-ups, expungement, rate limits) reads
 * `now()`, so tests can move time without touching the system clock.
 */
let offsetMs = 0;
let fixed: Date | undefined;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs);
}

/** Tests only: pin the clock to a date, or move it forward by a number of milliseconds. */
export function setClock(options: { at?: Date; offsetMs?: number } | undefined): void {
  fixed = options?.at;
  offsetMs = options?.offsetMs ?? 0;
}

/** Today's date in Vietnam (YYYY-MM-DD): closing dates and deadlines are Vietnamese calendar days. */
export function todayIso(at: Date = now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
