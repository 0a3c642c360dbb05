/**
 * What every benchmark entry point shares: a timestamped log, and clean-up steps that run in reverse order
 * at the end or on Ctrl-C (throwaway databases dropped, Meilisearch stopped, temp dirs removed).
 */
const t0 = performance.now();

export const startedAt = t0;

export const log = (s: string) =>
  console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${s}`);

export const cleanups: (() => Promise<void>)[] = [];

export async function cleanup(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error("[bench] cleanup step failed:", (error as Error).message);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}
