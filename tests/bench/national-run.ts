/**
 * `npm run bench:national`: the national-scale benchmark (issue 16 §4) on a PostgreSQL server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). Creates a throwaway database
 * there, loads the country (tests/bench/national.ts), measures, writes the section of docs/PERFORMANCE.md
 * at the default sizes, and drops the database at the end, also on failure or Ctrl-C. Exits non-zero on an
 * error or when a suppressed cell of the published figures can be recovered; never on a missed timing target.
 */
import os from "node:os";

import { openDatabase, useDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";
import { cleanup, cleanups, log } from "./harness";
import { loadNational, type NationalSizes } from "./national-load";
import { publishSection, writesDoc } from "./report";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DEFAULTS: NationalSizes = {
  persons: 500_000,
  activities: 5_000_000,
  placements: 200_000,
  employers: 9_963, // three per commune
  providers: 700,
  trainingSlots: 3_000,
};
const sizes: NationalSizes = {
  persons: Number(process.env.BENCH_NATIONAL_PERSONS ?? DEFAULTS.persons),
  activities: Number(process.env.BENCH_NATIONAL_ACTIVITIES ?? DEFAULTS.activities),
  placements: Number(process.env.BENCH_NATIONAL_PLACEMENTS ?? DEFAULTS.placements),
  employers: DEFAULTS.employers,
  providers: DEFAULTS.providers,
  trainingSlots: DEFAULTS.trainingSlots,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LIVE_RUNS = Number(process.env.BENCH_LIVE_RUNS ?? 3);
const DEFAULT_SIZES =
  sizes.persons === DEFAULTS.persons &&
  sizes.activities === DEFAULTS.activities &&
  sizes.placements === DEFAULTS.placements;
const WRITE_DOC = writesDoc(DEFAULT_SIZES);

/** The throwaway database's URL with session settings for every connection of a client (postgres.js passes them at connect). */
const withSettings = (url: string, settings: Record<string, string>) => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(settings)) u.searchParams.set(k, v);
  return u.toString();
};

let failures: string[] = [];

async function main() {
  const loadAverage = os.loadavg();
  const name = uniqueName("ct_national");
  log(`creating and migrating the throwaway database ${name}`);
  const url = await createDatabase(SERVER, name);
  cleanups.push(() => dropDatabase(SERVER, name));
  await runMigrations({ url });
  const handle = await openDatabase({ url, max: 10 });
  cleanups.push(() => handle.close());
  // The bulk load's own connection: no wait for the WAL flush at each commit (a lost tail on a crash is
  // nothing here: the database is thrown away), and no foreign-key check per row (replica mode skips the
  // constraint triggers; the generator's rows are consistent by construction, and the counts it answers,
  // taken through released_person, prove every person-linked row has its person).
  const loader = await openDatabase({
    url: withSettings(url, {
      synchronous_commit: "off",
      session_replication_role: "replica",
      maintenance_work_mem: "256MB",
      work_mem: "64MB",
    }),
    max: 1,
  });
  cleanups.push(() => loader.close());
  useDatabase(handle);
  cleanups.push(async () => useDatabase(undefined));
  const loaded = await loadNational(loader.db, sizes, log);
  await loader.close();
  const { benchNational, NATIONAL_SECTION } = await import("./national");

  const changed = DEFAULT_SIZES
    ? ""
    : `BENCH_NATIONAL_PERSONS=${sizes.persons} BENCH_NATIONAL_ACTIVITIES=${sizes.activities} BENCH_NATIONAL_PLACEMENTS=${sizes.placements} `;
  const result = await benchNational({
    db: handle.db,
    loaded,
    url,
    log,
    runs: RUNS,
    liveRuns: LIVE_RUNS,
    context: {
      command: `${changed}npm run bench:national`,
      database: `PostgreSQL server (throwaway database on ${new URL(SERVER).host})`,
      loadAverage,
    },
  });
  failures = result.failures;
  publishSection(log, result.body, NATIONAL_SECTION, WRITE_DOC);
}

let failed = false;
try {
  await main();
  if (failures.length) {
    failed = true;
    for (const f of failures) console.error(`[bench] FAILED: ${f}`);
  }
} catch (error) {
  failed = true;
  console.error("[bench] failed:", error);
} finally {
  await cleanup();
}
log(failed ? "failed" : "done");
process.exit(failed ? 1 : 0);
