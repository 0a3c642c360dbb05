import crypto from "node:crypto";

import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { authenticate, requireUser, SESSION_COOKIE, SESSION_POLICY, startSession } from "~/auth/session.server";
import { refreshEnv } from "~/env.server";
import { action as langAction } from "~/routes/lang";
import { action as loginAction } from "~/routes/login";
import { setSessionClock } from "~/utils/clock.server";

import { db } from "../../db/client.server";
import { appUser, officerCommune, userSession } from "../../db/schema";
import { createOrganization, createUser, UNITS } from "../factories";
import { setupIntegration } from "../setup/integration";
import { callRoute, routeContext } from "../setup/routes";

/*
 * Sessions (decision 017): an idle timeout and an absolute lifetime per role, measured on the session clock
 * (setSessionClock moves it); only a hash of the token is stored; a login ends the session the browser
 * presented; a change of password, role, organisation, province, disabled state or an officer's communes
 * ends every session of the user (migration 0008's trigger, whoever makes the change).
 */

setupIntegration();
afterEach(() => setSessionClock(0));

const MIN = 60_000;
const pair = (setCookie: string) => setCookie.split(";")[0]!;
const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
const withCookie = (setCookie: string, url = "http://localhost/account") =>
  new Request(url, { headers: { Cookie: pair(setCookie) } });
const userOf = async (setCookie: string) => (await authenticate(withCookie(setCookie))).user?.id ?? null;
const sessionsOf = async (userId: string) =>
  (await db().select().from(userSession).where(eq(userSession.userId, userId))).length;

describe("session expiry", () => {
  it("is shorter for staff than for persons and organisations", () => {
    for (const staff of ["officer", "admin"] as const) {
      for (const other of ["person", "employer", "provider"] as const) {
        expect(SESSION_POLICY[staff].idleMinutes).toBeLessThan(SESSION_POLICY[other].idleMinutes);
        expect(SESSION_POLICY[staff].lifetimeHours).toBeLessThan(SESSION_POLICY[other].lifetimeHours);
      }
    }
  });

  it.each(["officer", "admin", "employer", "provider", "person"] as const)(
    "%s: ends after the idle timeout, and activity keeps it alive",
    async (role) => {
      const { idleMinutes } = SESSION_POLICY[role];
      const user = await createUser({ role, provinceCode: role === "admin" ? UNITS.phuTho : null });
      const active = await startSession(user.id);
      const idle = await startSession(user.id);
      setSessionClock((idleMinutes - 1) * MIN);
      expect(await userOf(active)).toBe(user.id); // this request counts as activity
      setSessionClock((2 * idleMinutes - 2) * MIN);
      expect(await userOf(active)).toBe(user.id);
      expect(await userOf(idle)).toBeNull(); // no request for longer than the timeout
      setSessionClock((3 * idleMinutes - 1) * MIN);
      expect(await userOf(active)).toBeNull();
    },
  );

  it.each(["officer", "person"] as const)("%s: ends at the absolute lifetime however active it is", async (role) => {
    const { idleMinutes, lifetimeHours } = SESSION_POLICY[role];
    const user = await createUser({ role });
    const cookie = await startSession(user.id);
    expect(attributes(cookie)).toContain(`max-age=${lifetimeHours * 3600}`);
    const step = Math.floor(idleMinutes / 2);
    let minute = 0;
    for (; minute + step < lifetimeHours * 60; minute += step) {
      setSessionClock(minute * MIN);
      expect(await userOf(cookie), `minute ${minute}`).toBe(user.id);
    }
    setSessionClock(lifetimeHours * 60 * MIN);
    expect(await userOf(cookie)).toBeNull();
    expect(await sessionsOf(user.id)).toBe(0); // the ended row is gone, not just refused
  });

  it("sends an expired visitor to the login page that says so and comes back", async () => {
    const user = await createUser({ role: "officer" });
    const cookie = await startSession(user.id);
    setSessionClock((SESSION_POLICY.officer.idleMinutes + 1) * MIN);
    const answer = await requireUser(withCookie(cookie, "http://localhost/officer/persons?page=2")).catch(
      (e: unknown) => e,
    );
    expect(answer).toBeInstanceOf(Response);
    const location = new URL((answer as Response).headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/officer/persons?page=2");
    expect(location.searchParams.get("expired")).toBe("1");
    expect(pair((answer as Response).headers.get("Set-Cookie")!)).toBe(`${SESSION_COOKIE}=`);
  });
});

describe("what is stored", () => {
  it("keeps only the SHA-256 of the cookie's token", async () => {
    const user = await createUser();
    const token = pair(await startSession(user.id)).split("=")[1]!;
    const [row] = await db().select().from(userSession).where(eq(userSession.userId, user.id));
    expect(row!.id).not.toBe(token);
    expect(row!.id).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    // The stored value used as a cookie opens nothing.
    expect(await userOf(`${SESSION_COOKIE}=${row!.id.slice(0, 64)}`)).toBeNull();
  });
});

describe("rotation at login", () => {
  const login = (identifier: string, password: string, cookie?: string) =>
    callRoute(
      loginAction,
      new Request("http://localhost/login", {
        method: "POST",
        headers: {
          Origin: "http://localhost",
          "Content-Type": "application/x-www-form-urlencoded",
          "User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
          ...(cookie ? { Cookie: pair(cookie) } : {}),
        },
        body: new URLSearchParams({ identifier, password }),
      }),
      {},
      routeContext("10.61.0.1"),
    );

  it("gives a new session and ends the one the browser presented (a planted cookie opens nothing)", async () => {
    const attacker = await createUser();
    const victim = await createUser();
    const planted = await startSession(attacker.id);
    const answer = await login(victim.email!, victim.password, planted);
    expect(answer.status).toBe(302);
    const fresh = answer.headers.get("Set-Cookie")!;
    expect(pair(fresh)).not.toBe(pair(planted));
    expect(await userOf(fresh)).toBe(victim.id);
    expect(await userOf(planted)).toBeNull();
    // The device is remembered coarsely, for the account page.
    const [row] = await db().select().from(userSession).where(eq(userSession.userId, victim.id));
    expect(row!.client).toBe("Chrome · Android");
  });
});

describe("privilege changes end every session of the user", () => {
  async function twoSessions(role: "officer" | "employer" | "admin" = "officer") {
    const user = await createUser({ role, communeCodes: role === "officer" ? [UNITS.luongSon] : undefined });
    const cookies = [await startSession(user.id), await startSession(user.id)];
    expect(await sessionsOf(user.id)).toBe(2);
    return { user, cookies };
  }
  const allEnded = async (cookies: string[]) => {
    for (const c of cookies) expect(await userOf(c)).toBeNull();
  };

  it("an officer's communes: one added, one removed", async () => {
    const { user, cookies } = await twoSessions();
    await db().insert(officerCommune).values({ userId: user.id, communeCode: UNITS.thanhSon });
    await allEnded(cookies);
    const again = await startSession(user.id);
    await db().delete(officerCommune).where(eq(officerCommune.communeCode, UNITS.thanhSon));
    await allEnded([again]);
  });

  it("disabling and re-enabling an account", async () => {
    const { user, cookies } = await twoSessions("employer");
    await db().update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, user.id));
    expect(await sessionsOf(user.id)).toBe(0);
    await allEnded(cookies);
    const whileDisabled = await startSession(user.id); // only possible from code, never through the login
    await db().update(appUser).set({ disabledAt: null }).where(eq(appUser.id, user.id));
    await allEnded([whileDisabled]);
  });

  it("a role, a province, an organisation, a password", async () => {
    for (const change of [
      { role: "officer" as const },
      { provinceCode: UNITS.lamDong },
      { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3" },
    ]) {
      const { user, cookies } = await twoSessions("admin");
      await db().update(appUser).set(change).where(eq(appUser.id, user.id));
      await allEnded(cookies);
    }
    const { user, cookies } = await twoSessions("employer");
    const organization = await createOrganization();
    await db().update(appUser).set({ organizationId: organization.id }).where(eq(appUser.id, user.id));
    await allEnded(cookies);
  });

  it("but not a change of language or name", async () => {
    const { user, cookies } = await twoSessions();
    await db().update(appUser).set({ locale: "en", fullName: "Tên Mới" }).where(eq(appUser.id, user.id));
    for (const c of cookies) expect(await userOf(c)).toBe(user.id);
  });
});

describe("cookie flags", () => {
  async function withCookieSecure<T>(value: "true" | "false", fn: () => Promise<T>): Promise<T> {
    const previous = process.env.COOKIE_SECURE;
    process.env.COOKIE_SECURE = value;
    refreshEnv();
    try {
      return await fn();
    } finally {
      if (previous === undefined) delete process.env.COOKIE_SECURE;
      else process.env.COOKIE_SECURE = previous;
      refreshEnv();
    }
  }

  it("session: HttpOnly, SameSite=Lax, Path=/, no Domain, Secure when cookies are secure, Max-Age by role", async () => {
    const officer = await createUser({ role: "officer" });
    const person = await createUser({ role: "person", email: null, phone: "0977000111" });
    for (const secure of ["true", "false"] as const) {
      const cookie = await withCookieSecure(secure, () => startSession(officer.id));
      const attrs = attributes(cookie);
      expect(attrs).toEqual(
        expect.arrayContaining([
          "httponly",
          "samesite=lax",
          "path=/",
          `max-age=${SESSION_POLICY.officer.lifetimeHours * 3600}`,
        ]),
      );
      expect(attrs.includes("secure")).toBe(secure === "true");
      expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
    }
    expect(attributes(await startSession(person.id))).toContain(
      `max-age=${SESSION_POLICY.person.lifetimeHours * 3600}`,
    );
  });

  it("language: HttpOnly, SameSite=Lax, Path=/, a year, Secure when cookies are secure", async () => {
    for (const secure of ["true", "false"] as const) {
      const request = new Request("http://localhost/lang", {
        method: "POST",
        headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: "locale=en&redirectTo=/jobs",
      });
      const answer = await withCookieSecure(secure, () => callRoute(langAction, request));
      const cookie = answer.headers.get("Set-Cookie")!;
      expect(pair(cookie)).toBe("ct_lang=en");
      const attrs = attributes(cookie);
      expect(attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "max-age=31536000"]));
      expect(attrs.includes("secure")).toBe(secure === "true");
      expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
    }
  });
});
