import { type SQL, sql } from "drizzle-orm";

import { listProvinces } from "~/modules/admin-units/admin-units.server";
import { loadAreaReport } from "~/modules/reports/area-report.server";
import type { CountKey } from "~/modules/reports/indicator-keys";
import { now, todayIso } from "~/utils/clock.server";
import { toCsv } from "~/utils/csv.server";
import { addDays } from "~/utils/dates";

import { db, type Executor } from "../../../db/client.server";
import { publishedFigures } from "../../../db/schema";
import { SMALL_NUMBER } from "./small-numbers";
import {
  completedQuarters,
  inDocumentedOrder,
  PUBLIC_FIGURES_KIND,
  PUBLIC_INDICATORS,
  type PublicIndicator,
  type PublishedArea,
  type PublishedFigures,
  type PublishedQuarter,
  type PublishedSnapshot,
  SCHEMA_PATH,
  SCHEMA_VERSION,
} from "./snapshot";
import { suppressColumn } from "./suppression";

/**
 * The public figures (issue 16 §2): built by the worker's `figures.publish` task from the report figures
 * of the last eight completed quarters, suppressed (suppression.ts) and stored as one row of
 * published_figures (JSON and CSV together), which the public pages and the open data only read.
 * Definitions: docs/open-data.md.
 */

/** The report indicator behind each published figure (the others are counted here, below). */
const FROM_REPORT: Partial<Record<PublicIndicator, CountKey>> = {
  personsSupported: "supervised",
  placedInJobs: "placedPersons",
  inTraining: "referredToTraining",
  stableAfter12Months: "stillEmployed12mCount",
};

// Vietnam keeps UTC+7 all year: a calendar day there starts at 17:00 UTC the day before.
const dayStart = (iso: string) => new Date(`${iso}T00:00:00+07:00`).toISOString();

async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The quarters as a VALUES list: id, first day, last day, and the instants they start and end. */
function quartersTable(quarters: PublishedQuarter[]): SQL {
  const rows = quarters.map(
    (q) =>
      sql`(${q.id}::text, ${q.from}::date, ${q.to}::date, ${dayStart(q.from)}::timestamptz, ${dayStart(addDays(q.to, 1))}::timestamptz)`,
  );
  return sql`q(id, d_from, d_to, ts_from, ts_to) as (values ${sql.join(rows, sql`, `)})`;
}

/**
 * A listing was open during a quarter when it was published before the quarter ended and its closing
 * date is not before the quarter began; one closed early (filled or closed by its owner) counts up to its
 * last change, the time it was closed.
 */
const openDuring = (alias: string, closing: string) =>
  sql.raw(`${alias}.status <> 'draft' and ${alias}.published_at is not null and ${alias}.published_at < q.ts_to
    and ${alias}.${closing} >= q.d_from
    and (${alias}.closed_reason is null or ${alias}.closed_reason = 'expired' or ${alias}.updated_at >= q.ts_from)`);

type Counted = { quarter: string; province: string; n: number };

/**
 * Verified employers taking part in each quarter, by the organisation's province: a placement with them
 * started in the quarter, or a job of theirs was open during it.
 */
function employersStatement(quarters: PublishedQuarter[]): SQL {
  return sql`
with ${quartersTable(quarters)},
taking_part as (
  select q.id as quarter, pl.organization_id as org
  from q join placement pl on pl.start_date between q.d_from and q.d_to
  where pl.organization_id is not null
  union
  select q.id, j.organization_id from q join job j on ${openDuring("j", "closes_at")}
)
select t.quarter, o.province_code as province, count(distinct o.id)::int as n
from taking_part t join organization o on o.id = t.org
where o.role = 'employer' and o.verification_status = 'verified'
group by t.quarter, o.province_code`;
}

/** Courses offered in each quarter: training slots open for applications during it, by the slot's province. */
function coursesStatement(quarters: PublishedQuarter[]): SQL {
  return sql`
with ${quartersTable(quarters)}
select q.id as quarter, s.province_code as province, count(*)::int as n
from q join training_slot s on ${openDuring("s", "application_deadline")}
group by q.id, s.province_code`;
}

/** The raw counts: per indicator, per quarter, one value per province (in `provinces` order). */
export type RawFigures = Record<PublicIndicator, number[][]>;

export async function countPublicFigures(
  quarters: PublishedQuarter[],
  provinceCodes: string[],
  executor: Executor = db(),
): Promise<RawFigures> {
  const position = new Map(provinceCodes.map((code, i) => [code, i]));
  const raw = Object.fromEntries(
    PUBLIC_INDICATORS.map((k) => [k, quarters.map(() => provinceCodes.map(() => 0))]),
  ) as RawFigures;
  // One quarter at a time: the national report is the heaviest query the app runs.
  for (const [qi, quarter] of quarters.entries()) {
    const report = await loadAreaReport(
      { level: "nation", code: "" },
      { from: quarter.from, to: quarter.to },
      { series: false },
      executor,
    );
    for (const row of report.rows) {
      const pi = position.get(row.code);
      if (pi === undefined) continue;
      for (const [key, count] of Object.entries(FROM_REPORT) as [PublicIndicator, CountKey][]) {
        raw[key][qi]![pi] = Number(row.indicators[count]);
      }
    }
  }
  const quarterIndex = new Map(quarters.map((q, i) => [q.id, i]));
  const fill = (key: PublicIndicator, rows: Counted[]) => {
    for (const r of rows) {
      const qi = quarterIndex.get(r.quarter);
      const pi = position.get(r.province);
      if (qi !== undefined && pi !== undefined) raw[key][qi]![pi] = Number(r.n);
    }
  };
  fill("employersTakingPart", await rowsOf<Counted>(executor, employersStatement(quarters)));
  fill("coursesOffered", await rowsOf<Counted>(executor, coursesStatement(quarters)));
  return raw;
}

/**
 * The published figures from the raw counts: each (indicator, quarter) column is the provinces' counts
 * with the country as their sum, suppressed as one column.
 */
export function buildPublishedFigures(
  quarters: PublishedQuarter[],
  provinces: { code: string; name: string }[],
  raw: RawFigures,
  generatedAt: Date,
): PublishedFigures {
  const nation: PublishedArea = { level: "nation", code: "", name: "Việt Nam", figures: emptyFigures() };
  const areas: PublishedArea[] = provinces.map((p) => ({
    level: "province",
    code: p.code,
    name: p.name,
    figures: emptyFigures(),
  }));
  for (const key of PUBLIC_INDICATORS) {
    for (const [qi, values] of raw[key].entries()) {
      const column = suppressColumn(values);
      nation.figures[key][qi] = column.total;
      column.cells.forEach((cell, pi) => (areas[pi]!.figures[key][qi] = cell));
    }
  }
  return {
    $schema: SCHEMA_PATH,
    version: SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    smallNumber: SMALL_NUMBER,
    quarters,
    indicators: [...PUBLIC_INDICATORS],
    areas: [nation, ...areas],
  };
}

function emptyFigures(): PublishedArea["figures"] {
  return Object.fromEntries(PUBLIC_INDICATORS.map((k) => [k, []])) as unknown as PublishedArea["figures"];
}

export const CSV_HEADER = [
  "level",
  "area_code",
  "area_name",
  "quarter",
  "period_from",
  "period_to",
  "indicator",
  "value",
  "flag",
] as const;

/** The same figures as CSV: one row per area, quarter and indicator (docs/open-data.md). */
export function figuresCsv(figures: PublishedFigures): string {
  const rows: (string | number | null)[][] = [[...CSV_HEADER]];
  for (const area of figures.areas) {
    for (const [qi, quarter] of figures.quarters.entries()) {
      for (const key of figures.indicators) {
        const cell = area.figures[key][qi]!;
        rows.push([
          area.level,
          area.code,
          area.name,
          quarter.id,
          quarter.from,
          quarter.to,
          key,
          cell.value,
          cell.flag ?? "",
        ]);
      }
    }
  }
  return toCsv(rows);
}

/**
 * Count, suppress and store the figures of the last completed quarters (one statement). Returns what was
 * published and the raw counts it was made from (for the tests; never stored).
 */
export async function publishFigures(
  executor: Executor = db(),
): Promise<{ figures: PublishedFigures; raw: RawFigures }> {
  const quarters = completedQuarters(todayIso());
  const provinces = (await listProvinces()).sort((a, b) => (a.code < b.code ? -1 : 1));
  const raw = await countPublicFigures(
    quarters,
    provinces.map((p) => p.code),
    executor,
  );
  const generatedAt = now();
  const figures = buildPublishedFigures(quarters, provinces, raw, generatedAt);
  const csv = figuresCsv(figures);
  await executor
    .insert(publishedFigures)
    .values({ kind: PUBLIC_FIGURES_KIND, json: figures, csv, generatedAt })
    .onConflictDoUpdate({ target: publishedFigures.kind, set: { json: figures, csv, generatedAt } });
  return { figures, raw };
}

/**
 * The worker's check (every few minutes, one small read): publish when nothing is published yet, or when
 * the figures were generated before today (Vietnam's calendar). Returns 1 when it published.
 */
export async function publishFiguresWhenDue(executor: Executor = db()): Promise<number> {
  const [row] = await executor
    .select({ generatedAt: publishedFigures.generatedAt })
    .from(publishedFigures)
    .where(sql`${publishedFigures.kind} = ${PUBLIC_FIGURES_KIND}`);
  if (row && todayIso(row.generatedAt) === todayIso()) return 0;
  await publishFigures(executor);
  return 1;
}

/** The stored snapshot, or null before the first publication. */
export async function loadPublishedFigures(executor: Executor = db()): Promise<PublishedSnapshot | null> {
  const [row] = await executor
    .select()
    .from(publishedFigures)
    .where(sql`${publishedFigures.kind} = ${PUBLIC_FIGURES_KIND}`);
  if (!row) return null;
  return {
    figures: inDocumentedOrder(row.json as PublishedFigures),
    csv: row.csv,
    generatedAt: row.generatedAt.toISOString(),
  };
}
