import { sql } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import type { Database } from "../db/client.server";
import { outbox, type OutboxEntity } from "../db/schema";
import type { SearchClient } from "./client.server";
import { INDEXES, type IndexName } from "./indexes";
import { claimDue, enqueueSync, markDelivered, markFailed } from "./outbox.server";
import { searchWiring } from "./sources";

/**
 * Delivery of the outbox to Meilisearch, and full rebuilds. Which rows become documents is the owning
 * modules' knowledge, reached through the wired document sources (search/sources.ts); the worker that
 * calls deliverBatch under its lease is app/worker.
 */

const BATCH = 500;
const TASK_TIMEOUT_MS = 30_000;

async function applyTask(promise: {
  waitTask: (o: { timeout: number }) => Promise<{ status: string; error?: unknown }>;
}) {
  const task = await promise.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") throw new Error(`Meilisearch task ${task.status}: ${JSON.stringify(task.error)}`);
}

const INDEX_OF: Record<OutboxEntity, IndexName> = { job: "jobs", training: "trainings", candidate: "candidates" };
const ENTITY_OF: Record<IndexName, OutboxEntity> = { jobs: "job", trainings: "training", candidates: "candidate" };

/** Bring the index in line with the database for these entities: upsert what may be indexed, delete the rest. */
export async function applyToIndex(
  db: Database,
  search: SearchClient,
  entity: OutboxEntity,
  ids: string[],
): Promise<void> {
  const indexName = INDEX_OF[entity];
  const { docs } = await searchWiring().sources[entity](db, todayIso(), { ids });
  const index = search.index(indexName);
  const keep = new Set(docs.map((d) => d.id));
  const remove = ids.filter((id) => !keep.has(id));
  if (docs.length) await applyTask(index.addDocuments(docs, { primaryKey: INDEXES[indexName].primaryKey }));
  if (remove.length) await applyTask(index.deleteDocuments(remove));
}

/** Deliver one batch of due outbox items. Returns how many were delivered and how many failed. */
export async function deliverBatch(db: Database, search: SearchClient): Promise<{ delivered: number; failed: number }> {
  const items = await claimDue(db, BATCH);
  let delivered = 0;
  let failed = 0;
  const byEntity = new Map<OutboxEntity, typeof items>();
  for (const item of items) byEntity.set(item.entity, [...(byEntity.get(item.entity) ?? []), item]);
  for (const [entity, group] of byEntity) {
    const itemIds = group.map((i) => i.id);
    try {
      await applyToIndex(db, search, entity, [...new Set(group.map((i) => i.entityId))]);
      await markDelivered(db, itemIds);
      // The index changed: e.g. cached facet counts of public search are stale (wired by app/worker).
      searchWiring().onIndexChanged?.();
      delivered += itemIds.length;
    } catch (error) {
      await markFailed(db, itemIds, error instanceof Error ? error.message : String(error));
      failed += itemIds.length;
    }
  }
  return { delivered, failed };
}

/** Deliver until the outbox has nothing due: keep going while full batches come back, stop at a failure. */
export async function deliverPending(
  db: Database,
  search: SearchClient,
  stopped: () => boolean = () => false,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { delivered, failed } = await deliverBatch(db, search);
    total += delivered;
    if (delivered + failed < BATCH || failed > 0 || stopped()) return total;
  }
}

const PAGE = 5_000;

/**
 * Rebuild an index from the database with no downtime: fill a fresh index, swap it with the live one,
 * drop the old one, then re-apply whatever changed meanwhile.
 */

export async function reindexAll(
  db: Database,
  search: SearchClient,
  names: IndexName[] = ["jobs", "trainings", "candidates"],
) {
  const [{ maxId }] = await db.select({ maxId: sql<number>`coalesce(max(${outbox.id}), 0)` }).from(outbox);
  const today = todayIso();
  const counts: Partial<Record<IndexName, number>> = {};
  await search.ensureIndexes();
  for (const name of names) {
    const live = search.indexUid(name);
    const fresh = `${live}_rebuild`;
    await search.raw.deleteIndexIfExists(fresh);
    await applyTask(search.raw.createIndex(fresh, { primaryKey: INDEXES[name].primaryKey }));
    await applyTask(search.raw.index(fresh).updateSettings(INDEXES[name].settings));
    let afterId: string | null = null;
    let total = 0;
    for (;;) {
      const page = await searchWiring().sources[ENTITY_OF[name]](db, today, { afterId, limit: PAGE });
      afterId = page.lastId;
      if (page.docs.length) await applyTask(search.raw.index(fresh).addDocuments(page.docs));
      total += page.docs.length;
      if (afterId === null) break;
    }
    await applyTask(search.raw.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    await applyTask(search.raw.deleteIndex(fresh));
    searchWiring().onIndexChanged?.();
    counts[name] = total;
  }
  // Changes committed while we rebuilt went to the old index: queue them again for the new one.
  const changed = await db
    .selectDistinct({ entity: outbox.entity, entityId: outbox.entityId })
    .from(outbox)
    .where(sql`${outbox.id} > ${maxId}`);
  for (const entity of ["job", "training", "candidate"] as const) {
    await enqueueSync(
      db,
      entity,
      changed.filter((c) => c.entity === entity).map((c) => c.entityId),
    );
  }
  return counts;
}
