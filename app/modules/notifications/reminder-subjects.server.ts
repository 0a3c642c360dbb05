import { inArray } from "drizzle-orm";

import type { Executor } from "../../../db/client.server";
import { notification } from "../../../db/schema";

/**
 * The reminders (each named by its `subjectKey`) that no notification carries yet: the cheap check that
 * spares the worker's every tick the work of re-notifying. What keeps a reminder single when two runs race
 * is the unique (recipient, subject) index that `notify` relies on, not this.
 */
export async function notYetReminded<T extends { key: string }>(executor: Executor, items: T[]): Promise<T[]> {
  if (items.length === 0) return [];
  const sent = await executor
    .selectDistinct({ key: notification.subjectKey })
    .from(notification)
    .where(
      inArray(
        notification.subjectKey,
        items.map((i) => i.key),
      ),
    );
  const done = new Set(sent.map((s) => s.key));
  return items.filter((i) => !done.has(i.key));
}
