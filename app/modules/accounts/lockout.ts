/**
 * Lockout with back-off, as a pure function of the recorded attempts (decision 017). Every app instance
 * reads the same rows from login_attempt, so they agree without sharing memory.
 */
export const LOCKOUT = {
  /** Failures in a row that lock the account. */
  failuresPerRound: 5,
  /** The first lock; each further round doubles it, up to the cap. */
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  /** Failures older than this (and all before the last success) are forgotten. */
  memoryHours: 24,
} as const;

export type Attempt = { at: Date; succeeded: boolean };

export const lockMinutes = (round: number) => Math.min(LOCKOUT.firstLockMinutes * 2 ** round, LOCKOUT.maxLockMinutes);

/**
 * Replay an account's attempts (oldest first): every `failuresPerRound` failures since the last success
 * start a lock of 1, 2, 4, 8 ... minutes (capped). Attempts refused during a lock are never recorded, so
 * they neither extend the lock nor count towards the next round. Returns when the lock ends, if it is on.
 */
export function lockedUntil(attempts: readonly Attempt[], at: Date): Date | null {
  let round = 0;
  let failures = 0;
  let until: Date | null = null;
  for (const attempt of attempts) {
    if (attempt.succeeded) {
      round = 0;
      failures = 0;
      until = null;
      continue;
    }
    failures += 1;
    if (failures >= LOCKOUT.failuresPerRound) {
      until = new Date(attempt.at.getTime() + lockMinutes(round) * 60_000);
      round += 1;
      failures = 0;
    }
  }
  return until && until.getTime() > at.getTime() ? until : null;
}

/** Whole minutes to wait, never 0 while locked: the login page says "thử lại sau N phút". */
export const minutesUntil = (until: Date, at: Date) =>
  Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 60_000));
