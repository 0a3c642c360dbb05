import { and, eq, inArray, or, sql } from "drizzle-orm";

import { listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { now as clockNow, todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { reportSummary } from "../../../db/schema";
import type { AreaPeriod, AreaRef, AreaReport } from "./area-report.server";
import type { MonthlyPoint } from "./indicator-keys";
import { computeRawReport, deriveIndicators, namedCommuneRows, type RawFigures } from "./indicators.server";
import { periodTitle, presetPeriod } from "./periods";

/**
 * The report summary (docs/decisions/043-report-summary.md): the figures of the standard periods (every
 * month, quarter, half-year and year from 1 January two years back to the period containing today) for the
 * country, each province and each commune, computed by the worker with the live report query
 * (indicators.server.ts computeRawReport) and stored as the raw counts, so deriving them gives exactly the
 * Indicators the live query gives. Readers (area-report.server.ts, report.server.ts) use a period's rows
 * when they are all there and fall back to the live query otherwise.
 */

export type SummaryPeriod = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The periods kept, in order of their start (then shortest first): every month, quarter, half-year and year
 * from 1 January two years before today's year up to the periods containing today, and this year's second
 * half even before July (so every report preset of periods.ts is among them).
 */
export function summaryPeriods(today: string): SummaryPeriod[] {
  const year = Number(today.slice(0, 4));
  const out: SummaryPeriod[] = [];
  for (let y = year - 2; y <= year; y++) {
    for (let m = 1; m <= 12; m++) {
      const month = presetPeriod("this_month", `${y}-${pad(m)}-01`);
      const starts: SummaryPeriod[] = [{ from: month.from, to: month.to }];
      if ((m - 1) % 3 === 0) {
        const q = presetPeriod("this_quarter", `${y}-${pad(m)}-01`);
        starts.push({ from: q.from, to: q.to });
      }
      if (m === 1 || m === 7) {
        const h = presetPeriod(m === 1 ? "first_half" : "second_half", `${y}-01-01`);
        starts.push({ from: h.from, to: h.to });
      }
      if (m === 1) starts.push({ from: `${y}-01-01`, to: `${y}-12-31` });
      // Up to the periods containing today, and the year's second half, which the page offers as a preset.
      out.push(
        ...starts.filter(
          (p) => p.from <= today || (y === year && p.from.endsWith("-07-01") && p.to.endsWith("-12-31")),
        ),
      );
    }
  }
  return out;
}

/** Whether a period is one the summary keeps the shape of (a whole month, quarter, half-year or year). */
export function isSummaryShaped(period: AreaPeriod): boolean {
  return periodTitle(period).key !== "reports.form.range";
}

/** Current: containing today, or ahead of it (its figures at its end, e.g. persons resident, move with every record). */
const isCurrent = (period: SummaryPeriod, today: string) => period.to >= today;
const periodKey = (p: SummaryPeriod) => `${p.from}/${p.to}`;

/** The start of a Vietnamese calendar day (UTC+7 all year). */
const vietnamDayStart = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

/** What the summary holds for a period: when its rows were computed, none when absent. */
export type SummaryState = { from: string; to: string; computedAt: Date };

/**
 * Which periods a worker round refreshes (pure): the periods containing today (or ahead of it), always
 * (at most 10 minutes old); the kept periods without rows; and every kept period computed before today began in Vietnam or
 * more than 24 hours ago (so on a new day, and at least daily, everything is recomputed: back-dated records
 * reach past periods by the next night). Current periods first, then missing ones, then the oldest.
 */
export function periodsDue(today: string, now: Date, state: readonly SummaryState[]): SummaryPeriod[] {
  const computed = new Map(state.map((s) => [periodKey(s), s.computedAt]));
  const dayStart = vietnamDayStart(today).getTime();
  const current: SummaryPeriod[] = [];
  const missing: SummaryPeriod[] = [];
  const stale: { period: SummaryPeriod; at: number }[] = [];
  for (const period of summaryPeriods(today)) {
    const at = computed.get(periodKey(period));
    if (isCurrent(period, today)) current.push(period);
    else if (at === undefined) missing.push(period);
    else if (at.getTime() < dayStart || now.getTime() - at.getTime() >= 24 * 3_600_000) {
      stale.push({ period, at: at.getTime() });
    }
  }
  stale.sort((a, b) => a.at - b.at);
  return [...current, ...missing, ...stale.map((s) => s.period)];
}

type SummaryRow = typeof reportSummary.$inferInsert;

/**
 * One period computed with the live query code, a step at a time (a step per province: its row and a row
 * per commune; then the country in one query, persons counselled distinct over the whole country as live),
 * so the worker can spread a period over several ticks. Returns the rows to write.
 */
async function* computePeriod(
  executor: Executor,
  period: SummaryPeriod,
  computedAt: Date,
): AsyncGenerator<void, SummaryRow[]> {
  const rows: SummaryRow[] = [];
  const base = { periodFrom: period.from, periodTo: period.to, computedAt };
  const allCommunes: string[] = [];
  for (const province of await listProvinces()) {
    const communeCodes = (await listCommunes(province.code)).map((c) => c.code);
    allCommunes.push(...communeCodes);
    const report = await computeRawReport(executor, { communeCodes, ...period }, { byCommune: true, series: true });
    rows.push({ ...base, level: "province", unitCode: province.code, figures: report.total, series: report.monthly });
    for (const code of communeCodes) {
      rows.push({ ...base, level: "commune", unitCode: code, figures: report.byCommune.get(code) ?? {}, series: [] });
    }
    yield;
  }
  const nation = await computeRawReport(
    executor,
    { communeCodes: allCommunes, ...period },
    { byCommune: false, series: true },
  );
  rows.push({ ...base, level: "nation", unitCode: "", figures: nation.total, series: nation.monthly });
  return rows;
}

const CHUNK = 1000;

/** Replaces a period's rows in one transaction: a reader sees its old rows or its new ones, never a mix. */
async function writePeriod(executor: Executor, period: SummaryPeriod, rows: SummaryRow[]): Promise<void> {
  await executor.transaction(async (tx) => {
    await tx
      .delete(reportSummary)
      .where(and(eq(reportSummary.periodFrom, period.from), eq(reportSummary.periodTo, period.to)));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(reportSummary).values(rows.slice(i, i + CHUNK));
  });
}

/**
 * Computes the given periods (default: every kept period) and replaces their rows, one transaction per
 * period. Stops between steps when `stopped()` says so (a period half computed is not written). Returns
 * how many periods were refreshed.
 */
export async function refreshReportSummary(
  executor: Executor,
  options: { today: string; periods?: readonly SummaryPeriod[]; stopped?: () => boolean },
): Promise<number> {
  const periods = options.periods ?? summaryPeriods(options.today);
  let done = 0;
  for (const period of periods) {
    // The time the records are read from: every row is at least this fresh.
    const steps = computePeriod(executor, period, clockNow());
    let step = await steps.next();
    while (!step.done && !options.stopped?.()) step = await steps.next();
    if (!step.done) break;
    await writePeriod(executor, period, step.value);
    done += 1;
  }
  return done;
}

/** What the summary holds per period (its nation row, written in the same transaction as the others). */
export async function summaryState(executor: Executor): Promise<SummaryState[]> {
  return executor
    .select({ from: reportSummary.periodFrom, to: reportSummary.periodTo, computedAt: reportSummary.computedAt })
    .from(reportSummary)
    .where(eq(reportSummary.level, "nation"));
}

export const SUMMARY_EVERY_MS = 10 * 60_000;

/**
 * The worker's `reports.summary` task (run every tick): every SUMMARY_EVERY_MS, and at once when the day
 * changes, a round starts with the periods due (periodsDue) and drops the rows of periods no longer kept;
 * each call then works for about `sliceMs` (250 ms; at least one step: a province, or the country) and returns,
 * so a round at national scale never holds the worker's other tasks (search delivery every tick) for long.
 * A period is written once all its steps are done. Returns the periods written by this call.
 */
export function createSummaryRefresher(options: { sliceMs?: number; everyMs?: number } = {}) {
  const sliceMs = options.sliceMs ?? 250;
  const everyMs = options.everyMs ?? SUMMARY_EVERY_MS;
  let queue: SummaryPeriod[] = [];
  let running: { period: SummaryPeriod; steps: AsyncGenerator<void, SummaryRow[]> } | undefined;
  let round: { at: number; day: string } | undefined;

  return async function run(
    executor: Executor,
    context: { today?: string; now?: Date; stopped?: () => boolean },
  ): Promise<number> {
    const now = context.now ?? clockNow();
    const today = context.today ?? todayIso(now);
    const idle = !running && queue.length === 0;
    // A new day starts a new round at once, even in the middle of one (a new month is then current).
    const newDay = round !== undefined && round.day !== today;
    if (idle || newDay) {
      if (!newDay && round && now.getTime() - round.at < everyMs) return 0;
      round = { at: now.getTime(), day: today };
      queue = periodsDue(today, now, await summaryState(executor));
      const oldest = summaryPeriods(today)[0]!.from;
      await executor.delete(reportSummary).where(sql`${reportSummary.periodFrom} < ${oldest}::date`);
    }
    const started = performance.now();
    let written = 0;
    do {
      if (context.stopped?.()) break;
      if (!running) {
        const period = queue.shift();
        if (!period) break;
        running = { period, steps: computePeriod(executor, period, clockNow()) };
      }
      try {
        const { period, steps } = running;
        const step = await steps.next();
        if (step.done) {
          running = undefined;
          await writePeriod(executor, period, step.value);
          written += 1;
        }
      } catch (error) {
        running = undefined; // this period is due again next round
        throw error;
      }
    } while (performance.now() - started < sliceMs);
    return written;
  };
}

type StoredRow = { level: string; unitCode: string; figures: unknown; series: unknown; computedAt: Date };

/**
 * The report of the country or a province for a period from the summary, when every row it needs is there
 * (the area's own and one per unit one level down); undefined otherwise (the caller goes live). A commune's
 * report stays live (small, and its rows carry no series). `computedAt`: the oldest of the rows used.
 */
export async function readAreaFromSummary(
  area: AreaRef,
  period: AreaPeriod,
  options: { series: boolean },
  executor: Executor,
): Promise<(Omit<AreaReport, "area" | "computedAt"> & { computedAt: Date }) | undefined> {
  if (area.level === "commune" || !isSummaryShaped(period)) return undefined;
  const samePeriod = and(eq(reportSummary.periodFrom, period.from), eq(reportSummary.periodTo, period.to));
  const columns = {
    level: reportSummary.level,
    unitCode: reportSummary.unitCode,
    figures: reportSummary.figures,
    series: reportSummary.series,
    computedAt: reportSummary.computedAt,
  };
  const units =
    area.level === "nation"
      ? (await listProvinces()).map((p) => ({ code: p.code, name: p.name }))
      : (await listCommunes(area.code)).map((c) => ({ code: c.code, name: c.name }));
  const childLevel = area.level === "nation" ? "province" : "commune";
  const stored: StoredRow[] = await executor
    .select(columns)
    .from(reportSummary)
    .where(
      and(
        samePeriod,
        or(
          and(eq(reportSummary.level, area.level), eq(reportSummary.unitCode, area.code)),
          and(
            eq(reportSummary.level, childLevel),
            inArray(
              reportSummary.unitCode,
              units.map((u) => u.code),
            ),
          ),
        ),
      ),
    );
  const own = stored.find((r) => r.level === area.level);
  const children = new Map(stored.filter((r) => r.level === childLevel).map((r) => [r.unitCode, r]));
  if (!own || units.some((u) => !children.has(u.code))) return undefined;
  const indicatorsOf = (row: StoredRow) => deriveIndicators(row.figures as RawFigures);
  const computedAt = new Date(Math.min(...stored.map((r) => r.computedAt.getTime())));
  const monthly = options.series ? (own.series as MonthlyPoint[]) : [];
  if (area.level === "nation") {
    const rows = units
      .map((u) => ({ code: u.code, name: u.name, indicators: indicatorsOf(children.get(u.code)!) }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    return { indicators: indicatorsOf(own), rows, monthly, computedAt };
  }
  const byCommune = new Map(units.map((u) => [u.code, indicatorsOf(children.get(u.code)!)]));
  const rows = await namedCommuneRows(
    executor,
    units.map((u) => u.code),
    byCommune,
  );
  return { indicators: indicatorsOf(own), rows, monthly, computedAt };
}
