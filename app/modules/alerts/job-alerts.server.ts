import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";

import { translator } from "~/i18n";
import { loadJobRows } from "~/modules/jobs/search-rows.server";
import type { ListingKind } from "~/modules/listings/kinds";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { notify } from "~/modules/notifications/notifications.server";
import {
  parseJobSearch,
  parseTrainingSearch,
  searchJobs,
  searchTrainings,
} from "~/modules/search/public-search.server";
import { loadTrainingRows } from "~/modules/trainings/search-rows.server";
import { now, todayIso } from "~/utils/clock.server";
import { log } from "~/utils/log.server";

import type { Database } from "../../../db/client.server";
import type { Locale } from "../../../db/enums";
import { appUser, savedSearch } from "../../../db/schema";
import { type SavedFilters, searchHref, searchParamsOf } from "./saved-query.server";

/*
 * Job alerts (issue 13 §5): the worker's `alerts.job-alerts` task. A person whose saved searches have new
 * matching listings gets one message, at most once a day whatever number of searches they keep (one per
 * kind: jobs and courses are told apart). "New" is what the public page finds for the saved query and filters
 * (the same search, Meilisearch or its PostgreSQL fallback), published after the search's `lastCheckedAt`,
 * and still public today (app/modules/listings/visibility.ts). `notify` writes the in-app notice and queues the
 * SMS for a person with a live `contact_sms` consent; the quiet hours are applied when it is sent.
 */

const DAY_MS = 24 * 60 * 60_000;
/** The index may lag a posting by moments: listings younger than this wait for the next run. */
const INDEX_GRACE_MS = 2 * 60_000;
/** A search with nothing new is looked at again after this long, not at every run of the task. */
const CHECK_EVERY_MS = 60 * 60_000;
/** Pages of newest results read per search (20 each): more new listings than that are counted as that many. */
const MAX_PAGES = 5;
/** Saved searches looked at per run (the oldest checked first); the rest wait for the next run. */
const SEARCHES_PER_RUN = 1_000;

type Due = {
  id: string;
  userId: string;
  locale: Locale;
  kind: ListingKind;
  query: string;
  filters: SavedFilters;
  lastCheckedAt: Date;
};

const MESSAGE = { job: "notify.alert.job", training: "notify.alert.training" } as const;

/** Send the day's job and course alerts that are due. Returns how many notifications were written. */
export async function sendJobAlerts(database: Database): Promise<number> {
  const at = now();
  const cutoff = new Date(at.getTime() - INDEX_GRACE_MS);
  const dayAgo = new Date(at.getTime() - DAY_MS).toISOString();
  const due = await database
    .select({
      id: savedSearch.id,
      userId: savedSearch.userId,
      locale: appUser.locale,
      kind: savedSearch.kind,
      query: savedSearch.query,
      filters: savedSearch.filters,
      lastCheckedAt: savedSearch.lastCheckedAt,
    })
    .from(savedSearch)
    .innerJoin(appUser, eq(appUser.id, savedSearch.userId))
    .where(
      and(
        isNull(savedSearch.stoppedAt),
        isNull(appUser.disabledAt),
        lte(savedSearch.lastCheckedAt, new Date(at.getTime() - CHECK_EVERY_MS)),
        // One message a day per person: nobody told in the last 24 hours, by any of their searches.
        sql`not exists (select 1 from saved_search sent where sent.user_id = ${savedSearch.userId}
          and sent.last_sent_at > ${dayAgo}::timestamptz)`,
      ),
    )
    .orderBy(asc(savedSearch.lastCheckedAt), asc(savedSearch.id))
    .limit(SEARCHES_PER_RUN);

  const byUser = new Map<string, Due[]>();
  for (const row of due) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);

  let written = 0;
  for (const [userId, searches] of byUser) {
    try {
      written += await alertUser(database, userId, searches, at, cutoff);
    } catch (error) {
      // One person's failure (search down and the database busy) must not hold back everyone else's.
      log.warn("alerts", "job alert not sent, retried at the next run", error, { userId });
    }
  }
  return written;
}

async function alertUser(database: Database, userId: string, searches: Due[], at: Date, cutoff: Date) {
  const found: { search: Due; ids: string[] }[] = [];
  for (const search of searches) {
    const ids = await newListings(database, search, cutoff);
    if (ids.length) found.push({ search, ids });
  }
  return database.transaction(async (tx) => {
    let written = 0;
    if (found.length) {
      // Only searches still active now (one may have been stopped while we searched).
      const active = new Set(
        (
          await tx
            .update(savedSearch)
            .set({ lastSentAt: at })
            .where(
              and(
                inArray(
                  savedSearch.id,
                  found.map((f) => f.search.id),
                ),
                isNull(savedSearch.stoppedAt),
              ),
            )
            .returning({ id: savedSearch.id })
        ).map((r) => r.id),
      );
      for (const kind of ["job", "training"] as const) {
        const ofKind = found.filter((f) => f.search.kind === kind && active.has(f.search.id));
        if (ofKind.length === 0) continue;
        written += await notify(tx, [userId], alertMessage(kind, ofKind));
      }
    }
    await tx
      .update(savedSearch)
      .set({ lastCheckedAt: cutoff })
      .where(
        inArray(
          savedSearch.id,
          searches.map((s) => s.id),
        ),
      );
    return written;
  });
}

/** One message for a kind: how many new listings, for which searches, and where to see them. */
function alertMessage(kind: ListingKind, found: { search: Due; ids: string[] }[]) {
  const t = translator(found[0]!.search.locale);
  const count = new Set(found.flatMap((f) => f.ids)).size;
  const query = [...new Set(found.map((f) => f.search.query || t("alerts.query.all")))].join(", ");
  if (found.length === 1) {
    const { search } = found[0]!;
    return {
      messageKey: MESSAGE[kind],
      params: { count, query },
      link: searchHref(kind, search.query, search.filters),
      stopKey: `saved-search:${search.id}` as const,
    };
  }
  // Several searches in one message: the person's list of searches, where each has its results and its stop.
  return { messageKey: MESSAGE[kind], params: { count, query }, link: "/me/saved#alerts" };
}

/**
 * The listings the public page finds for a saved search, newest first, published after it was last checked
 * and up to `cutoff`, and public today. The page's own search decides what matches; the database decides
 * what is new and public (the index may still hold a listing closed a moment ago).
 */
async function newListings(database: Database, search: Due, cutoff: Date): Promise<string[]> {
  const params = searchParamsOf(search.query, search.filters, "newest");
  const since = Math.floor(search.lastCheckedAt.getTime() / 1000);
  const candidates: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    params.set("page", String(page));
    const result =
      search.kind === "job"
        ? await searchJobs(parseJobSearch(params))
        : await searchTrainings(parseTrainingSearch(params));
    const hits: { id: string; publishedAt: number }[] = result.hits;
    const fresh = hits.filter((h) => h.publishedAt >= since);
    candidates.push(...fresh.map((h) => h.id));
    // Sorted by publication, newest first: the first older listing ends the new ones.
    if (fresh.length < hits.length || page >= result.totalPages) break;
  }
  if (candidates.length === 0) return [];
  const today = todayIso();
  const isNew = (publishedAt: Date | null) =>
    publishedAt !== null && publishedAt > search.lastCheckedAt && publishedAt <= cutoff;
  const rows =
    search.kind === "job"
      ? (await loadJobRows(database, { ids: candidates })).filter((r) => isJobPublic(r, today))
      : (await loadTrainingRows(database, { ids: candidates })).filter((r) => isTrainingPublic(r, today));
  return rows.filter((r) => isNew(r.publishedAt)).map((r) => r.id);
}
