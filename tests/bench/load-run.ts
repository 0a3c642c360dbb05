/**
 * `npm run bench:load`: the issue-7 load test on its own. Starts the built app (PGlite + its own Meilisearch +
 * demo data; LOAD_DB=postgres for a throwaway PostgreSQL database), runs the mix of tests/bench/load.ts with
 * LOAD_CONNECTIONS (100) for LOAD_SECONDS (60), prints the figures, and exits non-zero on any failed request.
 * `npm run reliability` runs the same and writes the figures into docs/RELIABILITY.md.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { cleanup, cleanups, log } from "./harness";
import {
  dbKindFromEnv,
  type LoadResult,
  type Machine,
  machine,
  preflight,
  prepareMix,
  runLoad,
  startLoadApp,
} from "./load";
import { ms, table } from "./stats";

export const LOAD_CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
export const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

/** Start an app, run the load on it, stop it. Logs as it goes; the caller decides what a failure means. */
export async function loadTest(): Promise<{ result: LoadResult; machine: Machine }> {
  const db = dbKindFromEnv();
  const host = machine(db);
  log(`starting the app (${db}) …`);
  const app = await startLoadApp(db);
  cleanups.push(app.stop);
  try {
    const kinds = await prepareMix(app.url);
    log(`mix: ${kinds.map((k) => `${k.name} (${k.targets.length} URLs)`).join(", ")}`);
    log(`preflight: ${await preflight(app.url, kinds)} URLs answered 200`);
    log(`load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s …`);
    const result = await runLoad({ url: app.url, kinds, connections: LOAD_CONNECTIONS, seconds: LOAD_SECONDS, app });
    return { result, machine: host };
  } finally {
    const i = cleanups.indexOf(app.stop);
    if (i !== -1) cleanups.splice(i, 1);
    await app.stop();
  }
}

/** The figures as a Markdown table (also readable in a terminal). */
export function loadTable(result: LoadResult): string {
  const row = (name: string, c: number, n: number, rps: number, l: LoadResult["latency"], failed: number) => [
    name,
    String(c),
    String(n),
    rps.toFixed(0),
    ms(l.p50),
    ms(l.p95),
    ms(l.p99),
    ms(l.max),
    String(failed),
  ];
  return table(
    ["kind", "conns", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "failed"],
    [
      ...result.kinds.map((k) =>
        row(k.name, k.connections, k.requests, k.throughput, k.latency, k.non2xx + k.errors + k.resets),
      ),
      row("all", result.connections, result.requests, result.throughput, result.latency, result.failed),
    ],
  );
}

/** What went wrong, one line per kind that had failures (empty when none). */
export function failureLines(result: LoadResult): string[] {
  return result.kinds
    .filter((k) => k.non2xx + k.errors + k.resets > 0)
    .map((k) => {
      const top = Object.entries(k.failures)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([key, n]) => `${key} ×${n}`);
      return `${k.name}: ${k.non2xx} non-2xx, ${k.errors} errors (${k.timeouts} timeouts), ${k.resets} resets${top.length ? `; ${top.join(", ")}` : ""}`;
    });
}

async function main() {
  const { result, machine: host } = await loadTest();
  console.log(
    `\n${host.cores} cores (${host.cpu}), Node ${host.node}, ${host.db}; load average at start ${host.loadAverage.join(" / ")}\n`,
  );
  console.log(loadTable(result));
  console.log(
    `\napp log while under load: ${result.app.searchFallbacks} search fallbacks to PostgreSQL, ${result.app.errorLines} lines mentioning an error`,
  );
  const failures = failureLines(result);
  if (failures.length) {
    console.error(`\nFAILED: ${result.failed} failed requests\n${failures.join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log(`\nOK: ${result.requests} requests, none failed`);
  }
}

// Run directly (`npm run bench:load`), not when `npm run reliability` imports it.
if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? "")) {
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
