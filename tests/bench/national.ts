import os from "node:os";

import { sql } from "drizzle-orm";

import { translator } from "~/i18n";
import { listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { publishFigures } from "~/modules/public-figures/publish.server";
import { completedQuarters } from "~/modules/public-figures/snapshot";
import { type AreaPeriod, type AreaRef, liveAreaReport, loadAreaReport } from "~/modules/reports/area-report.server";
import { renderReportCharts } from "~/modules/reports/charts.server";
import { refreshReportSummary, summaryPeriods } from "~/modules/reports/summary.server";
import { todayIso } from "~/utils/clock.server";

import type { Database } from "../../db/client.server";
import { recoverCells, smallShownCells } from "../factories/suppression-attack";
import { describeExplained, explainOnce } from "./national-explain";
import type { NationalLoad } from "./national-load";
import { GENERATED_ON, type ReportBenchCounts } from "./reports-data";
import { describeShare, machineShare, type ReportTiming, timeReportWork } from "./reports-machine";
import { ms, summarize, table } from "./stats";

/**
 * The national-scale benchmark (issue 16 §4) on a PostgreSQL server: the whole country (34 provinces,
 * 3,321 communes) with 500,000 persons, 5 million activities and 200,000 placements, generated in SQL by
 * the report benchmark's generator (reports-data.ts). Times the national and a province report for a year
 * as the national view loads them (from the report summary, charts included), the same reports live, the
 * summary's refresh, and the public figures' publication, whose JSON must resist the suppression attack.
 */

export const NATIONAL_SECTION = "## National scale (issue 16): PostgreSQL server";
const TARGET_NATION_P95 = 1000;
const TARGET_PROVINCE_P95 = 300;
const YEAR: AreaPeriod = { from: "2025-01-01", to: "2025-12-31" };

type Options = {
  /** The database the app reads (useDatabase has made it the process database). */
  db: Database;
  /** The data, loaded by `loadNational` (before this module and the app's are imported). */
  loaded: NationalLoad;
  /** The throwaway database's URL (for a connection of its own with auto_explain). */
  url: string;
  log: (s: string) => void;
  runs: number;
  liveRuns: number;
  context: { command: string; database: string; loadAverage: number[] };
};

type Case = { name: string; area: AreaRef };
type Timing = ReportTiming;

function timeReport(c: Case, live: boolean, db: Database): Promise<Timing> {
  return timeReportWork(
    async () =>
      live
        ? { ...(await liveAreaReport(c.area, YEAR, { series: true }, db)), computedAt: null }
        : await loadAreaReport(c.area, YEAR, { series: true }, db),
    (report) =>
      renderReportCharts({ indicators: report.indicators, monthly: report.monthly, ...YEAR }, translator("vi"), "vi"),
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Where two JSON-like values differ (numbers equal to 1e-9: shares are computed from sums). */
function differ(a: unknown, b: unknown, at = "", out: string[] = []): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) out.push(`${at}: ${a} ≠ ${b}`);
  } else if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differ((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

const n = (x: number) => x.toLocaleString("en");
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

export async function benchNational(o: Options): Promise<{ body: string; failures: string[] }> {
  const { db, log } = o;
  const failures: string[] = [];
  const provinces = await listProvinces();
  const { loaded } = o;
  const c: ReportBenchCounts = loaded.counts;
  const tableSizes = (await db.execute(
    sql`select pg_size_pretty(pg_database_size(current_database())) as size`,
  )) as unknown as { size: string }[];

  // A mid-sized province: the median by number of communes.
  const sized = await Promise.all(
    provinces.map(async (p) => ({ ...p, communes: (await listCommunes(p.code)).length })),
  );
  sized.sort((a, b) => a.communes - b.communes || a.code.localeCompare(b.code));
  const mid = sized[Math.floor(sized.length / 2)]!;
  const cases: Case[] = [
    { name: "the country, a year (2025), a row per province", area: { level: "nation", code: "" } },
    {
      name: `a province (${mid.name}, ${mid.communes} communes), a year (2025), a row per commune`,
      area: { level: "province", code: mid.code },
    },
  ];

  // Live first (the summary is empty): the reference, and the sanity check that the figures are not empty.
  log(`national: live reports, ${o.liveRuns} runs each (no warm-up for the country: each run takes long)`);
  const live = new Map<string, Timing[]>(cases.map((k) => [k.name, []]));
  const liveReport = await timed(() => liveAreaReport(cases[0]!.area, YEAR, { series: true }, db));
  const nationLive = liveReport.value;
  if (nationLive.indicators.placed === 0 || nationLive.indicators.counselling === 0 || nationLive.rows.length !== 34)
    throw new Error(`national bench: empty figures ${JSON.stringify(nationLive.indicators)}`);
  await timeReport(cases[1]!, true, db);
  for (let run = 0; run < o.liveRuns; run++)
    for (const k of cases) live.get(k.name)!.push(await timeReport(k, true, db));

  // The summary: a full refresh (every kept period), then the current periods only (what the worker redoes).
  const refresh: {
    full?: number;
    current?: number;
    periods?: number;
    currentPeriods?: number;
    rows?: number;
    quarters?: number;
    quarterCount?: number;
  } = {};
  let summaryEquals: boolean | undefined;
  {
    const periods = summaryPeriods(GENERATED_ON);
    // Current: containing the day or ahead of it (what the worker redoes every round, summary.server.ts).
    const current = periods.filter((p) => p.to >= GENERATED_ON);
    // Every kept period takes hours at this scale: the year measured (one period, the reports' own), the
    // full refresh estimated from it.
    log(`national: summary refresh of 2025 (1 of ${periods.length} kept periods)`);
    const full = await timed(() => refreshReportSummary(db, { today: GENERATED_ON, periods: [YEAR] }));
    log(`national: one period ${seconds(full.ms)}; current periods (${current.length})`);
    const cur = await timed(() => refreshReportSummary(db, { today: GENERATED_ON, periods: current }));
    log(`national: current periods refresh ${seconds(cur.ms)}`);
    const rows = (await db.execute(sql`select count(*)::int as n from report_summary`)) as unknown as { n: number }[];
    Object.assign(refresh, {
      full: full.ms,
      current: cur.ms,
      periods: periods.length,
      currentPeriods: current.length,
      rows: rows[0]!.n,
    });
    const fromSummary = await loadAreaReport(cases[0]!.area, YEAR, { series: true }, db);
    const differences = differ(
      { indicators: fromSummary.indicators, rows: fromSummary.rows, monthly: fromSummary.monthly },
      { indicators: nationLive.indicators, rows: nationLive.rows, monthly: nationLive.monthly },
    );
    summaryEquals = differences.length === 0;
    if (!summaryEquals) {
      log(`national: summary differs from live at ${differences.slice(0, 10).join(", ")}`);
      failures.push(
        `the national report from the summary differs from the live one (${differences.slice(0, 5).join(", ")})`,
      );
    }
  }

  // The reports as the national view loads them (from the summary when it has the period), interleaved.
  const results = new Map<string, Timing[]>(cases.map((k) => [k.name, []]));
  log(`national: warm-up, then ${o.runs} runs of ${cases.length} cases (interleaved)`);
  for (const k of cases) await timeReport(k, false, db);
  const share = machineShare();
  for (let run = 0; run < o.runs; run++)
    for (const k of cases) results.get(k.name)!.push(await timeReport(k, false, db));
  const machine = share.stop();

  // Where the time goes on the server: each case once under auto_explain, and the province live.
  log("national: EXPLAIN ANALYZE of each report (auto_explain)");
  const explained: string[] = [];
  for (const k of cases) {
    const statements = await explainOnce(o.url, (edb) => loadAreaReport(k.area, YEAR, { series: true }, edb));
    explained.push(`- ${k.name}, as loaded: ${describeExplained(statements)}.`);
  }
  const provinceLive = await explainOnce(o.url, (edb) => liveAreaReport(cases[1]!.area, YEAR, { series: true }, edb));
  explained.push(`- ${cases[1]!.name}, live: ${describeExplained(provinceLive)}.`);

  // The public figures: published by background work, then attacked (once that work has landed).
  let summarisedPeriods = 0;
  let publication: { ms: number; bytes: number; cells: number; recovered: number };
  {
    // The quarters it publishes, summarised first as the worker keeps them (else it computes them live).
    // The worker publishes the last completed quarters of the real today.
    const quarters = completedQuarters(todayIso()).map((q) => ({ from: q.from, to: q.to }));
    {
      log(`national: summary refresh of the ${quarters.length} published quarters`);
      const q = await timed(() => refreshReportSummary(db, { today: GENERATED_ON, periods: quarters }));
      refresh.quarters = q.ms;
      refresh.quarterCount = quarters.length;
    }
    const held = (await db.execute(
      sql`select count(*)::int as n from report_summary where level = 'nation'`,
    )) as unknown as { n: number }[];
    summarisedPeriods = held[0]!.n;
    log("national: publishing the public figures");
    const published = await timed(() => publishFigures(db));
    const rows = (await db.execute(sql`select kind, json::text as json from published_figures`)) as unknown as {
      kind: string;
      json: string;
    }[];
    if (rows.length === 0) throw new Error("national bench: the publication wrote no published_figures row");
    let recovered = 0;
    let bytes = 0;
    for (const row of rows) {
      bytes += row.json.length;
      const cells = recoverCells(JSON.parse(row.json));
      recovered += cells.length;
      if (cells.length)
        log(
          `national: ${cells.length} suppressed cells recovered from ${row.kind}: ${JSON.stringify(cells.slice(0, 5))}`,
        );
    }
    const suppressed = rows.reduce(
      (sum, row) => sum + (row.json.match(/"flag": ?"(lt5|suppressed)"/g)?.length ?? 0),
      0,
    );
    for (const row of rows) {
      const shown = smallShownCells(JSON.parse(row.json));
      if (shown.length) failures.push(`${shown.length} cells below the small number shown in ${row.kind}`);
    }
    publication = { ms: published.ms, bytes, cells: suppressed, recovered };
    if (recovered > 0) failures.push(`${recovered} suppressed cells recovered from the published figures`);
    log(`national: published in ${seconds(published.ms)}, ${recovered} cells recovered`);
  }

  const head = ["report", "n", "p50", "p95", "max", "figures p50", "charts p50", "CPU p50", "served from"];
  const row = (name: string, t: Timing[]) => {
    const s = summarize(t.map((x) => x.total));
    const from = t.every((x) => x.fromSummary) ? "summary" : t.some((x) => x.fromSummary) ? "mixed" : "records (live)";
    return [
      name,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      ms(summarize(t.map((x) => x.figures)).p50),
      ms(summarize(t.map((x) => x.charts)).p50),
      ms(summarize(t.map((x) => x.cpu)).p50),
      from,
    ];
  };
  const nation = summarize(results.get(cases[0]!.name)!.map((x) => x.total));
  const province = summarize(results.get(cases[1]!.name)!.map((x) => x.total));
  const servedFromSummary = [...results.values()].flat().every((x) => x.fromSummary);
  const load = o.context.loadAverage.map((x) => x.toFixed(2)).join(", ");
  const verdict = (p95: number, target: number) => `**${p95 <= target ? "met" : "missed"}** (${ms(p95)} ms)`;
  const measuredPeriods = 1 + (refresh.currentPeriods ?? 0) + (refresh.quarterCount ?? 0);
  const perPeriod = ((refresh.full ?? 0) + (refresh.current ?? 0) + (refresh.quarters ?? 0)) / measuredPeriods;
  const refreshLine = `- Summary refresh (\`refreshReportSummary\`, wall time, sharing the two CPUs): one period, the year 2025 (34 steps, a province with a row per commune each, then the country), in ${seconds(refresh.full ?? 0)}; the current periods (${refresh.currentPeriods}: those containing ${GENERATED_ON} or ahead of it, which the worker redoes every round) in ${seconds(refresh.current!)}, ${seconds(refresh.current! / Math.max(1, refresh.currentPeriods ?? 1))} a period; ${n(refresh.rows ?? 0)} summary rows then. A full refresh (every kept period: ${refresh.periods}) was **not run**: at about ${seconds(perPeriod)} a period (the mean of the ${measuredPeriods} periods refreshed in this run) it would take about ${(((refresh.periods ?? 0) * perPeriod) / 60_000).toFixed(0)} minutes (estimated, not measured). The national report for 2025 from the summary ${summaryEquals ? "equals" : "**differs from**"} the live one (indicators, rows per province, monthly series).`;
  const publicationLine = `- Public figures: published (table \`published_figures\`, ${n(publication.bytes)} bytes of JSON, ${n(publication.cells)} cells hidden: below 5, or suppressed so that no hidden cell can be worked out) in ${seconds(publication.ms)}, reading its ${refresh.quarterCount ?? "?"} quarters from the summary (which then held ${summarisedPeriods} periods; summarising those quarters first took ${refresh.quarters === undefined ? "?" : seconds(refresh.quarters)}). The suppression attack (\`recoverCells\`, tests/factories/suppression-attack.ts) on the published JSON recovered **${publication.recovered}** cells${publication.recovered === 0 ? " (the run fails otherwise)" : ": the run FAILED"}.`;

  const body = `Measured ${new Date().toISOString().slice(0, 10)} with \`${o.context.command}\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}; load average at start ${load}. Database: ${o.context.database}, ${tableSizes[0]?.size ?? "?"} after the load.

- Data (tests/bench/reports-data.ts, \`loadReportBench\` over every province, generated in SQL with generate_series and hashint8, reproducible: fixed day ${GENERATED_ON}): ${n(provinces.length)} provinces, ${n(c.communes)} communes, ${n(c.persons)} persons, ${n(c.activities)} activities, ${n(c.placements)} placements with ${n(c.followUps)} follow-ups, ${n(c.enrolments)} enrolments, ${n(c.referrals)} training referrals, ${n(c.loans)} loans, ${n(c.classifications)} classifications, ${n(c.meetings)} meetings with ${n(c.attendances)} attendances, a model of ${n(c.modelPersons)} persons, ${n(c.employers)} employers, ${n(c.providers)} training providers with ${n(c.trainingSlots)} courses. Loaded in ${seconds(loaded.ms)} (activities in batches of 100,000 rows; \`synchronous_commit = off\` and \`session_replication_role = replica\` (no per-row foreign-key checks; the counts, taken through the persons, prove every row has its person) for the loading session only; \`analyze\` after).
- What is timed: \`loadAreaReport\` (app/modules/reports/area-report.server.ts: the figures, the row per unit one level down and the monthly series) and \`renderReportCharts\` (the report's three charts to SVG), in this process, after one warm-up pass, the two cases interleaved. ${describeShare(machine)}
- "Live" is \`liveAreaReport\`, the same figures computed from the records (what the report summary spares the visitor): ${o.liveRuns} runs each, for reference.

### Report latency (ms), as the national view loads them

${table(
  head,
  cases.map((k) => row(k.name, results.get(k.name)!)),
)}

### The same reports live (ms)

${table(
  head,
  cases.map((k) => row(k.name, live.get(k.name)!)),
)}

### Background work

${refreshLine}
${publicationLine}

### What the time is spent on

${
  servedFromSummary
    ? '- With the summary, a report reads one summary row per unit (the area and the units one level down) for the period and its monthly series: no scan of the records. What remains is the charts (Vega-Lite to SVG, the "charts p50" column) and the reference data (cached in memory).'
    : "- The reports were **not** served from the summary (computedAt null): every run scanned the records, as the live rows show."
}
${explained.join("\n")}
- Live, the country's report runs the two report statements (app/modules/reports/indicator-sql.server.ts) for the whole country and again for each of the 34 provinces (the row per province), ${n(c.activities)} activities and ${n(c.persons)} persons each time, on a pool of 10 connections over 2 CPUs: that is why it takes ${ms(summarize(live.get(cases[0]!.name)!.map((x) => x.total)).p50)} ms and why the summary exists (docs/decisions/043).

### Targets

- National report for a year p95 ≤ ${TARGET_NATION_P95} ms: ${verdict(nation.p95, TARGET_NATION_P95)}.
- Province report for a year p95 ≤ ${TARGET_PROVINCE_P95} ms: ${verdict(province.p95, TARGET_PROVINCE_P95)}.
- No suppressed cell recoverable from the published figures: ${typeof publication === "string" ? "**not measured**" : publication.recovered === 0 ? "**met** (0 recovered)" : `**missed** (${publication.recovered} recovered)`}.
`;
  return { body, failures };
}
