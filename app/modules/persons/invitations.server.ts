import crypto from "node:crypto";

import { and, count, desc, eq, gt, isNull, like, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

import { hashPassword } from "~/auth/password.server";
import type { StaffScope } from "~/auth/scope.server";
import { endAllSessions } from "~/auth/session.server";
import { normalizePhone } from "~/modules/accounts/identifier";
import { LOGIN_LIMITS } from "~/modules/accounts/login.server";
import { passwordField, refinePasswordAgainst } from "~/modules/accounts/schema.server";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { appUser, loginAttempt, personInvitation, releasedPerson } from "../../../db/schema";
import { personInScope } from "./scope.server";

/**
 * One-time invitations: the officer hands the person a code (on paper or read aloud); with it, the phone
 * number on file and a password of their own, the person opens their account at /activate.
 */

/** No look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V) and letters that are easy to say in Vietnamese. */
export const CODE_ALPHABET = "ACDEFHJKMNPQRTWXY3479";
export const CODE_LENGTH = 8;
export const INVITATION_DAYS = 14;
/** Failed activations: per code (someone holding a code guessing the phone) and per client address. */
export const ACTIVATION_LIMITS = { windowMinutes: LOGIN_LIMITS.windowMinutes, perCode: 5, perIp: 10 } as const;

export function generateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "abcd efgh", "ABCD-EFGH" and "abcdefgh" are the same code; anything else is null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s.\-_]/g, "");
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** Written in two groups of four, easier to copy and to read aloud. */
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const hashCode = (code: string) => crypto.createHash("sha256").update(code).digest("hex");

export type IssuedInvitation = { code: string; link: string; expiresAt: Date; fullName: string; hasAccount: boolean };

/**
 * Issue a fresh invitation for a person in the officer's scope; earlier unused ones stop working. A person
 * who already has an account gets one too: activating it sets a new password (forgotten passwords).
 */
export async function issueInvitation(scope: StaffScope, personId: string): Promise<IssuedInvitation | undefined> {
  const [person] = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      status: releasedPerson.status,
      userId: releasedPerson.userId,
    })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return undefined;
  const code = generateCode();
  const at = now();
  const expiresAt = daysAfter(at, INVITATION_DAYS);
  await db().transaction(async (tx) => {
    // Void, not delete: the history of who was invited when stays for the person's own export.
    await tx
      .update(personInvitation)
      .set({ expiresAt: at })
      .where(
        and(
          eq(personInvitation.personId, personId),
          isNull(personInvitation.usedAt),
          gt(personInvitation.expiresAt, at),
        ),
      );
    await tx
      .insert(personInvitation)
      .values({ personId, codeHash: hashCode(code), expiresAt, createdBy: scope.actorId, createdAt: at });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "invite", "account", {
      expiresAt: expiresAt.toISOString(),
    });
  });
  return {
    code: formatCode(code),
    link: `/activate?code=${code}`,
    expiresAt,
    fullName: person.fullName,
    hasAccount: person.userId !== null,
  };
}

/** The latest invitation of a person in scope (never its code): for the officer's invite page. */
export async function invitationStatus(scope: StaffScope, personId: string) {
  const [person] = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      phone: releasedPerson.phone,
      userId: releasedPerson.userId,
      status: releasedPerson.status,
    })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return undefined;
  const [latest] = await db()
    .select({
      createdAt: personInvitation.createdAt,
      expiresAt: personInvitation.expiresAt,
      usedAt: personInvitation.usedAt,
    })
    .from(personInvitation)
    .where(eq(personInvitation.personId, personId))
    .orderBy(desc(personInvitation.createdAt))
    .limit(1);
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      hasPhone: person.phone !== null,
      hasAccount: person.userId !== null,
      status: person.status,
    },
    latest: latest ?? null,
  };
}

export const activationSchema = z
  .object({
    code: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required" })
      .max(40)
      .transform(
        (s, ctx) =>
          normalizeCode(s) ?? (ctx.addIssue({ code: "custom", message: "self.activate.error.codeFormat" }), z.NEVER),
      ),
    phone: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required" })
      .transform(
        (s, ctx) => normalizePhone(s) ?? (ctx.addIssue({ code: "custom", message: "validation.phone" }), z.NEVER),
      ),
    password: passwordField,
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm)
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
    refinePasswordAgainst(ctx, v.password, { phone: v.phone });
  });
export type ActivationInput = z.output<typeof activationSchema>;

export type ActivationOutcome =
  { ok: true; userId: string; personId: string } | { ok: false; errors: FieldErrors; status: 400 | 429 };

async function failures(where: SQL | undefined, since: Date) {
  const [row] = await db()
    .select({ n: count() })
    .from(loginAttempt)
    .where(and(where, eq(loginAttempt.succeeded, "no"), gt(loginAttempt.attemptedAt, since)));
  return Number(row?.n ?? 0);
}

/**
 * Open the person's account with a valid code, the phone number on file (or, with none on file, the one
 * they give, which is then saved) and their new password. Failures are counted like logins, in
 * login_attempt under "invite:<hash prefix>", and nothing is created unless everything checks out.
 */
export async function activateAccount(input: ActivationInput & { ip: string }): Promise<ActivationOutcome> {
  const hash = hashCode(input.code);
  const key = `invite:${hash.slice(0, 16)}`;
  const at = now();
  const since = new Date(at.getTime() - ACTIVATION_LIMITS.windowMinutes * 60_000);
  const [byCode, byIp] = await Promise.all([
    failures(eq(loginAttempt.identifier, key), since),
    failures(and(eq(loginAttempt.ip, input.ip), like(loginAttempt.identifier, "invite:%")), since),
  ]);
  if (byCode >= ACTIVATION_LIMITS.perCode || byIp >= ACTIVATION_LIMITS.perIp) {
    return {
      ok: false,
      status: 429,
      errors: { _form: { key: "login.error.locked", vars: { minutes: ACTIVATION_LIMITS.windowMinutes } } },
    };
  }
  const fail = async (errors: FieldErrors): Promise<ActivationOutcome> => {
    await db().insert(loginAttempt).values({ identifier: key, ip: input.ip, succeeded: "no", attemptedAt: now() });
    return { ok: false, status: 400, errors };
  };

  const [found] = await db()
    .select({
      invitationId: personInvitation.id,
      personId: releasedPerson.id,
      fullName: releasedPerson.fullName,
      phone: releasedPerson.phone,
      userId: releasedPerson.userId,
    })
    .from(personInvitation)
    .innerJoin(releasedPerson, eq(releasedPerson.id, personInvitation.personId))
    .where(
      and(
        eq(personInvitation.codeHash, hash),
        isNull(personInvitation.usedAt),
        gt(personInvitation.expiresAt, at),
        isNull(releasedPerson.anonymizedAt),
      ),
    );
  if (!found) return fail({ code: { key: "self.activate.error.code" } });
  if (found.phone !== null && found.phone !== input.phone) return fail({ phone: { key: "self.activate.error.phone" } });

  const [taken] = await db().select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, input.phone));
  if (taken && taken.id !== found.userId) return fail({ phone: { key: "register.error.phoneTaken" } });

  const passwordHash = await hashPassword(input.password);
  const userId = await db().transaction(async (tx) => {
    // Claim the invitation first: of two simultaneous activations, only one gets the row.
    const [claimed] = await tx
      .update(personInvitation)
      .set({ usedAt: at })
      .where(and(eq(personInvitation.id, found.invitationId), isNull(personInvitation.usedAt)))
      .returning({ id: personInvitation.id });
    if (!claimed) return null;
    let id = found.userId;
    if (id) {
      // A new invitation for someone with an account: a new password, same account.
      await tx.update(appUser).set({ passwordHash }).where(eq(appUser.id, id));
    } else {
      const [user] = await tx
        .insert(appUser)
        .values({ role: "person", phone: input.phone, email: null, fullName: found.fullName, passwordHash })
        .returning({ id: appUser.id });
      id = user.id;
    }
    await tx
      .update(releasedPerson)
      .set({ userId: id, phone: found.phone ?? input.phone, updatedAt: sql`now()` })
      .where(eq(releasedPerson.id, found.personId));
    await audit(tx, { id, role: "person" }, found.personId, "activate", "account", {
      passwordReset: found.userId !== null,
      phoneAdded: found.phone === null,
    });
    return id;
  });
  if (!userId) return fail({ code: { key: "self.activate.error.code" } });
  // A password reset logs out every other device that was still signed in.
  if (found.userId) await endAllSessions(found.userId);
  await db().insert(loginAttempt).values({ identifier: key, ip: input.ip, succeeded: "yes", attemptedAt: now() });
  return { ok: true, userId, personId: found.personId };
}
