import { eq } from "drizzle-orm";

import { hashPassword } from "~/auth/password.server";
import { endAllSessions, SESSION_POLICY, type SessionUser } from "~/auth/session.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { appUser } from "../../../db/schema";
import { verifyCurrentPassword } from "./login.server";
import { isPersonalPassword } from "./password-rules";
import type { ChangePasswordInput } from "./schema.server";

export type ChangePasswordOutcome = { ok: true } | { ok: false; status: 400 | 429; errors: FieldErrors };

/**
 * A logged-in user changes their password: the current one first (counted like a login, so the form cannot
 * be used to guess it), then the new one under the password rules. Every session of the user ends (the
 * caller opens a fresh one for this device): whoever else knew the old password is logged out.
 */
export async function changePassword(
  user: SessionUser,
  input: ChangePasswordInput,
  ip: string,
): Promise<ChangePasswordOutcome> {
  if (isPersonalPassword(input.password, user)) {
    return { ok: false, status: 400, errors: { password: { key: "account.password.personal" } } };
  }
  const check = await verifyCurrentPassword(user.id, input.currentPassword, ip);
  if (check === "invalid")
    return { ok: false, status: 400, errors: { currentPassword: { key: "account.password.wrongCurrent" } } };
  if (check !== "ok")
    return {
      ok: false,
      status: 429,
      errors: { _form: { key: "login.error.locked", vars: { minutes: check.locked } } },
    };
  await db()
    .update(appUser)
    .set({ passwordHash: await hashPassword(input.password) })
    .where(eq(appUser.id, user.id));
  // Migration 0008's trigger already ended them; said here too, so the rule does not rest on the trigger alone.
  await endAllSessions(user.id);
  return { ok: true };
}

/** The role's idle timeout and lifetime in the largest whole unit, for the account page. */
export function sessionLimits(role: SessionUser["role"]) {
  const { idleMinutes, lifetimeHours } = SESSION_POLICY[role];
  const unit = (minutes: number) =>
    minutes % 1440 === 0
      ? ({ key: "account.duration.days", count: minutes / 1440 } as const)
      : minutes % 60 === 0
        ? ({ key: "account.duration.hours", count: minutes / 60 } as const)
        : ({ key: "account.duration.minutes", count: minutes } as const);
  return { idle: unit(idleMinutes), lifetime: unit(lifetimeHours * 60) };
}
