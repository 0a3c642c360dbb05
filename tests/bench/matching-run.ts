/**
 * `npm run bench:matching`: the matching benchmark alone (the full `npm run bench` runs it too, after
 * public search). Builds a throwaway database and its own Meilisearch, loads 100,000 jobs and 10,000
 * intakes with the seed's generators, 50,000 persons, then measures (tests/bench/matching.ts). Everything
 * it starts is removed at the end, also on Ctrl-C.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { todayIso } from "~/utils/clock.server";
import { wireSearch } from "~/worker/wiring.server";

import { useDatabase } from "../../db/client.server";
import { initSearch } from "../../search/client.server";
import { launchMeilisearch } from "../../search/launcher";
import { reindexAll } from "../../search/sync.server";
import { loadMarketplace, openBenchDatabase } from "./database";
import { cleanup, cleanups, log } from "./harness";
import { benchMatching, MATCHING_SECTION } from "./matching";
import { publishSection, writesDoc } from "./report";

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const TRAININGS = Number(process.env.BENCH_TRAININGS ?? 10_000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const DEFAULT_SIZES = JOBS === 100_000 && TRAININGS === 10_000 && PERSONS === 50_000;
const WRITE_DOC = writesDoc(DEFAULT_SIZES);

async function main() {
  const loadAverage = os.loadavg();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-bench-"));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  log("starting Meilisearch");
  const meili = await launchMeilisearch({ dataDir: path.join(tmp, "meili") });
  cleanups.push(() => meili.stop());
  const search = initSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: `bench${process.pid}_` });
  log("creating and migrating the throwaway database");
  const bench = await openBenchDatabase();
  cleanups.push(() => bench.cleanup());
  cleanups.push(async () => useDatabase(undefined));
  useDatabase(bench.handle);
  const db = bench.handle.db;
  const loaded = await loadMarketplace(db, { jobs: JOBS, trainings: TRAININGS, seed: 42, searchText: false, log });
  log(`loaded ${loaded.jobs} jobs in ${(loaded.ms / 1000).toFixed(1)} s; indexing`);
  wireSearch();
  await reindexAll(db, search, ["jobs", "trainings"]);
  const sizes = DEFAULT_SIZES ? "" : `BENCH_JOBS=${JOBS} BENCH_TRAININGS=${TRAININGS} BENCH_PERSONS=${PERSONS} `;
  const { body } = await benchMatching({
    db,
    search,
    log,
    today: todayIso(),
    persons: PERSONS,
    rounds: ROUNDS,
    samples: SAMPLES,
    context: {
      command: `${sizes}npm run bench:matching`,
      jobs: loaded.jobs,
      openJobs: loaded.openJobs,
      trainings: loaded.trainings,
      meiliVersion: (await search.raw.getVersion()).pkgVersion,
      database: bench.description,
      loadAverage,
      meiliPid: meili.pid,
    },
  });
  console.log(`\n${body}`);
  publishSection(log, body, MATCHING_SECTION, WRITE_DOC);
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
