import fs from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_HOME } from "../../app/auth/permissions.server";
import { startSession } from "../../app/auth/session.server";
import type { StaffScope } from "../../app/auth/scope.server";
import { activateAccount, activationSchema, issueInvitation } from "../../app/modules/persons/invitations.server";
import { createDataRequest } from "../../app/modules/persons/self-service.server";
import type { FormValues } from "../../app/utils/forms";
import { consentGrant, dataRequest, personTransfer, releasedPerson } from "../../db/schema";
import { DEFAULT_PASSWORD, UNITS, createUser, formBody, uniquePhone } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";

/*
 * The role × route matrix (CONVENTIONS habit 3): every person-related route, every role, the answer each
 * must get. The route files are discovered from app/routes, so a new person-related route fails this test
 * until someone decides, in the table below, who may reach it.
 */

const ctx = setupIntegration({ indexes: true });

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const context: AppLoadContext = { requestId: "t", cspNonce: "n", clientIp: "127.0.0.1" };
const BASE = "http://localhost";

/** The person whose record the matrix is about, and another person of the same commune. */
const SUBJECT_NAME = "Đặng Thị Ma Trận";
const OTHER_NAME = "Vi Văn Người Khác";

const ROLES = ["anonymous", "person", "otherPerson", "employer", "provider", "officerA", "officerB", "adminA", "adminB"] as const;
type RoleKey = (typeof ROLES)[number];
/** Roles that may see the subject's record: the subject, their commune's officer, their province's admin. */
const ENTITLED: readonly RoleKey[] = ["person", "officerA", "adminA"];

/**
 * ok: 2xx, or a redirect within the role's own area. invalid: 400, i.e. every access check passed and the
 * harmless body was refused by validation. login: 302 to /login?redirectTo=<this path>. forbidden: 403.
 * not_found: 404. Anything else (a 500, a thrown Error, a redirect elsewhere) is reported as it is.
 */
const ANSWERS = ["ok", "invalid", "login", "forbidden", "not_found"] as const;
type Answer = (typeof ANSWERS)[number];
type Cells = Record<RoleKey, Answer>;

/** One line of the table: nine answers in ROLES order. */
function cells(line: string): Cells {
  const words = line.trim().split(/\s+/);
  if (words.length !== ROLES.length || words.some((w) => !(ANSWERS as readonly string[]).includes(w))) {
    throw new Error(`matrix line needs ${ROLES.length} answers from ${ANSWERS.join("/")}: "${line}"`);
  }
  return Object.fromEntries(ROLES.map((r, i) => [r, words[i]])) as Cells;
}

type Ids = { person: string; grant: string; job: string; training: string };
type Row = {
  get: Cells;
  /** POSTed with a harmless body: empty unless given (never one that changes the subject's record). */
  post?: { expect: Cells; body?: FormValues };
  params?: (ids: Ids) => Record<string, string>;
  query?: (ids: Ids) => string;
  /** Roles whose GET answer must contain a name: positive controls, so that the absence checks mean something. */
  shows?: Partial<Record<RoleKey, "subject" | "other">>;
};

// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                  anonymous person    otherPerson employer  provider  officerA officerB  adminA    adminB
  // The officer's register: lists answer each staff member with their own reach (never the subject outside it).
  "officer.persons._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        ok        ok"),
    shows: { officerA: "subject", adminA: "subject" },
  },
  "officer.persons.new.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid  invalid   forbidden forbidden") },
  },
  // A provincial admin reads the record; writing is the commune officer's (checked per intent, after scope).
  "officer.persons.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found ok        not_found"),
    post: { body: { intent: "classify" }, expect: cells("login forbidden forbidden   forbidden forbidden invalid  not_found forbidden not_found") },
    shows: { officerA: "subject", adminA: "subject" },
  },
  // Officer-only pages: the permission is checked before the scope, so both admins get 403.
  // POST with an empty body: validation runs before the scope lookup, so officer B gets the same 400 for any
  // id (no person data, no existence oracle); the valid-body IDOR test below checks B's 404.
  "officer.persons.$id_.close.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid  invalid   forbidden forbidden") },
  },
  "officer.persons.$id_.consents.$grantId.print.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
  },
  "officer.persons.$id_.export.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
  },
  "officer.persons.$id_.export[.]json.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
  },
  // POST issues a fresh code (the officer's normal action; the person keeps their account).
  "officer.persons.$id_.invite.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden") },
  },
  "officer.persons.$id_.move.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       not_found forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid  invalid   forbidden forbidden") },
  },
  "officer.expungements.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        ok        ok"),
  },
  "officer.candidates.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        forbidden forbidden"),
    query: () => "?q=sua+xe+may",
    shows: { officerA: "subject" },
  },
  "officer.transfers.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid  invalid   forbidden forbidden") },
  },
  "officer.requests.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok       ok        forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid  invalid   forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  // The audit trail, filtered on the subject: only their province's admin sees their events.
  "admin.audit.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden forbidden forbidden ok        ok"),
    query: (ids) => `?personId=${ids.person}`,
    shows: { adminA: "subject" },
  },
  // The person's own pages: each person gets their own record, never another's.
  "me._index.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden") },
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.consents.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden") },
  },
  "me.data.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden") },
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.data[.]json.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden"),
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.saved.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden") },
  },
  // Public: a logged-in user is sent to their own home; a post without a code is refused for everyone.
  "activate.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok       ok        ok        ok"),
    post: { expect:                             cells("invalid   invalid   invalid     invalid   invalid   invalid  invalid   invalid   invalid") },
  },
  // Public listings whose action is the person's "save" / "ask for a referral" ($id is the listing here).
  "jobs.$id.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok       ok        ok        ok"),
    post: { body: { intent: "unsave" }, expect: cells("login   ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.job }),
  },
  "trainings.$id.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok       ok        ok        ok"),
    post: { body: { intent: "unsave" }, expect: cells("login   ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.training }),
  },
};

/** Route files that touch persons' records, by name: each must have a row above. */
const PERSON_RELATED = /^(officer\.persons|officer\.(expungements|candidates|transfers|requests)\.|me\.|admin\.audit\.|activate\.)/;

/** The URL of a flat route file: `officer.persons.$id_.consents.$grantId.print.tsx` → /officer/persons/:id/consents/:grantId/print. */
function routeUrl(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => {
      if (!s.startsWith("$")) return s;
      const value = params[s.slice(1)];
      if (!value) throw new Error(`${file}: no value for param ${s}`);
      return value;
    });
  return `/${segments.join("/")}`;
}

function paramsOf(file: string, defaults: Record<string, string>): Record<string, string> {
  const names = [...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((n) => [n, defaults[n]]));
}

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;
type RouteModule = { loader?: Handler; action?: Handler };

/** A loader's or action's answer, returned or thrown; a plain object counts as a 200 (Remix serialises it). */
async function call(handler: Handler, request: Request, params: Record<string, string>): Promise<Response | Error> {
  try {
    const result = await handler({ request, params, context });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return thrown instanceof Error ? thrown : new Error(String(thrown));
  }
}

/** Each test role's account role, whose home (ROLE_HOME) is the area its redirects must stay in. */
const roleOf: Record<Exclude<RoleKey, "anonymous">, keyof typeof ROLE_HOME> = {
  person: "person",
  otherPerson: "person",
  employer: "employer",
  provider: "provider",
  officerA: "officer",
  officerB: "officer",
  adminA: "admin",
  adminB: "admin",
};

/** The answer in the table's words, or a description of what came instead (which then fails the row). */
function classify(role: RoleKey, url: string, res: Response | Error): string {
  if (res instanceof Error) return `error: ${res.message}`;
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get("Location") ?? "";
    if (location.startsWith("/login?")) {
      return location === `/login?redirectTo=${encodeURIComponent(url)}` ? "login" : `login elsewhere: ${location}`;
    }
    const home = role === "anonymous" ? null : ROLE_HOME[roleOf[role]];
    if (home && (location === home || location.startsWith(`${home}/`) || location.startsWith(`${home}?`))) return "ok";
    return `redirect ${res.status} → ${location}`;
  }
  const word: Record<number, Answer> = { 400: "invalid", 403: "forbidden", 404: "not_found" };
  return word[res.status] ?? `status ${res.status}`;
}

function request(method: "GET" | "POST", url: string, cookie: string | undefined, body?: FormValues): Request {
  const headers: Record<string, string> = { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) };
  if (method === "GET") return new Request(`${BASE}${url}`, { headers });
  return new Request(`${BASE}${url}`, {
    method,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody(body ?? {}),
  });
}

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

let ids: Ids;
const cookies = {} as Record<Exclude<RoleKey, "anonymous">, string>;
let officerA: StaffScope;
let officerB: StaffScope;
let dataRequestId: string;

/** A person registered by the officer, invited and activated through the invitation module: their user id. */
async function activatedPerson(officer: StaffScope, fullName: string, ip: string) {
  const phone = uniquePhone();
  const personId = await createPerson(officer, { fullName, phone });
  const issued = await issueInvitation(officer, personId);
  if (!issued) throw new Error("issueInvitation failed");
  const input = activationSchema.parse({ code: issued.code, phone, password: DEFAULT_PASSWORD, passwordConfirm: DEFAULT_PASSWORD });
  const outcome = await activateAccount({ ...input, ip });
  if (!outcome.ok) throw new Error(`activateAccount failed: ${JSON.stringify(outcome.errors)}`);
  return { personId, userId: outcome.userId };
}

const cookieFor = async (userId: string) => (await startSession(userId)).split(";")[0];

beforeAll(async () => {
  officerA = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  officerB = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
  const subject = await activatedPerson(officerA, SUBJECT_NAME, "10.40.0.1");
  const other = await activatedPerson(officerA, OTHER_NAME, "10.40.0.2");
  const grant = await giveConsent(officerA, subject.personId);
  await giveConsent(officerA, other.personId);
  // An open data request, so that the subject's name is on officer A's requests page (and must not be on B's).
  const requested = await createDataRequest(subject.userId, { kind: "correction", message: "Sai ngày sinh" });
  if (!requested.ok) throw new Error("createDataRequest failed");
  dataRequestId = requested.id;

  const employer = await createOrgMember("employer");
  const provider = await createOrgMember("provider");
  const job = await publishJob(employer);
  const training = await publishTraining(provider);
  const adminA = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  const adminB = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
  await drain();

  ids = { person: subject.personId, grant, job: job.id, training: training.id };
  const users: Record<Exclude<RoleKey, "anonymous">, string> = {
    person: subject.userId,
    otherPerson: other.userId,
    employer: employer.actorId,
    provider: provider.actorId,
    officerA: officerA.actorId,
    officerB: officerB.actorId,
    adminA: adminA.id,
    adminB: adminB.id,
  };
  for (const [role, userId] of Object.entries(users)) cookies[role as Exclude<RoleKey, "anonymous">] = await cookieFor(userId);
}, 120_000);

describe("role × route matrix", () => {
  it("has a row for every person-related route file, and no row for a file that is gone", () => {
    const files = fs.readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
    const missing = files.filter((f) => PERSON_RELATED.test(f) && !(f in MATRIX));
    expect(missing, `person-related routes without a row in the matrix: decide who may reach them`).toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !files.includes(f)), "rows for route files that no longer exist").toEqual([]);
    // The discovery itself still sees the routes it is meant to (a renamed folder would silently find nothing).
    expect(files.filter((f) => PERSON_RELATED.test(f)).length).toBeGreaterThanOrEqual(19);
  });

  it.each(Object.keys(MATRIX))("%s", async (file) => {
    const row = MATRIX[file];
    const mod = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
    expect(mod.loader, `${file} has no loader`).toBeTypeOf("function");
    expect(!!mod.action, `${file}: the row's POST column must match whether the route has an action`).toBe(!!row.post);

    const params = row.params?.(ids) ?? paramsOf(file, { id: ids.person, grantId: ids.grant });
    const url = routeUrl(file, params) + (row.query?.(ids) ?? "");
    const names = { subject: SUBJECT_NAME, other: OTHER_NAME };

    const got: { get: Partial<Cells>; post?: Partial<Cells> } = { get: {}, ...(row.post ? { post: {} } : {}) };
    const leaks: string[] = [];
    const missingNames: string[] = [];
    for (const method of ["GET", "POST"] as const) {
      const handler = method === "GET" ? mod.loader : mod.action;
      if (!handler) continue;
      for (const role of ROLES) {
        const cookie = role === "anonymous" ? undefined : cookies[role];
        const res = await call(handler, request(method, url, cookie, row.post?.body), params);
        const answer = classify(role, url, res);
        (method === "GET" ? got.get : got.post!)[role] = answer as Answer;
        const body = res instanceof Response ? await res.clone().text() : "";
        if (!ENTITLED.includes(role) && body.includes(SUBJECT_NAME)) leaks.push(`${method} ${role} (${answer})`);
        const shown = method === "GET" ? row.shows?.[role] : undefined;
        if (shown && !body.includes(names[shown])) missingNames.push(`${method} ${role} lacks ${names[shown]}`);
      }
    }
    expect({ ...got, leaks, missingNames }, url).toEqual({
      get: row.get,
      ...(row.post ? { post: row.post.expect } : {}),
      leaks: [],
      missingNames: [],
    });
  });
});

/*
 * The matrix posts harmless bodies, so a route that validates before it looks up the person answers 400
 * to everyone. Here the other commune and the other person post bodies that would work on their own
 * records: each must be not found, and the subject's record must be unchanged.
 */
describe("valid bodies against someone else's record", () => {
  async function post(file: string, role: Exclude<RoleKey, "anonymous">, body: FormValues, params: Record<string, string> = { id: ids.person }) {
    const mod = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
    const url = routeUrl(file, params);
    return classify(role, url, await call(mod.action!, request("POST", url, cookies[role], body), params));
  }

  it("the other commune's officer and the other province's admin cannot write to the subject's record", async () => {
    const answers = {
      closeB: await post("officer.persons.$id_.close.tsx", "officerB", { intent: "close", reason: "moved_away", note: "" }),
      moveB: await post("officer.persons.$id_.move.tsx", "officerB", { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon, note: "" }),
      classifyB: await post("officer.persons.$id.tsx", "officerB", { intent: "classify", group: "A", note: "" }),
      withdrawB: await post("officer.persons.$id.tsx", "officerB", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      withdrawAdminB: await post("officer.persons.$id.tsx", "adminB", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      withdrawAdminA: await post("officer.persons.$id.tsx", "adminA", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      resolveB: await post("officer.requests.tsx", "officerB", { requestId: dataRequestId, outcome: "declined" }, {}),
      resolveAdminA: await post("officer.requests.tsx", "adminA", { requestId: dataRequestId, outcome: "declined" }, {}),
    };
    expect(answers).toEqual({
      closeB: "not_found",
      moveB: "not_found",
      classifyB: "not_found",
      withdrawB: "not_found",
      withdrawAdminB: "not_found",
      withdrawAdminA: "forbidden",
      resolveB: "not_found",
      resolveAdminA: "forbidden",
    });
    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, ids.person));
    expect(person.status).toBe("active");
    expect(await ctx.handle.db.select().from(personTransfer).where(eq(personTransfer.personId, ids.person))).toEqual([]);
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, ids.grant));
    expect(grant.withdrawnAt).toBeNull();
    const [open] = await ctx.handle.db.select().from(dataRequest).where(eq(dataRequest.id, dataRequestId));
    expect(open.status).toBe("open");
  });

  it("another person cannot withdraw the subject's consent from their own pages", async () => {
    const answers = {
      home: await post("me._index.tsx", "otherPerson", { intent: "withdraw", grantId: ids.grant, note: "" }, {}),
      consents: await post("me.consents.tsx", "otherPerson", { intent: "withdraw", grantId: ids.grant, note: "" }, {}),
    };
    expect(answers).toEqual({ home: "not_found", consents: "not_found" });
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, ids.grant));
    expect(grant.withdrawnAt).toBeNull();
  });
});
