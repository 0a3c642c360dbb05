import { and, asc, inArray, isNull, lte, sql } from "drizzle-orm";

import type { Executor } from "../db/client.server";
import { outbox, type OutboxEntity } from "../db/schema";

/**
 * Record that entities changed, inside the caller's transaction: the change and its promise to reach the
 * index commit together or not at all. The sync worker delivers it (search/sync.server.ts).
 */
export async function enqueueSync(tx: Executor, entity: OutboxEntity, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.insert(outbox).values(ids.map((entityId) => ({ entity, entityId })));
}

export type OutboxItem = { id: number; entity: OutboxEntity; entityId: string; attempts: number };

/**
 * Claim due items. FOR UPDATE SKIP LOCKED lets several app instances share the work, each item going
 * to exactly one of them; the caller marks items delivered or failed in the same transaction.
 */
export async function claimDue(tx: Executor, limit: number): Promise<OutboxItem[]> {
  return tx
    .select({ id: outbox.id, entity: outbox.entity, entityId: outbox.entityId, attempts: outbox.attempts })
    .from(outbox)
    .where(and(isNull(outbox.deliveredAt), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markDelivered(tx: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outbox)
    .set({ deliveredAt: sql`now()` })
    .where(inArray(outbox.id, ids));
}

/** Exponential back-off: 1 s, 2 s, 4 s … capped at 30 s, so a backlog drains soon after Meilisearch returns. */
export async function markFailed(tx: Executor, ids: number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      nextAttemptAt: sql`now() + least(power(2, ${outbox.attempts}) * interval '1 second', interval '30 seconds')`,
    })
    .where(inArray(outbox.id, ids));
}

export async function pendingCount(tx: Executor): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(isNull(outbox.deliveredAt));
  return Number(row?.n ?? 0);
}

/** Delivered rows are history only: keep a week for diagnosis. */
export async function pruneDelivered(tx: Executor): Promise<void> {
  await tx.delete(outbox).where(and(sql`${outbox.deliveredAt} < now() - interval '7 days'`));
}
