// CLI: `npm run search:reindex` — rebuild the public indexes from the database with no downtime.
// With DATABASE_URL and MEILI_URL it runs beside live app servers; in the embedded setup stop the app first
// (PGlite belongs to one process), and the bundled Meilisearch is started for the duration.
import path from "node:path";
import { parseEnv } from "../app/env.server";
import { databaseOptionsFromEnv, openDatabase } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { initSearch } from "./client.server";
import { launchMeilisearch } from "./launcher";
import { deliverBatch, reindexAll } from "./sync.server";

const env = parseEnv();
const meili = env.MEILI_URL ? undefined : await launchMeilisearch({ dataDir: path.join(env.dataDir, "meilisearch") });
const options = databaseOptionsFromEnv(env);
const handle = await openDatabase(options);
try {
  await runMigrations("url" in options ? options : handle);
  const client = initSearch({
    url: meili?.url ?? env.MEILI_URL!,
    apiKey: meili?.masterKey ?? env.MEILI_MASTER_KEY,
    indexPrefix: env.MEILI_INDEX_PREFIX,
  });
  const started = Date.now();
  const counts = await reindexAll(handle.db, client);
  await deliverBatch(handle.db, client);
  console.log(`Reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
} finally {
  await handle.close();
  await meili?.stop();
}
