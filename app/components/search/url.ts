/**
 * Search URLs are shared and bookmarked: these keep them short (no empty parameters) and let pagination
 * and "clear filters" links keep everything else the visitor chose. Pure, so the tests can call them.
 */

/** Form entries → query parameters, leaving out the empty ones ("province=" means "any province"). */
export function cleanSearchParams(entries: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of entries) {
    if (typeof value === "string" && value.trim() !== "") out.append(key, value);
  }
  return out;
}

/** The same search with some parameters changed: a string or list sets, null removes. */
export function searchHref(
  pathname: string,
  current: URLSearchParams | string,
  changes: Record<string, string | number | string[] | null> = {},
): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    params.delete(key);
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const clean = cleanSearchParams(params.entries());
  // "page=1" is the default: a shorter URL, and one cache entry instead of two.
  if (clean.get("page") === "1") clean.delete("page");
  const qs = clean.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Keep only the query and the sort: what "clear filters" leaves. */
export function clearFiltersHref(pathname: string, current: URLSearchParams | string): string {
  const params = new URLSearchParams(current);
  const kept = new URLSearchParams();
  for (const key of ["q", "sort"]) {
    const v = params.get(key);
    if (v) kept.set(key, v);
  }
  const qs = kept.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
