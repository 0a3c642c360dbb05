import { and, asc, count, eq, isNull, sql } from "drizzle-orm";

import type { ListingKind } from "~/modules/listings/kinds";
import { now } from "~/utils/clock.server";

import { db, type Executor } from "../../../db/client.server";
import { appUser, savedSearch } from "../../../db/schema";
import { type SavedFilters, searchHref } from "./saved-query.server";

export { sendJobAlerts } from "./job-alerts.server";
export { canonicalSearch, type SavedFilters } from "./saved-query.server";

/*
 * A person's saved searches on /jobs and /trainings: the query and filters of the page, kept so that new
 * matching listings reach them in one message a day at most (job-alerts.server.ts). Saving the same search
 * twice is one search; a person keeps at most MAX_ACTIVE_SEARCHES active; one tap stops each.
 */

export const MAX_ACTIVE_SEARCHES = 10;

export type SaveOutcome = { ok: true; id: string; created: boolean } | { ok: false; error: "too_many" };

/**
 * Save a search for a user. The same search (kind, words ignoring case, filters) already active is returned
 * as it is; a stopped one is started again from now (what was posted meanwhile is not announced).
 */
export async function saveSearch(
  userId: string,
  kind: ListingKind,
  search: { query: string; filters: SavedFilters },
): Promise<SaveOutcome> {
  return db().transaction(async (tx) => {
    // One save at a time per user, so a double tap cannot make two rows or pass the limit.
    await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, userId)).for("update");
    const same = and(
      eq(savedSearch.userId, userId),
      eq(savedSearch.kind, kind),
      sql`lower(${savedSearch.query}) = lower(${search.query})`,
      sql`${savedSearch.filters} = ${JSON.stringify(search.filters)}::jsonb`,
    );
    const [existing] = await tx
      .select({ id: savedSearch.id, stoppedAt: savedSearch.stoppedAt })
      .from(savedSearch)
      .where(same)
      .orderBy(sql`${savedSearch.stoppedAt} is null desc`, asc(savedSearch.createdAt))
      .limit(1);
    if (existing && !existing.stoppedAt) return { ok: true as const, id: existing.id, created: false };
    const [{ active }] = await tx
      .select({ active: count() })
      .from(savedSearch)
      .where(and(eq(savedSearch.userId, userId), isNull(savedSearch.stoppedAt)));
    if (Number(active) >= MAX_ACTIVE_SEARCHES) return { ok: false as const, error: "too_many" as const };
    const at = now();
    if (existing) {
      await tx
        .update(savedSearch)
        .set({ stoppedAt: null, lastCheckedAt: at, createdAt: at })
        .where(eq(savedSearch.id, existing.id));
      return { ok: true as const, id: existing.id, created: true };
    }
    const [row] = await tx
      .insert(savedSearch)
      .values({ userId, kind, query: search.query, filters: search.filters, createdAt: at, lastCheckedAt: at })
      .returning({ id: savedSearch.id });
    return { ok: true as const, id: row!.id, created: true };
  });
}

export type SavedSearchItem = {
  id: string;
  kind: ListingKind;
  query: string;
  filterCount: number;
  href: string;
  createdAt: Date;
  lastSentAt: Date | null;
};

/** A user's active saved searches, oldest first. */
export async function listSavedSearches(userId: string): Promise<SavedSearchItem[]> {
  const rows = await db()
    .select()
    .from(savedSearch)
    .where(and(eq(savedSearch.userId, userId), isNull(savedSearch.stoppedAt)))
    .orderBy(asc(savedSearch.createdAt), asc(savedSearch.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    query: r.query,
    filterCount: Object.values(r.filters).reduce((n, v) => n + (Array.isArray(v) ? v.length : 1), 0),
    href: searchHref(r.kind, r.query, r.filters),
    createdAt: r.createdAt,
    lastSentAt: r.lastSentAt,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stop one of the user's saved searches (the /me/saved page, and the one-tap stop of a message whose stopKey
 * is "saved-search:<id>"). False when it is not theirs, unknown, or already stopped.
 */
export async function stopSavedSearch(executor: Executor, userId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const stopped = await executor
    .update(savedSearch)
    .set({ stoppedAt: now() })
    .where(and(eq(savedSearch.id, id), eq(savedSearch.userId, userId), isNull(savedSearch.stoppedAt)))
    .returning({ id: savedSearch.id });
  return stopped.length > 0;
}

/** The person's own stop from /me/saved. */
export function stopOwnSavedSearch(userId: string, id: string): Promise<boolean> {
  return stopSavedSearch(db(), userId, id);
}
