import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../db/client.server";
import type { SearchClient } from "../../search/client.server";
import { type LaunchedMeilisearch, launchMeilisearch } from "../../search/launcher";
import { jobForm } from "../factories/marketplace";
import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, SESSION_COOKIE, sessionCookie } from "../setup/browser";
import {
  closeWatch,
  consentWorker,
  demoFacts,
  indexDifferences,
  jobToggleWorker,
  openWatch,
  postgresServerUrl,
  rotate,
  waitForDrain,
  waitUntil,
} from "../setup/fault-checks";
import { startMixedLoad, summarize, type Worker } from "../setup/mixed-load";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

/*
 * Two app processes on two ports sharing one database (a throwaway one on the PostgreSQL server) and one
 * Meilisearch: what a deployment behind a load balancer looks like. Sessions live in the database, so they
 * work on both; each instance runs a sync worker, and the lease lets one deliver at a time.
 */

const serverUrl = postgresServerUrl();
const dbName = uniqueName("ct_two");
const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-two-"));
let meili: LaunchedMeilisearch | undefined;
let one: RunningApp | undefined;
let two: RunningApp | undefined;
let handle: DatabaseHandle | undefined;
let raw: postgres.Sql | undefined;
let search: SearchClient;

beforeAll(async () => {
  const url = await createDatabase(serverUrl, dbName);
  meili = await launchMeilisearch({ dataDir: meiliDir });
  const env = { DATABASE_URL: url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey };
  // The first seeds the demo data; the second starts once the first is healthy, as a rolling deploy would.
  one = await startApp({ env: { ...env, DEMO_DATA: "true" } });
  two = await startApp({ env: { ...env, DEMO_DATA: "false" } });
  ({ handle, raw, search } = await openWatch(url, meili));
});

afterAll(async () => {
  await one?.stop();
  await two?.stop();
  await meili?.stop();
  await closeWatch({ raw, handle });
  await dropDatabase(serverUrl, dbName);
  fs.rmSync(meiliDir, { recursive: true, force: true });
});

/** The lease holder name an instance's worker printed at start (app/server.ts: "lease holder <pid>-<hex>"). */
const holderOf = (app: RunningApp) => app.output().match(/lease holder ([\w-]+)/)?.[1];

const get = (base: string, pathname: string, cookie: string) =>
  fetch(`${base}${pathname}`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie}` }, redirect: "manual" });

describe("two app instances sharing one database and one Meilisearch", () => {
  it("a session made on one works on the other, and logging out on the other ends it on both", async () => {
    const cookie = await sessionCookie(one!.url, DEMO.officerNamDa);
    const onTwo = await get(two!.url, "/officer", cookie);
    expect(onTwo.status).toBe(200);
    expect(await onTwo.text()).toContain("Phạm Văn Đức");
    expect((await get(one!.url, "/officer", cookie)).status).toBe(200);

    const logout = await fetch(`${two!.url}/logout`, {
      method: "POST",
      headers: { Cookie: `${SESSION_COOKIE}=${cookie}`, Origin: two!.url },
      redirect: "manual",
    });
    expect(logout.status).toBe(302);
    for (const app of [one!, two!]) {
      const after = await get(app.url, "/officer", cookie);
      expect(after.status).toBe(302);
      expect(after.headers.get("location")).toMatch(/^\/login/);
    }
  });

  it("each outbox item is delivered exactly once while both sync workers run, and the index equals the database", async () => {
    await waitForDrain(handle!.db);
    const facts = await demoFacts(raw!);
    // Test-only bookkeeping (never in a migration): every time an outbox row is marked delivered, by whom.
    await raw!.unsafe(`
      create table ct_test_delivery (outbox_id bigint not null, holder text, at timestamptz not null default clock_timestamp());
      create function ct_test_log_delivery() returns trigger language plpgsql as $$
      begin
        insert into ct_test_delivery (outbox_id, holder) values (new.id, (select holder from sync_lease where name = 'outbox'));
        return new;
      end $$;
      create trigger ct_test_log_delivery after update of delivered_at on outbox for each row
        when (new.delivered_at is not null and new.delivered_at is distinct from old.delivered_at)
        execute function ct_test_log_delivery();`);
    const [{ since }] = await raw!<{ since: string }[]>`select coalesce(max(id), 0) as since from outbox`;

    const officer = await sessionCookie(one!.url, DEMO.officerNamDa);
    const employer = await sessionCookie(two!.url, DEMO.employer);
    // Each writer sends its requests to the two instances in turn.
    const instance = () => rotate([one!.url, two!.url]);
    const [forCreate, forConsent] = [instance(), instance()];
    let n = 0;
    const creating: Worker = {
      next: async () => ({
        name: "write:job:create",
        path: "/employer/jobs/new",
        form: { ...jobForm({ title: `Thợ sửa xe máy ca ${++n}` }), intent: "publish" },
        cookie: employer,
        baseUrl: forCreate(),
      }),
    };
    const consent = consentWorker(raw!, officer, facts.personId);
    const workers: Worker[] = [
      creating,
      jobToggleWorker(employer, facts.employerJobId, instance()),
      { next: async () => ({ ...(await consent.next()), baseUrl: forConsent() }), after: consent.after },
    ];

    // Each instance's worker names itself; the lease and every delivery must belong to one of the two.
    const instanceHolders = [holderOf(one!), holderOf(two!)];
    expect(instanceHolders.every(Boolean), `holders printed: ${instanceHolders.join(", ")}`).toBe(true);
    expect(instanceHolders[0]).not.toBe(instanceHolders[1]);

    // Three rounds of writes; between rounds the lease is made to expire, so either instance may take it.
    const holders = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const load = startMixedLoad(one!.url, workers);
      await waitUntil("writes on both instances", () => load.samples.length >= 24, 90_000);
      const samples = await load.stop();
      expect(
        samples.filter((s) => s.status === null || s.status >= 400),
        summarize(samples),
      ).toEqual([]);
      expect(new Set(samples.map((s) => s.baseUrl))).toEqual(new Set([one!.url, two!.url]));
      await waitForDrain(handle!.db, 60_000);
      const [lease] = await raw!<{ holder: string }[]>`select holder from sync_lease where name = 'outbox'`;
      expect(instanceHolders).toContain(lease.holder);
      holders.add(lease.holder);
      await raw!`update sync_lease set holder = 'expired-by-test', expires_at = now() - interval '1 second' where name = 'outbox'`;
      await waitUntil("an instance to take the lease again", async () => {
        const [l] = await raw!<{ holder: string }[]>`select holder from sync_lease where name = 'outbox'`;
        return !!l && l.holder !== "expired-by-test";
      });
      const [retaken] = await raw!<{ holder: string }[]>`select holder from sync_lease where name = 'outbox'`;
      expect(instanceHolders).toContain(retaken.holder);
    }

    const rows = await raw!<{ id: string; delivered: boolean; deliveries: number }[]>`
      select o.id, o.delivered_at is not null as delivered, count(d.outbox_id)::int as deliveries
      from outbox o left join ct_test_delivery d on d.outbox_id = o.id
      where o.id > ${since} group by o.id, o.delivered_at`;
    expect(rows.length).toBeGreaterThanOrEqual(72);
    expect(rows.filter((r) => !r.delivered || r.deliveries !== 1)).toEqual([]);
    const byHolder = await raw!<{ holder: string; n: number }[]>`
      select holder, count(*)::int as n from ct_test_delivery where outbox_id > ${since} group by holder order by holder`;
    console.log(
      `[two-instances] ${rows.length} outbox rows, each delivered once; deliveries by lease holder: ${byHolder.map((h) => `${h.holder} ${h.n}`).join(", ")}; holders after each round: ${[...holders].join(", ")}`,
    );
    // Every delivery happened while one of the two instances held the lease (never the expired test holder,
    // never with no lease); which of the two took an expired lease is a race, so not which one.
    expect(byHolder.filter((h) => !instanceHolders.includes(h.holder))).toEqual([]);
    expect(byHolder.reduce((sum, h) => sum + h.n, 0)).toBe(rows.length);
    expect(await indexDifferences(handle!.db, search)).toBeNull();
  });
});
