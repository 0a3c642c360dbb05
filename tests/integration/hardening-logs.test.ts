import util from "node:util";

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { handleError } from "~/entry.server";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { jobSearchSchema } from "~/modules/search/params";
import { searchJobs } from "~/modules/search/public-search.server";
import { loader as personsLoader } from "~/routes/officer.persons._index";

import { db } from "../../db/client.server";
import { isUniqueViolation } from "../../db/errors";
import { releasedPerson } from "../../db/schema";
import { initSearch } from "../../search/client.server";
import { freePort } from "../../search/launcher";
import { createUser } from "../factories";
import { createOfficerScope, createPerson } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { cookieFor, routeContext, routeRequest } from "../setup/routes";

/*
 * No personal data in logs (decision 017): real flows that log (an error in a loader, a unique violation,
 * failed logins up to a lock, a search fallback) run while everything written to the console and to
 * stdout/stderr is captured; none of it may hold the person's name, phone or citizen id. Each flow first
 * shows that the raw error does hold them, so the test would catch a logger that printed it as it is.
 */

const ctx = setupIntegration();

const NAME = "Lê Thị Bí Mật";
const PHONE = "0987654321";
const CITIZEN_ID = "079188012345";
const FORBIDDEN = [NAME, "le thi bi mat", "Bí Mật", PHONE, "987654321", "0987 654 321", CITIZEN_ID];

let captured: string[] = [];
beforeEach(() => {
  captured = [];
  // Capture, not replace: the logger still formats every line, the test reads what would reach the terminal.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) =>
        void captured.push(args.map((a) => (typeof a === "string" ? a : util.inspect(a))).join(" ")),
    );
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation(
      ((chunk: string | Uint8Array) => (captured.push(String(chunk)), true)) as typeof stream.write,
    );
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  const text = captured.join("\n");
  for (const secret of FORBIDDEN)
    expect(text.toLowerCase(), `the log holds "${secret}":\n${text}`).not.toContain(secret.toLowerCase());
});
const output = () => captured.join("\n");

let officerCookie = "";
beforeAll(async () => {
  const scope = await createOfficerScope();
  await createPerson(scope, { fullName: NAME, phone: PHONE, citizenId: CITIZEN_ID });
  officerCookie = await cookieFor(scope.actorId);
});

describe("what reaches the log", () => {
  it("an error in a loader: the officer's list searched by the person's name while the database fails", async () => {
    const request = routeRequest(`/officer/persons?q=${encodeURIComponent(NAME)}`, { cookie: officerCookie });
    await db().execute(sql`alter table released_person rename column full_name to full_name_moved`);
    let thrown: unknown;
    try {
      await personsLoader({ request, params: {}, context: routeContext() });
    } catch (error) {
      thrown = error;
    } finally {
      await db().execute(sql`alter table released_person rename column full_name_moved to full_name`);
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(util.inspect(thrown)).toContain(NAME); // the query's parameters are in the raw error
    handleError(thrown, { request, params: {}, context: routeContext() });
    expect(output()).toMatch(/\[request\] t GET \/officer\/persons\n/);
    expect(output()).toContain("code 42703"); // undefined_column: enough for the operator
  });

  it("a unique violation: a second intake racing the first with the same citizen id", async () => {
    let thrown: unknown;
    try {
      await db().insert(releasedPerson).values({
        fullName: NAME,
        gender: "female",
        dateOfBirth: "1988-04-12",
        citizenId: CITIZEN_ID,
        phone: PHONE,
        provinceCode: "68",
        communeCode: "24697",
        releaseDate: "2025-01-10",
        releaseType: "completed",
      });
    } catch (error) {
      thrown = error;
    }
    expect(isUniqueViolation(thrown)).toBe(true);
    expect(util.inspect(thrown)).toContain(CITIZEN_ID); // parameters and PostgreSQL's detail
    const request = routeRequest("/officer/persons/new", { cookie: officerCookie, form: { fullName: NAME } });
    handleError(thrown, { request, params: {}, context: routeContext() });
    expect(output()).toContain("[request] t POST /officer/persons/new");
    expect(output()).toMatch(/code 23505, constraint person_citizen_id_key/);
  });

  it("failed logins by the person's phone, up to the lock", async () => {
    const person = await createUser({ role: "person", email: null, phone: PHONE, fullName: NAME });
    for (let i = 0; i < 6; i++)
      await attemptLogin({ identifier: parseIdentifier(PHONE)!, password: `SaiMatKhau${i}`, ip: "10.64.0.1" });
    expect(output()).toContain(`[auth] login locked after repeated failures account=acct:${person.id} minutes=1`);
  });

  it("a search fallback while Meilisearch is unreachable, for a query holding the name and phone", async () => {
    initSearch({ url: `http://127.0.0.1:${await freePort()}`, apiKey: "unused", indexPrefix: "nowhere_" });
    try {
      const result = await searchJobs(jobSearchSchema.parse({ q: `${NAME} ${PHONE} ${CITIZEN_ID}` }));
      expect(result.source).toBe("database");
    } finally {
      initSearch(ctx.search.config);
    }
    expect(output()).toContain("[search] Meilisearch unavailable, using PostgreSQL");
  });
});
