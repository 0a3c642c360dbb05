import { asc, inArray, type SQL, sql } from "drizzle-orm";

import type { Executor } from "../../../db/client.server";
import { commune } from "../../../db/schema";
import {
  COUNT_KEYS,
  type CountKey,
  type Indicators,
  type MonthlyPoint,
  SERIES,
  zeroIndicators,
} from "./indicator-keys";
import { personsStatement, supportStatement } from "./indicator-sql.server";

export type { Indicators, MonthlyPoint } from "./indicator-keys";

/**
 * The HCD-12/13 indicators of a set of communes over a period, straight from the records: one SQL
 * round of two statements (indicator-sql.server.ts), nothing stored pre-aggregated. Definitions and why each reads the
 * way it does: docs/decisions/016-report-indicators.md.
 *
 * Scope: persons by the commune they are registered in (released_person.commune_code); activities,
 * meetings and loans by their own commune_code (a move does not rewrite where support was given).
 * Anonymised persons still count: the figures carry no identity.
 */

export type IndicatorInput = { communeCodes: string[]; from: string; to: string; modelId?: string };
export type CommuneIndicators = { code: string; name: string; indicators: Indicators };
export type ComputedReport = { total: Indicators; byCommune: Map<string, Indicators>; monthly: MonthlyPoint[] };
/**
 * The counts as the SQL reads them (COUNT_KEYS plus `_wageSum`), before the averages and shares are derived:
 * what the report summary stores (summary.server.ts), so `deriveIndicators` rebuilds the live figures exactly.
 */
export type RawFigures = Record<string, number>;
export type RawReport = { total: RawFigures; byCommune: Map<string, RawFigures>; monthly: MonthlyPoint[] };

type Raw = RawFigures;
type Row = { section: "figures" | "distinct" | "series"; k: string; v: string };

/** PGlite answers { rows }, postgres.js an array of rows: the one place that knows. */
async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * One statement with settings for it only (is_local): its hash tables outgrow the default 4 MB of work
 * memory on a province and would spill to disk; and PostgreSQL's JIT, triggered by the statement's
 * estimated cost, spends seconds compiling a query that runs in a fraction of that (docs/PERFORMANCE.md).
 */
function runStatement(executor: Executor, statement: SQL): Promise<Row[]> {
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`);
    return rowsOf<Row>(tx, statement);
  });
}

async function sequentially(executor: Executor, statements: SQL[]): Promise<Row[][]> {
  const out: Row[][] = [];
  for (const statement of statements) out.push(await runStatement(executor, statement));
  return out;
}

function addInto(target: Raw, source: Raw): Raw {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + Number(value);
  return target;
}

/** The counts as read, then the averages and shares derived from them. */
export function deriveIndicators(raw: Raw): Indicators {
  const ind = zeroIndicators();
  for (const key of COUNT_KEYS) ind[key as CountKey] = Number(raw[key] ?? 0);
  ind.averageWage = ind.placed > 0 ? Math.round(Number(raw._wageSum ?? 0) / ind.placed) : null;
  ind.reoffendingRate = ind.supervised > 0 ? ind.reoffended / ind.supervised : null;
  ind.stillEmployed6m = ind.followUps6m > 0 ? ind.stillEmployed6mCount / ind.followUps6m : null;
  ind.stillEmployed12m = ind.followUps12m > 0 ? ind.stillEmployed12mCount / ind.followUps12m : null;
  return ind;
}

/**
 * Everything a report needs in one round trip. With `byCommune`, the figures come per commune and the
 * total is their sum (every count is additive: a person belongs to one commune, an activity, meeting or
 * loan to one), except the persons counselled, counted distinct over the whole scope.
 */
export async function computeReport(
  executor: Executor,
  input: IndicatorInput,
  options: { byCommune: boolean; series: boolean },
): Promise<ComputedReport> {
  const raw = await computeRawReport(executor, input, options);
  const byCommune = new Map([...raw.byCommune.entries()].map(([code, figures]) => [code, deriveIndicators(figures)]));
  return { total: deriveIndicators(raw.total), byCommune, monthly: raw.monthly };
}

/** computeReport before the derivation: the raw counts of the scope and (byCommune) of each commune. */
export async function computeRawReport(
  executor: Executor,
  input: IndicatorInput,
  options: { byCommune: boolean; series: boolean },
): Promise<RawReport> {
  if (input.communeCodes.length === 0) return { total: {}, byCommune: new Map(), monthly: [] };
  const statementOptions = { grouped: options.byCommune, series: options.series };
  const parts = [personsStatement(input, statementOptions), supportStatement(input, statementOptions)];
  // Inside a caller's transaction (one connection) the two statements run one after the other.
  const inTransaction = typeof (executor as { rollback?: unknown }).rollback === "function";
  const rows = (
    inTransaction
      ? await sequentially(executor, parts)
      : await Promise.all(parts.map((part) => runStatement(executor, part)))
  ).flat();
  const figures = new Map<string, Raw>();
  const total: Raw = {};
  const series = new Map<string, Raw>();
  let distinctCounselled: number | undefined;
  for (const row of rows) {
    const values = JSON.parse(row.v) as Raw;
    if (row.section === "series") series.set(row.k, addInto(series.get(row.k) ?? {}, values));
    else if (row.section === "distinct") distinctCounselled = Number(values.counselledPersons ?? 0);
    else {
      figures.set(row.k, addInto(figures.get(row.k) ?? {}, values));
      addInto(total, values);
    }
  }
  if (distinctCounselled !== undefined) total.counselledPersons = distinctCounselled;
  const monthly = [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([month, values]) =>
      SERIES.filter((s) => values[s]).map((s) => ({ month, series: s, count: Number(values[s]) })),
    );
  return { total, byCommune: options.byCommune ? figures : new Map(), monthly };
}

/** The indicators of the communes taken together (distinct persons counted once). */
export async function computeIndicators(executor: Executor, input: IndicatorInput): Promise<Indicators> {
  return (await computeReport(executor, input, { byCommune: false, series: false })).total;
}

/** Names the per-commune figures: one row per commune of the input (zeros included), by commune name. */
export async function namedCommuneRows(
  executor: Executor,
  communeCodes: string[],
  byCommune: Map<string, Indicators>,
): Promise<CommuneIndicators[]> {
  if (communeCodes.length === 0) return [];
  const names = await executor
    .select({ code: commune.code, name: commune.name })
    .from(commune)
    .where(inArray(commune.code, communeCodes))
    .orderBy(asc(commune.name));
  return names.map((c) => ({ code: c.code, name: c.name, indicators: byCommune.get(c.code) ?? zeroIndicators() }));
}

/** One row per commune (the province's drill-down table), computed with one GROUP BY commune. */
export async function computeIndicatorsByCommune(
  executor: Executor,
  input: IndicatorInput,
): Promise<CommuneIndicators[]> {
  const { byCommune } = await computeReport(executor, input, { byCommune: true, series: false });
  return namedCommuneRows(executor, input.communeCodes, byCommune);
}
