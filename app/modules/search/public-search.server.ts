import { MeilisearchApiError } from "meilisearch";

import { todayIso } from "~/utils/clock.server";
import { log } from "~/utils/log.server";
import { singleton } from "~/utils/singleton.server";

import {
  dayNumber,
  type JobDocument,
  MATCH_ATTRIBUTES,
  search,
  type TrainingDocument,
} from "../../../search/facade.server";
import { cachedFacets, rememberFacets } from "./facet-cache";
import { jobFallback, trainingFallback } from "./fallback.server";
import {
  JOB_FACETS,
  jobFilters,
  jobSort,
  queryTokens,
  TRAINING_FACETS,
  trainingFilters,
  trainingSort,
} from "./filters";
import { type JobSearch, PAGE_SIZE, type TrainingSearch } from "./params";
import { correctQuery } from "./words";

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
  /** Only when nothing matched: listings sharing some words of the query, or the newest. Never counted. */
  related: T[];
  /** The query searched instead when a short word's typo was corrected ("sua xe máy" for "sua xe mai"). */
  correctedQuery?: string;
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

/** One search engine (Meilisearch or the PostgreSQL fallback) bound to a visitor's filters and sort. */
export type Engine<T> = {
  /** A page of the listings containing every word of q in their match attributes (search/indexes.ts). */
  page(q: string | undefined, page: number): Promise<Omit<SearchResult<T>, "related" | "correctedQuery">>;
  /** For each query, titles, trades, skills and organisation names of some listings matching it strictly. */
  texts(queries: string[]): Promise<string[][]>;
  /** A few listings sharing some words of q, or else the newest: the "related" section. */
  related(q: string): Promise<T[]>;
};

/**
 * What counts as a result (docs/decisions/026): a listing with every word, typos forgiven in words of 4+
 * letters and a 3-letter word corrected only from its neighbours. When nothing matches, the page says so
 * and the related listings come separately; they are never counted or shown as results.
 */
async function run<T>(engine: Engine<T>, q: string | undefined, page: number): Promise<SearchResult<T>> {
  const first = await engine.page(q, page);
  if (first.total > 0 || !q || queryTokens(q).length === 0) return { ...first, related: [] };
  const corrected = await correctQuery(q, (others) => engine.texts(others));
  if (corrected) {
    const second = await engine.page(corrected, page);
    if (second.total > 0) return { ...second, related: [], correctedQuery: corrected };
  }
  return { ...first, related: await engine.related(q) };
}

const RELATED_LIMIT = 6;
const TEXTS_LIMIT = 50;

/**
 * Meilisearch refuses `attributesToSearchOn` naming a field no document has yet: only an index without
 * documents (every mapper writes every field), so that refusal means "nothing matches", not an outage.
 */
const NOTHING = { hits: [], totalHits: 0, totalPages: 0, facetDistribution: {} } as const;
async function orNothing<R>(request: Promise<R>): Promise<R | typeof NOTHING> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "invalid_search_attributes_to_search_on")
      return NOTHING;
    throw error;
  }
}

function meili<T>(
  indexName: "jobs" | "trainings",
  filter: string[],
  sort: (q: string | undefined) => string[] | undefined,
  facets: readonly string[],
): Engine<T> {
  const index = search().index(indexName);
  const signal = AbortSignal.timeout(SEARCH_TIMEOUT_MS);
  const attributesToSearchOn = [...MATCH_ATTRIBUTES[indexName]];
  return {
    async page(q, page) {
      const key = `${search().indexUid(indexName)}|strict|${q ?? ""}|${filter.join("&")}`;
      const known = cachedFacets(key);
      const res = await orNothing(
        index.search(
          q ?? "",
          {
            filter,
            sort: sort(q),
            page,
            hitsPerPage: PAGE_SIZE,
            matchingStrategy: "all",
            attributesToSearchOn,
            ...(known ? {} : { facets: [...facets] }),
          },
          { signal },
        ),
      );
      const distribution = known ?? ((res.facetDistribution ?? {}) as Facets);
      if (!known) rememberFacets(key, distribution);
      return {
        hits: res.hits as unknown as T[],
        total: res.totalHits ?? 0,
        page,
        totalPages: res.totalPages ?? 0,
        facets: distribution,
        source: "meilisearch",
      };
    },
    async texts(queries) {
      const fields =
        indexName === "jobs"
          ? ["title", "occupationName", "organizationName", "skills"]
          : ["title", "trade", "organizationName"];
      const uid = search().indexUid(indexName);
      // One round trip for every look-up.
      const res = await orNothing(
        search().raw.multiSearch(
          {
            queries: queries.map((q) => ({
              indexUid: uid,
              q,
              filter,
              limit: TEXTS_LIMIT,
              matchingStrategy: "all" as const,
              attributesToSearchOn,
              attributesToRetrieve: fields,
            })),
          },
          { signal },
        ),
      );
      const results = "results" in res ? res.results : [];
      return queries.map((_, n) =>
        ((results[n]?.hits ?? []) as Record<string, unknown>[]).flatMap((h) =>
          fields.flatMap((f) => (h[f] === undefined ? [] : Array.isArray(h[f]) ? (h[f] as string[]) : [String(h[f])])),
        ),
      );
    },
    async related(q) {
      // Any of the words, anywhere (the description too), best first; else the newest listings.
      const some = await index.search(q, { filter, limit: RELATED_LIMIT, matchingStrategy: "frequency" }, { signal });
      if (some.hits.length) return some.hits as unknown as T[];
      const newest = await index.search("", { filter, limit: RELATED_LIMIT, sort: ["publishedAt:desc"] }, { signal });
      return newest.hits as unknown as T[];
    },
  };
}

export async function searchJobs(p: JobSearch): Promise<SearchResult<JobDocument>> {
  const today = todayIso();
  return withFallback(
    () =>
      run(
        meili<JobDocument>("jobs", jobFilters(p, dayNumber(today)), (q) => jobSort({ ...p, q }), JOB_FACETS),
        p.q,
        p.page,
      ),
    () => run(jobFallback(p, today), p.q, p.page),
  );
}

export async function searchTrainings(p: TrainingSearch): Promise<SearchResult<TrainingDocument>> {
  const today = todayIso();
  return withFallback(
    () =>
      run(
        meili<TrainingDocument>(
          "trainings",
          trainingFilters(p, dayNumber(today)),
          (q) => trainingSort({ ...p, q }),
          TRAINING_FACETS,
        ),
        p.q,
        p.page,
      ),
    () => run(trainingFallback(p, today), p.q, p.page),
  );
}
