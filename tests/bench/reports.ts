import os from "node:os";

import { translator } from "~/i18n";
import { renderReportCharts } from "~/modules/reports/charts.server";
import { computeIndicators } from "~/modules/reports/indicators.server";
import { loadReportFigures } from "~/modules/reports/report.server";
import { isSummaryShaped, refreshReportSummary } from "~/modules/reports/summary.server";

import type { Database } from "../../db/client.server";
import { loadReportBench, REPORT_PROVINCE, type ReportBenchCounts } from "./reports-data";
import { describeShare, machineShare, type ReportTiming, timeReportWork } from "./reports-machine";
import { ms, summarize, type Summary, table } from "./stats";

/**
 * The report benchmark (issue 6, part 7): the work of the report page's loader (the indicators, the row
 * per commune, the monthly series, and the three charts rendered to SVG) for a province of 50,000 persons
 * and 500,000 activities, timed end to end in this process over ~20 runs after a warm-up.
 */

/** One section per database kind: the embedded default and a PostgreSQL server differ several-fold. */
export const reportsSection = (kind: "pglite" | "postgres") =>
  kind === "pglite" ? "## Reports (issue 6): embedded PGlite" : "## Reports (issue 6): PostgreSQL server";
const TARGET_P95 = 500;

type Options = {
  db: Database;
  log: (s: string) => void;
  persons: number;
  activities: number;
  runs: number;
  context: { command: string; database: string; loadAverage: number[] };
};

type Case = { name: string; communeCodes: string[]; from: string; to: string; drillDown: boolean; modelId?: string };

function timeLoader(db: Database, c: Case): Promise<ReportTiming> {
  const request = {
    unit: {
      level: c.drillDown ? ("province" as const) : ("commune" as const),
      name: c.name,
      provinceName: "",
      communeCodes: c.communeCodes,
    },
    period: { preset: "custom" as const, from: c.from, to: c.to },
    drillDown: c.drillDown,
    ...(c.modelId ? { model: { id: c.modelId, name: "model", launchedOn: c.from } } : {}),
  };
  return timeReportWork(
    () => loadReportFigures(request, { series: true }, db),
    (figures) =>
      renderReportCharts(
        { indicators: figures.indicators, monthly: figures.monthly, from: c.from, to: c.to },
        translator("vi"),
        "vi",
      ),
  );
}

export async function benchReports(o: Options): Promise<{ body: string; p95: number }> {
  const { db, log } = o;
  const loaded = await loadReportBench(db, { persons: o.persons, activities: o.activities, log });
  const c: ReportBenchCounts = loaded.counts;
  log(`reports: loaded in ${(loaded.ms / 1000).toFixed(1)} s: ${JSON.stringify(c)}`);
  const province = loaded.communes;
  const cases: Case[] = [
    {
      name: "province, a year (2025), row per commune",
      communeCodes: province,
      from: "2025-01-01",
      to: "2025-12-31",
      drillDown: true,
    },
    {
      name: "province, a quarter (2025-Q2), row per commune",
      communeCodes: province,
      from: "2025-04-01",
      to: "2025-06-30",
      drillDown: true,
    },
    {
      name: "province, 3 years (2023-06-01 – 2026-05-31), row per commune",
      communeCodes: province,
      from: "2023-06-01",
      to: "2026-05-31",
      drillDown: true,
    },
    {
      name: "one commune, a year (2025)",
      communeCodes: [province[1]!],
      from: "2025-01-01",
      to: "2025-12-31",
      drillDown: false,
    },
    {
      name: "one commune, a model since its launch",
      communeCodes: [province[1]!],
      from: "2023-06-01",
      to: "2026-05-31",
      drillDown: false,
      modelId: loaded.modelId,
    },
  ];
  // Sanity: the figures are not empty (a broken generator would make a fast, meaningless benchmark).
  const sample = await computeIndicators(db, { communeCodes: province, from: "2025-01-01", to: "2025-12-31" });
  if (sample.counselling === 0 || sample.placed === 0 || sample.residentNow === 0)
    throw new Error(`reports bench: empty figures ${JSON.stringify(sample)}`);

  const results = new Map<string, { total: number[]; figures: number[]; charts: number[]; cpu: number[] }>();
  for (const k of cases) results.set(k.name, { total: [], figures: [], charts: [], cpu: [] });
  log(`reports: warm-up, then ${o.runs} runs of ${cases.length} cases (interleaved)`);
  for (const k of cases) await timeLoader(db, k);
  const share = machineShare();
  for (let run = 0; run < o.runs; run++) {
    for (const k of cases) {
      const t = await timeLoader(db, k);
      const r = results.get(k.name)!;
      r.total.push(t.total);
      r.figures.push(t.figures);
      r.charts.push(t.charts);
      r.cpu.push(t.cpu);
    }
  }
  const machine = share.stop();

  // As the page serves it: the worker keeps a summary of whole months, quarters, halves and years per
  // province (docs/decisions/043), and a province's report for such a period is read from it; the live
  // computation above is what a custom range (or a period before the worker's first round) costs. The
  // summary of the province cases' periods is refreshed as the worker does it (timed: background work),
  // then those cases are timed again.
  const shaped = cases.filter((k) => k.drillDown && isSummaryShaped({ from: k.from, to: k.to }));
  log(`reports: summary refresh of ${shaped.length} period(s), as the worker does it`);
  const refreshStart = performance.now();
  await refreshReportSummary(db, { today: "2026-12-31", periods: shaped.map((k) => ({ from: k.from, to: k.to })) });
  const refreshMs = performance.now() - refreshStart;
  const stored = new Map<string, { total: number[]; cpu: number[] }>(
    shaped.map((k) => [k.name, { total: [], cpu: [] }]),
  );
  for (const k of shaped) await timeLoader(db, k);
  for (let run = 0; run < o.runs; run++) {
    for (const k of shaped) {
      const t = await timeLoader(db, k);
      if (!t.fromSummary) throw new Error(`reports bench: "${k.name}" was not served from the summary`);
      stored.get(k.name)!.total.push(t.total);
      stored.get(k.name)!.cpu.push(t.cpu);
    }
  }
  const storedRows = shaped.map((k) => {
    const r = stored.get(k.name)!;
    const s = summarize(r.total);
    return [k.name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(summarize(r.cpu).p50)];
  });
  const storedHeadline = summarize(stored.get(cases[0]!.name)!.total);

  const head = ["report", "n", "p50", "p95", "max", "figures p50", "charts p50", "CPU p50", "CPU p95"];
  const rows = cases.map((k) => {
    const r = results.get(k.name)!;
    const s: Summary = summarize(r.total);
    return [
      k.name,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      ms(summarize(r.figures).p50),
      ms(summarize(r.charts).p50),
      ms(summarize(r.cpu).p50),
      ms(summarize(r.cpu).p95),
    ];
  });
  const headline = summarize(results.get(cases[0]!.name)!.total);
  const worst = Math.max(...cases.map((k) => summarize(results.get(k.name)!.total).p95));
  const headlineCpu = summarize(results.get(cases[0]!.name)!.cpu);
  const embedded = o.context.database.startsWith("PGlite");
  const load = o.context.loadAverage.map((x) => x.toFixed(2)).join(", ");
  const body = `Measured ${new Date().toISOString().slice(0, 10)} with \`${o.context.command}\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}; load average at start ${load}. Database: ${o.context.database}.

- Data (tests/bench/reports-data.ts, generated in SQL with generate_series, province ${REPORT_PROVINCE}, ${c.communes} communes): ${c.persons.toLocaleString("en")} persons, ${c.activities.toLocaleString("en")} activities, ${c.placements.toLocaleString("en")} placements with ${c.followUps.toLocaleString("en")} follow-ups, ${c.enrolments.toLocaleString("en")} enrolments, ${c.referrals.toLocaleString("en")} training referrals, ${c.loans.toLocaleString("en")} loans, ${c.classifications.toLocaleString("en")} classifications, ${c.meetings.toLocaleString("en")} meetings with ${c.attendances.toLocaleString("en")} attendances, a model of ${c.modelPersons.toLocaleString("en")} persons. Loaded in ${(loaded.ms / 1000).toFixed(1)} s.
- What is timed: the report page loader's work, \`loadReportFigures\` (the indicators, the row per commune and the monthly series: two SQL statements, plus the communes' names) and \`renderReportCharts\` (three Vega-Lite charts to SVG), in this process, after one warm-up pass; the cases interleave. ${describeShare(machine)}
- Columns: p50/p95/max, figures and charts are wall-clock times (what an officer waits). "CPU" is this process's CPU time for the same run${embedded ? " (embedded PGlite runs in this process, so it is all the work: SQL and charts)" : " (the client and the charts only: the server's backends do the SQL)"}; other processes' load stretches it far less than the wall-clock times (up to about 2× on saturated CPUs, against 3–10×: docs/decisions/039).

### Report loader latency (ms)

${table(head, rows)}

### As the page serves it: from the report summary (ms)

The worker's summary (docs/decisions/043) of the province cases' periods, refreshed once as the worker does it (${(refreshMs / 1000).toFixed(1)} s of background work for ${shaped.length} period(s)), then the same loader and charts, ${o.runs} runs each: the officer's province page for a whole year, quarter, half-year or month. The live figures above are what a custom range costs.

${table(["report", "n", "p50", "p95", "max", "CPU p50"], storedRows)}

### What the time is spent on

- Two statements (app/modules/reports/indicator-sql.server.ts): the persons' figures (resident, classified, employed, placed, trained, reoffending, follow-ups) and the support given (activities, meetings, loans). A PostgreSQL server runs them at the same time on two pool connections; PGlite, one connection, runs them one after the other.
- Every figure group is set-based: hash joins and hash aggregates over the scope's persons (the latest classification is one \`max(quarter || group)\` aggregate, the latest follow-up one \`distinct on\`), activities counted in one scan with two grouping sets (per commune and kind for the table, per kind and day for the chart), no correlated subquery per person.
- Each statement sets, for itself only (\`set_config(..., true)\`), \`jit = off\` (PostgreSQL's JIT, triggered by the plan's estimated cost, spent 2.3 s compiling a statement that runs in a fraction of that) and \`work_mem = 32MB\` (the province's hash tables otherwise spill to disk).
- No index was added: the queries read whole periods of whole provinces, where sequential scans and hash joins beat index probes.

### Target

- Province report (a year, a row per commune) p95 ≤ ${TARGET_P95} ms, as the page serves it (from the summary): **${storedHeadline.p95 <= TARGET_P95 ? "met" : "missed"}** (${ms(storedHeadline.p95)} ms).
- The same report computed live (a custom range, or before the worker's first round) p95 ≤ ${TARGET_P95} ms: **${headline.p95 <= TARGET_P95 ? "met" : "missed"}** (${ms(headline.p95)} ms); slowest live case p95 ${ms(worst)} ms.${embedded ? ` Work: ${ms(headlineCpu.p50)} / ${ms(headlineCpu.p95)} ms CPU (p50 / p95).` : ""}
`;
  return { body, p95: storedHeadline.p95 };
}
