// CLI: `npm run db:seed` (migrates first, so it works on an empty database). Demo mode only: production
// never seeds demo data (docs/decisions/040).
import { parseEnv } from "~/env.server";

import { databaseOptionsFromEnv, openDatabase } from "../client.server";
import { runMigrations } from "../migrate";
import { seedDemoData } from "./demo";

const env = parseEnv();
if (env.mode === "production") {
  console.error(
    "Not seeding: this is a production database (DATABASE_URL is set). Demo data in production is refused at start;\n" +
      "for a demo on PostgreSQL set APP_MODE=demo.",
  );
  process.exit(1);
}
const options = databaseOptionsFromEnv(env);
await runMigrations(options);
const handle = await openDatabase(options);
try {
  console.log((await seedDemoData(handle.db)) ? "Demo data seeded." : "Demo data already present: nothing to do.");
} finally {
  await handle.close();
}
