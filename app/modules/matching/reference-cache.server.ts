import { desc, lte } from "drizzle-orm";

import type { Executor } from "../../../db/client.server";
import { minimumWage, occupation, wageZone } from "../../../db/schema";

/**
 * Reference data the matching engine reads on every request (related trades, minimum-wage zones and
 * amounts): a few hundred rows that change with a decree or a release, kept in process memory for a
 * minute instead of being joined into every query (joins cost more to plan than the rows cost to read).
 * Keyed by the day too, so an amount that takes effect tomorrow applies from tomorrow.
 */
export type MatchingReference = {
  relatedOf: (code: string) => readonly string[];
  /** The regional minimum monthly wage where the work is (commune override, else the province's zone). */
  minimumWageAt: (provinceCode: string, communeCode: string) => number | null;
};

const TTL_MS = 60_000;
let cached: { at: number; today: string; value: Promise<MatchingReference> } | undefined;

async function load(executor: Executor, today: string): Promise<MatchingReference> {
  const [occupations, zones, wages] = await Promise.all([
    executor.select({ code: occupation.code, related: occupation.related }).from(occupation),
    executor
      .select({ provinceCode: wageZone.provinceCode, communeCode: wageZone.communeCode, zone: wageZone.zone })
      .from(wageZone),
    executor
      .select({ zone: minimumWage.zone, monthlyVnd: minimumWage.monthlyVnd })
      .from(minimumWage)
      .where(lte(minimumWage.effectiveFrom, today))
      .orderBy(desc(minimumWage.effectiveFrom)),
  ]);
  const related = new Map(occupations.map((o) => [o.code, o.related]));
  const zoneOf = new Map(zones.map((z) => [`${z.provinceCode}/${z.communeCode}`, z.zone]));
  const amount = new Map<string, number>();
  for (const w of wages) if (!amount.has(w.zone)) amount.set(w.zone, w.monthlyVnd);
  return {
    relatedOf: (code) => related.get(code) ?? [],
    minimumWageAt: (provinceCode, communeCode) => {
      const zone = zoneOf.get(`${provinceCode}/${communeCode}`) ?? zoneOf.get(`${provinceCode}/`);
      return zone ? (amount.get(zone) ?? null) : null;
    },
  };
}

export function matchingReference(executor: Executor, today: string): Promise<MatchingReference> {
  // performance.now, not the domain clock: this is a cache lifetime, not a date that matters to anyone.
  if (!cached || cached.today !== today || performance.now() - cached.at > TTL_MS) {
    const value = load(executor, today);
    cached = { at: performance.now(), today, value };
    value.catch(() => (cached = undefined));
  }
  return cached.value;
}
