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
