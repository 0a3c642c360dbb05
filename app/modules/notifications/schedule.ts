/**
 * When an outside message may leave (pure, unit-tested): quiet hours, the daily cap, retry back-off.
 * Vietnam keeps UTC+7 all year (no daylight saving), so its hour is plain arithmetic.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
/** No text message or Zalo message between 21:00 and 07:00 in Vietnam: it waits for 07:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 7;
/** At most this many notices a day per person and channel; the rest roll into one digest the next morning. */
export const DAILY_CAP = 3;
/** Tries before a message is dead (an admin can retry it from /admin/deliveries). */
export const MAX_ATTEMPTS = 8;

export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VN_OFFSET_MS).getUTCHours();
}

export function inQuietHours(at: Date): boolean {
  const hour = vietnamHour(at);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** Midnight of `at`'s Vietnamese day, as an instant. */
export function vietnamDayStart(at: Date): Date {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - VN_OFFSET_MS);
}

/** The next time `hour`:00 in Vietnam at or after `at`. */
export function nextVietnamHour(at: Date, hour: number): Date {
  const candidate = new Date(vietnamDayStart(at).getTime() + hour * 3_600_000);
  return candidate >= at ? candidate : new Date(candidate.getTime() + 86_400_000);
}

/** When a message due at `at` may leave: at once, or at the end of the quiet hours. */
export function sendableAt(at: Date): Date {
  return inQuietHours(at) ? nextVietnamHour(at, QUIET_UNTIL_HOUR) : at;
}

/** Wait before try number `attempts + 1`: 30 s, 1 min, 2 min, … at most an hour; a provider's Retry-After wins if longer. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  const backoff = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.max(backoff, retryAfterMs ?? 0);
}
