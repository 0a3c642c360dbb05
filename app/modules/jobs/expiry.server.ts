import { and, eq, lt, sql } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { job } from "../../../db/schema";
import { touch } from "../../../search/facade.server";

/**
 * Close the open jobs whose closing date has passed, and queue their removal from the index, in the
 * caller's transaction. Run by the worker's "jobs.expiry" task (app/worker/tasks.server.ts). Public
 * queries also filter on the date, so nothing expired is served even before this runs.
 */
export async function expireJobs(tx: Executor): Promise<number> {
  const closed = await tx
    .update(job)
    .set({ status: "closed", closedReason: "expired", updatedAt: sql`now()` })
    .where(and(eq(job.status, "open"), lt(job.closesAt, todayIso())))
    .returning({ id: job.id });
  await touch(
    tx,
    "job",
    closed.map((j) => j.id),
  );
  return closed.length;
}
