import fs from "node:fs";

import { isoDateInVietnam } from "~/i18n/format-more";

/**
 * The one clock. Anything that depends on "today" (expiry, follow-ups, expungement, rate limits) reads
 * `now()`, so tests can move time without touching the system clock.
 */
let offsetMs = 0;
let fixed: Date | undefined;

// Browser tests move a running app's clock through a file (TEST_CLOCK_FILE holds an offset in days); read
// straight from process.env so this module stays free of the env schema's imports.
const clockFile = process.env.TEST_CLOCK_FILE;
let fileOffsetMs = 0;
let fileMtimeMs = -1;

function offsetFromFile(): number {
  if (!clockFile) return 0;
  try {
    const stat = fs.statSync(clockFile);
    if (stat.mtimeMs !== fileMtimeMs) {
      fileMtimeMs = stat.mtimeMs;
      const days = Number(fs.readFileSync(clockFile, "utf8").trim() || "0");
      fileOffsetMs = Number.isFinite(days) ? days * 86_400_000 : 0;
    }
  } catch {
    fileOffsetMs = 0; // no file yet: real time
  }
  return fileOffsetMs;
}

export function now(): Date {
  return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs + offsetFromFile());
}

/**
 * Session time (idle timeouts, lifetimes): real time, moved only by `setSessionClock`. Not by `setClock` or
 * TEST_CLOCK_FILE, because tests move the calendar by months while staying logged in (decisions 014, 017).
 */
let sessionOffsetMs = 0;
export function sessionNow(): Date {
  return new Date(Date.now() + sessionOffsetMs);
}

/** Tests only: move session time forward by a number of milliseconds (0 to go back to real time). */
export function setSessionClock(offset = 0): void {
  sessionOffsetMs = offset;
}

/** Tests only: pin the clock to a date, or move it forward by a number of milliseconds. */
export function setClock(options: { at?: Date; offsetMs?: number } | undefined): void {
  fixed = options?.at;
  offsetMs = options?.offsetMs ?? 0;
}

/** Today's date in Vietnam (YYYY-MM-DD): closing dates and deadlines are Vietnamese calendar days. */
export function todayIso(at: Date = now()): string {
  return isoDateInVietnam(at);
}
