import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";

import { describeError, log, redact } from "~/utils/log.server";

/*
 * The logger is the only way out for log lines (docs/decisions/017): these tests pin what it removes and
 * what it keeps for the operator. tests/integration/hardening-logs.test.ts drives real flows through it.
 */

describe("redact", () => {
  it.each([
    ["a mobile number", "gọi 0912345678 lúc 9 giờ", "gọi [phone] lúc 9 giờ"],
    ["a grouped mobile number", "phone 0912 345 678.", "phone [phone]."],
    ["dots and dashes", "0912.345.678 / 0912-345-678", "[phone] / [phone]"],
    ["+84", "+84 912 345 678", "[phone]"],
    ["84 without plus", "tel=84912345678", "tel=[phone]"],
    ["an 11-digit landline", "0243 8251 234", "[phone]"],
    ["an email", "from nguyen.van.an+test@cong-ty.com.vn:", "from [email]:"],
    ["a Vietnamese email", "lan.nguyễn@ví-dụ.vn", "[email]"],
    ["a citizen id", "CCCD 001099012345 đã có", "CCCD [id] đã có"],
    ["a grouped citizen id", "id 001 099 012345", "id [id]"],
    [
      "PostgreSQL's key detail",
      "Key (citizen_id)=(001099012345) already exists.",
      "Key (citizen_id)=([redacted]) already exists.",
    ],
    [
      "a failing row",
      "Failing row contains (a1, Nguyễn Văn An, 1990-01-01, null).",
      "Failing row contains ([redacted]).",
    ],
    [
      "a typed value",
      'invalid input syntax for type uuid: "Nguyễn Văn An"',
      'invalid input syntax for type uuid: "[redacted]"',
    ],
    ["a query string", "GET /officer/persons?q=Nguy%E1%BB%85n&page=2 failed", "GET /officer/persons?[query] failed"],
    [
      "a URL's query string",
      "Request to http://127.0.0.1:7700/indexes/x/search?q=An has failed",
      "Request to http://127.0.0.1:7700/indexes/x/search?[query] has failed",
    ],
  ])("removes %s", (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ["a request id and a path", "[request] a1b2c3d4 GET /officer/persons/5f1c2a9e-0000-4000-8000-000000000001"],
    ["durations and counts", "Ready in 4.2 s: 3321 communes, 120 jobs"],
    ["a timestamp", "at 2026-11-21T23:54:44.123Z (1795294766111)"],
    ["a SQLSTATE and a constraint", "PostgresError (code 23505, constraint released_person_citizen_id_key)"],
    ["a port", "http://127.0.0.1:7700"],
  ])("keeps %s", (_what, input) => {
    expect(redact(input)).toBe(input);
  });
});

/** What postgres.js throws for a unique violation: detail holds the row's value. */
function postgresError() {
  return Object.assign(new Error('duplicate key value violates unique constraint "released_person_citizen_id_key"'), {
    name: "PostgresError",
    code: "23505",
    detail: "Key (citizen_id)=(001099012345) already exists.",
    constraint_name: "released_person_citizen_id_key",
    table_name: "released_person",
    where: "SQL statement with Nguyễn Văn An",
    parameters: ["Nguyễn Văn An", "0912345678", "001099012345"],
  });
}

describe("describeError", () => {
  it("keeps the SQL of a failed query but never its parameters, and follows the cause", () => {
    const error = new DrizzleQueryError(
      'insert into "released_person" ("full_name", "phone", "citizen_id") values ($1, $2, $3)',
      ["Nguyễn Văn An", "0912345678", "001099012345"],
      postgresError(),
    );
    const text = describeError(error);
    expect(text).toContain('Failed query: insert into "released_person"');
    expect(text).toContain(
      "caused by: PostgresError (code 23505, constraint released_person_citizen_id_key, table released_person)",
    );
    for (const secret of ["Nguyễn Văn An", "0912345678", "001099012345", "params"]) expect(text).not.toContain(secret);
  });

  it("never prints detail, where or parameters of a database error", () => {
    const text = describeError(postgresError());
    expect(text).toMatch(/^PostgresError \(code 23505/);
    expect(text).not.toMatch(/Nguyễn|0912345678|001099012345|Key \(/);
  });

  it("keeps stack frames for errors, leaves them out when asked", () => {
    const error = new Error("boom");
    expect(
      describeError(error)
        .split("\n")
        .some((l) => l.trim().startsWith("at ")),
    ).toBe(true);
    expect(describeError(error, { stack: false })).toBe("Error: boom");
  });

  it("prints a thrown object by its kind only, never its fields", () => {
    expect(describeError({ fullName: "Nguyễn Văn An", phone: "0912345678" })).toBe("[Object]");
    expect(describeError("Nguyễn Văn An 0912345678")).toBe("Nguyễn Văn An [phone]");
  });
});

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes info to stdout and warnings and errors to stderr, redacted", () => {
    const lines: string[] = [];
    // Capturing the console (not replacing the logger): the lines are what an operator would read.
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(`out ${line}`));
    vi.spyOn(console, "warn").mockImplementation((line: string) => void lines.push(`err ${line}`));
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(`err ${line}`));
    log.info("auth", "hello 0912345678", { email: "an@example.vn", count: 3 });
    log.warn("search", "fallback", new Error("Request to http://x/search?q=0912345678 failed"));
    log.error("request", "a1b2c3d4 POST /officer/persons", postgresError(), { route: "routes/officer.persons" });
    expect(lines[0]).toBe("out [auth] hello [phone] email=[email] count=3");
    expect(lines[1]).toBe("err [search] fallback\n  Error: Request to http://x/search?[query] failed");
    expect(lines[2]).toMatch(
      /^err \[request\] a1b2c3d4 POST \/officer\/persons route=routes\/officer.persons\n {2}PostgresError \(code 23505/,
    );
    expect(lines.join("\n")).not.toMatch(/0912345678|an@example\.vn|001099012345|Nguyễn/);
  });

  it("with LOG_FORMAT=json writes one JSON object a line, redacted the same way", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    vi.stubEnv("LOG_FORMAT", "json");
    try {
      expect(log.requestLines).toBe(true);
      log.info("http", "GET routes/jobs.$id 200", { requestId: "a1b2c3d4", status: 200, ms: 12, note: "0912345678" });
      log.error("request", "a1b2c3d4 POST /officer/persons", postgresError());
    } finally {
      vi.unstubAllEnvs();
    }
    expect(lines).toHaveLength(2);
    const [info, error] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(info).toMatchObject({ level: "info", scope: "http", msg: "GET routes/jobs.$id 200", requestId: "a1b2c3d4" });
    expect(info.status).toBe(200);
    expect(info.note).toBe("[phone]");
    expect(Date.parse(info.time as string)).not.toBeNaN();
    expect(error).toMatchObject({ level: "error", scope: "request" });
    expect(error.error).toMatch(/^PostgresError \(code 23505/);
    expect(lines.join("\n")).not.toMatch(/0912345678|an@example\.vn|001099012345|Nguyễn/);
    expect(log.requestLines).toBe(false);
  });
});
