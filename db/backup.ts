// CLI: `npm run db:backup -- --out <file>` — a backup of the database with a manifest beside it.
// With DATABASE_URL: pg_dump in custom format, taken from the same snapshot as the manifest's row counts
// and checksums, so it runs beside live app servers. Without it: the embedded PGlite data directory,
// dumped as a gzipped tarball; the app must be stopped first (PGlite belongs to one process).
// Meilisearch is never backed up: db:restore rebuilds it from the database (docs/RELIABILITY.md §6).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { parseEnv } from "~/env.server";

import {
  BackupError,
  formatBytes,
  lastMigration,
  libpqConnection,
  type Manifest,
  manifestPathFor,
  pgliteLockHolder,
  pgTool,
  progress,
  type Query,
  run,
  runCli,
  serverVersion,
  sha256File,
  tableStats,
  writePrivate,
} from "./backup-lib";
import { openDatabase } from "./client.server";

const USAGE = `Usage: npm run db:backup -- [--out <file>] [--pg-bin <dir>]
  --out     where to write the backup (default backups/chungtay-<kind>-<date>.dump or .tar.gz);
            the manifest goes to <file>.manifest.json
  --pg-bin  directory of pg_dump when the one on PATH is older than the server`;

type Captured = Omit<Manifest, "format" | "createdAt" | "file" | "bytes" | "sha256">;

async function backupServer(
  url: string,
  out: string,
  pgBin: string | undefined,
  log: ReturnType<typeof progress>,
): Promise<Captured> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const server = await serverVersion((text) => sql.unsafe(text));
    const tool = pgTool("pg_dump", pgBin, server.major);
    log.info(`PostgreSQL ${server.text} server, ${tool.version}`);
    // One repeatable-read snapshot for pg_dump and for the counts: the manifest describes exactly the dump,
    // even while the app keeps writing.
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      const query: Query = (text) => tx.unsafe(text);
      const [{ snapshot }] = await tx.unsafe<{ snapshot: string }[]>("select pg_export_snapshot() as snapshot");
      const { dbname, env } = libpqConnection(url);
      // Counted while pg_dump runs; its failure is kept (not left unhandled) and raised below.
      const dump = run(
        tool.bin,
        ["--format=custom", `--snapshot=${snapshot}`, `--file=${out}`, `--dbname=${dbname}`],
        env,
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      const tables = await tableStats(query);
      const migration = await lastMigration(query);
      log.step(`counted ${Object.keys(tables).length} tables in the same snapshot`);
      const failure = await dump;
      if (failure) throw failure;
      log.step(`pg_dump wrote ${formatBytes(fs.statSync(out).size)}`);
      return {
        kind: "postgres" as const,
        lastMigration: migration,
        postgresVersion: server.text,
        tool: tool.version,
        tables,
      };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function backupEmbedded(dataDir: string, out: string, log: ReturnType<typeof progress>): Promise<Captured> {
  const dir = path.join(dataDir, "pglite");
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    throw new BackupError(
      `No embedded database in ${dir}. Set DATA_DIR to the app's data directory, or DATABASE_URL for a PostgreSQL server.`,
    );
  }
  const holder = pgliteLockHolder(dir);
  if (holder) {
    throw new BackupError(
      `The embedded database in ${dir} is in use by process ${holder} (the running app?). PGlite belongs to one process: stop the app, run the backup, start it again.`,
    );
  }
  const handle = await openDatabase({ dataDir: dir });
  try {
    const pglite = (handle.db as unknown as { $client: PGlite }).$client;
    log.step(`opened PGlite in ${dir}`);
    const captured = await pglite.transaction(async (tx) => {
      const query: Query = async (text) => (await tx.query<Record<string, unknown>>(text)).rows;
      return {
        tables: await tableStats(query),
        migration: await lastMigration(query),
        server: await serverVersion(query),
      };
    });
    log.step(`counted ${Object.keys(captured.tables).length} tables`);
    // Flush to the data files so the tarball does not depend on replaying WAL.
    await pglite.exec("checkpoint");
    const tarball = await pglite.dumpDataDir("gzip");
    writePrivate(out, new Uint8Array(await tarball.arrayBuffer()));
    log.step(`dumped the data directory: ${formatBytes(fs.statSync(out).size)}`);
    const packageJson = path.join(
      path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")),
      "..",
      "package.json",
    );
    const { version } = JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string };
    return {
      kind: "pglite",
      lastMigration: captured.migration,
      postgresVersion: captured.server.text,
      tool: `PGlite ${version}`,
      tables: captured.tables,
    };
  } finally {
    await handle.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, "pg-bin": { type: "string" }, help: { type: "boolean" } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = parseEnv();
  const kind = env.DATABASE_URL ? "postgres" : "pglite";
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const out = path.resolve(
    values.out ?? path.join("backups", `chungtay-${kind}-${stamp}${kind === "postgres" ? ".dump" : ".tar.gz"}`),
  );
  const manifestFile = manifestPathFor(out);
  for (const file of [out, manifestFile]) {
    if (fs.existsSync(file))
      throw new BackupError(`${file} already exists: choose another --out (a backup is never overwritten).`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const log = progress("backup");
  log.info(`${kind === "postgres" ? "PostgreSQL server" : `embedded PGlite in ${env.dataDir}`} → ${out}`);
  // Written under a temporary name and renamed at the end: a failed run never leaves a plausible backup.
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const captured = env.DATABASE_URL
      ? await backupServer(env.DATABASE_URL, partial, values["pg-bin"], log)
      : await backupEmbedded(env.dataDir, partial, log);
    fs.chmodSync(partial, 0o600);
    const sha256 = await sha256File(partial);
    const manifest: Manifest = {
      format: "chung-tay-backup/1",
      createdAt: new Date().toISOString(),
      file: path.basename(out),
      bytes: fs.statSync(partial).size,
      sha256,
      ...captured,
    };
    fs.renameSync(partial, out);
    writePrivate(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    log.step(`sha256 ${sha256.slice(0, 16)}…, manifest ${manifestFile}`);
    log.info(
      `done in ${log.total().toFixed(1)} s: ${formatBytes(manifest.bytes)}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, last migration ${manifest.lastMigration?.tag ?? "none"}`,
    );
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

runCli("backup", main);
