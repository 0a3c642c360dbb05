import { fileURLToPath } from "node:url";

import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type postgres from "postgres";

import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "./client.server";
import { loadReferenceData } from "./reference-data";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
/** Arbitrary constant: serialises migrations when several app instances start at once. */
const MIGRATION_LOCK_KEY = 72_026_2025;

/**
 * Apply pending migrations and load the reference data (administrative units). Idempotent: run at
 * every start. On a PostgreSQL server it holds an advisory lock on a dedicated connection.
 */
export async function runMigrations(target: DatabaseOptions | DatabaseHandle): Promise<void> {
  if ("db" in target) {
    await migrateHandle(target);
    return;
  }
  const handle = await openDatabase("url" in target ? { url: target.url, max: 1 } : target);
  try {
    await migrateHandle(handle);
  } finally {
    await handle.close();
  }
}

async function migrateHandle(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  if (handle.kind === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // A session lock must be released on the connection that took it. Our own handle (max: 1) runs
    // everything on one connection; a caller's pool gets one connection reserved for the lock.
    const client = (db as unknown as { $client: postgres.Sql }).$client;
    const reserved = client.options.max > 1 ? await client.reserve() : undefined;
    const advisory = (fn: "pg_advisory_lock" | "pg_advisory_unlock") =>
      reserved
        ? reserved`select ${reserved(fn)}(${MIGRATION_LOCK_KEY})`
        : db.execute(sql`select ${sql.raw(fn)}(${MIGRATION_LOCK_KEY})`);
    try {
      await advisory("pg_advisory_lock");
      try {
        await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await advisory("pg_advisory_unlock");
      }
    } finally {
      reserved?.release();
    }
  }
  await loadReferenceData(db);
}

// CLI: `npm run db:migrate`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { parseEnv } = await import("~/env.server");
  const { databaseOptionsFromEnv } = await import("./client.server");
  const env = parseEnv();
  await runMigrations(databaseOptionsFromEnv(env));
  console.log(`Migrations applied (${env.DATABASE_URL ? "PostgreSQL server" : `PGlite in ${env.dataDir}/pglite`}).`);
}
