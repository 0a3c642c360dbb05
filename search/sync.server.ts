import crypto from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.server";
import { followUpRemindersTask, type ScheduledTask } from "../app/modules/placements/reminders.server";
import { consentGrant, job, outbox, syncLease, trainingSlot, type OutboxEntity } from "../db/schema";
import { propagateConsentEnd } from "../app/modules/consent/ending.server";
import { FACET_CACHE } from "../app/modules/search/facet-cache";
import { now, todayIso } from "../app/utils/clock.server";
import { setSingleton } from "../app/utils/singleton.server";
import type { SearchClient } from "./client.server";
import { candidateToDocument, isCandidateIndexable, isJobPublic, isTrainingPublic, jobToDocument, trainingToDocument } from "./documents";
import { INDEXES, type IndexName } from "./indexes";
import { claimDue, enqueueSync, markDelivered, markFailed, pruneDelivered } from "./outbox.server";
import { loadCandidateRows, loadJobRows, loadTrainingRows } from "./rows.server";
import { log } from "../app/utils/log.server";

const LEASE_SECONDS = 30;
const BATCH = 500;
const TASK_TIMEOUT_MS = 30_000;

/** Take or renew the delivery lease; true when this holder may deliver now. */
export async function acquireLease(db: Database, holder: string): Promise<boolean> {
  const rows = await db
    .insert(syncLease)
    .values({ name: "outbox", holder, expiresAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .onConflictDoUpdate({
      target: syncLease.name,
      set: { holder, expiresAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` },
      setWhere: sql`${syncLease.holder} = ${holder} or ${syncLease.expiresAt} < now()`,
    })
    .returning({ holder: syncLease.holder });
  return rows.length > 0;
}

export async function releaseLease(db: Database, holder: string): Promise<void> {
  await db.delete(syncLease).where(and(eq(syncLease.name, "outbox"), eq(syncLease.holder, holder)));
}

async function applyTask(promise: { waitTask: (o: { timeout: number }) => Promise<{ status: string; error?: unknown }> }) {
  const task = await promise.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") throw new Error(`Meilisearch task ${task.status}: ${JSON.stringify(task.error)}`);
}

/** Bring the index in line with the database for these entities: upsert what is public, delete the rest. */
export async function applyToIndex(db: Database, search: SearchClient, entity: OutboxEntity, ids: string[]): Promise<void> {
  const today = todayIso();
  let indexName: IndexName;
  let docs: { id: string }[];
  if (entity === "job") {
    indexName = "jobs";
    docs = (await loadJobRows(db, { ids })).filter((r) => isJobPublic(r, today)).map(jobToDocument);
  } else if (entity === "training") {
    indexName = "trainings";
    docs = (await loadTrainingRows(db, { ids })).filter((r) => isTrainingPublic(r, today)).map(trainingToDocument);
  } else {
    indexName = "candidates";
    docs = (await loadCandidateRows(db, today, { ids })).filter(isCandidateIndexable).map(candidateToDocument);
  }
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
      // The index changed: cached facet counts of public search are stale (app/modules/search/facet-cache.ts).
      setSingleton(FACET_CACHE, undefined);
      delivered += itemIds.length;
    } catch (error) {
      await markFailed(db, itemIds, error instanceof Error ? error.message : String(error));
      failed += itemIds.length;
    }
  }
  return { delivered, failed };
}

/**
 * Close listings whose closing date or application deadline has passed, propagate expired consents, and
 * queue the index changes. Public queries also filter on the date, and candidate queries re-check consent
 * in the database, so nothing expired is served even before this runs.
 */
export async function sweepExpired(db: Database): Promise<number> {
  const today = todayIso();
  return db.transaction(async (tx) => {
    const jobs = await tx
      .update(job)
      .set({ status: "closed", closedReason: "expired", updatedAt: sql`now()` })
      .where(and(eq(job.status, "open"), lt(job.closesAt, today)))
      .returning({ id: job.id });
    const trainings = await tx
      .update(trainingSlot)
      .set({ status: "closed", closedReason: "expired", updatedAt: sql`now()` })
      .where(and(eq(trainingSlot.status, "open"), lt(trainingSlot.applicationDeadline, today)))
      .returning({ id: trainingSlot.id });
    // Expired consents take the withdrawal's own path (app/modules/consent/ending.server.ts): requests lapse,
    // referrals relying on them end, organisations stop seeing what they covered, the officers are told, and
    // the person leaves the candidates index.
    const expired = await tx
      .update(consentGrant)
      .set({ expiryProcessedAt: sql`now()` })
      .where(and(lt(consentGrant.expiresAt, now()), isNull(consentGrant.expiryProcessedAt), isNull(consentGrant.withdrawnAt)))
      .returning({ id: consentGrant.id, personId: consentGrant.personId, purposes: consentGrant.purposes, expiresAt: consentGrant.expiresAt });
    const persons = [...new Set(expired.map((e) => e.personId))];
    for (const personId of persons) {
      const ended = expired.filter((e) => e.personId === personId).map((e) => ({ grantId: e.id, purposes: e.purposes, expiresAt: e.expiresAt }));
      await propagateConsentEnd(tx, personId, ended, "expired", null);
    }
    await enqueueSync(tx, "job", jobs.map((j) => j.id));
    await enqueueSync(tx, "training", trainings.map((t) => t.id));
    return jobs.length + trainings.length + persons.length;
  });
}

/** Named background work of other modules, run by the instance holding the lease (see runScheduledTasks). */
export const SCHEDULED_TASKS: readonly ScheduledTask[] = [followUpRemindersTask];

export type SyncWorker = { kick: () => void; stop: () => Promise<void>; idle: () => Promise<void> };

/**
 * The background worker of every app instance: polls the outbox (the instance holding the lease delivers),
 * expires listings each minute, runs the SCHEDULED_TASKS of other modules (reminders), prunes old delivered
 * rows each hour. `kick()` delivers at once after a write.
 */
export function startSyncWorker(db: Database, search: SearchClient, options: { intervalMs?: number } = {}): SyncWorker {
  const holder = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const interval = options.intervalMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;
  let lastExpiry = 0;
  let lastPrune = 0;
  const lastRuns = new Map<string, { at: number; day: string }>();

  /** Each task every `everyMs`, and at once when the calendar day changed (a new day makes things due). */
  const runScheduledTasks = async () => {
    const day = todayIso();
    for (const task of SCHEDULED_TASKS) {
      const last = lastRuns.get(task.name);
      if (last && Date.now() - last.at < task.everyMs && last.day === day) continue;
      lastRuns.set(task.name, { at: Date.now(), day });
      try {
        await task.run(db);
      } catch (error) {
        if (!stopped) log.error("sync", `task ${task.name} failed`, error);
      }
    }
  };

  const tick = async () => {
    try {
      if (!(await acquireLease(db, holder))) return;
      if (Date.now() - lastExpiry > 60_000) {
        lastExpiry = Date.now();
        await sweepExpired(db);
      }
      // Reminders (follow-ups whose window opened) are written here, never by a page being read.
      await runScheduledTasks();
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await pruneDelivered(db);
      }
      // Drain: keep going while full batches come back.
      for (;;) {
        const { delivered, failed } = await deliverBatch(db, search);
        if (delivered + failed < BATCH || failed > 0 || stopped) break;
      }
    } catch (error) {
      // The database itself is unavailable: try again on the next tick.
      if (!stopped) log.error("sync", "tick failed", error);
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = tick().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(interval);
    });
  };
  schedule(0);

  return {
    kick: () => schedule(0),
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await releaseLease(db, holder).catch(() => {});
    },
  };
}

/**
 * Rebuild an index from the database with no downtime: fill a fresh index, swap it with the live one,
 * drop the old one, then re-apply whatever changed meanwhile.
 */
type Page = { docs: { id: string }[]; lastId: string | null };
const PAGE = 5_000;
const lastIdOf = (rows: { id: string }[]) => (rows.length === PAGE ? rows[rows.length - 1].id : null);
const PAGE_LOADERS: Record<IndexName, (db: Database, today: string, afterId: string | null) => Promise<Page>> = {
  jobs: async (db, today, afterId) => {
    const rows = await loadJobRows(db, { afterId, limit: PAGE });
    return { docs: rows.filter((r) => isJobPublic(r, today)).map(jobToDocument), lastId: lastIdOf(rows) };
  },
  trainings: async (db, today, afterId) => {
    const rows = await loadTrainingRows(db, { afterId, limit: PAGE });
    return { docs: rows.filter((r) => isTrainingPublic(r, today)).map(trainingToDocument), lastId: lastIdOf(rows) };
  },
  candidates: async (db, today, afterId) => {
    const rows = await loadCandidateRows(db, today, { afterId, limit: PAGE });
    return { docs: rows.filter(isCandidateIndexable).map(candidateToDocument), lastId: lastIdOf(rows) };
  },
};

export async function reindexAll(db: Database, search: SearchClient, names: IndexName[] = ["jobs", "trainings", "candidates"]) {
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
      const page = await PAGE_LOADERS[name](db, today, afterId);
      afterId = page.lastId;
      if (page.docs.length) await applyTask(search.raw.index(fresh).addDocuments(page.docs));
      total += page.docs.length;
      if (afterId === null) break;
    }
    await applyTask(search.raw.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    await applyTask(search.raw.deleteIndex(fresh));
    setSingleton(FACET_CACHE, undefined);
    counts[name] = total;
  }
  // Changes committed while we rebuilt went to the old index: queue them again for the new one.
  const changed = await db
    .selectDistinct({ entity: outbox.entity, entityId: outbox.entityId })
    .from(outbox)
    .where(sql`${outbox.id} > ${maxId}`);
  for (const entity of ["job", "training", "candidate"] as const) {
    await enqueueSync(db, entity, changed.filter((c) => c.entity === entity).map((c) => c.entityId));
  }
  return counts;
}

