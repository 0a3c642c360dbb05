import { singleton } from "~/utils/singleton.server";

import type { Facets } from "./public-search.server";

/**
 * Facet counts depend on the words and filters, not on the page or the sort: compute them once per query
 * and reuse them while a visitor pages or re-sorts. Half of Meilisearch's time on a page goes to facets
 * (docs/PERFORMANCE.md). Entries live 60 s, and the cache is emptied whenever this instance applies
 * changes to the index (search delivery calls clearFacetCache, wired by app/worker/wiring.server.ts), so
 * counts are never older than a minute and usually fresh.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;
const FACET_CACHE = "facet-cache";

const cache = () => singleton(FACET_CACHE, () => new Map<string, { at: number; facets: Facets }>());

export function cachedFacets(key: string): Facets | undefined {
  const entry = cache().get(key);
  if (!entry) return undefined;
  if (Date.now() - entry.at > TTL_MS) {
    cache().delete(key);
    return undefined;
  }
  return entry.facets;
}

export function rememberFacets(key: string, facets: Facets): void {
  const map = cache();
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, { at: Date.now(), facets });
}

export function clearFacetCache(): void {
  cache().clear();
}
