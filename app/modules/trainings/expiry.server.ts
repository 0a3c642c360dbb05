import { and, eq, lt, sql } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { trainingSlot } from "../../../db/schema";
import { touch } from "../../../search/facade.server";

/**
 * Close the open training slots whose application deadline has passed, and queue their removal from the
 * index, in the caller's transaction. Run by the worker's "trainings.expiry" task (app/worker/tasks.server.ts).
 * Public queries also filter on the date, so nothing expired is served even before this runs.
 */
export async function expireTrainings(tx: Executor): Promise<number> {
  const closed = await tx
    .update(trainingSlot)
    .set({ status: "closed", closedReason: "expired", updatedAt: sql`now()` })
    .where(and(eq(trainingSlot.status, "open"), lt(trainingSlot.applicationDeadline, todayIso())))
    .returning({ id: trainingSlot.id });
  await touch(
    tx,
    "training",
    closed.map((t) => t.id),
  );
  return closed.length;
}
