import crypto from "node:crypto";

import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { authenticate, startSession } from "~/auth/session.server";
import { getEnv } from "~/env.server";
import { translator } from "~/i18n";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { RECOVERY } from "~/modules/accounts/recovery.server";
import { outboxAdapter } from "~/modules/notifications/channels/outbox.server";
import { deliverDue } from "~/modules/notifications/delivery-worker.server";
import ForgotPassword, { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import ResetPassword, { action as codeAction } from "~/routes/reset-password";
import { action as linkAction, loader as linkLoader } from "~/routes/reset-password_.$token";
import { now, setClock } from "~/utils/clock.server";

import { appUser, auditEvent, delivery, passwordReset } from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOfficerScope } from "../factories/persons";
import { activatedPerson } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, getRequest, postRequest, routeContext } from "../setup/routes";

/*
 * Issue 13 §4: a forgotten password comes back by a 6-digit code by SMS (a phone number) or a link by
 * e-mail (an address), through the real routes and a real database. The SMS goes through the delivery
 * worker once with the dev outbox adapter (no provider is contacted).
 */

const ctx = setupIntegration();
let officer: StaffScope;
beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
});
afterEach(() => setClock(undefined));

const NEW_PASSWORD = "Cay-Tre-Xanh-Ngat-4821";
let ipSerial = 0;
/** A fresh client address per request unless told: the per-IP limit is tested on its own. */
const nextIp = () => `10.77.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}`;

const forgot = (identifier: string, ip = nextIp()) =>
  callRoute(forgotAction, postRequest("/forgot-password", undefined, { identifier }), {}, routeContext(ip));
const withCode = (form: Record<string, string>, ip = nextIp()) =>
  callRoute(codeAction, postRequest("/reset-password", undefined, form), {}, routeContext(ip));
const codeForm = (phone: string, code: string, password = NEW_PASSWORD) => ({
  phone,
  code,
  password,
  passwordConfirm: password,
});
type Refusal = { errors: Record<string, { key: string }>; values: Record<string, unknown> };

const deliveriesOf = (userId: string) =>
  ctx.handle.db.select().from(delivery).where(eq(delivery.recipientId, userId)).orderBy(desc(delivery.id));
const resetsTo = (address: string) =>
  ctx.handle.db.select().from(passwordReset).where(eq(passwordReset.address, address));

/** The code in the newest reset SMS of a user. */
async function latestCode(userId: string): Promise<string> {
  const [sms] = await deliveriesOf(userId);
  const code = /\b(\d{6})\b/.exec(sms?.body ?? "")?.[1];
  if (!code) throw new Error(`no code in ${sms?.body}`);
  return code;
}

const e164 = (phone: string) => `+84${phone.slice(1)}`;
const loginWith = async (phone: string, password: string) =>
  attemptLogin({ identifier: parseIdentifier(phone)!, password, ip: nextIp() });
const userOf = async (cookie: string) =>
  (await authenticate(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user?.id ?? null;

describe("a code by SMS", () => {
  it("reaches the person's phone, sets the new password once, ends every old session and is audited", async () => {
    const person = await activatedPerson(officer, { fullName: "Trần Văn Quên" });
    const oldSession = (await startSession(person.userId)).split(";")[0]!;

    // Typed with spaces: the account is found all the same.
    const asked = await forgot(`${person.phone.slice(0, 4)} ${person.phone.slice(4, 7)} ${person.phone.slice(7)}`);
    expect(asked.status).toBe(302);
    expect(asked.headers.get("Location")).toBe(
      `/reset-password?to=${encodeURIComponent(`${person.phone.slice(0, 3)}****${person.phone.slice(-3)}`)}`,
    );

    const [sms] = await deliveriesOf(person.userId);
    expect(sms).toMatchObject({
      channel: "sms",
      purpose: "transactional",
      kind: "reset_code",
      toAddress: e164(person.phone),
      status: "queued",
    });
    const code = await latestCode(person.userId);
    expect(sms!.body).toBe(translator("vi")("out.reset.code", { code, minutes: RECOVERY.codeMinutes }));
    // Only the hash is kept.
    const [row] = await resetsTo(e164(person.phone));
    expect(row!.secretHash).toBe(crypto.createHash("sha256").update(code).digest("hex"));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(RECOVERY.codeMinutes * 60_000);

    // The worker sends it (the dev outbox stands in for the SMS gateway).
    await deliverDue(ctx.handle.db, { sms: outboxAdapter("sms") });
    const [sent] = await ctx.handle.db.select().from(delivery).where(eq(delivery.id, sms!.id));
    expect(sent!.status).toBe("sent");

    const done = await withCode(codeForm(person.phone, code));
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/login?reset=1");
    expect(await userOf(oldSession)).toBeNull();
    expect((await loginWith(person.phone, NEW_PASSWORD)).ok).toBe(true);
    const [event] = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorId, person.userId), eq(auditEvent.action, "password_reset")));
    expect(event).toMatchObject({ personId: person.personId, purpose: "account", details: { channel: "sms" } });

    // Single use.
    const again = await withCode(codeForm(person.phone, code, "Song-Nui-Xanh-Biec-3517"));
    expect(again.status).toBe(400);
    expect(((await again.json()) as Refusal).errors.code!.key).toBe("recovery.error.code");
    expect((await loginWith(person.phone, "Song-Nui-Xanh-Biec-3517")).ok).toBe(false);
  });

  it("dies after five wrong tries, even for the right code after", async () => {
    const person = await activatedPerson(officer, { fullName: "Lê Văn Gõ Sai" });
    await forgot(person.phone);
    const code = await latestCode(person.userId);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < RECOVERY.maxAttempts; i++) {
      const res = await withCode(codeForm(person.phone, wrong));
      expect(res.status).toBe(400);
    }
    const [row] = await resetsTo(e164(person.phone));
    expect(row!.attempts).toBe(RECOVERY.maxAttempts);
    const late = await withCode(codeForm(person.phone, code));
    expect(late.status).toBe(400);
    expect(((await late.json()) as Refusal).errors.code!.key).toBe("recovery.error.code");
    expect((await loginWith(person.phone, NEW_PASSWORD)).ok).toBe(false);
  });

  it("expires after 10 minutes, and a newer code supersedes the older one", async () => {
    const person = await activatedPerson(officer, { fullName: "Phạm Văn Trễ Hẹn" });
    const start = now();
    setClock({ at: start });
    await forgot(person.phone);
    const first = await latestCode(person.userId);
    setClock({ at: new Date(start.getTime() + (RECOVERY.codeMinutes * 60 + 1) * 1000) });
    expect((await withCode(codeForm(person.phone, first))).status).toBe(400);

    await forgot(person.phone);
    const second = await latestCode(person.userId);
    await forgot(person.phone);
    const third = await latestCode(person.userId);
    if (second !== third) expect((await withCode(codeForm(person.phone, second))).status).toBe(400);
    expect((await withCode(codeForm(person.phone, third))).status).toBe(302);
  });

  it("keeps the code when the new password contains the account's own number", async () => {
    const person = await activatedPerson(officer, { fullName: "Đỗ Văn Số Máy" });
    await forgot(person.phone);
    const code = await latestCode(person.userId);
    const personal = await withCode(codeForm(person.phone, code, `Mk${person.phone}x`));
    expect(personal.status).toBe(400);
    expect(((await personal.json()) as Refusal).errors.password!.key).toBe("account.password.personal");
    expect((await withCode(codeForm(person.phone, code))).status).toBe(302);
  });
});

describe("the same answer whether or not the account exists", () => {
  it("an unknown number gets the same redirect, a counted row and no message", async () => {
    const known = await activatedPerson(officer, { fullName: "Vũ Văn Có Thật" });
    const unknown = uniquePhone();
    const a = await forgot(known.phone);
    const b = await forgot(unknown);
    expect(b.status).toBe(a.status);
    const mask = (p: string) => `/reset-password?to=${encodeURIComponent(`${p.slice(0, 3)}****${p.slice(-3)}`)}`;
    expect([a.headers.get("Location"), b.headers.get("Location")]).toEqual([mask(known.phone), mask(unknown)]);
    const [row] = await resetsTo(e164(unknown));
    expect(row).toMatchObject({ userId: null, channel: "sms" });
    expect(
      await ctx.handle.db
        .select()
        .from(delivery)
        .where(eq(delivery.toAddress, e164(unknown))),
    ).toEqual([]);
    // And a code for it opens nothing.
    expect((await withCode(codeForm(unknown, "123456"))).status).toBe(400);
  });

  it("an unknown e-mail address and a disabled account get the e-mail answer and nothing is sent", async () => {
    const disabled = await createUser({ role: "employer", disabledAt: new Date() });
    const known = await createUser({ role: "employer" });
    const answers = await Promise.all(
      [known.email!, "khong.co.ai@example.vn", disabled.email!].map(async (address) => {
        const res = await forgot(address);
        return [res.status, res.headers.get("Location")];
      }),
    );
    expect(answers).toEqual(Array(3).fill([302, "/forgot-password?sent=email"]));
    expect(await deliveriesOf(disabled.id)).toEqual([]);
    expect(await deliveriesOf(known.id)).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it(`sends at most ${RECOVERY.perAccount} codes an hour to one account, from any address`, async () => {
    const person = await activatedPerson(officer, { fullName: "Hồ Văn Bấm Mãi" });
    const answers = [];
    for (let i = 0; i < RECOVERY.perAccount + 2; i++) answers.push((await forgot(person.phone)).status);
    expect(answers).toEqual(Array(RECOVERY.perAccount + 2).fill(302));
    expect(await deliveriesOf(person.userId)).toHaveLength(RECOVERY.perAccount);
    // An hour later it is allowed again.
    setClock({ at: new Date(now().getTime() + (RECOVERY.windowMinutes + 1) * 60_000) });
    await forgot(person.phone);
    expect(await deliveriesOf(person.userId)).toHaveLength(RECOVERY.perAccount + 1);
  });

  it("counts the account's number and address together", async () => {
    const officerUser = await createUser({ role: "officer", phone: uniquePhone() });
    // Two by phone and two by e-mail: each address stays under its own limit, the account does not.
    for (const identifier of [officerUser.phone!, officerUser.email!, officerUser.phone!, officerUser.email!])
      expect((await forgot(identifier)).status).toBe(302);
    const sent = await deliveriesOf(officerUser.id);
    expect(sent).toHaveLength(RECOVERY.perAccount);
    expect(sent.map((d) => d.channel).sort()).toEqual(["email", "sms", "sms"]);
  });

  it(`remembers at most ${RECOVERY.perAddress} requests an hour for a number nobody has`, async () => {
    const unknown = uniquePhone();
    for (let i = 0; i < RECOVERY.perAddress + 2; i++) expect((await forgot(unknown)).status).toBe(302);
    expect(await resetsTo(e164(unknown))).toHaveLength(RECOVERY.perAddress);
  });

  it(`answers one client address at most ${RECOVERY.perIp} times an hour, then sends nothing`, async () => {
    const ip = "10.78.0.1";
    for (let i = 0; i < RECOVERY.perIp; i++) expect((await forgot(uniquePhone(), ip)).status).toBe(302);
    const person = await activatedPerson(officer, { fullName: "Ngô Văn Chung Mạng" });
    const res = await forgot(person.phone, ip);
    expect(res.status).toBe(302);
    expect(await deliveriesOf(person.userId)).toEqual([]);
    // From another address the person still gets their code.
    await forgot(person.phone);
    expect(await deliveriesOf(person.userId)).toHaveLength(1);
  });
});

describe("a link by e-mail", () => {
  it("reaches the address, opens the form once, sets the password and ends the sessions", async () => {
    const user = await createUser({ role: "employer" });
    const oldSession = (await startSession(user.id)).split(";")[0]!;
    expect((await forgot(user.email!.toUpperCase())).headers.get("Location")).toBe("/forgot-password?sent=email");
    const [mail] = await deliveriesOf(user.id);
    expect(mail).toMatchObject({
      channel: "email",
      purpose: "transactional",
      kind: "reset_link",
      toAddress: user.email,
      subject: translator("vi")("out.reset.email.subject"),
    });
    const prefix = `${getEnv().publicUrl}/reset-password/`;
    const link = mail!.body.split(/\s/).find((w) => w.startsWith(prefix))!;
    expect(mail!.link).toBe(link);
    const token = link.slice(prefix.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail!.body).toBe(translator("vi")("out.reset.email", { link, minutes: RECOVERY.linkMinutes }));

    const page = await callRoute(linkLoader, getRequest(`/reset-password/${token}`), { token });
    expect(await page.json()).toEqual({ live: true });
    const post = (form: Record<string, string>) =>
      callRoute(
        linkAction,
        postRequest(`/reset-password/${token}`, undefined, form),
        { token },
        routeContext(nextIp()),
      );

    const mismatch = await post({ password: NEW_PASSWORD, passwordConfirm: "khac" });
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as Refusal).errors.passwordConfirm!.key).toBe("validation.passwordMismatch");

    const done = await post({ password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.headers.get("Location")).toBe("/login?reset=1");
    expect(await userOf(oldSession)).toBeNull();
    const [stored] = await ctx.handle.db.select().from(appUser).where(eq(appUser.id, user.id));
    expect(stored!.passwordHash).not.toBe(user.passwordHash);
    expect(
      (await attemptLogin({ identifier: parseIdentifier(user.email!)!, password: NEW_PASSWORD, ip: nextIp() })).ok,
    ).toBe(true);

    // Used: the page says so, a second post is refused.
    expect(await (await callRoute(linkLoader, getRequest(`/reset-password/${token}`), { token })).json()).toEqual({
      live: false,
    });
    const reuse = await post({ password: "Song-Nui-Xanh-Biec-3517", passwordConfirm: "Song-Nui-Xanh-Biec-3517" });
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as Refusal).errors._form!.key).toBe("recovery.error.link");
  });

  it("refuses an expired link and a made-up one", async () => {
    const user = await createUser({ role: "employer" });
    const start = now();
    setClock({ at: start });
    await forgot(user.email!);
    const [mail] = await deliveriesOf(user.id);
    const token = mail!.link!.split("/").pop()!;
    setClock({ at: new Date(start.getTime() + (RECOVERY.linkMinutes + 1) * 60_000) });
    for (const t of [token, crypto.randomBytes(32).toString("base64url"), "abc"]) {
      const res = await callRoute(
        linkAction,
        postRequest(`/reset-password/${t}`, undefined, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
        { token: t },
      );
      expect(res.status, t).toBe(400);
    }
  });
});

describe("bad input", () => {
  it("the request form: 400 with a Vietnamese message, what was typed kept", async () => {
    const res = await forgot("09123");
    expect(res.status).toBe(400);
    const body = (await res.json()) as Refusal;
    expect(body).toEqual({ values: { identifier: "09123" }, errors: { identifier: { key: "validation.identifier" } } });
    const { minutes } = (await (await callRoute(forgotLoader, getRequest("/forgot-password"))).json()) as {
      minutes: number;
    };
    const html = render(ForgotPassword, { emailSent: false, minutes }, body);
    expect(html).toContain(translator("vi")("validation.identifier"));
    expect(html).toContain('value="09123"');
  });

  it("the code form: 400, one message per field, number and code kept, passwords never echoed", async () => {
    const res = await withCode({ phone: "0912 345 678", code: "12a4", password: "ngan", passwordConfirm: "khac" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Refusal;
    expect(body.values).toEqual({ phone: "0912 345 678", code: "12a4" });
    expect(body.errors).toEqual({
      code: { key: "recovery.error.codeFormat" },
      password: { key: "validation.password" },
      passwordConfirm: { key: "validation.passwordMismatch" },
    });
    const html = render(ResetPassword, { to: null, minutes: RECOVERY.codeMinutes }, body);
    expect(html).toContain(translator("vi")("recovery.error.codeFormat"));
    expect(html).toContain('value="0912 345 678"');
    expect(html).toContain('value="12a4"');
    expect(html).not.toContain("ngan");
  });
});
