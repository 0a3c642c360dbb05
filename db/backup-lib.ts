// Shared by db/backup.ts and db/restore.ts: the manifest, checksums, table statistics and the PostgreSQL
// client tools. Operator-facing CLI text stays in English, as in db/migrate.ts and app/worker/reindex.ts.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { MIGRATIONS_FOLDER } from "./migrate";

/** An expected failure: printed as its message alone, exit code 1. */
export class BackupError extends Error {}

const tableStatsSchema = z.object({ rows: z.number().int().nonnegative(), checksum: z.string() });
export type TableStats = z.infer<typeof tableStatsSchema>;

export const manifestSchema = z.object({
  format: z.literal("chung-tay-backup/1"),
  createdAt: z.string(),
  kind: z.enum(["postgres", "pglite"]),
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The newest migration applied in the backed-up database (its tag in db/migrations/meta/_journal.json). */
  lastMigration: z.object({ tag: z.string(), createdAt: z.number() }).nullable(),
  postgresVersion: z.string(),
  /** "pg_dump (PostgreSQL) 15.20" or "PGlite 0.5.16": the restore side needs the same or newer. */
  tool: z.string(),
  tables: z.record(z.string(), tableStatsSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const manifestPathFor = (file: string) => `${file}.manifest.json`;

export function readManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new BackupError(`Cannot read the manifest ${file}: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new BackupError(
      `The manifest ${file} is not a Chung Tay backup manifest: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

/** Backups hold personal data of released persons: readable by their owner only. */
export function writePrivate(file: string, data: string | Uint8Array): void {
  fs.writeFileSync(file, data, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** A query runner over either driver (postgres.js transaction or PGlite transaction). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Settings that make a row's text form the same on every server and session, so checksums taken at
 * backup time compare with those taken after the restore. Local to the caller's transaction.
 */
export const STABLE_TEXT_SETTINGS = `select set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
  set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true)`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Row count and an order-independent content checksum of every table outside the system schemas: the
 * sum of each row's 64-bit md5 prefix. One scan per table, no sort and constant memory, so it also runs
 * on a large database. Call inside a transaction (the settings above are transaction-local).
 */
export async function tableStats(query: Query): Promise<Record<string, TableStats>> {
  await query(STABLE_TEXT_SETTINGS);
  const tables = await query(`select schemaname, tablename from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%' order by 1, 2`);
  const stats: Record<string, TableStats> = {};
  for (const { schemaname, tablename } of tables as { schemaname: string; tablename: string }[]) {
    const [row] = await query(`select count(*)::text as rows,
      coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text as checksum
      from ${quoteIdent(schemaname)}.${quoteIdent(tablename)} t`);
    stats[`${schemaname}.${tablename}`] = { rows: Number(row.rows), checksum: String(row.checksum) };
  }
  return stats;
}

/** Tables whose count or checksum differ from the manifest (or that are missing), as readable lines. */
export function compareStats(expected: Record<string, TableStats>, actual: Record<string, TableStats>): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: missing after restore (expected ${want.rows} rows)`);
    else if (got.rows !== want.rows) problems.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.checksum !== want.checksum)
      problems.push(`${table}: ${got.rows} rows as expected but their content differs`);
  }
  return problems;
}

type JournalEntry = { tag: string; when: number };
export function migrationJournal(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The newest migration recorded by drizzle in the database, named by its tag from our journal. */
export async function lastMigration(query: Query): Promise<Manifest["lastMigration"]> {
  const rows = await query(
    `select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  ).catch(() => []);
  if (!rows.length) return null;
  const createdAt = Number(rows[0].created_at);
  return { tag: migrationJournal().find((e) => e.when === createdAt)?.tag ?? `unknown-${createdAt}`, createdAt };
}

export async function serverVersion(query: Query): Promise<{ text: string; major: number }> {
  const [row] = await query(
    `select current_setting('server_version') as text, current_setting('server_version_num') as num`,
  );
  return { text: String(row.text).split(" ")[0], major: Math.floor(Number(row.num) / 10_000) };
}

/** "pg_dump (PostgreSQL) 15.20 (Debian ...)" → 15; also "pg_dump (PostgreSQL) 9.6.24" → 9. */
export function majorOf(versionLine: string): number | null {
  const match = /\)\s*(\d+)(?:\.(\d+))?/.exec(versionLine) ?? /(\d+)(?:\.(\d+))?/.exec(versionLine);
  return match ? Number(match[1]) : null;
}

/** Locate a PostgreSQL client tool (on PATH or in --pg-bin) and read its version, or explain what to install. */
export function pgTool(
  name: "pg_dump" | "pg_restore",
  binDir: string | undefined,
  serverMajor: number,
): { bin: string; version: string } {
  const bin = binDir ? path.join(binDir, name) : name;
  const result = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const install = `install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: apt install postgresql-client-${serverMajor}) or pass --pg-bin /usr/lib/postgresql/${serverMajor}/bin`;
  if (result.error || result.status !== 0) {
    throw new BackupError(`${name} was not found${binDir ? ` in ${binDir}` : " on PATH"}: ${install}.`);
  }
  const version = result.stdout.trim();
  const major = majorOf(version);
  if (major === null) throw new BackupError(`Could not read the version of ${bin} ("${version}").`);
  if (major < serverMajor) {
    throw new BackupError(
      `${name} is version ${major} but the database needs ${serverMajor} or newer (${version}): ${install}.`,
    );
  }
  return { bin, version };
}

/** libpq arguments and environment for a URL, keeping the password out of the process list. */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Run a client tool; its stderr is kept for the error message. */
export function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8_000);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${path.basename(bin)} failed (exit code ${code}):\n${stderr.trim()}`)),
    );
  });
}

/** The pid in a PGlite data directory's lock file when that process is alive (see db/client.server.ts). */
export function pgliteLockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "chungtay.lock"), "utf8"));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Progress lines with the time each step took. */
export function progress(prefix: string) {
  const started = Date.now();
  let last = started;
  return {
    step(message: string) {
      const t = Date.now();
      console.log(`[${prefix}] ${message} (${((t - last) / 1000).toFixed(1)} s)`);
      last = t;
    },
    info(message: string) {
      console.log(`[${prefix}] ${message}`);
      last = Date.now();
    },
    total: () => (Date.now() - started) / 1000,
  };
}

export const formatBytes = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Run a CLI main: expected failures print their message, anything else its stack; both exit 1. */
export function runCli(prefix: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(
        `[${prefix}] FAILED: ${error instanceof BackupError ? error.message : error instanceof Error ? error.stack : String(error)}`,
      );
      process.exit(1);
    },
  );
}
