// CLI: `npm run db:seed` (migrates first, so it works on an empty database).
import { parseEnv } from "~/env.server";

import { databaseOptionsFromEnv, openDatabase } from "../client.server";
import { runMigrations } from "../migrate";
import { seedDemoData } from "./demo";

const env = parseEnv();
const options = databaseOptionsFromEnv(env);
await runMigrations(options);
const handle = await openDatabase(options);
try {
  console.log((await seedDemoData(handle.db)) ? "Demo data seeded." : "Demo data already present: nothing to do.");
} finally {
  await handle.close();
}
