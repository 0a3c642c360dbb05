import crypto from "node:crypto";

import { and, count, desc, eq, gt, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";

import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import { getEnv } from "~/env.server";
import { translator } from "~/i18n";
import { audit } from "~/modules/audit/audit.server";
import { queueTransactional } from "~/modules/notifications/deliveries.server";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import { log } from "~/utils/log.server";
import { toE164 } from "~/utils/phone";
import { wakeWorker } from "~/utils/worker-signal.server";

import { db, type Executor } from "../../../db/client.server";
import { appUser, loginAttempt, passwordReset, releasedPerson } from "../../../db/schema";
import type { Identifier } from "./identifier";
import { attemptKey, findAccount } from "./login.server";
import { isPersonalPassword } from "./password-rules";
import type { ResetCodeInput, ResetLinkInput } from "./schema.server";

/**
 * A forgotten password (issue 13 §4): a 6-digit code by SMS for a phone number, a link by e-mail for an
 * address. Only the SHA-256 of a code or token is stored (`password_reset.secret_hash`). Limits are counted
 * from `password_reset` rows in a sliding hour: per account, per number or address, per client address. The
 * answer never says whether an account exists: a request for nobody writes a row too (user_id null), so it
 * is counted like any other, and sends nothing.
 */
export const RECOVERY = {
  codeMinutes: 10,
  linkMinutes: 30,
  /** Wrong tries a code survives; the fifth wrong one kills it. */
  maxAttempts: 5,
  perAccount: 3,
  perAddress: 3,
  perIp: 10,
  windowMinutes: 60,
} as const;

export type ResetRequestOutcome = { channel: "sms"; masked: string } | { channel: "email" };
export type ResetOutcome = { ok: true; userId: string } | { ok: false; errors: FieldErrors };

type ResetRow = typeof passwordReset.$inferSelect;

const sha256 = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

/** The same hash, compared in constant time. */
function secretMatches(row: Pick<ResetRow, "secretHash">, secret: string): boolean {
  if (!row.secretHash) return false;
  const a = Buffer.from(row.secretHash, "hex");
  const b = Buffer.from(sha256(secret), "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** "+84912345678" or "0912345678" → "091****678": enough for the person to recognise their number. */
export function maskPhone(phone: string): string {
  const e164 = toE164(phone);
  const national = e164?.startsWith("+84") ? `0${e164.slice(3)}` : phone.replace(/\D/g, "");
  return national.length < 7 ? "*".repeat(national.length) : `${national.slice(0, 3)}****${national.slice(-3)}`;
}

/** Where a request is counted and sent: the number in E.164, or the address as normalised. */
const addressOf = (identifier: Identifier) =>
  identifier.kind === "phone" ? (toE164(identifier.value) ?? identifier.value) : identifier.value;

/** A link token: 32 random bytes, base64url (43 characters). */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** Which limit a request is over, if any (the rows of the last hour, this one not yet written). */
async function overLimit(
  tx: Executor,
  at: Date,
  by: { userId: string | null; address: string; ip: string },
): Promise<"account" | "address" | "ip" | null> {
  const since = gt(passwordReset.createdAt, new Date(at.getTime() - RECOVERY.windowMinutes * 60_000));
  const counted = async (where: SQL) => {
    const [row] = await tx.select({ n: count() }).from(passwordReset).where(and(where, since));
    return row?.n ?? 0;
  };
  if (by.userId && (await counted(eq(passwordReset.userId, by.userId))) >= RECOVERY.perAccount) return "account";
  if ((await counted(eq(passwordReset.address, by.address))) >= RECOVERY.perAddress) return "address";
  if ((await counted(eq(passwordReset.requestedIp, by.ip))) >= RECOVERY.perIp) return "ip";
  return null;
}

/**
 * Someone asked for their password back. Whoever they are, they get the same answer (the masked number for
 * a phone): the code or link is sent only when the number or address is an enabled account's and no limit
 * is reached. A newer code or link supersedes the account's older unused ones.
 */
export async function requestPasswordReset(input: {
  identifier: Identifier;
  ip: string;
}): Promise<ResetRequestOutcome> {
  const { identifier, ip } = input;
  const found = await findAccount(identifier);
  const user = found && !found.disabledAt ? found : undefined;
  const address = addressOf(identifier);
  const channel = identifier.kind === "phone" ? "sms" : "email";
  const at = now();
  const minutes = channel === "sms" ? RECOVERY.codeMinutes : RECOVERY.linkMinutes;
  // The same work either way: a secret is drawn and hashed, a row written.
  const secret =
    channel === "sms"
      ? String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")
      : crypto.randomBytes(32).toString("base64url");

  const queued = await db().transaction(async (tx) => {
    // Parallel requests see each other's rows: ten at once still get three codes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reset-ip:${ip}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reset:${address}`}))`);
    const limit = await overLimit(tx, at, { userId: user?.id ?? null, address, ip });
    if (limit) {
      // Operators see floods; the account's key or a hash of the address, never the number itself.
      log.warn("auth", "password reset refused: over the limit", undefined, {
        limit,
        account: attemptKey(identifier, user?.id),
      });
      return false;
    }
    if (user)
      await tx
        .update(passwordReset)
        .set({ expiresAt: at })
        .where(and(eq(passwordReset.userId, user.id), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, at)));
    await tx.insert(passwordReset).values({
      userId: user?.id ?? null,
      channel,
      address,
      secretHash: sha256(secret),
      requestedIp: ip,
      createdAt: at,
      expiresAt: new Date(at.getTime() + minutes * 60_000),
    });
    if (!user) return false;
    const t = translator(user.locale);
    if (channel === "sms")
      await queueTransactional(tx, {
        userId: user.id,
        channel,
        to: address,
        kind: "reset_code",
        body: t("out.reset.code", { code: secret, minutes }),
      });
    else {
      const link = `${getEnv().publicUrl}/reset-password/${secret}`;
      await queueTransactional(tx, {
        userId: user.id,
        channel,
        to: address,
        kind: "reset_link",
        subject: t("out.reset.email.subject"),
        body: t("out.reset.email", { link, minutes }),
        link,
      });
    }
    return true;
  });
  if (queued) wakeWorker();
  return channel === "sms" ? { channel, masked: maskPhone(identifier.value) } : { channel };
}

/** A request still good for a reset: unused, not expired, not killed by wrong tries, for an account. */
const live = (at: Date) =>
  and(
    isNull(passwordReset.usedAt),
    gt(passwordReset.expiresAt, at),
    lt(passwordReset.attempts, RECOVERY.maxAttempts),
    isNotNull(passwordReset.userId),
  );

async function liveLinkRow(executor: Executor, token: string, at: Date): Promise<ResetRow | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const [row] = await executor
    .select()
    .from(passwordReset)
    .where(and(eq(passwordReset.channel, "email"), eq(passwordReset.secretHash, sha256(token)), live(at)))
    .limit(1);
  return row;
}

/** Whether the link's page should show the form (an unknown, used or expired link shows how to ask again). */
export async function resetLinkIsLive(token: string): Promise<boolean> {
  return (await liveLinkRow(db(), token, now())) !== undefined;
}

const codeRefused: ResetOutcome = { ok: false, errors: { code: { key: "recovery.error.code" } } };
const linkRefused: ResetOutcome = { ok: false, errors: { _form: { key: "recovery.error.link" } } };

/**
 * Set the new password of the row's account, in the caller's transaction: the request is used, the account's
 * login lock is lifted (a success, as after an activation) and the reset is in the audit trail. Refused when
 * the password contains the account's own e-mail name or number (nothing is used up then).
 */
async function completeReset(
  tx: Executor,
  row: ResetRow,
  password: string,
  ip: string,
  at: Date,
): Promise<ResetOutcome> {
  const [user] = await tx
    .select({ id: appUser.id, role: appUser.role, email: appUser.email, phone: appUser.phone })
    .from(appUser)
    .where(eq(appUser.id, row.userId!));
  if (!user) return row.channel === "sms" ? codeRefused : linkRefused;
  if (isPersonalPassword(password, user))
    return { ok: false, errors: { password: { key: "account.password.personal" } } };
  await tx
    .update(appUser)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(appUser.id, user.id));
  await tx.update(passwordReset).set({ usedAt: at }).where(eq(passwordReset.id, row.id));
  await tx.insert(loginAttempt).values({ identifier: `acct:${user.id}`, ip, succeeded: "yes", attemptedAt: at });
  const [person] = await tx
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(eq(releasedPerson.userId, user.id));
  await audit(tx, { id: user.id, role: user.role }, person?.id ?? null, "password_reset", "account", {
    channel: row.channel,
  });
  return { ok: true, userId: user.id };
}

/** After a reset every session of the account ends (the password trigger does it too; said here as well). */
async function finish(outcome: ResetOutcome): Promise<ResetOutcome> {
  if (outcome.ok) await endAllSessions(outcome.userId);
  return outcome;
}

/**
 * The code from the SMS, with the number it was sent to. A wrong code counts against the number's live code;
 * its fifth wrong try kills it. Wrong, expired, used or unknown: one answer.
 */
export async function resetWithCode(input: ResetCodeInput & { ip: string }): Promise<ResetOutcome> {
  const address = toE164(input.phone) ?? input.phone;
  const at = now();
  const outcome = await db().transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(passwordReset)
      .where(and(eq(passwordReset.channel, "sms"), eq(passwordReset.address, address), live(at)))
      .orderBy(desc(passwordReset.createdAt), desc(passwordReset.id))
      .limit(1)
      .for("update");
    if (!row) return codeRefused;
    if (!secretMatches(row, input.code)) {
      await tx
        .update(passwordReset)
        .set({ attempts: sql`${passwordReset.attempts} + 1` })
        .where(eq(passwordReset.id, row.id));
      if (row.attempts + 1 >= RECOVERY.maxAttempts)
        log.warn("auth", "password reset code dead after wrong tries", undefined, { account: `acct:${row.userId}` });
      return codeRefused;
    }
    return completeReset(tx, row, input.password, input.ip, at);
  });
  return finish(outcome);
}

/** The link from the e-mail (its token) and the new password. */
export async function resetWithToken(input: ResetLinkInput & { token: string; ip: string }): Promise<ResetOutcome> {
  const at = now();
  const outcome = await db().transaction(async (tx) => {
    const row = await liveLinkRow(tx, input.token, at);
    if (!row) return linkRefused;
    // Lock it, then read it again: of two posts of the same link only one sets the password.
    const [locked] = await tx
      .select()
      .from(passwordReset)
      .where(and(eq(passwordReset.id, row.id), isNull(passwordReset.usedAt)))
      .for("update");
    if (!locked) return linkRefused;
    return completeReset(tx, locked, input.password, input.ip, at);
  });
  return finish(outcome);
}
