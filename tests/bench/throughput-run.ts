/**
 * `npm run bench:throughput` (issue 14): how many requests per second the built app serves, page by page, on
 * a throwaway PostgreSQL database and on PGlite, side by side in one run. For each database: start the app
 * with the demo data, collect real URLs (tests/bench/load.ts), answer each once (preflight, warm-up), then
 * for each connection count and each page run autocannon for THROUGHPUT_SECONDS, one page at a time, and read
 * the app process's CPU time before and after. Each page's throughput is also given as a ratio of /login's
 * and of a static file's in the same run, which survives a noisy machine better than the raw figures.
 *
 * Exits non-zero when any response is not 2xx or any request fails (the figures are then not written).
 * Writes its section of docs/PERFORMANCE.md on a full run (default durations, connections, both databases)
 * or with BENCH_DOC=1; BENCH_DOC=0 never writes.
 */
import os from "node:os";

import { cleanup, cleanups, log, startedAt } from "./harness";
import { type DbKind, machine, preflight, prepareMix, startLoadApp } from "./load";
import { benchQueries } from "./queries";
import { publishSection, writesDoc } from "./report";
import { ms, table } from "./stats";
import { listeningPid, type Page, type PageResult, runPage, throughputPages, waitQuiet } from "./throughput";

const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 30);
const CONNECTIONS = (process.env.THROUGHPUT_CONNECTIONS ?? "10,100").split(",").map(Number);
const DBS = (process.env.THROUGHPUT_DB ?? "postgres,pglite").split(",") as DbKind[];
const PAGE_KEYS = process.env.THROUGHPUT_PAGES?.split(",");
const WARMUP = Number(process.env.THROUGHPUT_WARMUP ?? 5);
const FULL = SECONDS === 30 && CONNECTIONS.join(",") === "10,100" && DBS.join(",") === "postgres,pglite" && !PAGE_KEYS;
const WRITE_DOC = writesDoc(FULL);

const SECTION = "## Throughput (issue 14)";
const DB_LABEL: Record<DbKind, string> = {
  postgres: "PostgreSQL server (a throwaway database on 127.0.0.1:5432)",
  pglite: "PGlite (embedded, in the app's process)",
};

/** Issue 14's goals: req/s at 100 connections on PostgreSQL, each with p99 ≤ 500 ms (not /login's). */
const GOALS: { key: string; rps: number; p99?: number }[] = [
  { key: "search", rps: 250, p99: 500 },
  { key: "job", rps: 300, p99: 500 },
  { key: "officer", rps: 150, p99: 500 },
  { key: "login", rps: 400 },
];
const GOAL_CONNECTIONS = 100;

type DbRun = {
  db: DbKind;
  loadAverage: number[];
  pid: number | undefined;
  results: PageResult[];
  /** How long the app took to finish its start-up background work before the measurements. */
  startup: { seconds: number; quiet: boolean } | undefined;
};

for (const db of DBS)
  if (db !== "postgres" && db !== "pglite") throw new Error(`THROUGHPUT_DB: "${db}" is neither postgres nor pglite`);
for (const c of CONNECTIONS)
  if (!Number.isInteger(c) || c < 1) throw new Error(`THROUGHPUT_CONNECTIONS: "${c}" is not a connection count`);

async function measure(db: DbKind): Promise<DbRun> {
  const loadAverage = os.loadavg();
  log(`${db}: starting the app (load average ${loadAverage.map((l) => l.toFixed(2)).join(" / ")}) …`);
  const app = await startLoadApp(db);
  cleanups.push(app.stop);
  try {
    const port = Number(new URL(app.url).port);
    const pid = listeningPid(port);
    log(pid ? `${db}: the app is process ${pid}` : `${db}: the app's process was not found: no CPU figures`);
    const kinds = await prepareMix(app.url);
    let startup: { seconds: number; quiet: boolean } | undefined;
    const searches = benchQueries()
      .filter((q) => q.kind === "jobs")
      .map((q) => q.params);
    let pages: Page[] = throughputPages(kinds, searches);
    if (PAGE_KEYS) pages = pages.filter((p) => PAGE_KEYS.includes(p.key));
    log(
      `${db}: preflight: ${await preflight(app.url, [{ name: "all", share: 1, targets: pages.flatMap((p) => p.targets) }])} URLs answered 200`,
    );
    if (pid) {
      log(`${db}: waiting for the app's start-up background work (first report summary) to finish …`);
      const settled = await waitQuiet(pid);
      startup = settled;
      log(
        settled.quiet
          ? `${db}: the app is quiet after ${settled.seconds.toFixed(0)} s`
          : `${db}: the app was still busy after ${settled.seconds.toFixed(0)} s: measuring anyway`,
      );
    }
    if (WARMUP > 0) {
      log(`${db}: warm-up, ${WARMUP} s per page at 10 connections …`);
      for (const page of pages) await runPage({ url: app.url, page, connections: 10, seconds: WARMUP });
    }
    const results: PageResult[] = [];
    for (const connections of CONNECTIONS) {
      for (const page of pages) {
        const r = await runPage({ url: app.url, page, connections, seconds: SECONDS, pid });
        log(
          `${db} ${String(connections).padStart(3)} conns ${page.name}: ${r.throughput.toFixed(0)} req/s, p50 ${ms(r.latency.p50)} ms, p99 ${ms(r.latency.p99)} ms, ${r.cpuPerRequest?.toFixed(2) ?? "?"} ms CPU/request${r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ""}`,
        );
        results.push(r);
      }
    }
    return { db, loadAverage, pid, results, startup };
  } finally {
    const i = cleanups.indexOf(app.stop);
    if (i !== -1) cleanups.splice(i, 1);
    await app.stop();
  }
}

function resultTable(run: DbRun): string {
  const ratio = (r: PageResult, key: string) => {
    const base = run.results.find((b) => b.key === key && b.connections === r.connections);
    return base && base.throughput > 0 ? (r.throughput / base.throughput).toFixed(2) : "—";
  };
  return table(
    [
      "page",
      "conns",
      "requests",
      "req/s",
      "p50 ms",
      "p99 ms",
      "non-2xx",
      "CPU ms/req",
      "app CPU",
      "× /login",
      "× static",
    ],
    run.results.map((r) => [
      r.name,
      String(r.connections),
      String(r.requests),
      r.throughput.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      String(r.non2xx + r.errors),
      r.cpuPerRequest?.toFixed(2) ?? "?",
      r.cpuCores !== undefined ? `${r.cpuCores.toFixed(2)} cores` : "?",
      ratio(r, "login"),
      ratio(r, "static"),
    ]),
  );
}

function startupLine(run: DbRun): string {
  if (!run.startup) return "";
  const s = run.startup.seconds.toFixed(0);
  return run.startup.quiet
    ? ` Measured once the app's start-up background work (the worker's first report summary) was done, ${s} s after the preflight.`
    : ` The app was still busy with start-up background work after ${s} s; measured anyway.`;
}

function goalLines(run: DbRun): string[] {
  const met = (ok: boolean) => (ok ? "**met**" : "**missed**");
  return GOALS.flatMap((goal) => {
    const r = run.results.find((x) => x.key === goal.key && x.connections === GOAL_CONNECTIONS);
    if (!r) return [];
    const ok = r.throughput >= goal.rps && (goal.p99 === undefined || r.latency.p99 <= goal.p99);
    return [
      `- ${r.name.replace(/ \(.*\)$/, "")} ≥ ${goal.rps} req/s${goal.p99 ? ` with p99 ≤ ${goal.p99} ms` : ""}: ${met(ok)} (${r.throughput.toFixed(0)} req/s, p99 ${ms(r.latency.p99)} ms).`,
    ];
  });
}

function failureLines(runs: DbRun[]): string[] {
  return runs.flatMap((run) =>
    run.results
      .filter((r) => r.non2xx + r.errors + r.resets > 0 || r.requests === 0)
      .map((r) => {
        if (r.requests === 0) return `${run.db} ${r.connections} conns ${r.name}: no response within the run`;
        const top = Object.entries(r.failures)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([key, n]) => `${key} ×${n}`);
        return `${run.db} ${r.connections} conns ${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts), ${r.resets} resets${top.length ? `; ${top.join(", ")}` : ""}`;
      }),
  );
}

function command(): string {
  const vars = [
    "THROUGHPUT_SECONDS",
    "THROUGHPUT_CONNECTIONS",
    "THROUGHPUT_DB",
    "THROUGHPUT_PAGES",
    "THROUGHPUT_WARMUP",
  ]
    .filter((v) => process.env[v] !== undefined)
    .map((v) => `${v}=${process.env[v]}`);
  return [...vars, "npm run bench:throughput"].join(" ");
}

async function main() {
  const runs: DbRun[] = [];
  for (const db of DBS) runs.push(await measure(db));

  const host = machine(DBS[0]);
  const sections = runs.map((run) =>
    [
      `### ${DB_LABEL[run.db]}`,
      `Load average at start ${run.loadAverage.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min).${startupLine(run)}`,
      resultTable(run),
      ...(run.results.some((r) => r.connections === GOAL_CONNECTIONS)
        ? [
            `Goals at ${GOAL_CONNECTIONS} connections${run.db === "postgres" ? " (the issue's goals are on PostgreSQL)" : " (for comparison: the issue's goals are on PostgreSQL)"}. Each connection waits for its answer before asking again, so the mean latency is ${GOAL_CONNECTIONS} ÷ req/s (Little's law): a p99 ≤ 500 ms needs well over ${GOAL_CONNECTIONS / 0.5} req/s, whatever the page's own throughput goal.\n\n${goalLines(run).join("\n")}`,
          ]
        : []),
    ].join("\n\n"),
  );
  const body = `Measured ${new Date().toISOString()} by \`${command()}\` on the built app (\`npm run build\`) with the demo data.

- Machine: ${host.cores} CPUs (nproc; ${host.cpu}), ${host.memoryMb.toLocaleString("en")} MB memory, Linux ${os.release()}, Node ${host.node}; the benchmark (autocannon) runs on the same cores as the app, its Meilisearch and PostgreSQL.
- Method: autocannon on loopback, ${SECONDS} s per page and connection count, one page at a time, with a browser's headers (\`Accept: text/html\`, \`Accept-Encoding: gzip\`, \`Accept-Language: vi\`), after a preflight (every URL once, 200 required) and a ${WARMUP} s warm-up per page. \`/jobs/:id\` rotates the real job ids listed by \`/jobs\`; the rotated searches are the public search benchmark's job searches (\`tests/bench/queries.ts\`); \`/officer/persons\` is logged in as the demo officer of xã Lương Sơn. Latencies are measured in the client. "CPU ms/req" is the app process's user + system time (\`/proc/<pid>/stat\`) over the run divided by the requests answered; "app CPU" is that time over the run's duration (2 would be both cores). "× /login" and "× static" divide a page's req/s by /login's and by the static file's (served by the same express stack: compression, request id, helmet) at the same connection count in the same run.
- Every response was 2xx (the benchmark fails otherwise).

${sections.join("\n\n")}
`;
  const failures = failureLines(runs);
  if (failures.length) {
    console.log(`\n${body}`);
    console.error(`\nFAILED: some responses were not 2xx or some requests failed\n${failures.join("\n")}`);
    process.exitCode = 1;
    log("docs/PERFORMANCE.md not written (failed requests)");
    return;
  }
  publishSection(log, body, SECTION, WRITE_DOC, "not a full run");
  log(`done in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
