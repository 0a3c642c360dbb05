import type { Indicators } from "./indicator-keys";

/**
 * The rates that let areas of different sizes be compared side by side (issue 16, decision 046): counts per
 * 100 of what they are counted among, null when there is nothing to count among. Pure and client-safe.
 * - placed per 100 persons managed: persons placed in a job in the period (`placedPersons`) per 100 persons
 *   under management at some time in the period (`supervised`);
 * - stable at 12 months per 100 placed: of the placed persons whose 12-month follow-up was done in the
 *   period (`followUps12m`), how many were still employed (`stillEmployed12mCount`), per 100.
 */
export const RATE_KEYS = ["placedPer100", "stablePer100"] as const;
export type RateKey = (typeof RATE_KEYS)[number];

const per100 = (count: number, among: number): number | null => (among > 0 ? (100 * count) / among : null);

export function rateOf(key: RateKey, i: Indicators): number | null {
  return key === "placedPer100"
    ? per100(i.placedPersons, i.supervised)
    : per100(i.stillEmployed12mCount, i.followUps12m);
}

/** The columns of the side-by-side table: what each area has, then the two rates. */
export const COMPARE_COUNT_KEYS = ["supervised", "placedPersons", "followUps12m", "stillEmployed12mCount"] as const;
export type CompareCountKey = (typeof COMPARE_COUNT_KEYS)[number];
export const COMPARE_SORTS = ["name", ...COMPARE_COUNT_KEYS, ...RATE_KEYS] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];

export function parseCompareSort(value: string | null): CompareSort {
  return (COMPARE_SORTS as readonly string[]).includes(value ?? "") ? (value as CompareSort) : "name";
}

/** Rows in the chosen order: by name, or by a figure from the highest (areas without one last), then name. */
export function sortCompareRows<R extends { name: string; indicators: Indicators }>(
  rows: readonly R[],
  sort: CompareSort,
): R[] {
  const valueOf = (r: R): number | null =>
    sort === "name"
      ? null
      : (RATE_KEYS as readonly string[]).includes(sort)
        ? rateOf(sort as RateKey, r.indicators)
        : r.indicators[sort as CompareCountKey];
  return [...rows].sort((a, b) => {
    if (sort !== "name") {
      const va = valueOf(a);
      const vb = valueOf(b);
      if (va !== vb) {
        if (va === null) return 1;
        if (vb === null) return -1;
        return vb - va;
      }
    }
    return a.name.localeCompare(b.name, "vi");
  });
}
