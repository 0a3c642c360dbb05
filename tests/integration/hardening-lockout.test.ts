import { like } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { translator } from "~/i18n";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { lockMinutes, LOCKOUT } from "~/modules/accounts/lockout";
import { attemptLogin, LOGIN_LIMITS, type LoginOutcome } from "~/modules/accounts/login.server";
import { action as loginAction } from "~/routes/login";
import { setClock } from "~/utils/clock.server";

import { db, openDatabase, useDatabase } from "../../db/client.server";
import { loginAttempt } from "../../db/schema";
import { createUser, uniqueEmail, uniquePhone } from "../factories";
import { setupIntegration } from "../setup/integration";
import { callRoute, routeContext } from "../setup/routes";

/*
 * Lockout with back-off (decision 017): per account, every 5 failures lock it for 1, 2, 4 ... 60 minutes; a
 * correct password during a lock gets the same answer; per address, 30 failures in 15 minutes. The state is
 * rows in login_attempt, read under advisory locks, on the app clock (setClock moves it).
 */

const ctx = setupIntegration();
afterEach(() => setClock(undefined));

const MIN = 60_000;
let lastIp = 0;
const freshIp = () => `10.63.${Math.floor(++lastIp / 250)}.${lastIp % 250}`;
const id = (typed: string) => parseIdentifier(typed)!;
const wrong = (typed: string, ip = freshIp()) => attemptLogin({ identifier: id(typed), password: "SaiMatKhau1", ip });

describe("per account", () => {
  it("locks for 1, 2, 4, 8, 16, 32, 60, 60 minutes at each further round of 5 failures", async () => {
    const user = await createUser();
    let offset = 0;
    const seen: number[] = [];
    for (let round = 0; round < 8; round++) {
      setClock({ offsetMs: offset });
      for (let i = 0; i < LOCKOUT.failuresPerRound; i++)
        expect(await wrong(user.email!), `round ${round}, try ${i + 1}`).toEqual({ ok: false, reason: "invalid" });
      const locked = await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() });
      expect(locked.ok).toBe(false);
      seen.push((locked as { retryAfterMinutes: number }).retryAfterMinutes);
      // Still locked a few seconds before the end, free a few seconds after.
      setClock({ offsetMs: offset + lockMinutes(round) * MIN - 5_000 });
      expect(await wrong(user.email!)).toMatchObject({ reason: "locked" });
      offset += lockMinutes(round) * MIN + 5_000;
    }
    expect(seen).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    setClock({ offsetMs: offset });
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).toMatchObject({
      ok: true,
    });
  });

  it("starts again from one minute after a successful login", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await wrong(user.email!);
    setClock({ offsetMs: 2 * MIN });
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).ok).toBe(true);
    for (let i = 0; i < 5; i++) await wrong(user.email!);
    expect(await wrong(user.email!)).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
  });

  it("answers a correct password during a lock exactly like a wrong one", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await wrong(user.email!);
    const right = await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() });
    expect(right).toEqual(await wrong(user.email!));
    expect(right).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
  });

  it("counts email and phone of one account together", async () => {
    const phone = uniquePhone();
    const user = await createUser({ phone });
    for (let i = 0; i < 3; i++) await wrong(user.email!);
    for (let i = 0; i < 2; i++) await wrong(phone);
    expect(await attemptLogin({ identifier: id(phone), password: user.password, ip: freshIp() })).toMatchObject({
      reason: "locked",
    });
    expect(await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).toMatchObject({
      reason: "locked",
    });
  });

  it("locks an unknown account the same way, and stores no trace of what was typed", async () => {
    const stranger = uniqueEmail("khongco");
    for (let i = 0; i < 5; i++) expect(await wrong(stranger)).toEqual({ ok: false, reason: "invalid" });
    expect(await wrong(stranger)).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
    const local = stranger.split("@")[0]!;
    expect(
      await db()
        .select()
        .from(loginAttempt)
        .where(like(loginAttempt.identifier, `%${local}%`)),
    ).toEqual([]);
  });

  it("lets 5 of 12 simultaneous guesses through, not 12", async () => {
    const user = await createUser();
    const outcomes: LoginOutcome[] = await Promise.all(Array.from({ length: 12 }, () => wrong(user.email!)));
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(LOCKOUT.failuresPerRound);
    expect(outcomes.filter((o) => !o.ok && o.reason === "locked")).toHaveLength(12 - LOCKOUT.failuresPerRound);
  });
});

describe("per client address", () => {
  it("allows more than per account, then locks every account from that address for the rest of the window", async () => {
    expect(LOGIN_LIMITS.perIp).toBeGreaterThan(LOGIN_LIMITS.perIdentifier);
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++)
      expect(await wrong(uniqueEmail("doan"), ip)).toEqual({ ok: false, reason: "invalid" });
    const user = await createUser();
    const locked = await attemptLogin({ identifier: id(user.email!), password: user.password, ip });
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterMinutes: LOGIN_LIMITS.windowMinutes });
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() })).ok).toBe(true);
    setClock({ offsetMs: (LOGIN_LIMITS.windowMinutes + 1) * MIN });
    expect((await attemptLogin({ identifier: id(user.email!), password: user.password, ip })).ok).toBe(true);
  });
});

describe("the login page", () => {
  const submit = (identifier: string, password: string) =>
    callRoute(
      loginAction,
      new Request("http://localhost/login", {
        method: "POST",
        headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ identifier, password }),
      }),
      {},
      routeContext(freshIp()),
    );

  it("says in Vietnamese how many minutes to wait, with 429, the same for the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) {
      if (i === 5) setClock({ offsetMs: 2 * MIN }); // the first lock (1 minute) has run out
      await submit(user.email!, "SaiMatKhau1");
    }
    for (const password of [user.password, "SaiMatKhau1"]) {
      const answer = await submit(user.email!, password);
      expect(answer.status).toBe(429);
      const { errors } = (await answer.json()) as {
        errors: { _form: { key: "login.error.locked"; vars: { minutes: number } } };
      };
      expect(errors._form).toEqual({ key: "login.error.locked", vars: { minutes: 2 } });
      expect(translator("vi")(errors._form.key, errors._form.vars)).toBe(
        "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút.",
      );
    }
  });
});

describe("two app instances", () => {
  // Two connection pools on one PostgreSQL database stand for two app processes; PGlite is one process's.
  it.runIf(!!inject("pgServerUrl"))(
    "see the same lock: failures on one instance lock the account on the other",
    async () => {
      const user = await createUser();
      const url = (
        ctx.handle.db as unknown as {
          $client: { options: { host: string[]; port: number[]; database: string; user: string } };
        }
      ).$client.options;
      const second = await openDatabase({
        url: `postgres://${url.user}@${url.host[0]}:${url.port[0]}/${url.database}`,
        max: 2,
      });
      try {
        for (let i = 0; i < 5; i++) {
          useDatabase(i % 2 ? second : ctx.handle);
          expect(await wrong(user.email!)).toEqual({ ok: false, reason: "invalid" });
        }
        useDatabase(second);
        expect(
          await attemptLogin({ identifier: id(user.email!), password: user.password, ip: freshIp() }),
        ).toMatchObject({ reason: "locked" });
      } finally {
        useDatabase(ctx.handle);
        await second.close();
      }
    },
  );
});
