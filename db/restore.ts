// CLI: `npm run db:restore -- --in <file>` — restore a db:backup into an empty database, verify it against
// the manifest, apply newer migrations, and rebuild the Meilisearch indexes so they equal the database.
// With DATABASE_URL: pg_restore into that (empty) database. Without it: a new PGlite data directory under
// DATA_DIR (the app stopped). Any mismatch stops with exit code 1.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { type Env, parseEnv } from "~/env.server";
import { rebuildSearchIndex } from "~/worker/reindex";

import {
  BackupError,
  compareStats,
  libpqConnection,
  majorOf,
  type Manifest,
  manifestPathFor,
  migrationJournal,
  pgliteLockHolder,
  pgTool,
  progress,
  type Query,
  readManifest,
  run,
  runCli,
  serverVersion,
  sha256File,
  type TableStats,
  tableStats,
} from "./backup-lib";
import { type DatabaseHandle, openDatabase } from "./client.server";
import { runMigrations } from "./migrate";

const USAGE = `Usage: npm run db:restore -- --in <file> [--manifest <file>] [--force] [--pg-bin <dir>]
  --in        the backup written by npm run db:backup
  --manifest  its manifest (default <file>.manifest.json)
  --force     replace a database that is not empty (PGlite: the old data directory is kept aside)
  --pg-bin    directory of pg_restore when the one on PATH is older than the backup`;

type Log = ReturnType<typeof progress>;

function verifyStats(manifest: Manifest, actual: Record<string, TableStats>, log: Log): void {
  const problems = compareStats(manifest.tables, actual);
  if (problems.length)
    throw new BackupError(`The restored database does not match the manifest:\n  ${problems.join("\n  ")}`);
  const rows = Object.values(actual).reduce((sum, t) => sum + t.rows, 0);
  log.step(
    `row counts and checksums of ${Object.keys(manifest.tables).length} tables match the manifest (${rows} rows)`,
  );
}

/** Migrations newer than the backup, then the search index from the restored rows. */
async function finish(handle: DatabaseHandle, env: Env, migrate: () => Promise<void>, log: Log): Promise<void> {
  await migrate();
  log.step("migrations up to date");
  const counts = await rebuildSearchIndex(handle.db, env);
  log.step(
    `search index rebuilt (${env.MEILI_URL ? env.MEILI_URL : "bundled Meilisearch"}, prefix ${env.MEILI_INDEX_PREFIX}): ${JSON.stringify(counts)}`,
  );
}

async function restoreServer(
  url: string,
  file: string,
  manifest: Manifest,
  options: { force: boolean; pgBin?: string },
  env: Env,
  log: Log,
) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const server = await serverVersion((text) => sql.unsafe(text));
    // pg_restore reads archives of its own major version and older: the backup's pg_dump sets the floor.
    const tool = pgTool("pg_restore", options.pgBin, Math.max(server.major, majorOf(manifest.tool) ?? 0));
    const [{ relations }] = await sql.unsafe<{ relations: number }[]>(`select count(*)::int as relations from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`);
    if (relations > 0 && !options.force) {
      throw new BackupError(
        `The target database is not empty (${relations} tables, views or sequences). Restore into a new empty database (e.g. createdb chungtay_restored), or pass --force to replace its contents.`,
      );
    }
    log.step(
      `PostgreSQL ${server.text} target ${relations ? `not empty, replacing (--force)` : "is empty"}; ${tool.version}`,
    );
    const { dbname, env: toolEnv } = libpqConnection(url);
    // One transaction: a failed restore leaves the target as it was. Owners and grants are those of the
    // restoring user, so a backup restores onto a server whose roles differ.
    const args = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`];
    if (relations) args.push("--clean", "--if-exists");
    await run(tool.bin, [...args, file], toolEnv);
    log.step("pg_restore done");
    const actual = await sql.begin(async (tx) => tableStats((text) => tx.unsafe(text)));
    verifyStats(manifest, actual, log);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const handle = await openDatabase({ url, max: 2 });
  try {
    await finish(handle, env, () => runMigrations({ url }), log);
  } finally {
    await handle.close();
  }
}

async function restoreEmbedded(file: string, manifest: Manifest, options: { force: boolean }, env: Env, log: Log) {
  const target = path.join(env.dataDir, "pglite");
  const holder = pgliteLockHolder(target);
  if (holder)
    throw new BackupError(
      `The embedded database in ${target} is in use by process ${holder} (the running app?): stop it first.`,
    );
  const occupied = fs.existsSync(path.join(target, "PG_VERSION"));
  if (occupied && !options.force) {
    throw new BackupError(
      `${target} already holds a database. Restore into another DATA_DIR, or pass --force to replace it (the old directory is kept aside).`,
    );
  }
  // Restored and verified beside the target, then moved into place: a failure leaves the target untouched.
  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const staging = `${target}.restoring-${stamp}`;
  fs.rmSync(staging, { recursive: true, force: true });
  let handle: DatabaseHandle | undefined;
  try {
    const tarball = new Blob([fs.readFileSync(file)], { type: "application/x-gzip" });
    handle = await openDatabase({ dataDir: staging, loadDataDir: tarball });
    const pglite = (handle.db as unknown as { $client: PGlite }).$client;
    log.step(`loaded the data directory into ${staging}`);
    const actual = await pglite.transaction(async (tx) => {
      const query: Query = async (text) => (await tx.query<Record<string, unknown>>(text)).rows;
      return tableStats(query);
    });
    verifyStats(manifest, actual, log);
    const opened = handle;
    await finish(opened, env, () => runMigrations(opened), log);
    await handle.close();
    handle = undefined;
    // The tarball carries the backup process's lock file; nobody holds this directory now.
    fs.rmSync(path.join(staging, "chungtay.lock"), { force: true });
    if (occupied) {
      const aside = `${target}.before-restore-${stamp}`;
      fs.renameSync(target, aside);
      fs.rmSync(path.join(aside, "chungtay.lock"), { force: true });
      log.info(`the previous database was moved to ${aside}: delete it once the restore is checked`);
    }
    fs.renameSync(staging, target);
    log.step(`moved into ${target}`);
  } catch (error) {
    await handle?.close().catch(() => {});
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function runningMeilisearch(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8"));
    return pid > 0 && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("meilisearch") ? pid : null;
  } catch {
    return null;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      in: { type: "string" },
      manifest: { type: "string" },
      force: { type: "boolean", default: false },
      "pg-bin": { type: "string" },
      help: { type: "boolean" },
    },
    allowPositionals: false,
  });
  if (values.help || !values.in) {
    console.log(USAGE);
    if (!values.in && !values.help) throw new BackupError("--in <file> is required.");
    return;
  }
  const env = parseEnv();
  const file = path.resolve(values.in);
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const manifest = readManifest(path.resolve(values.manifest ?? manifestPathFor(file)));
  const log = progress("restore");
  log.info(
    `${file}: ${manifest.kind} backup of ${manifest.createdAt}, last migration ${manifest.lastMigration?.tag ?? "none"}`,
  );

  const sha256 = await sha256File(file);
  if (sha256 !== manifest.sha256) {
    throw new BackupError(
      `sha256 mismatch: the file is ${sha256}, the manifest says ${manifest.sha256}. The backup is damaged or not the one this manifest describes.`,
    );
  }
  log.step("sha256 matches the manifest");
  if (manifest.lastMigration && !migrationJournal().some((e) => e.tag === manifest.lastMigration!.tag)) {
    throw new BackupError(
      `The backup was made by a newer version of Chung Tay (migration ${manifest.lastMigration.tag}): update the code first.`,
    );
  }
  // The bundled Meilisearch of a running app would be killed by the launcher (search/launcher.ts): refuse instead.
  const meiliPid = env.MEILI_URL ? null : runningMeilisearch(path.join(env.dataDir, "meilisearch"));
  if (meiliPid) {
    throw new BackupError(
      `The bundled Meilisearch in ${env.dataDir} is running (process ${meiliPid}, the app?): stop the app first, or set MEILI_URL.`,
    );
  }
  if (manifest.kind === "postgres") {
    if (!env.DATABASE_URL)
      throw new BackupError("This is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore into.");
    await restoreServer(env.DATABASE_URL, file, manifest, { force: values.force, pgBin: values["pg-bin"] }, env, log);
  } else {
    if (env.DATABASE_URL)
      throw new BackupError(
        "This is an embedded (PGlite) backup: unset DATABASE_URL and set DATA_DIR to the directory to restore into.",
      );
    await restoreEmbedded(file, manifest, { force: values.force }, env, log);
  }
  log.info(`done in ${log.total().toFixed(1)} s`);
}

runCli("restore", main);
