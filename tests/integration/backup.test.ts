import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { grantConsent } from "~/modules/consent/consent.server";
import { consentSchema } from "~/modules/consent/schema.server";
import { loadJobRows } from "~/modules/jobs/search-rows.server";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { isCandidateIndexable, loadCandidateRows } from "~/modules/persons/candidate-rows.server";
import { loadTrainingRows } from "~/modules/trainings/search-rows.server";
import { todayIso } from "~/utils/clock.server";

import { compareStats, majorOf, migrationJournal } from "../../db/backup-lib";
import { type DatabaseHandle, type Executor, openDatabase, useDatabase } from "../../db/client.server";
import { seedDemoData } from "../../db/seed/demo";
import { SearchClient } from "../../search/client.server";
import { INDEX_NAMES, type IndexName } from "../../search/indexes";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { consentForm, createOfficerScope, createPerson } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

// The scripts run as child processes exactly as an operator runs them (tsx db/backup.ts), against a real
// database (PostgreSQL with TEST_DATABASE_URL, else PGlite data directories) and the run's real Meilisearch.
const ctx = setupIntegration({ database: false });
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const serverUrl = () => inject("pgServerUrl");
const onServer = () => Boolean(inject("pgServerUrl"));

/** A database for this file: a server database name or a PGlite DATA_DIR; the env the scripts get for it. */
type Target = {
  env: Record<string, string>;
  open: () => Promise<DatabaseHandle>;
  drop: () => Promise<void>;
  dataDir: string;
};

let tmp: string;
const targets: Target[] = [];

async function newTarget(template?: string): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(tmp, "data-"));
  let target: Target;
  if (onServer()) {
    const name = uniqueName("ct_bk");
    const url = await createDatabase(serverUrl()!, name, template);
    target = {
      env: { DATABASE_URL: url, DATA_DIR: dataDir },
      open: () => openDatabase({ url, max: 3 }),
      drop: () => dropDatabase(serverUrl()!, name),
      dataDir,
    };
  } else {
    const dir = path.join(dataDir, "pglite");
    target = {
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      dataDir,
    };
  }
  targets.push(target);
  return target;
}

/** This process's environment without the app's own settings: each script gets exactly the ones a test gives it. */
function inheritedEnv(): Record<string, string> {
  const app = /^(DATABASE_URL|TEST_DATABASE_URL|DATA_DIR|MEILI_.*|DEMO_DATA|NODE_OPTIONS)$/;
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !app.test(e[0])),
  );
}

async function runScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const child = spawn(TSX, [`db/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...inheritedEnv(), ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr, output: stdout + stderr };
}

async function rows<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Row count and md5 of every table's rows in a fixed order: written independently of the manifest's
 * checksums (db/backup-lib.ts), so a bug there cannot hide a bad restore.
 */
async function contentOf(handle: DatabaseHandle): Promise<Record<string, string>> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('TimeZone', 'UTC', true), set_config('bytea_output', 'hex', true)`);
    const tables = await rows<{ name: string }>(
      tx,
      sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    const content: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await rows<{ n: string; md5: string }>(
        tx,
        sql.raw(
          `select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as md5 from ${name} t`,
        ),
      );
      content[name] = `${row.n} rows, md5 ${row.md5}`;
    }
    return content;
  });
}

async function indexIds(prefix: string, name: IndexName): Promise<string[]> {
  const client = new SearchClient({ url: inject("meiliUrl"), apiKey: inject("meiliKey"), indexPrefix: prefix });
  const page = await client.index(name).getDocuments({ fields: ["id"], limit: 100_000 });
  return page.results.map((d) => String(d.id)).sort();
}

/** What the database says each index should hold, by the same public/indexable rules the app serves. */
async function expectedIds(handle: DatabaseHandle): Promise<Record<IndexName, string[]>> {
  const today = todayIso();
  const all = { afterId: null, limit: 1_000_000 };
  return {
    jobs: (await loadJobRows(handle.db, all))
      .filter((r) => isJobPublic(r, today))
      .map((r) => r.id)
      .sort(),
    trainings: (await loadTrainingRows(handle.db, all))
      .filter((r) => isTrainingPublic(r, today))
      .map((r) => r.id)
      .sort(),
    candidates: (await loadCandidateRows(handle.db, today, all))
      .filter(isCandidateIndexable)
      .map((r) => r.id)
      .sort(),
  };
}

let source: Target;
let sourceContent: Record<string, string>;
let written: { jobId: string; trainingId: string; personId: string; scan: Buffer };
const backupFile = () => path.join(tmp, onServer() ? "chungtay.dump" : "chungtay.tar.gz");
const restoredPrefix = () => `${ctx.search.config.indexPrefix}restored_`;

/**
 * The source's backup, written by db:backup the first time a test asks for it and shared after that (no test
 * changes the file or the manifest: the damaged and edited copies are new files), so each test runs alone too.
 */
let backupRun: ReturnType<typeof runScript> | undefined;
function backupOfSource(): ReturnType<typeof runScript> {
  backupRun ??= runScript("backup", ["--out", backupFile()], source.env);
  return backupRun;
}

/** The backup for a test that reads it: it must have been written. */
async function sourceBackup(): Promise<string> {
  const result = await backupOfSource();
  expect(result.code, result.output).toBe(0);
  return backupFile();
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-backup-"));
  source = await newTarget(inject("pgTemplate") ?? undefined);
  const handle = onServer()
    ? await source.open()
    : await openDatabase({
        dataDir: path.join(source.dataDir, "pglite"),
        loadDataDir: new Blob([fs.readFileSync(inject("pgliteSnapshot")!)]),
      });
  useDatabase(handle);
  try {
    await seedDemoData(handle.db);
    // A few writes through the services, including an uploaded consent scan (bytea) that must survive.
    const employer = await createOrgMember("employer");
    const provider = await createOrgMember("provider");
    const officer = await createOfficerScope();
    const jobId = (await publishJob(employer, { title: "Thợ hàn sao lưu" })).id;
    const trainingId = (await publishTraining(provider, { title: "Hàn điện cơ bản" })).id;
    const personId = await createPerson(officer, { fullName: "Vũ Văn Khôi" });
    const scan = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(2_000)]);
    const input = consentSchema.parse(consentForm({ evidenceKind: "upload", paperFormNumber: "" }));
    expect(
      await grantConsent(officer, personId, input, { name: "dong-y.jpg", type: "image/jpeg", bytes: scan }),
    ).toMatchObject({ ok: true });
    written = { jobId, trainingId, personId, scan };
    // The live index, fed the usual way (outbox): the rebuilt one must hold the same documents.
    await drainOutbox(handle.db, ctx.search, 50);
    sourceContent = await contentOf(handle);
    if (!onServer()) {
      // PGlite belongs to one process: while this test holds it, the backup must refuse.
      const refused = await runScript("backup", ["--out", path.join(tmp, "refused.tar.gz")], source.env);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(new RegExp(`in use by process ${process.pid}`));
      expect(fs.existsSync(path.join(tmp, "refused.tar.gz"))).toBe(false);
    }
  } finally {
    useDatabase(undefined);
    await handle.close();
  }
}, 300_000);

afterAll(async () => {
  const restoredIndexes = new SearchClient({
    url: inject("meiliUrl"),
    apiKey: inject("meiliKey"),
    indexPrefix: restoredPrefix(),
  });
  for (const name of INDEX_NAMES)
    await restoredIndexes.raw.deleteIndexIfExists(restoredIndexes.indexUid(name)).catch(() => {});
  for (const target of targets) await target.drop().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("db:backup and db:restore", () => {
  it("writes a backup and a manifest: sha256, kind, last migration, row count per table", async () => {
    const result = await backupOfSource();
    expect(result.code, result.output).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(`${backupFile()}.manifest.json`, "utf8"));
    expect(manifest.kind).toBe(onServer() ? "postgres" : "pglite");
    expect(manifest.sha256).toBe(crypto.createHash("sha256").update(fs.readFileSync(backupFile())).digest("hex"));
    expect(manifest.lastMigration.tag).toBe(migrationJournal().at(-1)!.tag);
    const counts = Object.fromEntries(
      Object.entries(manifest.tables as Record<string, { rows: number }>).map(([t, s]) => [t, s.rows]),
    );
    const expected = Object.fromEntries(
      Object.entries(sourceContent).map(([t, c]) => [t.replace(/"/g, ""), Number(c.split(" ")[0])]),
    );
    expect(counts).toEqual(expected);
    expect(counts["public.job"]).toBeGreaterThan(0);
    // Personal data: the files are for their owner only.
    expect(fs.statSync(backupFile()).mode & 0o077).toBe(0);
  }, 180_000);

  it("restores into a new empty database equal to the source, table by table, and rebuilds the index from it", async () => {
    const backup = await sourceBackup();
    const target = await newTarget();
    const meili = {
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX_PREFIX: restoredPrefix(),
    };
    const result = await runScript("restore", ["--in", backup], { ...target.env, ...meili });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/row counts and checksums of \d+ tables match the manifest/);

    const restored = await target.open();
    try {
      expect(await contentOf(restored)).toEqual(sourceContent);
      const [grant] = await rows<{ evidence_file: Buffer | Uint8Array }>(
        restored.db,
        sql`select evidence_file from consent_grant where person_id = ${written.personId}`,
      );
      expect(Buffer.from(grant.evidence_file).equals(written.scan)).toBe(true);

      const expected = await expectedIds(restored);
      for (const name of INDEX_NAMES) {
        const rebuilt = await indexIds(restoredPrefix(), name);
        expect(rebuilt, name).toEqual(expected[name]);
        // And the same documents as the source's index, which the outbox fed one change at a time.
        expect(rebuilt, name).toEqual(await indexIds(ctx.search.config.indexPrefix, name));
      }
      expect(expected.jobs).toContain(written.jobId);
      expect(expected.trainings).toContain(written.trainingId);
      expect(expected.candidates).toContain(written.personId);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it("refuses a database that is not empty and leaves it as it was", async () => {
    const backup = await sourceBackup();
    const result = await runScript("restore", ["--in", backup], source.env);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(onServer() ? /target database is not empty/ : /already holds a database/);
    if (onServer()) {
      const handle = await source.open();
      try {
        expect(await contentOf(handle)).toEqual(sourceContent);
      } finally {
        await handle.close();
      }
    } else {
      // Nothing moved aside or half-restored beside it.
      expect(fs.readdirSync(source.dataDir)).toEqual(["pglite"]);
    }
  }, 180_000);

  it("refuses a damaged backup (sha256 mismatch) before touching the target", async () => {
    const backup = await sourceBackup();
    const damaged = path.join(tmp, `damaged${path.extname(backup)}`);
    const bytes = fs.readFileSync(backup);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${backup}.manifest.json`, `${damaged}.manifest.json`);
    const target = await newTarget();
    const result = await runScript("restore", ["--in", damaged], target.env);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/sha256 mismatch/);
    await expectEmpty(target);
  }, 180_000);

  it("exits non-zero when the restored rows do not match the manifest", async () => {
    const backup = await sourceBackup();
    const manifest = JSON.parse(fs.readFileSync(`${backup}.manifest.json`, "utf8"));
    manifest.tables["public.job"].rows += 1;
    const edited = path.join(tmp, "edited.manifest.json");
    fs.writeFileSync(edited, JSON.stringify(manifest));
    const target = await newTarget();
    const result = await runScript("restore", ["--in", backup, "--manifest", edited], target.env);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/does not match the manifest:\s+public\.job: \d+ rows, expected \d+/);
    // PGlite restores beside the target and moves it into place only once verified.
    if (!onServer()) expect(fs.readdirSync(target.dataDir)).toEqual([]);
  }, 180_000);
});

describe.runIf(onServer())("db:backup on a server", () => {
  it("refuses a pg_dump older than the server and says what to install", async () => {
    // No older pg_dump is installed here: this stand-in only answers --version, which is all the check reads.
    const bin = fs.mkdtempSync(path.join(tmp, "bin-"));
    fs.writeFileSync(path.join(bin, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    const out = path.join(tmp, "old-tool.dump");
    const result = await runScript("backup", ["--out", out, "--pg-bin", bin], source.env);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /pg_dump is version 9 but the database needs \d+ or newer.*apt install postgresql-client-\d+/,
    );
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});

async function expectEmpty(target: Target) {
  if (!onServer()) {
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
    return;
  }
  const handle = await target.open();
  try {
    expect(
      await rows(handle.db, sql`select 1 from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`),
    ).toEqual([]);
  } finally {
    await handle.close();
  }
}

describe("backup helpers", () => {
  it("reads the major version of the client tools", () => {
    expect(majorOf("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)")).toBe(15);
    expect(majorOf("pg_restore (PostgreSQL) 9.6.24")).toBe(9);
    expect(majorOf("PGlite 0.5.16")).toBe(0);
  });

  it("names every table whose count or content differs", () => {
    const want = {
      "public.a": { rows: 2, checksum: "1" },
      "public.b": { rows: 1, checksum: "2" },
      "public.c": { rows: 0, checksum: "0" },
    };
    const got = { "public.a": { rows: 2, checksum: "9" }, "public.b": { rows: 3, checksum: "2" } };
    expect(compareStats(want, got)).toEqual([
      "public.a: 2 rows as expected but their content differs",
      "public.b: 3 rows, expected 1",
      "public.c: missing after restore (expected 0 rows)",
    ]);
    expect(compareStats(want, want)).toEqual([]);
  });
});
