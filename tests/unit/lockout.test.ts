import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { type Attempt, lockedUntil, lockMinutes, LOCKOUT, minutesUntil } from "~/modules/accounts/lockout";

/*
 * The back-off rule as a pure function (decision 017). tests/integration/hardening-lockout.test.ts checks
 * the same rule through attemptLogin and the login page, on the real database.
 */

const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);
const MIN = 60_000;
const fail = (minute: number): Attempt => ({ at: new Date(T0 + minute * MIN), succeeded: false });
const ok = (minute: number): Attempt => ({ at: new Date(T0 + minute * MIN), succeeded: true });
const failures = (n: number, fromMinute: number) => Array.from({ length: n }, (_, i) => fail(fromMinute + i * 0.01));

describe("lockMinutes", () => {
  it("doubles from 1 minute and stops at 60", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(lockMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe("lockedUntil", () => {
  it("does not lock before the fifth failure", () => {
    expect(lockedUntil(failures(4, 0), new Date(T0 + 0.1 * MIN))).toBeNull();
  });

  it("locks for a minute at the fifth failure, then for 2, 4 and 8 minutes at the next rounds", () => {
    let attempts: Attempt[] = [];
    let minute = 0;
    for (const expected of [1, 2, 4, 8]) {
      attempts = [...attempts, ...failures(5, minute)];
      const last = attempts[attempts.length - 1]!.at.getTime();
      const until = lockedUntil(attempts, new Date(last));
      expect(until && (until.getTime() - last) / MIN).toBe(expected);
      minute = (until!.getTime() - T0) / MIN + 0.5; // the next round starts after this lock has run out
      expect(lockedUntil(attempts, new Date(T0 + minute * MIN))).toBeNull();
    }
  });

  it("forgets everything before a success", () => {
    const attempts = [...failures(14, 0), ok(1), ...failures(4, 2)];
    expect(lockedUntil(attempts, new Date(T0 + 2.1 * MIN))).toBeNull();
  });

  it("says how many whole minutes are left, never 0 while locked", () => {
    const until = new Date(T0 + 4 * MIN);
    expect(minutesUntil(until, new Date(T0))).toBe(4);
    expect(minutesUntil(until, new Date(T0 + 3.5 * MIN))).toBe(1);
    expect(minutesUntil(until, new Date(T0 + 1.2 * MIN))).toBe(3);
  });

  // Any history of attempts, sorted by time: the rule's invariants hold for all of them.
  const history = fc
    .array(fc.record({ minute: fc.double({ min: 0, max: 24 * 60, noNaN: true }), succeeded: fc.boolean() }), {
      maxLength: 120,
    })
    .map((xs) =>
      xs
        .sort((a, b) => a.minute - b.minute)
        .map((x) => ({ at: new Date(T0 + x.minute * MIN), succeeded: x.succeeded })),
    );

  it("never locks for longer than the cap, and only after 5 failures since the last success", () => {
    fc.assert(
      fc.property(history, fc.double({ min: 0, max: 2 * 60, noNaN: true }), (attempts, afterMinutes) => {
        // Asked at or after the last recorded attempt, as the login does.
        const last = attempts.length ? attempts[attempts.length - 1]!.at.getTime() : T0;
        const at = new Date(last + afterMinutes * MIN);
        const until = lockedUntil(attempts, at);
        if (!until) return;
        expect(until.getTime() - at.getTime()).toBeLessThanOrEqual(LOCKOUT.maxLockMinutes * MIN);
        const sinceSuccess = attempts.slice(attempts.map((a) => a.succeeded).lastIndexOf(true) + 1);
        expect(sinceSuccess.length).toBeGreaterThanOrEqual(LOCKOUT.failuresPerRound);
      }),
    );
  });

  it("is over for good once the longest possible lock has passed after the last failure", () => {
    fc.assert(
      fc.property(history, (attempts) => {
        const last = attempts.length ? attempts[attempts.length - 1]!.at.getTime() : T0;
        expect(lockedUntil(attempts, new Date(last + LOCKOUT.maxLockMinutes * MIN))).toBeNull();
      }),
    );
  });

  it("more failures never shorten a lock", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 10 }), (attempts, extra) => {
        const last = attempts.length ? attempts[attempts.length - 1]!.at.getTime() : T0;
        const at = new Date(last + 1);
        const before = lockedUntil(attempts, at)?.getTime() ?? 0;
        const more = [
          ...attempts,
          ...Array.from({ length: extra }, (_, i) => ({ at: new Date(last + 1 + i), succeeded: false })),
        ];
        expect(lockedUntil(more, new Date(last + 1 + extra))?.getTime() ?? 0).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
