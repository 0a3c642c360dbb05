import { eq, sql } from "drizzle-orm";

import { localeFromCookie } from "~/i18n";
import type { ListingKind } from "~/modules/listings/kinds";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { todayIso } from "~/utils/clock.server";
import { singleton } from "~/utils/singleton.server";

import { db } from "../../../db/client.server";
import { job, organization, outbox, trainingSlot } from "../../../db/schema";

/*
 * The data of the public listing pages (/jobs, /trainings and their detail pages), kept a few seconds for
 * anonymous visitors (docs/decisions/037-public-data-cache.md). The loader's data, never the HTML: the CSP
 * nonce and the request id differ per answer. A logged-in visitor (any session cookie) always gets a fresh
 * read.
 *
 * Every change that can alter a public listing writes an outbox row in its own transaction (`touch`, the
 * promise that the index follows), and the worker marks rows delivered once Meilisearch has them. So the
 * pair (newest outbox id, rows not yet delivered) moves at the commit of any change and again when the
 * index has applied it, whichever instance made it. Each anonymous request reads that pair (one index-only
 * statement) and uses an entry only if it was filled under the same pair: a closed job leaves /jobs as soon
 * as the index has it, as without the cache. A detail page, read from PostgreSQL, asks more of the same one
 * statement: the listing's own visibility (listings/visibility.ts) and its row's and its organisation's
 * updated_at, so it leaves /jobs/:id on the very next request after any change, even one made behind the
 * app's back. The entries also carry the day (a listing past its closing date leaves at midnight) and the
 * language; they live TTL_MS at most, MAX_ENTRIES the least recently used are kept, and the search
 * delivery of this process empties the cache too (app/worker/wiring.server.ts).
 */
export const PUBLIC_DATA_TTL_MS = 5_000;
const MAX_ENTRIES = 200;
/** Longer keys (absurd query strings) are not cached: they would only push useful entries out. */
const MAX_KEY_LENGTH = 1_000;

type Entry = { at: number; version: string; data: unknown };
const cache = () => singleton("public-data-cache", () => new Map<string, Entry>());
/** Loads under way, by key: at most one per key (a failed load is not remembered, the next visitor tries again). */
const loading = () =>
  singleton("public-data-loading", () => new Map<string, { version: string; promise: Promise<unknown> }>());

const SESSION_COOKIE = /(?:^|;\s*)ct_session=/;

/** A visitor without a session cookie (a blank or unknown one counts as a session: the root loader answers it). */
export function isAnonymous(request: Request): boolean {
  return !SESSION_COOKIE.test(request.headers.get("Cookie") ?? "");
}

/** The page's address with its parameters in a stable order (a parameter's repeated values keep theirs). */
function normalisedUrl(request: Request): string {
  const url = new URL(request.url);
  const params = [...url.searchParams].map(([name, value], i) => ({ name, value, i }));
  params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.i - b.i));
  return `${url.pathname}?${new URLSearchParams(params.map((p) => [p.name, p.value])).toString()}`;
}

const OUTBOX_NEWEST = sql<string>`(select coalesce(max(${outbox.id}), 0) from ${outbox})::text`;
const OUTBOX_PENDING = sql<string>`(select count(*) from ${outbox} where ${outbox.deliveredAt} is null)::text`;

/** Moves at every commit that touches the index and at every delivery to it (see above). */
export async function indexVersion(): Promise<string> {
  const [row] = await db()
    .select({ newest: OUTBOX_NEWEST, pending: OUTBOX_PENDING })
    .from(sql`(select 1) as one`);
  return `${row?.newest}/${row?.pending}`;
}

/**
 * A detail page's version: null while the listing is not public (then nothing is served from the cache),
 * else the index version with the listing's and its organisation's last change.
 */
export async function listingVersion(kind: ListingKind, id: string): Promise<string | null> {
  const table = kind === "job" ? job : trainingSlot;
  const [row] = await db()
    .select({
      status: table.status,
      publishedAt: table.publishedAt,
      until: kind === "job" ? job.closesAt : trainingSlot.applicationDeadline,
      organizationVerified: sql<boolean>`${organization.verificationStatus} = 'verified'`,
      changed: sql<string>`${table.updatedAt}::text || '/' || ${organization.updatedAt}::text`,
      newest: OUTBOX_NEWEST,
      pending: OUTBOX_PENDING,
    })
    .from(table)
    .innerJoin(organization, eq(organization.id, table.organizationId))
    .where(eq(table.id, id));
  if (!row) return null;
  const today = todayIso();
  const visible =
    kind === "job"
      ? isJobPublic({ ...row, closesAt: row.until }, today)
      : isTrainingPublic({ ...row, applicationDeadline: row.until }, today);
  return visible ? `${row.newest}/${row.pending}/${row.changed}` : null;
}

/**
 * The public data for this request: `load()` for a logged-in visitor, else the entry of this page, day and
 * language if it is fresh and its `version` (the index's, or a listing's) has not moved since, else
 * `load()` remembered. The data is shared
 * between visitors: callers must not change it.
 */
export function publicData<P extends Promise<unknown>>(
  request: Request,
  load: () => P,
  version: () => Promise<string | null> = indexVersion,
): P {
  return (isAnonymous(request) ? remembered(request, load, version) : load()) as P;
}

async function remembered<T>(
  request: Request,
  load: () => Promise<T>,
  currentVersion: () => Promise<string | null>,
): Promise<T> {
  const key = `${localeFromCookie(request.headers.get("Cookie"))}|${todayIso()}|${normalisedUrl(request)}`;
  if (key.length > MAX_KEY_LENGTH) return load();
  const version = await currentVersion();
  if (version === null) return load();
  const map = cache();
  const entry = map.get(key);
  if (entry && entry.version === version && Date.now() - entry.at < PUBLIC_DATA_TTL_MS) {
    // Least recently used goes first: a hit moves to the end.
    map.delete(key);
    map.set(key, entry);
    return entry.data as T;
  }
  // Visitors who miss the same entry at the same version while it is being loaded share that one load: when
  // an entry expires under load, a hundred requests would otherwise each run the search (a burst of
  // identical Meilisearch calls, and the slowest answers of the run).
  const pending = loading().get(key);
  if (pending && pending.version === version) return pending.promise as Promise<T>;
  const promise = load();
  loading().set(key, { version, promise });
  try {
    const data = await promise;
    if (data !== null && data !== undefined) {
      map.delete(key);
      if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
      map.set(key, { at: Date.now(), version, data });
    }
    return data;
  } finally {
    if (loading().get(key)?.promise === promise) loading().delete(key);
  }
}

export function clearPublicDataCache(): void {
  cache().clear();
  loading().clear();
}

/** How many pages are remembered (tests). */
export function publicDataCacheSize(): number {
  return cache().size;
}
