import { and, count, desc, asc, eq, gte, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { db } from "../../../db/client.server";
import { job, occupation, organization, trainingSlot } from "../../../db/schema";
import { search } from "../../../search/client.server";
import { dayNumber, jobToDocument, trainingToDocument, type JobDocument, type TrainingDocument } from "../../../search/documents";
import type { IndexName } from "../../../search/indexes";
import { selectJobRows, selectTrainingRows } from "../../../search/rows.server";
import { todayIso } from "../../utils/clock.server";
import { singleton } from "../../utils/singleton.server";
import { cachedFacets, rememberFacets } from "./facet-cache";
import { JOB_FACETS, TRAINING_FACETS, jobFilters, jobSort, queryTokens, trainingFilters, trainingSort } from "./filters";
import { PAGE_SIZE, type JobSearch, type TrainingSearch } from "./params";
import { log } from "../../utils/log.server";

// Routes take the zod query parsers from this .server module so the browser build drops them (docs/decisions/011).
export { parseJobSearch, parseTrainingSearch } from "./params";

export type Facets = Record<string, Record<string, number>>;
export type SearchResult<T> = {
  hits: T[];
  total: number;
  page: number;
  totalPages: number;
  facets: Facets;
  /** "database" while Meilisearch is unreachable: the page says results may be less precise. */
  source: "meilisearch" | "database";
};

// After a failure, skip Meilisearch for a few seconds so every visitor is not made to wait for a timeout.
const breaker = () => singleton("search-breaker", () => ({ openUntil: 0 }));
const BREAKER_MS = 5_000;
const SEARCH_TIMEOUT_MS = 1_500;

async function withFallback<T>(primary: () => Promise<SearchResult<T>>, fallback: () => Promise<SearchResult<T>>) {
  const state = breaker();
  if (Date.now() >= state.openUntil) {
    try {
      return await primary();
    } catch (error) {
      state.openUntil = Date.now() + BREAKER_MS;
      log.warn("search", "Meilisearch unavailable, using PostgreSQL", error);
    }
  }
  return fallback();
}

/**
 * Every word must match (typos allowed), so "sua xe may" does not also list "Thợ may đo"; only when that
 * finds nothing do we relax to the most frequent words, so a stray word never empties the page.
 */
async function meili<T>(indexName: IndexName, q: string | undefined, filter: string[], sort: string[] | undefined, facets: readonly string[], page: number) {
  const index = search().index(indexName);
  const signal = AbortSignal.timeout(SEARCH_TIMEOUT_MS);
  const run = async (matchingStrategy: "all" | "frequency") => {
    const key = `${search().indexUid(indexName)}|${matchingStrategy}|${q ?? ""}|${filter.join("&")}`;
    const known = cachedFacets(key);
    const res = await index.search(
      q ?? "",
      { filter, sort, page, hitsPerPage: PAGE_SIZE, matchingStrategy, ...(known ? {} : { facets: [...facets] }) },
      { signal },
    );
    const distribution = known ?? ((res.facetDistribution ?? {}) as Facets);
    if (!known) rememberFacets(key, distribution);
    return { res, distribution };
  };
  let { res, distribution } = await run("all");
  if ((res.totalHits ?? 0) === 0 && (q ?? "").trim().includes(" ")) ({ res, distribution } = await run("frequency"));
  return {
    hits: res.hits as unknown as T[],
    total: res.totalHits ?? 0,
    page,
    totalPages: res.totalPages ?? 0,
    facets: distribution,
    source: "meilisearch" as const,
  };
}

/** Each word must appear (accents folded), or be near a word of the text (trigram word similarity). */
function textConditions(column: AnyPgColumn, q: string | undefined): SQL[] {
  return queryTokens(q).map(
    (t) => sql`(ct_fold(${column}) like '%' || ct_fold(${t}) || '%' or ct_fold(${t}) <% ct_fold(${column}))`,
  );
}

function relevance(column: AnyPgColumn, q: string | undefined): SQL | undefined {
  return q?.trim() ? sql`word_similarity(ct_fold(${q}), ct_fold(${column})) desc` : undefined;
}

const pages = (total: number) => Math.ceil(total / PAGE_SIZE);

type Listing = { table: PgTable; organizationId: AnyPgColumn; occupationCode: AnyPgColumn };

/** The PostgreSQL fallback's total and facet counts, over a listing table joined as its public rows are. */
async function fallbackCounts(listing: Listing, where: SQL | undefined, facetColumns: Record<string, SQL>) {
  const [{ n }] = await db()
    .select({ n: count() })
    .from(listing.table)
    .innerJoin(organization, eq(organization.id, listing.organizationId))
    .innerJoin(occupation, eq(occupation.code, listing.occupationCode))
    .where(where);
  const facets: Facets = {};
  for (const [name, expr] of Object.entries(facetColumns)) {
    const counts = await db()
      .select({ value: sql<string>`${expr}`.as("value"), n: count() })
      .from(listing.table)
      .innerJoin(organization, eq(organization.id, listing.organizationId))
      .innerJoin(occupation, eq(occupation.code, listing.occupationCode))
      .where(where)
      .groupBy(sql`1`);
    facets[name] = Object.fromEntries(counts.map((c) => [c.value, Number(c.n)]));
  }
  return { total: Number(n), facets };
}

export async function searchJobs(p: JobSearch): Promise<SearchResult<JobDocument>> {
  const today = todayIso();
  return withFallback(
    () => meili<JobDocument>("jobs", p.q, jobFilters(p, dayNumber(today)), jobSort(p), JOB_FACETS, p.page),
    async () => {
      const conds: (SQL | undefined)[] = [
        eq(job.status, "open"),
        isNotNull(job.publishedAt),
        eq(organization.verificationStatus, "verified"),
        gte(job.closesAt, today),
        p.province ? eq(job.provinceCode, p.province) : undefined,
        p.commune ? eq(job.communeCode, p.commune) : undefined,
        p.group ? eq(occupation.majorGroup, p.group) : undefined,
        p.occupation ? eq(job.occupationCode, p.occupation) : undefined,
        p.wage ? gte(job.wageMax, p.wage) : undefined,
        p.type.length ? inArray(job.employmentType, p.type) : undefined,
        ...p.benefit.map((b) => sql`${b} = any(${job.benefits})`),
        ...textConditions(job.searchText, p.q),
      ];
      const where = and(...conds);
      const sort = jobSort(p)?.[0];
      const order =
        sort === "wageMax:desc" ? [desc(job.wageMax)] : sort === "startsAt:asc" ? [sql`${job.startsAt} asc nulls last`] : sort === "publishedAt:desc" ? [desc(job.publishedAt)] : [relevance(job.searchText, p.q) ?? desc(job.publishedAt), desc(job.publishedAt)];
      const rows = await selectJobRows(db()).where(where).orderBy(...order).limit(PAGE_SIZE).offset((p.page - 1) * PAGE_SIZE);
      const { total, facets } = await fallbackCounts({ table: job, organizationId: job.organizationId, occupationCode: job.occupationCode }, where, {
        provinceCode: sql`${job.provinceCode}`,
        occupationGroup: sql`${occupation.majorGroup}`,
        employmentType: sql`${job.employmentType}`,
        benefits: sql`unnest(${job.benefits})`,
      } satisfies Record<(typeof JOB_FACETS)[number], SQL>);
      return { hits: rows.map(jobToDocument), total, page: p.page, totalPages: pages(total), facets, source: "database" as const };
    },
  );
}

export async function searchTrainings(p: TrainingSearch): Promise<SearchResult<TrainingDocument>> {
  const today = todayIso();
  return withFallback(
    () => meili<TrainingDocument>("trainings", p.q, trainingFilters(p, dayNumber(today)), trainingSort(p), TRAINING_FACETS, p.page),
    async () => {
      const conds: (SQL | undefined)[] = [
        eq(trainingSlot.status, "open"),
        isNotNull(trainingSlot.publishedAt),
        eq(organization.verificationStatus, "verified"),
        gte(trainingSlot.applicationDeadline, today),
        p.province ? eq(trainingSlot.provinceCode, p.province) : undefined,
        p.commune ? eq(trainingSlot.communeCode, p.commune) : undefined,
        p.group ? eq(occupation.majorGroup, p.group) : undefined,
        p.level ? eq(trainingSlot.levelCode, p.level) : undefined,
        p.free ? sql`(${trainingSlot.costVnd} = 0 or 'free' = any(${trainingSlot.support}))` : undefined,
        ...p.support.map((s) => sql`${s} = any(${trainingSlot.support})`),
        ...textConditions(trainingSlot.searchText, p.q),
      ];
      const where = and(...conds);
      const sort = trainingSort(p)?.[0];
      const order =
        sort === "costVnd:asc" ? [asc(trainingSlot.costVnd)] : sort === "startsAt:asc" ? [asc(trainingSlot.startsAt)] : sort === "publishedAt:desc" ? [desc(trainingSlot.publishedAt)] : [relevance(trainingSlot.searchText, p.q) ?? desc(trainingSlot.publishedAt), desc(trainingSlot.publishedAt)];
      const rows = await selectTrainingRows(db()).where(where).orderBy(...order).limit(PAGE_SIZE).offset((p.page - 1) * PAGE_SIZE);
      const { total, facets } = await fallbackCounts(
        { table: trainingSlot, organizationId: trainingSlot.organizationId, occupationCode: trainingSlot.occupationCode },
        where,
        {
          provinceCode: sql`${trainingSlot.provinceCode}`,
          occupationGroup: sql`${occupation.majorGroup}`,
          levelCode: sql`${trainingSlot.levelCode}`,
          support: sql`unnest(${trainingSlot.support})`,
        } satisfies Record<(typeof TRAINING_FACETS)[number], SQL>,
      );
      return { hits: rows.map(trainingToDocument), total, page: p.page, totalPages: pages(total), facets, source: "database" as const };
    },
  );
}
