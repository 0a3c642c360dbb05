import { searchPlaces } from "~/modules/admin-units/admin-units.server";
import { LISTING_KINDS, type ListingKind } from "~/modules/listings/kinds";
import { parseJobSearch, parseTrainingSearch } from "~/modules/search/public-search.server";

/** A saved search as stored and as the public page reads it back (saved-searches.server.ts, job-alerts.server.ts). */

export type SavedFilters = Record<string, string | string[]>;

/**
 * A search as it is stored: the words (spaces collapsed) and the filters the public page understands, in a
 * fixed order, without the page and the sort. Bad parameters are dropped as the page drops them, and the
 * place is made consistent as the page makes it (a commune outside the province is ignored).
 */
export async function canonicalSearch(
  kind: ListingKind,
  params: URLSearchParams,
): Promise<{ query: string; filters: SavedFilters }> {
  const parsed = kind === "job" ? parseJobSearch(params) : parseTrainingSearch(params);
  const places = await searchPlaces(parsed.province, parsed.commune);
  const { q, page: _page, sort: _sort, ...rest } = { ...parsed, province: places.province, commune: places.commune };
  const filters: SavedFilters = {};
  for (const [key, value] of Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))) {
    if (Array.isArray(value)) {
      if (value.length) filters[key] = [...value].sort();
    } else if (value !== undefined && value !== "") filters[key] = String(value);
  }
  return { query: (q ?? "").replace(/\s+/g, " ").trim(), filters };
}

/** The URL parameters of a saved search (no page; `sort` when given). */
export function searchParamsOf(query: string, filters: SavedFilters, sort?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  if (sort) params.set("sort", sort);
  return params;
}

/** The public page of a saved search, newest first: "/jobs?q=thợ+hàn&province=68&sort=newest". */
export function searchHref(kind: ListingKind, query: string, filters: SavedFilters): string {
  return `${LISTING_KINDS[kind].path}?${searchParamsOf(query, filters, "newest").toString()}`;
}
