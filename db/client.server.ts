import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";

import { setSingleton, singleton } from "~/utils/singleton.server";

import { countPoolUsage } from "./pool-usage";
import { createPostgresClient } from "./postgres-client.server";
import * as schema from "./schema";

/** One type for both drivers: services never know whether PGlite or a PostgreSQL server is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type DatabaseOptions =
  // prepare: PostgreSQL prepared statements (default on; DATABASE_PREPARE=false for PgBouncer's transaction mode).
  | { url: string; max?: number; prepare?: boolean }
  // loadDataDir: start a new (empty) data directory from a dumpDataDir tarball (db:restore).
  | { dataDir: string; loadDataDir?: Blob }
  | { pglite: PGlite };

/** Open a database: postgres.js for a URL, PGlite on disk (or an existing PGlite instance) otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ("url" in options) {
    // Fails fast while the server is down and survives its restart (db/postgres-client.server.ts).
    const max = options.max ?? 10;
    const client = createPostgresClient(options.url, max, { prepare: options.prepare ?? true });
    return {
      db: drizzlePostgres({ client: countPoolUsage(client, ["unsafe", "begin"], max), schema }) as unknown as Database,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  if ("pglite" in options) {
    client = options.pglite;
  } else {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const releaseLock = lockDataDir(options.dataDir);
    try {
      client = await PGlite.create({
        dataDir: options.dataDir,
        loadDataDir: options.loadDataDir,
        extensions: { pg_trgm, unaccent },
      });
    } catch (error) {
      releaseLock();
      throw error;
    }
    const pglite = client;
    return {
      db: drizzlePglite({
        client: countPoolUsage(pglite, ["query", "exec", "transaction"], 1),
        schema,
      }) as unknown as Database,
      kind: "pglite",
      close: async () => {
        await pglite.close();
        releaseLock();
      },
    };
  }
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it. A lock
 * file with our pid refuses that with a clear message (a stale lock from a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "chungtay.lock");
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder} (the running app?). Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(lockFile, "utf8")) === process.pid) fs.rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export { poolUsage } from "./pool-usage";

/** The extensions PGlite must load for our migrations (the server has them in contrib). */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** Options for this process: DATABASE_URL when set, else PGlite under DATA_DIR/pglite. */
export function databaseOptionsFromEnv(env: {
  DATABASE_URL?: string;
  DATABASE_PREPARE?: "true" | "false";
  dataDir: string;
}): DatabaseOptions {
  return env.DATABASE_URL
    ? { url: env.DATABASE_URL, prepare: env.DATABASE_PREPARE !== "false" }
    : { dataDir: path.join(env.dataDir, "pglite") };
}

const KEY = "database";

/** The process-wide database; `initDatabase` must have run (the server does it at start). */
export function getDatabase(): DatabaseHandle {
  const handle = singleton<DatabaseHandle | undefined>(KEY, () => undefined);
  if (!handle) throw new Error("Database not initialised: call initDatabase() at process start");
  return handle;
}

export function db(): Database {
  return getDatabase().db;
}

export async function initDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const existing = singleton<DatabaseHandle | undefined>(KEY, () => undefined);
  if (existing) return existing;
  const handle = await openDatabase(options);
  setSingleton(KEY, handle);
  return handle;
}

/** Make an already-open handle the process database (tests). */
export function useDatabase(handle: DatabaseHandle | undefined): void {
  setSingleton(KEY, handle);
}

export async function closeDatabase(): Promise<void> {
  const handle = singleton<DatabaseHandle | undefined>(KEY, () => undefined);
  setSingleton(KEY, undefined);
  await handle?.close();
}

/** A transaction of either driver; services that must write atomically take one of these. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;
