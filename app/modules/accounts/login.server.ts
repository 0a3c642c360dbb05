import { and, count, eq, gt, max } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { appUser, loginAttempt, type Role } from "../../../db/schema";
import { dummyPasswordHash, verifyPassword } from "../../auth/password.server";
import { now } from "../../utils/clock.server";
import type { Identifier } from "./identifier";

/** Rate limits: per account and per client address, over a sliding window. Stored in PostgreSQL so
 * every app instance enforces the same count. */
export const LOGIN_LIMITS = { windowMinutes: 15, perIdentifier: 5, perIp: 30 } as const;

export type LoginOutcome =
  | { ok: true; userId: string; role: Role }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Failures in the window. For an account, a correct login resets its count; for a client address it does
 * not, or one valid account could be used to reset the limit while guessing the passwords of others.
 */
async function failuresSince(
  column: typeof loginAttempt.identifier | typeof loginAttempt.ip,
  value: string,
  since: Date,
  options: { resetOnSuccess: boolean },
) {
  let from = since;
  if (options.resetOnSuccess) {
    const [last] = await db()
      .select({ at: max(loginAttempt.attemptedAt) })
      .from(loginAttempt)
      .where(and(eq(column, value), eq(loginAttempt.succeeded, "yes"), gt(loginAttempt.attemptedAt, since)));
    if (last?.at && last.at > since) from = last.at;
  }
  const [row] = await db()
    .select({ n: count() })
    .from(loginAttempt)
    .where(and(eq(column, value), eq(loginAttempt.succeeded, "no"), gt(loginAttempt.attemptedAt, from)));
  return Number(row?.n ?? 0);
}

export async function attemptLogin(input: { identifier: Identifier; password: string; ip: string }): Promise<LoginOutcome> {
  const key = `${input.identifier.kind}:${input.identifier.value}`;
  const since = new Date(now().getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byIdentifier, byIp] = await Promise.all([
    failuresSince(loginAttempt.identifier, key, since, { resetOnSuccess: true }),
    failuresSince(loginAttempt.ip, input.ip, since, { resetOnSuccess: false }),
  ]);
  if (byIdentifier >= LOGIN_LIMITS.perIdentifier || byIp >= LOGIN_LIMITS.perIp) {
    return { ok: false, reason: "locked", retryAfterMinutes: LOGIN_LIMITS.windowMinutes };
  }

  const column = input.identifier.kind === "email" ? appUser.email : appUser.phone;
  const [user] = await db()
    .select({ id: appUser.id, role: appUser.role, passwordHash: appUser.passwordHash, disabledAt: appUser.disabledAt })
    .from(appUser)
    .where(eq(column, input.identifier.value))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

  await db()
    .insert(loginAttempt)
    .values({ identifier: key, ip: input.ip, succeeded: valid && user ? "yes" : "no", attemptedAt: now() });

  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, userId: user.id, role: user.role };
}
