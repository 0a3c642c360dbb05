import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { loadAdminUnits } from "./admin-units";
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from "./client.server";

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
    // With max: 1 every statement runs on the same connection, so the session lock holds throughout.
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  }
  await loadAdminUnits(db);
}

// CLI: `npm run db:migrate`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { parseEnv } = await import("../app/env.server");
  const { databaseOptionsFromEnv } = await import("./client.server");
  const env = parseEnv();
  await runMigrations(databaseOptionsFromEnv(env));
  console.log(`Migrations applied (${env.DATABASE_URL ? "PostgreSQL server" : `PGlite in ${env.dataDir}`}).`);
}
