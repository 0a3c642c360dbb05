import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import { refreshJobSearchText } from "~/modules/jobs/search-rows.server";
import { refreshTrainingSearchText } from "~/modules/trainings/search-rows.server";
import { todayIso } from "~/utils/clock.server";

import { type DatabaseHandle, openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { commune, job, organization, trainingLeadsToJob, trainingSlot } from "../../db/schema";
import {
  generateJobs,
  generateTrainings,
  linkTrainingsToJobs,
  loadMinimumWages,
  type Place,
} from "../../db/seed/marketplace";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";
import { asEmployer, asProvider, syntheticOrganizations } from "./orgs";

export type BenchDatabase = { handle: DatabaseHandle; description: string; cleanup: () => Promise<void> };

/** A throwaway database: PGlite in a temp dir, or a fresh database on BENCH_DATABASE_URL's server. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const name = uniqueName("ct_bench");
    const url = await createDatabase(serverUrl, name);
    try {
      await runMigrations({ url });
      const handle = await openDatabase({ url, max: 10 });
      return {
        handle,
        description: `PostgreSQL server (throwaway database ${name})`,
        cleanup: async () => {
          await handle.close();
          await dropDatabase(serverUrl, name);
        },
      };
    } catch (error) {
      await dropDatabase(serverUrl, name);
      throw error;
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-bench-pg-"));
  const handle = await openDatabase({ dataDir: dir });
  const cleanup = async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runMigrations(handle);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { handle, description: "PGlite (embedded, on disk in a temp dir)", cleanup };
}

export type LoadResult = {
  jobs: number;
  openJobs: number;
  trainings: number;
  openTrainings: number;
  links: number;
  organizations: number;
  ms: number;
};

const BATCH = 5_000;

/**
 * Insert many rows as one JSON parameter (`jsonb_populate_recordset`): drizzle's builder spends about a
 * millisecond a row on 25-column inserts, which would dominate a 100,000-row load. Every column gets the
 * row's value, else its plain default, else null; SQL defaults (ids, timestamps) must be given; generated
 * columns are left to the database.
 */
export async function bulkInsert(
  db: DatabaseHandle["db"],
  table: PgTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  // Generated columns (released_person.name_sort_key, migration 0010) cannot be written: name the others.
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => !column.generated);
  const records = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        let value = row[key];
        if (value === undefined && column.hasDefault) {
          if (is(column.default, SQL) || column.default === undefined)
            throw new Error(`bulkInsert: give ${column.name} a value`);
          value = column.default;
        }
        return [column.name, value instanceof Date ? value.toISOString() : (value ?? null)];
      }),
    ),
  );
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(", "));
  await db.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)`,
  );
}

/**
 * Bulk-load the marketplace: synthetic organisations over every commune, then N jobs and M intakes from
 * the seed generators, in batches of 5,000 rows. The PostgreSQL fallback's search text (refreshJobSearchText, refreshTrainingSearchText)
 * is optional: it doubles the load time and Meilisearch never reads it. No outbox rows: the benchmark
 * indexes everything with reindexAll, as `npm run search:reindex` would.
 */
export async function loadMarketplace(
  db: DatabaseHandle["db"],
  options: { jobs: number; trainings: number; seed: number; searchText: boolean; log: (s: string) => void },
): Promise<LoadResult> {
  const started = performance.now();
  const now = new Date();
  const today = todayIso(now);
  const communes = await db
    .select({ code: commune.code, name: commune.name, provinceCode: commune.provinceCode })
    .from(commune);
  const places = new Map<string, Place[]>();
  for (const c of communes) places.set(c.provinceCode, [...(places.get(c.provinceCode) ?? []), c]);

  const synthetic = syntheticOrganizations({
    employers: Math.max(50, Math.round(options.jobs / 33)),
    providers: Math.max(10, Math.round(options.trainings / 33)),
    places: communes,
    seed: options.seed,
  });
  const orgIds: string[] = [];
  // 13 parameters a row: 2,000 rows stay under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < synthetic.length; i += 2_000) {
    const rows = await db
      .insert(organization)
      .values(
        synthetic.slice(i, i + 2_000).map((o) => ({
          role: o.role,
          kind: o.kind,
          name: o.name,
          provinceCode: o.place.provinceCode,
          communeCode: o.place.code,
          address: o.address,
          fairChancePledgedAt: o.fairChance ? now : null,
          acceptsUnexpunged: o.stance,
          verificationStatus: "verified" as const,
          verifiedAt: now,
        })),
      )
      .returning({ id: organization.id });
    orgIds.push(...rows.map((r) => r.id));
  }
  const employers = synthetic.flatMap((o, i) => (o.role === "employer" ? [asEmployer(o, orgIds[i])] : []));
  const providers = synthetic.flatMap((o, i) => (o.role === "training_provider" ? [asProvider(o, orgIds[i])] : []));
  options.log(`${employers.length} employers and ${providers.length} providers in ${places.size} provinces`);

  const common = { today, now, places, notOpenEvery: 20 };
  const jobs = generateJobs({
    ...common,
    employers,
    count: options.jobs,
    seed: options.seed + 1,
    minimumWage: await loadMinimumWages(db, today),
  });
  const trainings = generateTrainings({ ...common, providers, count: options.trainings, seed: options.seed + 2 });
  const links = linkTrainingsToJobs(trainings, jobs, options.seed + 3, 0.3);
  options.log(`generated in ${Math.round(performance.now() - started)} ms; inserting…`);

  let insertMs = 0;
  let textMs = 0;
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (let i = 0; i < jobs.length; i += BATCH) {
    const chunk = jobs.slice(i, i + BATCH);
    insertMs += await timed(() => bulkInsert(db, job, chunk));
    if (options.searchText)
      textMs += await timed(() =>
        refreshJobSearchText(
          db,
          chunk.map((j) => j.id!),
        ),
      );
    if ((i / BATCH) % 4 === 3)
      options.log(
        `  ${i + BATCH} jobs (insert ${Math.round(insertMs)} ms, search text ${Math.round(textMs)} ms so far)`,
      );
  }
  for (let i = 0; i < trainings.length; i += BATCH) {
    const chunk = trainings.slice(i, i + BATCH);
    insertMs += await timed(() => bulkInsert(db, trainingSlot, chunk));
    if (options.searchText)
      textMs += await timed(() =>
        refreshTrainingSearchText(
          db,
          chunk.map((t) => t.id!),
        ),
      );
  }
  options.log(
    `inserted in ${Math.round(insertMs)} ms${options.searchText ? `, search text in ${Math.round(textMs)} ms` : ""}`,
  );
  for (let i = 0; i < links.length; i += BATCH) await bulkInsert(db, trainingLeadsToJob, links.slice(i, i + BATCH));
  return {
    jobs: jobs.length,
    openJobs: jobs.filter((j) => j.status === "open").length,
    trainings: trainings.length,
    openTrainings: trainings.filter((t) => t.status === "open").length,
    links: links.length,
    organizations: synthetic.length,
    ms: Math.round(performance.now() - started),
  };
}
