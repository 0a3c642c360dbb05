import crypto from "node:crypto";

import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";

import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { now } from "~/utils/clock.server";
import { log } from "~/utils/log.server";
import { toE164 } from "~/utils/phone";

import { type Database, db } from "../../../db/client.server";
import { appUser, loginAttempt, type Role } from "../../../db/schema";
import type { Identifier } from "./identifier";
import { type Attempt, lockedUntil, LOCKOUT, minutesUntil } from "./lockout";

/**
 * Limits, stored in PostgreSQL so every app instance enforces the same ones (decision 017). Per account:
 * a lock after every 5 failures, growing 1, 2, 4 ... 60 minutes. Per client address: 30 failures in a
 * sliding 15 minutes, whichever accounts they were on (one office or phone network shares an address).
 */
export const LOGIN_LIMITS = { perIdentifier: LOCKOUT.failuresPerRound, perIp: 30, windowMinutes: 15 } as const;

export type LoginOutcome =
  | { ok: true; userId: string; role: Role }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * What the attempts are counted under: the account for an existing one (its email and phone share one
 * count), else a hash of what was typed (no personal data stored for strangers' typing).
 */
export function attemptKey(identifier: Identifier, userId: string | undefined): string {
  if (userId) return `acct:${userId}`;
  return `id:${crypto.createHash("sha256").update(`${identifier.kind}:${identifier.value}`).digest("hex").slice(0, 32)}`;
}

async function accountAttempts(tx: Tx, key: string, at: Date): Promise<Attempt[]> {
  const horizon = new Date(at.getTime() - LOCKOUT.memoryHours * 3_600_000);
  const rows = await tx
    .select({ at: loginAttempt.attemptedAt, succeeded: loginAttempt.succeeded })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.identifier, key), gt(loginAttempt.attemptedAt, horizon)))
    .orderBy(asc(loginAttempt.attemptedAt));
  return rows.map((r) => ({ at: r.at, succeeded: r.succeeded === "yes" }));
}

/**
 * When the address's lock ends, if it is on. A success does not reset it: else one valid account could be
 * used to reset the count while guessing the passwords of others.
 */
async function addressLockedUntil(tx: Tx, ip: string, at: Date): Promise<Date | null> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60_000;
  const recent = await tx
    .select({ at: loginAttempt.attemptedAt })
    .from(loginAttempt)
    .where(
      and(
        eq(loginAttempt.ip, ip),
        eq(loginAttempt.succeeded, "no"),
        gt(loginAttempt.attemptedAt, new Date(at.getTime() - windowMs)),
      ),
    )
    .orderBy(desc(loginAttempt.attemptedAt))
    .limit(LOGIN_LIMITS.perIp);
  if (recent.length < LOGIN_LIMITS.perIp) return null;
  // Free again once the oldest of the last `perIp` failures leaves the window.
  return new Date(recent[recent.length - 1]!.at.getTime() + windowMs);
}

type Reservation = { lockedUntil: Date } | { attemptId: string; locksForIfWrong: number | null };

/**
 * Check the locks and record this attempt as a failure in one transaction, under advisory locks on the
 * address and the account: parallel guesses each see the others, so 100 at once still get 5 tries. The
 * row becomes a success once the password checks out.
 */
async function reserveAttempt(key: string, ip: string, at: Date): Promise<Reservation> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login-ip:${ip}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${key}`}))`);
    const attempts = await accountAttempts(tx, key, at);
    const until = [lockedUntil(attempts, at), await addressLockedUntil(tx, ip, at)]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (until) return { lockedUntil: until };
    const [row] = await tx
      .insert(loginAttempt)
      .values({ identifier: key, ip, succeeded: "no", attemptedAt: at })
      .returning({ id: loginAttempt.id });
    const lockIfWrong = lockedUntil([...attempts, { at, succeeded: false }], at);
    return { attemptId: row!.id, locksForIfWrong: lockIfWrong ? minutesUntil(lockIfWrong, at) : null };
  });
}

/**
 * The account an identifier names (login, forgotten password): by e-mail, or by phone whether it was stored
 * as typed ("0912345678") or in E.164 ("+84912345678").
 */
export async function findAccount(identifier: Identifier) {
  const where =
    identifier.kind === "email"
      ? eq(appUser.email, identifier.value)
      : inArray(appUser.phone, [...new Set([identifier.value, toE164(identifier.value) ?? identifier.value])]);
  const [user] = await db()
    .select({
      id: appUser.id,
      role: appUser.role,
      email: appUser.email,
      phone: appUser.phone,
      locale: appUser.locale,
      passwordHash: appUser.passwordHash,
      disabledAt: appUser.disabledAt,
    })
    .from(appUser)
    .where(where)
    .limit(1);
  return user;
}

/**
 * Check a login. A locked account or address is refused before the password is looked at, so a correct
 * password during a lock gets the same answer as a wrong one. Unknown accounts cost the same hash check.
 */
export async function attemptLogin(input: {
  identifier: Identifier;
  password: string;
  ip: string;
}): Promise<LoginOutcome> {
  const user = await findAccount(input.identifier);
  const key = attemptKey(input.identifier, user?.id);
  const at = now();
  const reservation = await reserveAttempt(key, input.ip, at);
  if ("lockedUntil" in reservation) {
    return { ok: false, reason: "locked", retryAfterMinutes: minutesUntil(reservation.lockedUntil, at) };
  }

  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    // Operators see lockouts (an attack, or someone who forgot): the account's key, never what was typed.
    if (reservation.locksForIfWrong)
      log.warn("auth", "login locked after repeated failures", undefined, {
        account: key,
        minutes: reservation.locksForIfWrong,
      });
    return { ok: false, reason: "invalid" };
  }
  await db().update(loginAttempt).set({ succeeded: "yes" }).where(eq(loginAttempt.id, reservation.attemptId));
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, userId: user.id, role: user.role };
}

/**
 * Check a logged-in user's current password (the password change form), counted like a login: someone
 * holding an unlocked phone cannot use the form to guess the password.
 */
export async function verifyCurrentPassword(
  userId: string,
  password: string,
  ip: string,
): Promise<"ok" | "invalid" | { locked: number }> {
  const [user] = await db().select({ passwordHash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, userId));
  if (!user) return "invalid";
  const key = `acct:${userId}`;
  const at = now();
  const reservation = await reserveAttempt(key, ip, at);
  if ("lockedUntil" in reservation) return { locked: minutesUntil(reservation.lockedUntil, at) };
  if (!(await verifyPassword(user.passwordHash, password))) return "invalid";
  await db().update(loginAttempt).set({ succeeded: "yes" }).where(eq(loginAttempt.id, reservation.attemptId));
  return "ok";
}
