import fs from "node:fs";
import path from "node:path";

import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { refreshEnv } from "~/env.server";
import { createDataRequest } from "~/modules/persons/self-service.server";
import { publishFigures } from "~/modules/public-figures/publish.server";

import { notification } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { createOfficerScope, giveConsent } from "../factories/persons";
import { FC_SEED, fuzz, junkText } from "../setup/fuzz";
import { activatedPerson } from "../setup/fuzz-db";
import { drainOutbox, setupIntegration } from "../setup/integration";
import {
  callHandler,
  exportsAction,
  exportsLoader,
  isResourceRoute,
  routeFiles,
  routePath,
} from "../setup/route-files";
import { cookieFor } from "../setup/routes";
import { type RecordIds as Ids, supportRecords, wayToWork } from "../setup/subject-record";

/*
 * Bad input in query strings (issue 7): every loader, the JSON, CSV and XLSX endpoints first, called
 * in-process as a user who may open it, with generated query strings (known names with junk values,
 * unknown names, repeated names, malformed percent-encoding). Never a 500, never a thrown error: a bad filter
 * is dropped or answered with a 4xx. Also the list check: every route with an action must be in one of the
 * bad-input-forms-*.test.ts files, so a new form cannot escape the fuzzing.
 */

const ctx = setupIntegration({ indexes: true });
const RUNS = Number(process.env.FC_GET_RUNS ?? 6);
const RESOURCE_RUNS = Number(process.env.FC_RUNS ?? 25);

type Role = "anonymous" | "person" | "employer" | "provider" | "officer" | "admin";
let ids: Ids;
const cookies = {} as Record<Exclude<Role, "anonymous">, string>;

/** Who opens a route: its area decides (public pages anonymously). */
function roleOf(file: string): Role {
  if (/^(me\.|notifications)/.test(file)) return "person";
  if (file.startsWith("employer.")) return "employer";
  if (file.startsWith("provider.")) return "provider";
  if (/^(admin\.|organizations\.)/.test(file)) return "admin";
  if (file.startsWith("officer.")) return "officer";
  return "anonymous";
}

/** The record each `$id` of a route file stands for (the entitled user's own, so the loader does its work). */
const HOOKS_TOKEN = "x".repeat(43);
process.env.HOOKS_TOKEN = HOOKS_TOKEN;
refreshEnv();

function paramsOf(file: string): Record<string, string> {
  const which: [RegExp, keyof Ids][] = [
    [/^employer\.referrals/, "referral"],
    [/^provider\.referrals/, "trainingReferral"],
    [/^(employer\.jobs|jobs|officer\.jobs)\./, "job"],
    [/^(provider\.trainings|trainings|officer\.trainings)\./, "training"],
    [/^notifications/, "notification"],
    [/^officer\.enrolments/, "enrolment"],
    [/^officer\.follow-ups/, "followUp"],
    [/^officer\.job-fairs/, "fair"],
    [/^officer\.loans/, "loan"],
    [/^officer\.meetings/, "meeting"],
    [/^officer\.models/, "model"],
    [/^officer\.persons/, "person"],
    [/^officer\.placements/, "placement"],
    [/^officer\.referrals/, "referral"],
  ];
  const params: Record<string, string> = {};
  if (file.includes("$id")) params.id = ids[which.find(([re]) => re.test(file))?.[1] ?? "person"];
  if (file.includes("$grantId")) params.grantId = ids.grant;
  // A token-shaped reset link that names no request (the page says how to ask for a new one); for the
  // providers' delivery reports, the configured HOOKS_TOKEN (set below), so the fuzz reaches the parser.
  if (file.includes("$token")) params.token = HOOKS_TOKEN;
  // A message's short link that names nothing (the page still answers, revealing nothing).
  if (file.includes("$code")) params.code = "AbCdEf12";
  if (file === "$.tsx") params["*"] = "khong-co-trang-nay";
  // A province's public figures.
  if (file.includes("$province")) params.province = UNITS.lamDong;
  return params;
}

/** Query names the app reads somewhere, so junk reaches real parsing and not only the "unknown" path. */
// prettier-ignore
const KNOWN_NAMES = [
  "q", "province", "commune", "group", "occupation", "wage", "type", "benefit", "sort", "page", "level", "free", "support", "status", "month", "from", "to", "model", "before", "personId",
  "actor", "action", "referral", "enrolment", "kind", "listing", "request", "find", "done", "saved", "marked", "code", "need", "due", "expiring", "redirectTo", "period", "year", "quarter",
];
/** Plausible values, so some queries are good ones and the endpoints do their real work too. */
const GOOD_PAIRS: [string, string][] = [
  ["province", UNITS.lamDong],
  ["commune", UNITS.namDa],
  ["q", "sửa xe máy"],
  ["q", "Nguyễn".normalize("NFD")],
  ["page", "2"],
  ["sort", "newest"],
  ["month", "2026-01"],
  ["from", "2025-01-01"],
  ["to", "2025-12-31"],
  ["status", "listed"],
  ["type", "full_time"],
];
const queryArbitrary = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.subarray(GOOD_PAIRS, { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom(...KNOWN_NAMES), junkText), { maxLength: 2 }),
      )
      .map(([good, junk]) => {
        const query = new URLSearchParams();
        for (const [k, v] of [...good, ...junk]) query.append(k, v);
        return query.toString();
      }),
  },
  {
    weight: 5,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_NAMES), fc.string({ maxLength: 8 })), junkText), {
        maxLength: 6,
      })
      .map((pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v);
        return query.toString();
      }),
  },
  // Raw query strings no browser would build: broken percent-escapes, lone ampersands, encoded NULs.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "q=%E0%A4%A",
      "%",
      "q=%00",
      "page=%FF%FE",
      "&&&=&",
      "q=a%",
      "province[]=25&province[]=68",
      "q=%C0%AF",
      "wage=-1e309",
      "page=99999999999999999999",
    ),
  },
);

const routes = routeFiles();
const loaders = routes.filter((r) => exportsLoader(r.source));
const sourceOf = (file: string) => routes.find((r) => r.file === file)!.source;

beforeAll(async () => {
  const officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  const employer = await createOrgMember("employer");
  const provider = await createOrgMember("provider");
  const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  const subject = await activatedPerson(officer, { fullName: "Đoàn Văn Truy Vấn" });
  const grant = await giveConsent(officer, subject.personId, {
    purposes: ["matching", "training_referral", "share_contact"],
  });
  await createDataRequest(subject.userId, { kind: "correction", message: "Sai địa chỉ" });
  const job = await publishJob(employer);
  const training = await publishTraining(provider);
  await drainOutbox(ctx.handle.db, ctx.search);
  // The public figures' files answer 404 until the first publication: publish, so the fuzz reaches them.
  await publishFigures(ctx.handle.db);
  const way = await wayToWork(ctx.handle.db, subject.personId, {
    officer,
    employer,
    provider,
    job: job.id,
    training: training.id,
  });
  const [note] = await ctx.handle.db
    .select({ id: notification.id })
    .from(notification)
    .where(eq(notification.recipientId, subject.userId))
    .limit(1);
  ids = {
    person: subject.personId,
    grant,
    job: job.id,
    training: training.id,
    ...way,
    notification: String(note!.id),
    ...(await supportRecords(officer, subject.personId)),
  };
  cookies.person = await cookieFor(subject.userId);
  cookies.employer = await cookieFor(employer.actorId);
  cookies.provider = await cookieFor(provider.actorId);
  cookies.officer = await cookieFor(officer.actorId);
  cookies.admin = await cookieFor(admin.id);
}, 120_000);

async function fuzzLoader(file: string, source: string, numRuns: number) {
  const module = (await import(`../../app/routes/${file.replace(/\.tsx?$/, "")}`)) as {
    loader: Parameters<typeof callHandler>[0];
  };
  const role = roleOf(file);
  const params = paramsOf(file);
  const pathname = routePath(file, params);
  const statuses: Record<number, number> = {};
  // First every name the app reads at once, each time with one of the nastiest values (a NUL is what
  // PostgreSQL refuses; the random runs below would rarely put it in the one name a page reads).
  // Then each name the route's own source mentions on its own, with a NUL (a page may stop at the first bad
  // name, e.g. the audit filter checks personId before it looks the actor up).
  const mentioned = KNOWN_NAMES.filter((n) => source.includes(`"${n}"`));
  const spikes = [
    ...[
      "a\u0000b",
      "Nguyễn Văn Hùng".normalize("NFD"),
      "x".repeat(100_000),
      "-1",
      "<script>alert(1)</script>",
      "\uD800",
    ].map((v) => KNOWN_NAMES.map((n) => [n, v])),
    ...mentioned.flatMap((n) => [[[n, "a\u0000b"]], [[n, "x\u0000@example.vn"]]]),
  ];
  for (const pairs of spikes) {
    const spike = pairs[0]![1]!;
    const query = new URLSearchParams(pairs).toString();
    const headers: Record<string, string> = role === "anonymous" ? {} : { Cookie: cookies[role] };
    const res = await callHandler(
      module.loader,
      new Request(`http://localhost${pathname}?${query}`, { headers }),
      params,
    );
    const label = `GET ${pathname} with ${pairs.length > 1 ? "every known name" : pairs[0]![0]} = ${JSON.stringify(spike.slice(0, 20))} as ${role}`;
    if (res instanceof Error) throw new Error(`${label}: threw ${res.stack ?? res.message}`);
    expect(res.status, `${label}: ${(await res.clone().text()).slice(0, 300)}`).toBeLessThan(500);
    await res.arrayBuffer();
  }
  await fuzz(
    queryArbitrary,
    async (query) => {
      const headers: Record<string, string> = role === "anonymous" ? {} : { Cookie: cookies[role] };
      const res = await callHandler(
        module.loader,
        new Request(`http://localhost${pathname}?${query}`, { headers }),
        params,
      );
      const label = `GET ${pathname}?${query.slice(0, 300)} as ${role}`;
      if (res instanceof Error) throw new Error(`${label}: threw ${res.stack ?? res.message}`);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status, `${label}: ${(await res.clone().text()).slice(0, 300)}`).toBeLessThan(500);
      await res.arrayBuffer();
    },
    numRuns,
  );
  return statuses;
}

describe(`bad query strings (FC_SEED=${FC_SEED})`, () => {
  const resources = loaders.filter((r) => isResourceRoute(r.source)).map((r) => r.file);

  it("finds the JSON, CSV and XLSX endpoints it fuzzes", () => {
    expect(resources).toEqual(
      expect.arrayContaining([
        "api.communes.ts",
        "healthz.ts",
        "me.data[.]json.tsx",
        "officer.persons.$id_.export[.]json.tsx",
        "officer.reports.export[.]csv.tsx",
        "officer.reports.export[.]xlsx.tsx",
        "officer.loans.bank-list[.]csv.tsx",
      ]),
    );
  });

  it.each(resources)(
    "%s: never a 500 whatever the query string",
    async (file) => {
      const statuses = await fuzzLoader(file, sourceOf(file), RESOURCE_RUNS);
      // The positive control: the endpoint really answered (or redirected, for lang, logout and opening a
      // notification) and not only refused, so the fuzz reached its work.
      expect(
        Object.keys(statuses).some((s) => Number(s) < 400),
        `${file}: ${JSON.stringify(statuses)}`,
      ).toBe(true);
    },
    120_000,
  );

  it.each(loaders.filter((r) => !isResourceRoute(r.source)).map((r) => r.file))(
    "page %s: never a 500 whatever the query string",
    async (file) => {
      const statuses = await fuzzLoader(file, sourceOf(file), RUNS);
      expect(Object.keys(statuses).length, file).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe("every form is fuzzed", () => {
  it("each route with an action has a case in a bad-input-forms-*.test.ts file", () => {
    const dir = import.meta.dirname;
    const sources = fs
      .readdirSync(dir)
      .filter((f) => /^bad-input-forms-.*\.test\.ts$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    const actions = routes.filter((r) => exportsAction(r.source)).map((r) => r.file);
    expect(actions.length).toBeGreaterThan(40);
    const missing = actions.filter((file) => !sources.includes(`"${file}`));
    expect(missing, "routes with an action and no bad-input case: add one").toEqual([]);
  });
});
