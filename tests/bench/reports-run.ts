/**
 * `npm run bench:reports`: the report benchmark alone (the full `npm run bench` runs it too, at the end).
 * Builds a throwaway database (PGlite in a temp dir, or BENCH_DATABASE_URL's server), loads 50,000 persons
 * and 500,000 activities with their placements, loans and meetings, then times the report loader
 * (tests/bench/reports.ts). Everything it creates is removed at the end, also on Ctrl-C.
 */
import os from "node:os";

import { useDatabase } from "../../db/client.server";
import { openBenchDatabase } from "./database";
import { cleanup, cleanups, log } from "./harness";
import { publishSection, writesDoc } from "./report";
import { benchReports, reportsSection } from "./reports";

const PERSONS = Number(process.env.BENCH_REPORT_PERSONS ?? 50_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DEFAULT_SIZES = PERSONS === 50_000 && ACTIVITIES === 500_000;
const WRITE_DOC = writesDoc(DEFAULT_SIZES);

async function main() {
  const loadAverage = os.loadavg();
  log("creating and migrating the throwaway database");
  const bench = await openBenchDatabase();
  cleanups.push(() => bench.cleanup());
  cleanups.push(async () => useDatabase(undefined));
  useDatabase(bench.handle);
  const sizes = DEFAULT_SIZES ? "" : `BENCH_REPORT_PERSONS=${PERSONS} BENCH_ACTIVITIES=${ACTIVITIES} `;
  const { body } = await benchReports({
    db: bench.handle.db,
    log,
    persons: PERSONS,
    activities: ACTIVITIES,
    runs: RUNS,
    context: { command: `${sizes}npm run bench:reports`, database: bench.description, loadAverage },
  });
  publishSection(log, body, reportsSection(bench.handle.kind), WRITE_DOC);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error("[bench] failed:", error);
} finally {
  await cleanup();
}
log(failed ? "failed" : "done");
process.exit(failed ? 1 : 0);
