import fs from "node:fs";
import path from "node:path";

const DOC = path.resolve(import.meta.dirname, "../../docs/PERFORMANCE.md");
export const SEARCH_SECTION = "## Public search (issue 3)";

const INTRO = `# Performance

Measured figures, each section written by the benchmark that produced it, with the date, the machine and
the command. Numbers are never typed in by hand: rerun the benchmark to refresh a section.

## How to run the benchmarks

- \`npm run bench\` (\`tsx tests/bench/run.ts\`): public search and index sync. It builds a throwaway
  database (PGlite in a temp dir; set \`BENCH_DATABASE_URL=postgres://user:pass@host:5432/postgres\` to use a
  fresh database on that PostgreSQL server instead, dropped afterwards), launches its own Meilisearch in a
  temp dir, loads 100,000 jobs and 10,000 training intakes with the demo seed's generators
  (\`db/seed/marketplace.ts\`), indexes them with \`reindexAll\`, then measures. Takes 3–5 minutes on 2 cores.
- Smaller runs for development: \`BENCH_JOBS=10000 BENCH_TRAININGS=1000 npm run bench\` (these do not touch
  this file unless \`BENCH_DOC=1\`); \`BENCH_ROUNDS\` (default 3), \`BENCH_LAG_SAMPLES\` (default 100),
  \`BENCH_SEARCH_TEXT=1\` to also fill the PostgreSQL fallback's search text (adds a minute or two).
- The benchmark exits non-zero only on errors, never on a missed target; each section says which targets
  were met. Run it on an otherwise idle machine: the load average at start is recorded because a busy
  machine (parallel test runs) inflates every figure.
`;

/** Replace (or add) a benchmark's section (public search by default), keeping every other section of the file. */
export function writeSection(body: string, heading: string = SEARCH_SECTION): string {
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : INTRO;
  const start = current.indexOf(heading);
  const section = `${heading}\n\n${body.trim()}\n`;
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf("\n## ", start + heading.length);
    next = `${current.slice(0, start)}${section}${after === -1 ? "" : `\n${current.slice(after + 1)}`}`;
  }
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, next);
  return DOC;
}

/**
 * Whether a benchmark run writes its sections: `BENCH_DOC=1` always, `BENCH_DOC=0` never, otherwise only a
 * run with the default sizes (`defaultRun`), so a quick development run never replaces the recorded figures.
 */
export function writesDoc(defaultRun: boolean): boolean {
  return process.env.BENCH_DOC ? process.env.BENCH_DOC === "1" : defaultRun;
}

/**
 * Print a section's body, then write it into docs/PERFORMANCE.md under `heading` when `write`, or log why
 * not (`BENCH_DOC=0`, or `notDefault`: what made this run not the default one).
 */
export function publishSection(
  log: (s: string) => void,
  body: string,
  heading: string,
  write: boolean,
  notDefault = "non-default sizes",
): void {
  console.log(`\n${body}`);
  if (write) log(`wrote ${writeSection(body, heading)}`);
  else
    log(
      `docs/PERFORMANCE.md not written (${process.env.BENCH_DOC === "0" ? "BENCH_DOC=0" : `${notDefault}; BENCH_DOC=1 forces`})`,
    );
}
