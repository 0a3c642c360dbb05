import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { ROLE_HOME } from "~/auth/permissions.server";
import {
  authenticate,
  endAllSessions,
  endSession,
  requireUser,
  SESSION_COOKIE,
  startSession,
} from "~/auth/session.server";
import { refreshEnv } from "~/env.server";
import { type MessageKey, translator } from "~/i18n";
import { vi as viMessages } from "~/i18n/vi";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { lockMinutes } from "~/modules/accounts/lockout";
import { attemptLogin, LOGIN_LIMITS } from "~/modules/accounts/login.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { setClock } from "~/utils/clock.server";

import { db, useDatabase } from "../../db/client.server";
import { appUser } from "../../db/schema";
import { createUser, uniqueEmail, uniquePhone, UNITS } from "../factories";
import { setupIntegration } from "../setup/integration";

const ctx = setupIntegration();

afterEach(() => setClock(undefined));

// Each test logs in from its own address, so the per-address limit of one test never locks another.
let lastIp = 0;
const freshIp = () => `10.20.${Math.floor(++lastIp / 250)}.${lastIp % 250}`;

function id(typed: string) {
  const identifier = parseIdentifier(typed);
  if (!identifier) throw new Error(`not an identifier: ${typed}`);
  return identifier;
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookiePair = (setCookie: string) => setCookie.split(";")[0];
const cookieAttributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

function requestWithCookie(setCookie: string | null, url = "http://localhost/admin") {
  return new Request(url, { headers: setCookie ? { Cookie: `theme=dark; ${cookiePair(setCookie)}` } : {} });
}

describe("attemptLogin", () => {
  it("logs in by email, whatever the case", async () => {
    const user = await createUser({ role: "employer" });
    const outcome = await attemptLogin({
      identifier: id(user.email!.toUpperCase()),
      password: user.password,
      ip: freshIp(),
    });
    expect(outcome).toEqual({ ok: true, userId: user.id, role: "employer" });
  });

  it("logs in by phone typed in another format", async () => {
    const phone = uniquePhone(); // stored as 09xxxxxxxx
    const user = await createUser({ role: "person", email: null, phone });
    const typed = `+84 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    expect(await attemptLogin({ identifier: id(typed), password: user.password, ip: freshIp() })).toEqual({
      ok: true,
      userId: user.id,
      role: "person",
    });
  });

  it("answers invalid for a wrong password and for an unknown account alike", async () => {
    const user = await createUser();
    const ip = freshIp();
    expect(await attemptLogin({ identifier: id(user.email!), password: `${user.password}x`, ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptLogin({ identifier: id(uniqueEmail("nobody")), password: user.password, ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptLogin({ identifier: id(uniquePhone()), password: user.password, ip })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers disabled only to someone who knows the password", async () => {
    const user = await createUser({ disabledAt: new Date() });
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).toEqual({
      ok: false,
      reason: "disabled",
    });
    expect(await attemptLogin({ identifier: id(user.email!), password: "SaiMatKhau1", ip: freshIp() })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks an account after 5 failures, even for the right password and another way of writing it", async () => {
    const phone = uniquePhone();
    const user = await createUser({ phone });
    for (let i = 0; i < LOGIN_LIMITS.perIdentifier; i++) {
      const outcome = await attemptLogin({ identifier: id(phone), password: `SaiMatKhau${i}`, ip: freshIp() });
      expect(outcome, `attempt ${i + 1}`).toEqual({ ok: false, reason: "invalid" });
    }
    const spaced = `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    const locked = await attemptLogin({ identifier: id(spaced), password: user.password, ip: freshIp() });
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterMinutes: lockMinutes(0) });
    // Another account is not affected.
    const other = await createUser();
    expect((await attemptLogin({ identifier: id(other.email!), password: other.password, ip: freshIp() })).ok).toBe(
      true,
    );
  });

  it("forgets earlier failures after a successful login", async () => {
    const user = await createUser();
    const ip = freshIp();
    const fail = () => attemptLogin({ identifier: id(user.email!), password: "SaiMatKhau1", ip });
    for (let i = 0; i < LOGIN_LIMITS.perIdentifier - 1; i++) expect((await fail()).ok).toBe(false);
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).ok).toBe(true);
    for (let i = 0; i < LOGIN_LIMITS.perIdentifier - 1; i++)
      expect(await fail()).toEqual({ ok: false, reason: "invalid" });
    // 8 failures in the window, but only 4 since the success: still allowed.
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).ok).toBe(true);
  });

  it("lifts the first lock once its minute has passed (longer locks: hardening-lockout.test.ts)", async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMITS.perIdentifier; i++) {
      await attemptLogin({ identifier: id(user.email!), password: "SaiMatKhau1", ip });
    }
    const minute = 60_000;
    setClock({ offsetMs: lockMinutes(0) * minute - 5_000 });
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).toMatchObject({
      reason: "locked",
    });
    setClock({ offsetMs: lockMinutes(0) * minute + 5_000 });
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).toEqual({
      ok: true,
      userId: user.id,
      role: user.role,
    });
  });

  it("locks an address that tries too many accounts", async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await attemptLogin({ identifier: id(uniqueEmail("doan")), password: "SaiMatKhau1", ip });
    }
    const user = await createUser();
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).ok).toBe(true);
  });

  it("does not let a valid login reset an address's count while it guesses other accounts", async () => {
    const ip = freshIp();
    const own = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await attemptLogin({ identifier: id(uniqueEmail("doan")), password: "SaiMatKhau1", ip });
      // The attacker logs into their own account between guesses.
      if (i % 4 === 3) await attemptLogin({ identifier: id(own.email!), password: own.password, ip });
    }
    expect(await attemptLogin({ identifier: id(uniqueEmail("doan")), password: "SaiMatKhau1", ip })).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });
});

describe("sessions", () => {
  /** A fresh Lucia under the given COOKIE_SECURE (Lucia is built once per database handle). */
  async function withCookieSecure<T>(value: "true" | "false", fn: () => Promise<T>): Promise<T> {
    const previous = process.env.COOKIE_SECURE;
    process.env.COOKIE_SECURE = value;
    refreshEnv();
    useDatabase({ ...ctx.handle });
    try {
      return await fn();
    } finally {
      if (previous === undefined) delete process.env.COOKIE_SECURE;
      else process.env.COOKIE_SECURE = previous;
      refreshEnv();
      useDatabase(ctx.handle);
    }
  }

  it("startSession returns an HttpOnly, SameSite=Lax cookie for the whole site", async () => {
    const user = await createUser();
    const setCookie = await withCookieSecure("false", () => startSession(user.id));
    expect(cookiePair(setCookie)).toMatch(new RegExp(`^${SESSION_COOKIE}=[a-z0-9]{20,}$`));
    const attributes = cookieAttributes(setCookie);
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(attributes).not.toContain("secure");
    expect(attributes.some((a) => /^max-age=\d+$/.test(a) || a.startsWith("expires="))).toBe(true);
  });

  it("marks the cookie Secure when cookieSecure is on", async () => {
    const user = await createUser();
    const setCookie = await withCookieSecure("true", () => startSession(user.id));
    expect(cookieAttributes(setCookie)).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax"]));
  });

  it("gives a new session id at every login", async () => {
    const user = await createUser();
    expect(cookiePair(await startSession(user.id))).not.toBe(cookiePair(await startSession(user.id)));
  });

  it("authenticates the cookie as the user, with an officer's communes", async () => {
    const officer = await createUser({ role: "officer", communeCodes: [UNITS.thanhSon, UNITS.luongSon] });
    const setCookie = await startSession(officer.id);
    const auth = await authenticate(requestWithCookie(setCookie));
    expect(auth.user).toMatchObject({
      id: officer.id,
      role: "officer",
      email: officer.email,
      fullName: officer.fullName,
    });
    expect(auth.user?.communeCodes.sort()).toEqual([UNITS.luongSon, UNITS.thanhSon]);
    expect(auth.setCookie).toBeUndefined();

    const user = await requireUser(requestWithCookie(setCookie));
    expect(user.id).toBe(officer.id);
    expect(user.communeCodes).toHaveLength(2);
  });

  it("gives other roles no communes, and an admin their province", async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    const user = await requireUser(requestWithCookie(await startSession(admin.id)));
    expect(user).toMatchObject({ id: admin.id, role: "admin", provinceCode: UNITS.lamDong, communeCodes: [] });
  });

  it("never carries the password hash in the session user", async () => {
    const user = await createUser();
    const sessionUser = await requireUser(requestWithCookie(await startSession(user.id)));
    expect(JSON.stringify(sessionUser)).not.toContain(user.passwordHash);
    expect(sessionUser).not.toHaveProperty("passwordHash");
  });

  it("endSession invalidates the session and clears the cookie", async () => {
    const user = await createUser();
    const setCookie = await startSession(user.id);
    const cleared = await endSession(requestWithCookie(setCookie));
    expect(cookiePair(cleared)).toBe(`${SESSION_COOKIE}=`);
    const auth = await authenticate(requestWithCookie(setCookie));
    expect(auth.user).toBeNull();
    expect(auth.setCookie && cookiePair(auth.setCookie)).toBe(`${SESSION_COOKIE}=`);
  });

  it("endAllSessions logs a user out everywhere", async () => {
    const user = await createUser();
    const phone = await startSession(user.id);
    const laptop = await startSession(user.id);
    await endAllSessions(user.id);
    expect((await authenticate(requestWithCookie(phone))).user).toBeNull();
    expect((await authenticate(requestWithCookie(laptop))).user).toBeNull();
  });

  it("refuses the session of an account disabled since", async () => {
    const user = await createUser();
    const setCookie = await startSession(user.id);
    await db().update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, user.id));
    expect((await authenticate(requestWithCookie(setCookie))).user).toBeNull();
  });

  it("ignores a made-up session id", async () => {
    const auth = await authenticate(
      new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=abcdefghijklmnopqrstuvwxyz` } }),
    );
    expect(auth.user).toBeNull();
  });

  it("requireUser without a cookie redirects to the login page and back", async () => {
    let thrown: unknown;
    try {
      await requireUser(requestWithCookie(null, "http://localhost/organizations/review?tab=pending&page=2"));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location.startsWith("/login?redirectTo=")).toBe(true);
    expect(new URL(location, "http://localhost").searchParams.get("redirectTo")).toBe(
      "/organizations/review?tab=pending&page=2",
    );
  });
});

describe("the login route", () => {
  const context = (ip = freshIp()): AppLoadContext => ({ requestId: "test", cspNonce: "n", clientIp: ip });

  function post(body: BodyInit | null, headers: Record<string, string> = {}) {
    return new Request("http://localhost/login", {
      method: "POST",
      body,
      headers: { Origin: "http://localhost", ...headers },
    });
  }
  const form = (fields: Record<string, string>) => post(new URLSearchParams(fields));

  type ActionBody = {
    values: Record<string, unknown>;
    errors: Record<string, { key: MessageKey; vars?: Record<string, unknown> }>;
  };

  async function submit(request: Request, ip?: string) {
    const response = await loginAction({ request, context: context(ip), params: {} });
    return response;
  }

  async function expectFormError(request: Request, status: number, ip?: string): Promise<ActionBody> {
    const response = await submit(request, ip);
    expect(response.status).toBe(status);
    const body = (await response.json()) as ActionBody;
    const t = translator("vi");
    for (const error of Object.values(body.errors)) {
      // Every error is a catalogue key with a Vietnamese text.
      expect(Object.hasOwn(viMessages, error.key), error.key).toBe(true);
      expect(t(error.key, error.vars as Record<string, string>)).not.toBe(error.key);
    }
    expect(Object.keys(body.values).some((k) => /password/i.test(k))).toBe(false);
    return body;
  }

  it("answers an empty form with 400 and a message per field", async () => {
    const body = await expectFormError(form({ identifier: "", password: "" }), 400);
    expect(body.errors).toEqual({
      identifier: { key: "validation.required" },
      password: { key: "validation.required" },
    });
  });

  it("keeps what was typed, except the password", async () => {
    const body = await expectFormError(
      form({ identifier: "nguyen van an", password: "bí mật", redirectTo: "/admin" }),
      400,
    );
    expect(body.errors).toEqual({ identifier: { key: "validation.identifier" } });
    expect(body.values).toEqual({ identifier: "nguyen van an", redirectTo: "/admin" });
  });

  it.each([
    ["a JSON body", '{"identifier":"admin@chungtay.test","password":"x"}', { "Content-Type": "application/json" }],
    ["multipart without a boundary", "identifier=x", { "Content-Type": "multipart/form-data" }],
    [
      "a broken multipart body",
      "--b\r\nContent-Disposition: nonsense\r\n",
      { "Content-Type": "multipart/form-data; boundary=b" },
    ],
    [
      "bytes that are not text",
      new Uint8Array([0xff, 0xfe, 0x00, 0x25, 0x80]),
      { "Content-Type": "application/x-www-form-urlencoded" },
    ],
    ["no content type", "identifier=x&password=y", {}],
    ["no body at all", null, {}],
  ] as [string, BodyInit | null, Record<string, string>][])(
    "answers %s with 400, never a 500",
    async (_what, body, headers) => {
      const result = await expectFormError(post(body, headers), 400);
      expect(Object.keys(result.errors).length).toBeGreaterThan(0);
    },
  );

  it("answers a wrong password with 400 and one message for the form", async () => {
    const user = await createUser();
    const body = await expectFormError(form({ identifier: user.email!, password: "SaiMatKhau1" }), 400);
    expect(body.errors).toEqual({ _form: { key: "login.error.invalid" } });
    expect(body.values).toEqual({ identifier: user.email });
  });

  it("tells a disabled account so", async () => {
    const user = await createUser({ disabledAt: new Date() });
    const body = await expectFormError(form({ identifier: user.email!, password: user.password }), 400);
    expect(body.errors).toEqual({ _form: { key: "login.error.disabled" } });
  });

  it("answers a locked account with 429 and the minutes to wait", async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perIdentifier; i++)
      await submit(form({ identifier: user.email!, password: "SaiMatKhau1" }));
    const body = await expectFormError(form({ identifier: user.email!, password: user.password }), 429);
    expect(body.errors).toEqual({ _form: { key: "login.error.locked", vars: { minutes: lockMinutes(0) } } });
  });

  it("logs in: a redirect to the role's home with a session cookie that works", async () => {
    const user = await createUser({ role: "provider" });
    const response = await submit(form({ identifier: user.email!, password: user.password, redirectTo: "" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(ROLE_HOME.provider);
    const setCookie = response.headers.get("Set-Cookie")!;
    expect((await requireUser(requestWithCookie(setCookie))).id).toBe(user.id);
  });

  it("goes back where the user came from, but never to another site", async () => {
    const user = await createUser({ role: "officer" });
    const back = await submit(
      form({ identifier: user.email!, password: user.password, redirectTo: "/organizations/review" }),
    );
    expect(back.headers.get("Location")).toBe("/organizations/review");
    for (const redirectTo of ["//evil.example", "https://evil.example/", "/\t/evil.example"]) {
      const away = await submit(form({ identifier: user.email!, password: user.password, redirectTo }));
      expect(away.headers.get("Location"), redirectTo).toBe(ROLE_HOME.officer);
    }
  });

  it("the loader shows the form to a visitor and sends a logged-in user home", async () => {
    expect(
      await loginLoader({ request: new Request("http://localhost/login"), context: context(), params: {} }),
    ).toBeNull();
    const user = await createUser({ role: "admin" });
    const setCookie = await startSession(user.id);
    let thrown: unknown;
    try {
      await loginLoader({
        request: requestWithCookie(setCookie, "http://localhost/login"),
        context: context(),
        params: {},
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe(ROLE_HOME.admin);
  });
});
