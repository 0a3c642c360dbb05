// CLI: `npm run demo:remove -- --yes` — empty a database that holds only the demo, so production can start
// on it (docs/decisions/040). Refuses when a real account is there too: demo and real rows are entangled
// (referrals, activities, audit), so the way out is then a backup from before or a new database.
import { sql } from "drizzle-orm";

import { parseEnv } from "~/env.server";
import { rebuildSearchIndex } from "~/worker/reindex";

import { databaseOptionsFromEnv, openDatabase } from "../client.server";
import { loadReferenceData } from "../reference-data";
import { appUser } from "../schema";
import { findDemoAccounts } from "./demo-accounts";

/** Reference data the product needs in every deployment: kept (and reloaded after, should a cascade reach it). */
const KEPT = new Set(["province", "commune", "occupation", "training_level", "minimum_wage", "wage_zone"]);

const env = parseEnv();
const yes = process.argv.includes("--yes");
const handle = await openDatabase(databaseOptionsFromEnv(env));
let code = 0;
try {
  const demo = await findDemoAccounts(handle.db);
  const [{ total }] = await handle.db.select({ total: sql<number>`count(*)::int` }).from(appUser);
  const real = total - demo.length;
  if (demo.length === 0) {
    console.log("No demo account in this database: nothing to do.");
  } else if (real > 0) {
    console.error(
      `This database holds ${demo.length} demo account(s) and ${real} other account(s): demo data and real data are mixed,\n` +
        "and removing one without the other cannot be done safely. Restore a backup taken before the demo was seeded\n" +
        "(npm run db:restore), or start production on a new, empty database.",
    );
    code = 1;
  } else {
    const result = (await handle.db.execute(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    )) as unknown;
    // postgres.js answers an array of rows, PGlite an object with `rows`.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { tablename: string }[];
    const tables = rows.map((r) => r.tablename).filter((t) => !KEPT.has(t));
    if (!yes) {
      console.error(
        `This database holds only demo data (${demo.length} demo accounts). Removing it empties ${tables.length} tables\n` +
          "(reference data such as communes and occupations stays). Run again with --yes to do it.",
      );
      code = 2;
    } else {
      await handle.db.execute(
        sql.raw(
          `truncate table ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(", ")} restart identity cascade`,
        ),
      );
      await loadReferenceData(handle.db);
      console.log(`Demo data removed: ${demo.length} demo accounts, ${tables.length} tables emptied.`);
      const counts = await rebuildSearchIndex(handle.db, env);
      console.log("Search indexes rebuilt:", counts);
      console.log("Next: npm run admin:create, then start with APP_MODE=production.");
    }
  }
} finally {
  await handle.close();
}
process.exit(code);
