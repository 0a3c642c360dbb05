import type { Database } from "../../db/client.server";
import { province } from "../../db/schema";
import { loadReportBench } from "./reports-data";

/**
 * The national data set (issue 16 §4): the report benchmark's generator over every province of the
 * reference data. Imports nothing of app/: the run loads first, then imports the code it measures.
 */

export type NationalSizes = {
  persons: number;
  activities: number;
  placements: number;
  employers: number;
  providers: number;
  trainingSlots: number;
};

export type NationalLoad = Awaited<ReturnType<typeof loadReportBench>>;

export async function loadNational(
  loadDb: Database,
  sizes: NationalSizes,
  log: (s: string) => void,
): Promise<NationalLoad> {
  const provinces = (await loadDb.select({ code: province.code }).from(province).orderBy(province.code)).map(
    (p) => p.code,
  );
  const loaded = await loadReportBench(loadDb, { provinces, ...sizes, log });
  log(`national: loaded in ${(loaded.ms / 1000).toFixed(1)} s: ${JSON.stringify(loaded.counts)}`);
  return loaded;
}
