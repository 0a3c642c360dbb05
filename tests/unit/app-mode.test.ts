import { describe, expect, it } from "vitest";

import { missingForProduction, modeLine, parseEnv } from "~/env.server";

import { envFailure, PRODUCTION_DB, PRODUCTION_ENV } from "../factories/env";

const DB = PRODUCTION_DB;
const COMPLETE = PRODUCTION_ENV;
const failure = envFailure;

describe("demo or production", () => {
  it("is the demo without a database server, production with one, whatever APP_MODE says explicitly", () => {
    expect(parseEnv({}).mode).toBe("demo");
    expect(parseEnv({ DATABASE_URL: DB }).mode).toBe("production");
    expect(parseEnv({ DATABASE_URL: DB, APP_MODE: "demo" }).mode).toBe("demo");
    expect(parseEnv({ APP_MODE: "production" }).mode).toBe("production");
    expect(parseEnv({ DATABASE_URL: DB, APP_MODE: " " }).mode).toBe("production");
  });

  it("refuses an unknown mode, naming the variable and the choices", () => {
    expect(failure({ APP_MODE: "staging" })).toMatch(/^\s*APP_MODE: must be demo or production/m);
  });

  it("listens on 127.0.0.1 in the demo and on every interface in production, unless HOST says otherwise", () => {
    expect(parseEnv({}).host).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(parseEnv(COMPLETE).host).toBe("0.0.0.0");
    expect(parseEnv({ ...COMPLETE, HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });

  it("seeds and keeps a dev outbox only in the demo (the outbox on PostgreSQL only when asked for)", () => {
    expect(parseEnv({})).toMatchObject({ demoData: true, devOutbox: true });
    expect(parseEnv({ DATABASE_URL: DB, APP_MODE: "demo" })).toMatchObject({ demoData: true, devOutbox: false });
    expect(parseEnv({ DATABASE_URL: DB, APP_MODE: "demo", DEV_OUTBOX: "true" }).devOutbox).toBe(true);
    expect(parseEnv(COMPLETE)).toMatchObject({ demoData: false, devOutbox: false });
    expect(parseEnv({ ...COMPLETE, DEMO_DATA: "false", DEV_OUTBOX: "false" })).toMatchObject({
      demoData: false,
      devOutbox: false,
    });
  });

  it("refuses demo data and the dev outbox in production, pointing at APP_MODE=demo", () => {
    const message = failure({ ...COMPLETE, DEMO_DATA: "true", DEV_OUTBOX: "true" });
    expect(message).toMatch(/^\s*DEMO_DATA: production never seeds demo data.*APP_MODE=demo/m);
    expect(message).toMatch(/^\s*DEV_OUTBOX: /m);
    expect(failure({ APP_MODE: "production", DEMO_DATA: "true" })).toMatch(/DEMO_DATA/);
  });
});

describe("what production needs at start", () => {
  it("needs nothing more in the demo", () => {
    expect(missingForProduction(parseEnv({}))).toEqual([]);
    expect(missingForProduction(parseEnv({ DATABASE_URL: DB, APP_MODE: "demo" }))).toEqual([]);
  });

  it("starts with the database, the public address and the proxy setting", () => {
    expect(missingForProduction(parseEnv(COMPLETE))).toEqual([]);
    expect(missingForProduction(parseEnv({ ...COMPLETE, TRUST_PROXY: "false" }))).toEqual([]);
  });

  it("names every missing setting at once", () => {
    const missing = missingForProduction(parseEnv({ APP_MODE: "production" }));
    expect(missing.map((m) => m.split(":")[0])).toEqual(["DATABASE_URL", "PUBLIC_URL", "TRUST_PROXY"]);
    for (const line of missing) expect(line).toMatch(/^[A-Z_]+: .{20,}/);
  });

  it("counts a blank value as missing", () => {
    const missing = missingForProduction(parseEnv({ ...COMPLETE, PUBLIC_URL: " ", TRUST_PROXY: "" }));
    expect(missing.map((m) => m.split(":")[0])).toEqual(["PUBLIC_URL", "TRUST_PROXY"]);
  });

  it("needs the Meilisearch key with an external Meilisearch", () => {
    expect(missingForProduction(parseEnv({ ...COMPLETE, MEILI_URL: "https://search.example.vn" }))).toEqual([
      expect.stringMatching(/^MEILI_MASTER_KEY: /),
    ]);
    expect(
      missingForProduction(parseEnv({ ...COMPLETE, MEILI_URL: "https://search.example.vn", MEILI_MASTER_KEY: "k" })),
    ).toEqual([]);
  });

  it("needs HOOKS_TOKEN once a provider that calls back (eSMS, Zalo) is configured, not for e-mail", () => {
    for (const provider of [{ ESMS_API_KEY: "A1B2C3" }, { ZNS_ACCESS_TOKEN: "tok" }]) {
      expect(missingForProduction(parseEnv({ ...COMPLETE, ...provider }))).toEqual([
        expect.stringMatching(/^HOOKS_TOKEN: /),
      ]);
      expect(missingForProduction(parseEnv({ ...COMPLETE, ...provider, HOOKS_TOKEN: "3f9a1c7e5b2d4a6c8e0f" }))).toEqual(
        [],
      );
    }
    expect(missingForProduction(parseEnv({ ...COMPLETE, SMTP_URL: "smtp://mail.example.vn" }))).toEqual([]);
  });
});

describe("the first log line", () => {
  it("says DEMO and where it listens in the demo, PRODUCTION otherwise", () => {
    expect(modeLine(parseEnv({}))).toMatch(/^DEMO mode: .*not for real people.*127\.0\.0\.1/);
    expect(modeLine(parseEnv(COMPLETE))).toMatch(/^PRODUCTION mode: no demo data, listening on 0\.0\.0\.0/);
  });
});
