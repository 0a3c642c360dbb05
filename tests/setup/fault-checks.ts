import { sql } from "drizzle-orm";
import postgres from "postgres";

import { loadJobRows } from "~/modules/jobs/search-rows.server";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { isCandidateIndexable, loadCandidateRows } from "~/modules/persons/candidate-rows.server";
import { loadTrainingRows } from "~/modules/trainings/search-rows.server";
import { todayIso } from "~/utils/clock.server";

import { type Database, type DatabaseHandle, openDatabase } from "../../db/client.server";
import { outbox } from "../../db/schema";
import { SearchClient } from "../../search/client.server";
import { candidateToDocument, jobToDocument, trainingToDocument } from "../../search/documents";
import type { IndexName } from "../../search/indexes";
import { pendingCount } from "../../search/outbox.server";
import { DEMO } from "./browser";
import type { LoadRequest, Worker } from "./mixed-load";

const NAM_DA = "24697";

/** What the fault tests check once the dust has settled: the backlog drained, the index equal to the database. */

/** The PostgreSQL server the reliability tests make throwaway databases on. */
export function postgresServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** What a fault test reads beside the app it runs: the database through drizzle and raw SQL, and the index. */
export type Watch = { handle: DatabaseHandle; raw: postgres.Sql; search: SearchClient };

export async function openWatch(dbUrl: string, meili: { url: string; masterKey: string }, max = 2): Promise<Watch> {
  const handle = await openDatabase({ url: dbUrl, max });
  const raw = postgres(dbUrl, { max: 2, onnotice: () => {} });
  return { handle, raw, search: new SearchClient({ url: meili.url, apiKey: meili.masterKey, indexPrefix: "ct_" }) };
}

/** Close what openWatch opened (whatever was opened before a failure); `tolerant` when the server may be gone. */
export async function closeWatch(watch: Partial<Watch>, { timeout = 5, tolerant = false } = {}): Promise<void> {
  const settle = (p: Promise<unknown> | undefined) => (tolerant ? p?.catch(() => {}) : p);
  await settle(watch.raw?.end({ timeout }));
  await settle(watch.handle?.close());
}

/** Poll until `check` is true; a bound, never a timed assertion: the message says what never happened. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 120_000,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Gave up waiting (${timeoutMs / 1000} s) for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every outbox row delivered (the app's own sync worker does the work; failed items wait out their back-off). */
export async function waitForDrain(db: Database, timeoutMs = 120_000): Promise<void> {
  await waitUntil("the outbox to drain", async () => (await pendingCount(db)) === 0, timeoutMs, 500);
}

type Doc = { id: string } & Record<string, unknown>;
const byId = (a: Doc, b: Doc) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The documents each index should hold, computed from the database by the same rules the sync worker applies. */
export async function expectedDocuments(db: Database): Promise<Record<IndexName, Doc[]>> {
  const today = todayIso();
  const all = { afterId: null, limit: 100_000 };
  return {
    jobs: (await loadJobRows(db, all))
      .filter((r) => isJobPublic(r, today))
      .map(jobToDocument)
      .sort(byId),
    trainings: (await loadTrainingRows(db, all))
      .filter((r) => isTrainingPublic(r, today))
      .map(trainingToDocument)
      .sort(byId),
    candidates: (await loadCandidateRows(db, today, all))
      .filter(isCandidateIndexable)
      .map(candidateToDocument)
      .sort(byId),
  };
}

export async function indexedDocuments(search: SearchClient): Promise<Record<IndexName, Doc[]>> {
  const read = async (name: IndexName) =>
    ((await search.index(name).getDocuments({ limit: 100_000 })).results as Doc[]).sort(byId);
  return { jobs: await read("jobs"), trainings: await read("trainings"), candidates: await read("candidates") };
}

/**
 * Index versus database, index by index: the ids, and every field of every document (title, place, wage,
 * dates, consent-driven presence of candidates...). A compact description of the first differences, or null.
 */
export async function indexDifferences(db: Database, search: SearchClient): Promise<string | null> {
  const [expected, actual] = [await expectedDocuments(db), await indexedDocuments(search)];
  const problems: string[] = [];
  for (const name of ["jobs", "trainings", "candidates"] as const) {
    const want = new Map(expected[name].map((d) => [d.id, d]));
    const have = new Map(actual[name].map((d) => [d.id, d]));
    const missing = [...want.keys()].filter((id) => !have.has(id));
    const extra = [...have.keys()].filter((id) => !want.has(id));
    const stale = [...want.keys()].filter(
      (id) => have.has(id) && JSON.stringify(sortKeys(have.get(id)!)) !== JSON.stringify(sortKeys(want.get(id)!)),
    );
    if (missing.length || extra.length || stale.length) {
      problems.push(
        `${name}: ${missing.length} missing ${missing.slice(0, 3)}, ${extra.length} extra ${extra.slice(0, 3)}, ${stale.length} stale ${stale.slice(0, 3)}`,
      );
    }
  }
  return problems.length ? problems.join("; ") : null;
}

function sortKeys(doc: Doc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Counts of documents per index and rows in the database, for the figures in docs/RELIABILITY.md. */
export async function sizes(db: Database): Promise<string> {
  const e = await expectedDocuments(db);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox);
  return `jobs ${e.jobs.length}, trainings ${e.trainings.length}, candidates ${e.candidates.length} (outbox rows ${n})`;
}

// --- Demo facts and write workers shared by the fault tests ---------------------------------------------

/** The next of these items each time, round and round. */
export function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

export type DemoFacts = {
  employerJobId: string;
  publicJobIds: string[];
  publicTrainingIds: string[];
  personId: string;
};

/** Ids the load needs from the demo data: the repair shop's open job, public listings, a Nam Đà person without consent. */
export async function demoFacts(raw: postgres.Sql): Promise<DemoFacts> {
  const today = todayIso();
  const [own] = await raw<{ id: string }[]>`
    select j.id from job j join app_user u on u.organization_id = j.organization_id
    where u.email = ${DEMO.employer} and j.status = 'open' and j.closes_at >= ${today} order by j.id limit 1`;
  if (!own) throw new Error("The demo employer has no open job");
  const jobs = await raw<{ id: string }[]>`
    select j.id from job j join organization o on o.id = j.organization_id
    where j.status = 'open' and j.published_at is not null and o.verification_status = 'verified'
      and j.closes_at >= ${today} and j.id <> ${own.id} order by j.id limit 5`;
  const trainings = await raw<{ id: string }[]>`
    select t.id from training_slot t join organization o on o.id = t.organization_id
    where t.status = 'open' and t.published_at is not null and o.verification_status = 'verified'
      and t.application_deadline >= ${today} order by t.id limit 5`;
  // Without a live matching consent, so granting one adds them to the candidates index and withdrawing removes them.
  const [person] = await raw<{ id: string }[]>`
    select p.id from released_person p
    where p.commune_code = ${NAM_DA} and p.status = 'active' and p.anonymized_at is null
      and not exists (select 1 from consent_grant g where g.person_id = p.id and g.withdrawn_at is null
                      and g.expires_at > now() and 'matching' = any(g.purposes))
    order by p.id limit 1`;
  if (!person) throw new Error("No demo person in xã Nam Đà without a matching consent");
  return {
    employerJobId: own.id,
    publicJobIds: jobs.map((j) => j.id),
    publicTrainingIds: trainings.map((t) => t.id),
    personId: person.id,
  };
}

/** The employer closes and reopens one job through the form on /employer/jobs (each change goes through the outbox). */
export function jobToggleWorker(cookie: string, jobId: string, baseUrls?: () => string): Worker {
  let intent: "close" | "reopen" = "close";
  return {
    next: async () => ({
      name: `write:job:${intent}`,
      path: "/employer/jobs",
      form: { id: jobId, intent },
      cookie,
      baseUrl: baseUrls?.(),
    }),
    after: (s) => {
      if (s.status === 200) intent = intent === "close" ? "reopen" : "close";
    },
  };
}

/**
 * The officer records a matching consent for a person (paper form) and withdraws it, again and again:
 * each change puts the person in or out of the candidates index through the outbox.
 */
export function consentWorker(raw: postgres.Sql, cookie: string, personId: string): Worker {
  let grantId: string | null = null;
  return {
    next: async (): Promise<LoadRequest> =>
      grantId
        ? {
            name: "write:consent:withdraw",
            path: `/officer/persons/${personId}`,
            form: { intent: "withdraw-consent", grantId, note: "" },
            cookie,
          }
        : {
            name: "write:consent:grant",
            path: `/officer/persons/${personId}`,
            form: {
              intent: "grant-consent",
              purposes: ["matching"],
              shareableFields: ["age", "commune", "skills", "trades"],
              givenOn: todayIso(),
              evidenceKind: "paper_form",
              paperFormNumber: "HCD-02/THU/001",
              validMonths: "12",
            },
            cookie,
          },
    after: async (s) => {
      if (s.status !== 302) return;
      const [live] = await raw<{ id: string }[]>`
        select id from consent_grant where person_id = ${personId} and withdrawn_at is null order by created_at desc limit 1`;
      grantId = live?.id ?? null;
    },
  };
}
