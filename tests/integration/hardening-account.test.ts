import { describe, expect, it } from "vitest";

import { authenticate, SESSION_COOKIE, startSession } from "~/auth/session.server";
import { translator } from "~/i18n";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";

import { createUser } from "../factories";
import { setupIntegration } from "../setup/integration";
import { callRoute, routeContext, routeRequest } from "../setup/routes";

/*
 * The account page (/account): log out everywhere, and a password change that needs the current password,
 * follows the password rules, ends every other session and replaces this device's with a fresh one.
 */

setupIntegration();

const pair = (setCookie: string) => setCookie.split(";")[0]!;
const userOf = async (cookie: string) =>
  (await authenticate(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user?.id ?? null;
let lastIp = 0;
const post = (cookie: string, form: Record<string, string>) =>
  callRoute(accountAction, routeRequest("/account", { cookie, form }), {}, routeContext(`10.62.0.${++lastIp}`));
type Refusal = {
  errors: Record<string, { key: string; vars?: Record<string, unknown> }>;
  values: Record<string, unknown>;
};

async function phoneAndLaptop() {
  const user = await createUser({ role: "employer" });
  return { user, phone: pair(await startSession(user.id)), laptop: pair(await startSession(user.id)) };
}

describe("log out everywhere", () => {
  it("ends every session of the user, the one asking included, and says so on the login page", async () => {
    const { user, phone, laptop } = await phoneAndLaptop();
    const bystander = await createUser({ role: "employer" });
    const theirs = pair(await startSession(bystander.id));
    const answer = await post(phone, { intent: "logout-everywhere" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/login?ended=all");
    expect(pair(answer.headers.get("Set-Cookie")!)).toBe(`${SESSION_COOKIE}=`);
    expect(await userOf(phone)).toBeNull();
    expect(await userOf(laptop)).toBeNull();
    expect(await userOf(theirs)).toBe(bystander.id); // nobody else's
    expect(translator("vi")("account.notice.loggedOutEverywhere")).toContain("đăng xuất khỏi tất cả thiết bị");
    void user;
  });

  it("is only for the logged-in: a visitor goes to the login page", async () => {
    const answer = await callRoute(accountAction, routeRequest("/account", { form: { intent: "logout-everywhere" } }));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Faccount/);
  });
});

describe("the account page", () => {
  it("lists the user's own devices, marks this one, shows no session id, and is never cached", async () => {
    const { user, phone, laptop } = await phoneAndLaptop();
    const other = await createUser();
    await startSession(other.id);
    const answer = await callRoute(accountLoader, routeRequest("/account", { cookie: laptop }));
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await answer.json()) as { sessions: { key: string; current: boolean }[] };
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s) => s.current)).toHaveLength(1);
    const text = JSON.stringify(body);
    for (const cookie of [phone, laptop]) expect(text).not.toContain(cookie.split("=")[1]);
    void user;
  });
});

describe("changing the password", () => {
  const NEW = "SongXanh2026";

  it("refuses a wrong current password and changes nothing", async () => {
    const { user, phone, laptop } = await phoneAndLaptop();
    const answer = await post(phone, {
      intent: "password",
      currentPassword: "SaiMatKhau1",
      password: NEW,
      passwordConfirm: NEW,
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as Refusal;
    expect(body.errors).toEqual({ currentPassword: { key: "account.password.wrongCurrent" } });
    expect(Object.keys(body.values).some((k) => /password/i.test(k))).toBe(false);
    expect(await userOf(phone)).toBe(user.id);
    expect(await userOf(laptop)).toBe(user.id);
  });

  it("applies the password rules: common, personal, too long, same as before", async () => {
    const { user, phone } = await phoneAndLaptop();
    const local = user.email!.split("@")[0]!;
    for (const [password, key] of [
      ["matkhau2026", "account.password.common"],
      [`${local}9x`, "account.password.personal"],
      [`${"a".repeat(200)}1`, "account.password.tooLong"],
      [user.password, "account.password.same"],
    ] as const) {
      const answer = await post(phone, {
        intent: "password",
        currentPassword: user.password,
        password,
        passwordConfirm: password,
      });
      expect(answer.status, password).toBe(400);
      expect(((await answer.json()) as Refusal).errors.password?.key, password).toBe(key);
    }
  });

  it("ends every other session and gives this device a fresh one; the new password logs in, the old one not", async () => {
    const { user, phone, laptop } = await phoneAndLaptop();
    const answer = await post(phone, {
      intent: "password",
      currentPassword: user.password,
      password: NEW,
      passwordConfirm: NEW,
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/account?done=password");
    const fresh = pair(answer.headers.get("Set-Cookie")!);
    expect(fresh).not.toBe(phone);
    expect(await userOf(fresh)).toBe(user.id);
    expect(await userOf(phone)).toBeNull();
    expect(await userOf(laptop)).toBeNull();
    const identifier = parseIdentifier(user.email!)!;
    expect(await attemptLogin({ identifier, password: user.password, ip: "10.62.1.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptLogin({ identifier, password: NEW, ip: "10.62.1.2" })).toMatchObject({
      ok: true,
      userId: user.id,
    });
  });

  it("counts wrong current passwords like failed logins: the form cannot be used to guess", async () => {
    const { user, phone } = await phoneAndLaptop();
    for (let i = 0; i < 5; i++) {
      const wrong = await post(phone, {
        intent: "password",
        currentPassword: `SaiMatKhau${i}`,
        password: NEW,
        passwordConfirm: NEW,
      });
      expect(wrong.status).toBe(400);
    }
    const right = await post(phone, {
      intent: "password",
      currentPassword: user.password,
      password: NEW,
      passwordConfirm: NEW,
    });
    expect(right.status).toBe(429);
    expect(((await right.json()) as Refusal).errors._form).toEqual({ key: "login.error.locked", vars: { minutes: 1 } });
    // ...and the login is locked too: it is one count per account.
    expect(
      await attemptLogin({ identifier: parseIdentifier(user.email!)!, password: user.password, ip: "10.62.1.3" }),
    ).toMatchObject({ reason: "locked" });
  });
});
