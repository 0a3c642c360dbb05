// CLI: `npm run search:reindex` — rebuild the public indexes from the database with no downtime.
// With DATABASE_URL and MEILI_URL it runs beside live app servers; in the embedded setup stop the app first
// (PGlite belongs to one process), and the bundled Meilisearch is started for the duration.
// `rebuildSearchIndex` is also what `npm run db:restore` runs after a restore (db/restore.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";

import { type Env, parseEnv } from "~/env.server";

import { type Database, databaseOptionsFromEnv, openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { initSearch } from "../../search/client.server";
import { launchMeilisearch } from "../../search/launcher";
import { deliverBatch, reindexAll } from "../../search/sync.server";
import { wireSearch } from "./wiring.server";

/** Rebuild every index from `db` in MEILI_URL, or in the bundled Meilisearch under DATA_DIR (started for the duration). */
export async function rebuildSearchIndex(db: Database, env: Env) {
  wireSearch();
  const meili = env.MEILI_URL ? undefined : await launchMeilisearch({ dataDir: path.join(env.dataDir, "meilisearch") });
  try {
    const client = initSearch({
      url: meili?.url ?? env.MEILI_URL!,
      apiKey: meili?.masterKey ?? env.MEILI_MASTER_KEY,
      indexPrefix: env.MEILI_INDEX_PREFIX,
    });
    const counts = await reindexAll(db, client);
    await deliverBatch(db, client);
    return counts;
  } finally {
    await meili?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = parseEnv();
  const options = databaseOptionsFromEnv(env);
  const handle = await openDatabase(options);
  try {
    await runMigrations("url" in options ? options : handle);
    const started = Date.now();
    const counts = await rebuildSearchIndex(handle.db, env);
    console.log(`Reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
  } finally {
    await handle.close();
  }
}
