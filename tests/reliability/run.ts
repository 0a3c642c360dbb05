/**
 * `npm run reliability`: everything issue 7 asks for, in order, stopping at the first failure:
 *   1. `npm run build`
 *   2. the reliability suite (the built app as real processes: attacks, faults, restarts)
 *   3. the issue-7 unit and integration tests (ISSUE_7_TESTS below; only the files that exist)
 *   4. the load test (tests/bench/load.ts: 100 connections × 60 s, zero failed requests)
 *   5. the soak (tests/bench/soak.ts: 10 minutes, memory flat)
 * then one summary line. The figures go to tests/.artifacts/reliability.json on every run, and into
 * docs/RELIABILITY.md (section 5, between the figures markers, one block per database kind) when the
 * load and the soak both ran and everything passed. Flags: --skip-load, --skip-soak, and --skip-tests
 * (steps 2 and 3, to measure again without rerunning the suites).
 * Environment: LOAD_DB=postgres (else PGlite), LOAD_SECONDS, LOAD_CONNECTIONS, SOAK_MINUTES,
 * SOAK_CONNECTIONS; TEST_DATABASE_URL as for `npm test`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { cleanup, log } from "../bench/harness";
import type { LoadResult, Machine } from "../bench/load";
import { failureLines, loadTable, loadTest } from "../bench/load-run";
import { SOAK, type SoakResult, soakSummary, soakTest } from "../bench/soak";
import { ms, table } from "../bench/stats";

/** The unit and integration tests written for issue 7 (patterns: `*` within a file name). */
const ISSUE_7_TESTS = [
  "tests/integration/bad-input*.test.ts",
  "tests/integration/hardening*.test.ts",
  "tests/integration/crash-write.test.ts",
  "tests/integration/route-matrix.test.ts",
  "tests/unit/log-redaction.test.ts",
  "tests/unit/normalise*.test.ts",
  "tests/integration/normalise*.test.ts",
  "tests/unit/admission.test.ts",
  "tests/unit/password-rules.test.ts",
  "tests/unit/lockout.test.ts",
  "tests/integration/backup.test.ts",
];

const root = path.resolve(import.meta.dirname, "../..");
const DOC = path.join(root, "docs/RELIABILITY.md");
const JSON_OUT = path.join(root, "tests/.artifacts/reliability.json");
const args = new Set(process.argv.slice(2));
const skipLoad = args.has("--skip-load");
const skipSoak = args.has("--skip-soak");
const skipTests = args.has("--skip-tests");

/** The files matching the patterns (a `*` stands for any characters within one file name). */
export function expandTests(patterns: string[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const dir = path.dirname(pattern);
    const name = new RegExp(
      `^${path
        .basename(pattern)
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")}$`,
    );
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const file of fs.readdirSync(path.join(root, dir)).sort()) if (name.test(file)) found.push(`${dir}/${file}`);
  }
  return [...new Set(found)];
}

type Step = { name: string; ok: boolean; seconds: number; note: string };
const steps: Step[] = [];

/** Run one step; false when it failed (and it is recorded either way). */
async function step(name: string, run: () => Promise<string> | string): Promise<boolean> {
  log(`── ${name}`);
  const t0 = performance.now();
  let ok = true;
  let note: string;
  try {
    note = await run();
  } catch (error) {
    ok = false;
    note = (error as Error).message.split("\n")[0];
    console.error(error);
  }
  steps.push({ name, ok, seconds: Math.round((performance.now() - t0) / 1000), note });
  return ok;
}

function command(cmd: string, argv: string[]): string {
  const result = spawnSync(cmd, argv, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0)
    throw new Error(`\`${cmd} ${argv.join(" ")}\` exited with ${result.status ?? result.signal}`);
  return "passed";
}

const dbTitle = (db: Machine["db"]) => (db === "pglite" ? "Embedded PGlite" : "PostgreSQL server");

/** The Markdown for one database kind's figures (what docs/RELIABILITY.md shows). */
function figuresBlock(host: Machine, load: LoadResult, soak: SoakResult): string {
  const soakRows = [
    ["app (node), RSS", soak.app],
    ["app, JS heap in use", soak.heap],
    ["Meilisearch, RSS", soak.meili],
  ].map(([name, t]) => {
    const trend = t as SoakResult["meili"];
    return [
      name as string,
      String(trend.startMb),
      String(trend.endMb),
      String(trend.peakMb),
      String(trend.slopeMbPer10Min),
    ];
  });
  const kinds = load.kinds;
  return [
    `### ${dbTitle(host.db)}`,
    "",
    `Measured ${new Date().toISOString()} by \`npm run reliability\`${host.db === "postgres" ? " with `LOAD_DB=postgres`" : ""}: ` +
      `load ${load.connections} connections × ${load.seconds} s; soak ${soak.connections} connections × ${soak.minutes} min after a ${soak.warmupSeconds} s warm-up.`,
    `Machine: ${host.cores} cores (${host.cpu}), ${host.memoryMb} MB, Node ${host.node}; load average at start ${host.loadAverage.join(" / ")} ` +
      `(1/5/15 min; above ${host.cores} means other work shared the cores and every figure is inflated).`,
    "",
    `**Load**: ${load.requests} requests, ${load.throughput.toFixed(0)} req/s, p50 ${ms(load.latency.p50)} ms, p95 ${ms(load.latency.p95)} ms, ` +
      `p99 ${ms(load.latency.p99)} ms; failed ${load.failed} (non-2xx ${kinds.reduce((n, k) => n + k.non2xx, 0)}, ` +
      `errors ${kinds.reduce((n, k) => n + k.errors, 0)} of which timeouts ${kinds.reduce((n, k) => n + k.timeouts, 0)}, resets ${kinds.reduce((n, k) => n + k.resets, 0)}). ` +
      `App log meanwhile: ${load.app.searchFallbacks} search fallbacks to PostgreSQL, ${load.app.errorLines} error lines.`,
    "",
    loadTable(load),
    "",
    `**Soak**: ${soak.load.requests} requests (${soak.load.throughput.toFixed(0)} req/s, ${soak.load.failed} failed); memory every ${SOAK.sampleSeconds} s right after a full GC, ` +
      `start = first sample after the measured minutes' first ${SOAK.warmupSeconds} s, slope = least squares from there on.`,
    "",
    table(["process", "start MB", "end MB", "peak MB", "slope MB / 10 min"], soakRows),
    "",
    `App: second-minute median ${soak.app.secondMinuteMedianMb} MB, last-minute median ${soak.app.lastMinuteMedianMb} MB (${soak.app.driftPct} %). ` +
      `Limits: JS heap slope < ${SOAK.maxHeapSlopeMbPer10Min} MB / 10 min; RSS slope < ${SOAK.maxSlopeMbPer10Min} MB / 10 min and last minute within ±${SOAK.maxDriftPct} % of the second. ` +
      `Verdict: ${soak.flat ? "flat" : "NOT flat"}.`,
  ].join("\n");
}

/** Replace this database kind's block between the figures markers, keeping the other kind's. */
function writeDoc(host: Machine, load: LoadResult, soak: SoakResult): void {
  const doc = fs.readFileSync(DOC, "utf8");
  const [start, end] = ["<!-- figures:start -->", "<!-- figures:end -->"];
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a === -1 || b < a) throw new Error(`${DOC} has no ${start} … ${end} markers (section 5)`);
  const inner = doc.slice(a + start.length, b);
  const blocks: Record<string, string> = {};
  for (const db of ["pglite", "postgres"]) {
    const m = inner.match(new RegExp(`<!-- figures:${db}:start -->[\\s\\S]*?<!-- figures:${db}:end -->`));
    if (m) blocks[db] = m[0];
  }
  blocks[host.db] =
    `<!-- figures:${host.db}:start -->\n${figuresBlock(host, load, soak)}\n<!-- figures:${host.db}:end -->`;
  const body = ["pglite", "postgres"]
    .filter((db) => blocks[db])
    .map((db) => blocks[db])
    .join("\n\n");
  fs.writeFileSync(DOC, `${doc.slice(0, a + start.length)}\n${body}\n${doc.slice(b)}`);
}

async function main(): Promise<boolean> {
  let load: { result: LoadResult; machine: Machine } | undefined;
  let soak: { result: SoakResult; machine: Machine } | undefined;
  const ok =
    (await step("build", () => command("npm", ["run", "build"]))) &&
    (skipTests ||
      (await step("reliability suite", () =>
        command("npx", ["vitest", "run", "--config", "tests/vitest.reliability.config.ts", "--passWithNoTests"]),
      ))) &&
    (skipTests ||
      (await step("issue-7 tests", () => {
        const files = expandTests(ISSUE_7_TESTS);
        if (files.length === 0) return "no files yet";
        command("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", ...files]);
        return `${files.length} files passed`;
      }))) &&
    (skipLoad ||
      (await step("load", async () => {
        load = await loadTest();
        console.log(`\n${loadTable(load.result)}\n`);
        const failures = failureLines(load.result);
        if (failures.length) throw new Error(`${load.result.failed} failed requests: ${failures.join("; ")}`);
        const { requests, throughput, latency } = load.result;
        return `${requests} requests, ${throughput.toFixed(0)} req/s, p50/p95/p99 ${ms(latency.p50)}/${ms(latency.p95)}/${ms(latency.p99)} ms, 0 failed`;
      }))) &&
    (skipSoak ||
      (await step("soak", async () => {
        soak = await soakTest();
        console.log(`\n${soakSummary(soak.result)}\n`);
        const { result } = soak;
        if (!result.flat || result.load.failed)
          throw new Error(
            [...result.reasons, ...(result.load.failed ? [`${result.load.failed} failed requests`] : [])].join("; "),
          );
        return (
          `${result.minutes} min flat: app RSS ${result.app.startMb}→${result.app.endMb} MB (${result.app.slopeMbPer10Min} MB/10 min), ` +
          `JS heap ${result.heap.startMb}→${result.heap.endMb} MB (${result.heap.slopeMbPer10Min} MB/10 min), Meilisearch ${result.meili.startMb}→${result.meili.endMb} MB`
        );
      })));

  fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  const host = load?.machine ?? soak?.machine;
  fs.writeFileSync(
    JSON_OUT,
    JSON.stringify(
      { date: new Date().toISOString(), ok, steps, machine: host, load: load?.result, soak: soak?.result },
      null,
      2,
    ),
  );
  if (ok && load && soak) {
    writeDoc(load.machine, load.result, soak.result);
    log(`figures written to ${path.relative(root, DOC)} (${dbTitle(load.machine.db)})`);
  }
  const failed = steps.find((s) => !s.ok);
  const done = steps.map((s) => `${s.name} ${s.ok ? "✓" : "✗"} (${s.seconds} s)`).join(", ");
  const skipped = [skipTests && "tests", skipLoad && "load", skipSoak && "soak"].filter(Boolean);
  console.log(
    failed
      ? `reliability: FAILED at ${failed.name}: ${failed.note} | ${done}`
      : `reliability: OK | ${steps.map((s) => `${s.name}: ${s.note}`).join(" | ")}${skipped.length ? ` | skipped: ${skipped.join(", ")}` : ""}`,
  );
  return ok;
}

main()
  .then((ok) => (process.exitCode = ok ? 0 : 1))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
