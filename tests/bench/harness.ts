/**
 * What every benchmark entry point shares: a timestamped log, and clean-up steps that run in reverse order
 * at the end or on Ctrl-C (throwaway databases dropped, Meilisearch stopped, temp dirs removed).
 */
const t0 = performance.now();

export const startedAt = t0;

export const log = (s: string) =>
  console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${s}`);

export const cleanups: (() => Promise<void>)[] = [];

let cleaning: Promise<void> | undefined;

/**
 * Run the clean-up steps once. The normal end and a Ctrl-C may both ask (a signal during the end's own
 * clean-up): the second caller waits for the same run, so no step runs twice or is cut short by the exit.
 */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (error) {
        console.error("[bench] cleanup step failed:", (error as Error).message);
      }
    }
  })().finally(() => {
    cleaning = undefined; // steps added later (a benchmark run twice in one process) get a run of their own
  });
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}
