import type { PublishedCell } from "./small-numbers";

/**
 * The shape of the published figures (the open data's JSON, docs/open-data.md; its JSON Schema is
 * schema.ts): client-safe types and constants, shared by the worker that writes the snapshot, the pages
 * that read it and the tests that attack it.
 */

/** The six figures published, in the order the pages show them. */
export const PUBLIC_INDICATORS = [
  "personsSupported",
  "placedInJobs",
  "inTraining",
  "stableAfter12Months",
  "employersTakingPart",
  "coursesOffered",
] as const;
export type PublicIndicator = (typeof PUBLIC_INDICATORS)[number];

/** How many completed quarters are published (the latest last). */
export const PUBLISHED_QUARTERS = 8;
export const PUBLIC_FIGURES_KIND = "public-figures";
export const SCHEMA_VERSION = 1;
export const SCHEMA_PATH = "/figures/schema.json";

export type PublishedQuarter = { id: string; from: string; to: string };
export type PublishedArea = {
  level: "nation" | "province";
  /** '' for the country. */
  code: string;
  name: string;
  /** Per indicator, one cell per quarter, in the order of `quarters`. */
  figures: Record<PublicIndicator, PublishedCell[]>;
};
export type PublishedFigures = {
  $schema: string;
  version: number;
  generatedAt: string;
  smallNumber: number;
  quarters: PublishedQuarter[];
  indicators: PublicIndicator[];
  /** The country first, then every province by code. */
  areas: PublishedArea[];
};

export type PublishedSnapshot = { figures: PublishedFigures; csv: string; generatedAt: string };

/** The quarter "2025-Q3" with its first and last day. */
export function quarterPeriod(year: number, quarter: number): PublishedQuarter {
  const pad = (n: number) => String(n).padStart(2, "0");
  const m0 = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, m0 + 2, 0)).getUTCDate();
  return { id: `${year}-Q${quarter}`, from: `${year}-${pad(m0)}-01`, to: `${year}-${pad(m0 + 2)}-${pad(lastDay)}` };
}

/** The `count` quarters that ended before `today`'s quarter began, oldest first. */
export function completedQuarters(today: string, count = PUBLISHED_QUARTERS): PublishedQuarter[] {
  const current = Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const out: PublishedQuarter[] = [];
  for (let i = count; i >= 1; i--) {
    const index = current - i;
    out.push(quarterPeriod(Math.floor(index / 4), (index % 4) + 1));
  }
  return out;
}

/**
 * The figures with their keys in the documented order (jsonb keeps keys sorted by length, not as written),
 * so the open data reads top-down: header fields, quarters, then the areas.
 */
export function inDocumentedOrder(f: PublishedFigures): PublishedFigures {
  return {
    $schema: f.$schema,
    version: f.version,
    generatedAt: f.generatedAt,
    smallNumber: f.smallNumber,
    quarters: f.quarters.map((q) => ({ id: q.id, from: q.from, to: q.to })),
    indicators: f.indicators,
    areas: f.areas.map((a) => ({
      level: a.level,
      code: a.code,
      name: a.name,
      figures: Object.fromEntries(
        f.indicators.map((k) => [k, a.figures[k].map((c) => ({ value: c.value, flag: c.flag }) as typeof c)]),
      ) as PublishedArea["figures"],
    })),
  };
}
