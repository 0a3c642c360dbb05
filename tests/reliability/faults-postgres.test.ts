import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";

import type { DatabaseHandle } from "../../db/client.server";
import type { SearchClient } from "../../search/client.server";
import { type LaunchedMeilisearch, launchMeilisearch } from "../../search/launcher";
import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, sessionCookie } from "../setup/browser";
import {
  closeWatch,
  type DemoFacts,
  demoFacts,
  indexDifferences,
  jobToggleWorker,
  openWatch,
  rotate,
  waitForDrain,
  waitUntil,
} from "../setup/fault-checks";
import { between, type Sample, send, startMixedLoad, summarize, type Worker } from "../setup/mixed-load";
import { postgresBinDir, type PrivatePostgres, startPrivatePostgres } from "../setup/private-postgres";

/*
 * PostgreSQL stopped (pg_ctl stop -m fast) under a mixed load, kept down a few seconds, started again. A
 * cluster of the test's own (the shared server on 5432 belongs to every test running), and a Meilisearch of
 * its own, so the test can see the outbox worker resume. The app is never restarted.
 */

const bin = postgresBinDir();
if (!bin) console.warn("[faults-postgres] SKIPPED: no PostgreSQL server binaries (pg_ctl, initdb) on this machine");

const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-fault-pg-"));
let pg: PrivatePostgres | undefined;
let meili: LaunchedMeilisearch | undefined;
let app: RunningApp | undefined;
let handle: DatabaseHandle | undefined;
let raw: postgres.Sql | undefined;
let search: SearchClient;
let facts: DemoFacts;

beforeAll(async () => {
  if (!bin) return;
  pg = await startPrivatePostgres();
  await (async () => {
    const admin = postgres(pg!.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe("create database chungtay");
    await admin.end();
  })();
  meili = await launchMeilisearch({ dataDir: meiliDir });
  app = await startApp({
    env: {
      DATABASE_URL: pg.url("chungtay"),
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      DEMO_DATA: "true",
    },
  });
  ({ handle, raw, search } = await openWatch(pg.url("chungtay"), meili));
  facts = await demoFacts(raw!);
});

afterAll(async () => {
  await app?.stop();
  await meili?.stop();
  await closeWatch({ raw, handle }, { timeout: 1, tolerant: true });
  await pg?.destroy();
  fs.rmSync(meiliDir, { recursive: true, force: true });
});

const ok = (s: Sample) => s.status !== null && s.status >= 200 && s.status < 400;
const leaseHolder = async () =>
  (await raw!<{ holder: string }[]>`select holder from sync_lease where name = 'outbox' and expires_at > now()`)[0]
    ?.holder;

describe.skipIf(!bin)("PostgreSQL restarted during a mixed load", () => {
  it("answers 503 with a friendly page while it is down, and recovers on the same app process", async () => {
    onTestFailed(() => {
      if (process.env.FAULTS_DEBUG_FILE) fs.writeFileSync(process.env.FAULTS_DEBUG_FILE, app?.output() ?? "");
      console.log(`[faults-postgres] app output (end):\n${app?.output().slice(-6000)}`);
    });
    await waitForDrain(handle!.db);
    const holderBefore = await leaseHolder();
    expect(holderBefore).toBeTruthy();
    const officer = await sessionCookie(app!.url, DEMO.officerNamDa);
    const employer = await sessionCookie(app!.url, DEMO.employer);
    const publicPages = rotate([
      { name: "page:home", path: "/" },
      { name: "page:job", path: `/jobs/${facts.publicJobIds[0]}` },
      { name: "page:training", path: `/trainings/${facts.publicTrainingIds[0]}` },
      { name: "search:jobs", path: "/jobs?q=sua+xe+may" },
      { name: "json:job", path: `/jobs/${facts.publicJobIds[1]}?_data=routes%2Fjobs.%24id` },
      { name: "json:communes", path: "/api/communes?province=68" },
    ]);
    const staffPages = rotate([
      { name: "page:officer", path: "/officer/persons", cookie: officer },
      { name: "page:employer", path: "/employer/jobs", cookie: employer },
    ]);
    const workers: Worker[] = [
      { next: async () => publicPages() },
      { next: async () => publicPages() },
      { next: async () => staffPages() },
      jobToggleWorker(employer, facts.employerJobId),
    ];
    const load = startMixedLoad(app!.url, workers, { timeoutMs: 15_000 });
    const count = (from: number, filter: (s: Sample) => boolean = () => true) =>
      between(load.samples, from).filter(filter).length;
    let health: { status: number; body: { db?: string; search?: string } } | undefined;
    let down = 0;
    let upAt = 0;
    try {
      const start = load.mark("start");
      await waitUntil("answers before the fault", () => count(start) >= 12);

      // Stop the server while a write's transaction is open (a test-only trigger holds it for 2 s): the case
      // that used to kill the app (db/postgres-client.server.ts).
      await raw!.unsafe(`
        create function ct_test_slow_outbox() returns trigger language plpgsql as $$ begin perform pg_sleep(2); return new; end $$;
        create trigger ct_test_slow_outbox before insert on outbox for each row execute function ct_test_slow_outbox();`);
      await waitUntil(
        "a write's transaction to be open",
        async () =>
          (await raw!`select 1 from pg_stat_activity where datname = 'chungtay' and wait_event = 'PgSleep'`).length > 0,
      );
      await pg!.stop();
      down = load.mark("down");
      // Down for about five seconds, and long enough for every kind of request to meet the outage.
      await new Promise((r) => setTimeout(r, 5_000));
      await waitUntil("requests of each kind during the outage", () =>
        ["page:home", "page:job", "page:officer", "json:job", "write:"].every(
          (n) => count(down, (s) => s.name.startsWith(n)) >= 2,
        ),
      );
      const res = await fetch(`${app!.url}/healthz`, { signal: AbortSignal.timeout(15_000) });
      health = { status: res.status, body: await res.json() };
      load.mark("starting");
      await pg!.start();
      upAt = load.mark("up");
      await raw!.unsafe("drop trigger ct_test_slow_outbox on outbox; drop function ct_test_slow_outbox();");
      await waitUntil(
        "answers after the restart",
        () => count(upAt) >= 16 && count(upAt, (s) => s.name.startsWith("write:")) >= 2,
        90_000,
      );
    } finally {
      await load.stop();
    }

    const all = load.samples;
    const outage = between(all, down, load.marks.starting);
    const after = between(all, upAt);
    const report = `outage: ${summarize(outage)}\nafter: ${summarize(after)}`;
    console.log(`[faults-postgres]\n${report}`);

    // Every request got an answer (no reset, no hang past 15 s), never a 500 nor a stack, in every phase.
    expect(
      all.filter((s) => s.status === null),
      report,
    ).toEqual([]);
    expect(
      all.filter((s) => s.kind === "stack" || (s.status !== null && s.status >= 500 && s.status !== 503)),
      report,
    ).toEqual([]);
    // While down: 503 with Retry-After, the page in Vietnamese with its request id, JSON for data requests.
    const refused = outage.filter((s) => s.status === 503);
    expect(refused.length, report).toBeGreaterThanOrEqual(8);
    expect(
      outage.filter((s) => !ok(s) && s.status !== 503),
      report,
    ).toEqual([]);
    expect(
      refused.filter((s) => !s.retryAfter),
      report,
    ).toEqual([]);
    const documents = refused.filter((s) => !s.name.startsWith("json:"));
    // Every page says the service is briefly unavailable (root and listing boundaries alike), with its id.
    expect(
      documents.filter((s) => !s.idInBody || s.kind !== "unavailable"),
      report,
    ).toEqual([]);
    expect(
      refused.filter((s) => s.name.startsWith("json:") && !s.detail?.includes("error.unavailable.body")),
      report,
    ).toEqual([]);
    expect(documents.some((s) => s.kind === "unavailable")).toBe(true);
    // /healthz names the part that is down.
    expect(health).toMatchObject({ status: 503, body: { db: "down", search: "ok" } });

    // After the restart: everything answers again, from the same process (its sync worker kept its lease name).
    expect(
      after.filter((s) => !ok(s)),
      report,
    ).toEqual([]);
    expect(app!.output().match(/Ready in/g)).toHaveLength(1);
    await waitUntil(
      "the same sync worker to hold the lease again",
      async () => (await leaseHolder()) === holderBefore,
      60_000,
    );

    // The outbox worker resumed: a change made now reaches Meilisearch.
    const [{ status }] = await raw!<{ status: string }[]>`select status from job where id = ${facts.employerJobId}`;
    const intent = status === "open" ? "close" : "reopen";
    const write = await send(app!.url, {
      name: "write:job",
      path: "/employer/jobs",
      form: { id: facts.employerJobId, intent },
      cookie: employer,
    });
    expect(write.status).toBe(200);
    const inIndex = () =>
      search
        .index("jobs")
        .getDocument(facts.employerJobId)
        .then(
          () => true,
          () => false,
        );
    await waitUntil("the change to reach Meilisearch", async () => (await inIndex()) === (intent === "reopen"), 60_000);
    await waitForDrain(handle!.db, 60_000);
    expect(await indexDifferences(handle!.db, search)).toBeNull();
    // Figures for docs/RELIABILITY.md, not assertions.
    const times = refused.map((s) => s.endedAt - s.startedAt).sort((a, b) => a - b);
    const firstOk = Math.min(...after.filter(ok).map((s) => s.endedAt)) - upAt;
    console.log(
      `[faults-postgres] ${refused.length} requests answered 503 while down: median ${times[times.length >> 1]} ms, slowest ${times[times.length - 1]} ms; ` +
        `first success ${firstOk} ms after the server accepted connections; ${after.length} requests after, all answered 2xx/3xx`,
    );
  });
});
