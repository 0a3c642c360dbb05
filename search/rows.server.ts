// TEMPORARY (lead removes after merge): the row SQL moved to its owning modules
// (app/modules/jobs/search-rows.server.ts, app/modules/trainings/search-rows.server.ts,
// app/modules/persons/candidate-rows.server.ts). Only jobs/* and trainings/* still import it from here;
// the import-graph test lists this file as a known exception. search/ itself no longer uses it.
import type { Executor } from "../db/client.server";
import { refreshJobSearchText } from "../app/modules/jobs/search-rows.server";
import { refreshTrainingSearchText } from "../app/modules/trainings/search-rows.server";

export { loadJobRows, selectJobRows } from "../app/modules/jobs/search-rows.server";
export { loadTrainingRows, selectTrainingRows } from "../app/modules/trainings/search-rows.server";

export async function refreshSearchText(db: Executor, entity: "job" | "training", ids: string[]): Promise<void> {
  await (entity === "job" ? refreshJobSearchText(db, ids) : refreshTrainingSearchText(db, ids));
}
