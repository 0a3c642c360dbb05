import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { todayIso } from "~/utils/clock.server";

import type { DatabaseHandle } from "../../db/client.server";
import type { SearchClient } from "../../search/client.server";
import { freePort, type LaunchedMeilisearch, launchMeilisearch } from "../../search/launcher";
import { pendingCount } from "../../search/outbox.server";
import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, sessionCookie } from "../setup/browser";
import {
  closeWatch,
  consentWorker,
  type DemoFacts,
  demoFacts,
  indexDifferences,
  jobToggleWorker,
  openWatch,
  postgresServerUrl,
  rotate,
  sizes,
  waitForDrain,
  waitUntil,
} from "../setup/fault-checks";
import {
  between,
  type MixedLoad,
  type Sample,
  send,
  startMixedLoad,
  summarize,
  type Worker,
} from "../setup/mixed-load";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

/*
 * Meilisearch killed (SIGKILL) in the middle of a mixed load, then restarted in place (same data directory,
 * same port, so the app's MEILI_URL stays right). The app's database is a throwaway database on the
 * PostgreSQL server, so this test can read the outbox while the app runs.
 */

const serverUrl = postgresServerUrl();
const dbName = uniqueName("ct_fault_meili");
const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-fault-meili-"));
let dbUrl = "";
let meiliPort = 0;
let meili: LaunchedMeilisearch | undefined;
let app: RunningApp | undefined;
let handle: DatabaseHandle | undefined;
let raw: postgres.Sql | undefined;
let search: SearchClient;
let facts: DemoFacts;

beforeAll(async () => {
  dbUrl = await createDatabase(serverUrl, dbName);
  meiliPort = await freePort();
  meili = await launchMeilisearch({ dataDir: meiliDir, port: meiliPort });
  app = await startApp({
    env: { DATABASE_URL: dbUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DEMO_DATA: "true" },
  });
  ({ handle, raw, search } = await openWatch(dbUrl, meili, 3));
  facts = await demoFacts(raw!);
});

afterAll(async () => {
  await app?.stop();
  await meili?.stop();
  await closeWatch({ raw, handle });
  await dropDatabase(serverUrl, dbName);
  fs.rmSync(meiliDir, { recursive: true, force: true });
});

const isDown = async (url: string) =>
  fetch(`${url}/health`).then(
    () => false,
    () => true,
  );
const ok = (s: Sample) => s.status !== null && s.status >= 200 && s.status < 400;

describe("Meilisearch killed during a mixed load", () => {
  it("public search keeps answering through the fallback, writes succeed, the backlog drains and the index equals the database", async () => {
    // The demo data reaches the index through the outbox at start: the picture before the fault.
    await waitForDrain(handle!.db);
    expect(await indexDifferences(handle!.db, search)).toBeNull();

    const officer = await sessionCookie(app!.url, DEMO.officerNamDa);
    const employer = await sessionCookie(app!.url, DEMO.employer);
    const searches = rotate([
      { name: "search:jobs", path: "/jobs?q=sua+xe+may" },
      { name: "search:trainings", path: "/trainings?q=may" },
      { name: "search:jobs", path: "/jobs?q=nau+an&province=68" },
      { name: "search:trainings", path: "/trainings?q=han" },
    ]);
    const pages = rotate([
      ...facts.publicJobIds.slice(0, 3).map((id) => ({ name: "page:job", path: `/jobs/${id}` })),
      ...facts.publicTrainingIds.slice(0, 2).map((id) => ({ name: "page:training", path: `/trainings/${id}` })),
      { name: "page:officer", path: "/officer/persons", cookie: officer },
      { name: "page:officer", path: `/officer/persons/${facts.personId}`, cookie: officer },
    ]);
    const workers: Worker[] = [
      { next: async () => searches() },
      { next: async () => searches() },
      { next: async () => pages() },
      jobToggleWorker(employer, facts.employerJobId),
      consentWorker(raw!, officer, facts.personId),
    ];
    const load: MixedLoad = startMixedLoad(app!.url, workers);
    let backlog = 0;
    const count = (from: number, name: string) =>
      between(load.samples, from).filter((s) => s.name.startsWith(name)).length;
    try {
      const start = load.mark("start");
      await waitUntil(
        "a few answers of each kind before the fault",
        () => count(start, "search") >= 6 && count(start, "write") >= 4,
      );

      process.kill(meili!.pid, "SIGKILL");
      await waitUntil("Meilisearch to be gone", () => isDown(meili!.url));
      const down = load.mark("down");
      await waitUntil(
        "searches and writes while Meilisearch is down",
        () => count(down, "search") >= 12 && count(down, "write:") >= 8,
        90_000,
      );
      // The writes made meanwhile are waiting in the outbox: the fault was real.
      expect(await pendingCount(handle!.db)).toBeGreaterThan(0);

      backlog = await pendingCount(handle!.db);
      const restart = load.mark("restart");
      await meili!.stop(); // tidy the killed child's bookkeeping (pid file, exit hook)
      meili = await launchMeilisearch({ dataDir: meiliDir, port: meiliPort });
      const up = load.mark("up");
      await waitUntil(
        "searches and writes after the restart",
        () => count(up, "search") >= 6 && count(up, "write:") >= 4,
        90_000,
      );
      await load.stop();

      const all = load.samples;
      const outage = between(all, down, restart);
      const report = `before: ${summarize(between(all, start, down))}\noutage: ${summarize(outage)}\nafter: ${summarize(between(all, up))}`;
      console.log(`[faults-meilisearch]\n${report}`);
      // No 5xx and no unanswered request, in any phase.
      expect(
        all.filter((s) => !ok(s)),
        report,
      ).toEqual([]);
      expect(
        all.filter((s) => s.kind === "stack" || s.kind === "unavailable" || s.kind === "error"),
        report,
      ).toEqual([]);
      // While it was down, every search came from PostgreSQL and said so.
      const outageSearches = outage.filter((s) => s.name.startsWith("search"));
      expect(outageSearches.length).toBeGreaterThanOrEqual(12);
      expect(
        outageSearches.filter((s) => s.status !== 200 || s.kind !== "fallback"),
        report,
      ).toEqual([]);
      // And the writes went through: the employer's job toggled, the officer's consent recorded and withdrawn.
      expect(outage.filter((s) => s.name.startsWith("write:")).length).toBeGreaterThanOrEqual(8);
    } finally {
      await load.stop();
    }

    // The restarted Meilisearch receives the backlog (failed items wait out their back-off, at most 30 s).
    await waitForDrain(handle!.db, 150_000);
    const drainedAfter = ((Date.now() - load.marks.up) / 1000).toFixed(1);
    expect(await indexDifferences(handle!.db, search)).toBeNull();
    // And public search is served by Meilisearch again (the fallback notice is gone).
    await waitUntil(
      "search to come from Meilisearch again",
      async () => (await send(app!.url, { name: "search", path: "/jobs?q=sua+xe+may" })).kind === "page",
      30_000,
    );
    // Figures for docs/RELIABILITY.md, not assertions.
    const outageSearch = between(load.samples, load.marks.down, load.marks.restart).filter((s) =>
      s.name.startsWith("search"),
    );
    const slowest = Math.max(...outageSearch.map((s) => s.endedAt - s.startedAt));
    console.log(
      `[faults-meilisearch] ${load.samples.length} requests; ${outageSearch.length} searches while down, slowest ${slowest} ms; ` +
        `backlog of ${backlog} outbox items drained ${drainedAfter} s after the restart; index equals the database: ${await sizes(handle!.db)}; today ${todayIso()}`,
    );
  });
});
