/**
 * `npm run bench:throughput` (issue 14): how many requests per second the built app serves, page by page, side
 * by side in one run: one app process on a throwaway PostgreSQL database, the production topology on one
 * (nginx in front of one instance per core, tests/bench/throughput-deployed.ts; the issue's goals are judged
 * on it, decision 048), and one process on PGlite. For each: start the app with the demo data, collect real
 * URLs (tests/bench/load.ts), answer each once (preflight, warm-up), then for each connection count and each
 * page run autocannon for THROUGHPUT_SECONDS, one page at a time, and read the app processes' CPU time
 * before and after. Each page's throughput is also given as a ratio of /login's and of a static file's in
 * the same run, which survives a noisy machine better than the raw figures. Needs nginx and openssl
 * (Debian's packages) for the deployed run.
 *
 * Exits non-zero when any response is not 2xx or any request fails (the figures are then not written).
 * Writes its section of docs/PERFORMANCE.md on a full run (default durations, connections, all three
 * setups) or with BENCH_DOC=1; BENCH_DOC=0 never writes.
 */
import os from "node:os";

import { cleanup, cleanups, log, startedAt } from "./harness";
import { machine, preflight, prepareMix, startLoadApp } from "./load";
import { benchQueries } from "./queries";
import { publishSection, writesDoc } from "./report";
import { ms, table } from "./stats";
import { listeningPid, type Page, type PageResult, runPage, throughputPages, waitQuiet } from "./throughput";
import { startDeployed } from "./throughput-deployed";

const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 30);
const CONNECTIONS = (process.env.THROUGHPUT_CONNECTIONS ?? "10,100").split(",").map(Number);
/** One app process on each database, and the production topology (nginx + one instance per core). */
type Setup = "postgres" | "deployed" | "pglite";
const SETUPS: Setup[] = ["postgres", "deployed", "pglite"];
const DBS = (process.env.THROUGHPUT_DB ?? SETUPS.join(",")).split(",") as Setup[];
const PAGE_KEYS = process.env.THROUGHPUT_PAGES?.split(",");
const WARMUP = Number(process.env.THROUGHPUT_WARMUP ?? 5);
const FULL = SECONDS === 30 && CONNECTIONS.join(",") === "10,100" && DBS.join(",") === SETUPS.join(",") && !PAGE_KEYS;
const WRITE_DOC = writesDoc(FULL);

const SECTION = "## Throughput (issue 14)";
const DB_LABEL: Record<Setup, string> = {
  postgres: "PostgreSQL server, one app process (a throwaway database on 127.0.0.1:5432)",
  deployed: `PostgreSQL server, as deployed: nginx in front of ${os.cpus().length} app instances (deploy/)`,
  pglite: "PGlite (embedded, in the app's process)",
};

/** Which run the issue's goals are judged on, and why (docs/decisions/048). */
const GOAL_NOTE: Record<Setup, string> = {
  deployed:
    "(the issue's goals are on PostgreSQL on these two cores: this is the product as deployed on them, and the run they are judged on; decision 048)",
  postgres: "(for comparison: one Node process renders on one core, whatever the machine has)",
  pglite: "(for comparison: the embedded demo, one process)",
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
  db: Setup;
  loadAverage: number[];
  pids: number[];
  results: PageResult[];
  /** How long the app took to finish its start-up background work before the measurements. */
  startup: { seconds: number; quiet: boolean } | undefined;
};

for (const db of DBS)
  if (!SETUPS.includes(db)) throw new Error(`THROUGHPUT_DB: "${db}" is not one of ${SETUPS.join(", ")}`);
for (const c of CONNECTIONS)
  if (!Number.isInteger(c) || c < 1) throw new Error(`THROUGHPUT_CONNECTIONS: "${c}" is not a connection count`);

/** The app under test: its address, its processes and (deployed) nginx's. */
async function startSetup(db: Setup) {
  if (db === "deployed") {
    const deployed = await startDeployed();
    return { url: deployed.url, pids: deployed.pids, proxyPids: deployed.nginxPids, stop: deployed.stop };
  }
  const app = await startLoadApp(db);
  const pid = listeningPid(Number(new URL(app.url).port));
  return { url: app.url, pids: pid ? [pid] : [], proxyPids: () => [], stop: app.stop };
}

async function measure(db: Setup): Promise<DbRun> {
  const loadAverage = os.loadavg();
  log(`${db}: starting the app (load average ${loadAverage.map((l) => l.toFixed(2)).join(" / ")}) …`);
  const app = await startSetup(db);
  cleanups.push(app.stop);
  try {
    const pids = app.pids;
    log(
      pids.length
        ? `${db}: the app is process ${pids.join(", ")}`
        : `${db}: the app's process was not found: no CPU figures`,
    );
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
    if (pids.length) {
      log(`${db}: waiting for the app's start-up background work (first report summary) to finish …`);
      const settled = await waitQuiet(pids);
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
        const r = await runPage({
          url: app.url,
          page,
          connections,
          seconds: SECONDS,
          pids,
          proxyPids: app.proxyPids(),
        });
        log(
          `${db} ${String(connections).padStart(3)} conns ${page.name}: ${r.throughput.toFixed(0)} req/s, p50 ${ms(r.latency.p50)} ms, p99 ${ms(r.latency.p99)} ms, ${r.cpuPerRequest?.toFixed(2) ?? "?"} ms CPU/request${r.proxyCpuPerRequest !== undefined ? ` (+ nginx ${r.proxyCpuPerRequest.toFixed(2)})` : ""}${r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ""}`,
        );
        results.push(r);
      }
    }
    return { db, loadAverage, pids, results, startup };
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
  const proxy = run.results.some((r) => r.proxyCpuPerRequest !== undefined);
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
      ...(proxy ? ["nginx CPU ms/req"] : []),
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
      ...(proxy ? [r.proxyCpuPerRequest?.toFixed(2) ?? "?"] : []),
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

function goalLines(run: DbRun, runs: DbRun[]): string[] {
  const met = (ok: boolean) => (ok ? "**met**" : "**missed**");
  const reached = (goal: (typeof GOALS)[number], rps: number, p99: number) =>
    rps >= goal.rps && (goal.p99 === undefined || p99 <= goal.p99);
  const measured = GOALS.flatMap((goal) => {
    const r = run.results.find((x) => x.key === goal.key && x.connections === GOAL_CONNECTIONS);
    return r ? [{ goal, r, page: r.name.replace(/ \(.*\)$/, "") }] : [];
  });
  const lines = measured.map(
    ({ goal, r, page }) =>
      `- ${page} ≥ ${goal.rps} req/s${goal.p99 ? ` with p99 ≤ ${goal.p99} ms` : ""}: ${met(reached(goal, r.throughput, r.latency.p99))} (${r.throughput.toFixed(0)} req/s, p99 ${ms(r.latency.p99)} ms).`,
  );
  const speed = machineSpeed(runs);
  if (!lines.length || !speed) return lines;
  // The same goals on the machine the issue was measured on: throughput scales with the machine's speed and,
  // the connections being fixed, latency with its inverse (Little's law).
  const scaled = measured.map(({ goal, r, page }) => {
    const rps = r.throughput / speed;
    const p99 = r.latency.p99 * speed;
    return `${page} ${rps.toFixed(0)} req/s, p99 ${ms(p99)} ms: ${met(reached(goal, rps, p99))}`;
  });
  return [
    ...lines,
    `- Scaled to the machine of the issue's figures (its static file served ${ISSUE_STATIC_RPS.toLocaleString("en")} req/s at ${GOAL_CONNECTIONS} connections; this run's one-process static file ${(speed * ISSUE_STATIC_RPS).toFixed(0)}, × ${speed.toFixed(2)}): ${scaled.join("; ")}. A reading for a slower or busier machine than the issue's, not a substitute for the goals above.`,
  ];
}

/** The static file's req/s at 100 connections, one process, in the issue's table ("~3,600"). */
const ISSUE_STATIC_RPS = 3_600;

/**
 * How fast this machine was during the run against the issue's: the one-process static file's req/s at the
 * goals' connections (the PostgreSQL run's, else PGlite's) over the issue's. Undefined without one.
 */
function machineSpeed(runs: DbRun[]): number | undefined {
  for (const db of ["postgres", "pglite"] as const) {
    const r = runs
      .find((run) => run.db === db)
      ?.results.find((x) => x.key === "static" && x.connections === GOAL_CONNECTIONS);
    if (r && r.throughput > 0) return r.throughput / ISSUE_STATIC_RPS;
  }
  return undefined;
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

  const host = machine(DBS[0] === "pglite" ? "pglite" : "postgres");
  const sections = runs.map((run) =>
    [
      `### ${DB_LABEL[run.db]}`,
      `Load average at start ${run.loadAverage.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min).${startupLine(run)}`,
      resultTable(run),
      ...(run.results.some((r) => r.connections === GOAL_CONNECTIONS)
        ? [
            `Goals at ${GOAL_CONNECTIONS} connections ${GOAL_NOTE[run.db]}. Each connection waits for its answer before asking again, so the mean latency is ${GOAL_CONNECTIONS} ÷ req/s (Little's law): a p99 ≤ 500 ms needs well over ${GOAL_CONNECTIONS / 0.5} req/s, whatever the page's own throughput goal.\n\n${goalLines(run, runs).join("\n")}`,
          ]
        : []),
    ].join("\n\n"),
  );
  const body = `Measured ${new Date().toISOString()} by \`${command()}\` on the built app (\`npm run build\`) with the demo data.

- Machine: ${host.cores} CPUs (nproc; ${host.cpu}), ${host.memoryMb.toLocaleString("en")} MB memory, Linux ${os.release()}, Node ${host.node}; the benchmark (autocannon) runs on the same cores as the app, its Meilisearch and PostgreSQL.
- Method: autocannon on loopback, ${SECONDS} s per page and connection count, one page at a time, with a browser's headers (\`Accept: text/html\`, \`Accept-Encoding: gzip\`, \`Accept-Language: vi\`), after a preflight (every URL once, 200 required) and a ${WARMUP} s warm-up per page. \`/jobs/:id\` rotates the real job ids listed by \`/jobs\`; the rotated searches are the public search benchmark's job searches (\`tests/bench/queries.ts\`); \`/officer/persons\` is logged in as the demo officer of xã Lương Sơn. Latencies are measured in the client. "CPU ms/req" is the app processes' user + system time (\`/proc/<pid>/stat\`, summed over the instances when deployed) over the run divided by the requests answered; "app CPU" is that time over the run's duration (2 would be both cores); "nginx CPU ms/req" is nginx's (master and workers) likewise. As deployed, the load goes over HTTPS to nginx (the repository's site file, Debian's \`worker_processes auto\`), which passes it to the instances (the systemd unit's command) over kept-alive connections. "× /login" and "× static" divide a page's req/s by /login's and by the static file's (served by the same express stack: compression, request id, helmet) at the same connection count in the same run.
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
