import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseEnv } from "~/env.server";

import { envFailure, PRODUCTION_DB } from "../factories/env";

const failure = envFailure;

describe("parseEnv", () => {
  it("gives working defaults for the embedded setup", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      mode: "demo",
      host: "127.0.0.1",
      MEILI_INDEX_PREFIX: "ct_",
      demoData: true,
      cookieSecure: false,
      trustedOrigins: [],
    });
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MEILI_URL).toBeUndefined();
  });

  it("turns demo data off when a real database is configured, and on for an explicit demo on it", () => {
    const url = PRODUCTION_DB;
    expect(parseEnv({ DATABASE_URL: url }).demoData).toBe(false);
    expect(parseEnv({ DATABASE_URL: url, APP_MODE: "demo" }).demoData).toBe(true);
    expect(parseEnv({ DATABASE_URL: url, APP_MODE: "demo", DEMO_DATA: "false" }).demoData).toBe(false);
    expect(parseEnv({ DEMO_DATA: "false" }).demoData).toBe(false);
  });

  it("treats empty URLs as unset", () => {
    const env = parseEnv({ DATABASE_URL: " ", MEILI_URL: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MEILI_URL).toBeUndefined();
    expect(env.demoData).toBe(true);
  });

  it("sends Secure cookies in production unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production" }).cookieSecure).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
    expect(parseEnv({ NODE_ENV: "development", COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });

  it("splits trusted origins on commas and drops blanks", () => {
    expect(
      parseEnv({ TRUSTED_ORIGINS: " https://chungtay.gov.vn, https://proxy.example.vn ,," }).trustedOrigins,
    ).toEqual(["https://chungtay.gov.vn", "https://proxy.example.vn"]);
  });

  it("reads PORT as a number and DATA_DIR as an absolute path", () => {
    const env = parseEnv({ PORT: "8080", DATA_DIR: "/var/lib/chungtay" });
    expect(env.PORT).toBe(8080);
    expect(env.dataDir).toBe("/var/lib/chungtay");
  });

  it.each(["abc", "70000", "-1", "80.5"])("refuses PORT=%j naming the variable and an example", (value) => {
    const message = failure({ PORT: value });
    expect(message).toMatch(/^\s*PORT: /m);
    expect(message).toContain("for example 3000");
  });

  it("refuses a MEILI_URL that is not a URL, naming the variable and an example", () => {
    const message = failure({ MEILI_URL: "search dot example" });
    expect(message).toMatch(/^\s*MEILI_URL: /m);
    expect(message).toContain("for example https://search.example.vn");
  });

  it("refuses a DATABASE_URL that is not a URL, with an example", () => {
    const message = failure({ DATABASE_URL: "chungtay-db" });
    expect(message).toMatch(/^\s*DATABASE_URL: /m);
    expect(message).toContain("for example postgres://");
  });

  it("names every bad variable at once", () => {
    const message = failure({ PORT: "abc", MEILI_URL: "nope", NODE_ENV: "staging", MEILI_INDEX_PREFIX: "ct prod" });
    for (const name of ["PORT", "MEILI_URL", "NODE_ENV", "MEILI_INDEX_PREFIX"])
      expect(message).toMatch(new RegExp(`^\\s*${name}: `, "m"));
    expect(message).toContain("for example ct_");
  });
});
