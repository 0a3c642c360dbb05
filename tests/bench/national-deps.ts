import type { Executor } from "../../db/client.server";

/**
 * The parts of issue 16 the national benchmark measures that other work provides: the report summary
 * (app/modules/reports/summary.server.ts) and the public figures (app/modules/public-figures/publish.server.ts,
 * tests/factories/suppression-attack.ts). Loaded here, in one place, so the benchmark says "not measured"
 * (with the reason) for a part that is missing instead of failing to start.
 */

export type SummaryPeriod = { from: string; to: string };
export type SummaryModule = {
  refreshReportSummary: (
    executor: Executor,
    options: { today: string; periods?: SummaryPeriod[]; stopped?: () => boolean },
  ) => Promise<unknown>;
  summaryPeriods: (today: string) => SummaryPeriod[];
};

async function optional<T>(specifier: string): Promise<T | string> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    return `${specifier}: ${(error as Error).message.split("\n")[0]}`;
  }
}

/** The summary module, or why it could not be loaded. */
export async function loadSummaryModule(): Promise<SummaryModule | string> {
  const mod = await optional<Partial<SummaryModule>>("../../app/modules/reports/summary.server");
  if (typeof mod === "string") return mod;
  if (typeof mod.refreshReportSummary !== "function" || typeof mod.summaryPeriods !== "function")
    return "summary.server.ts has no refreshReportSummary/summaryPeriods";
  return mod as SummaryModule;
}

export type PublicFiguresModules = {
  /** Publishes the public figures (table published_figures) for the day given. */
  publish: (executor: Executor, today: string) => Promise<unknown>;
  /** The cells an attacker recovers from the published JSON (must be none). */
  recoverCells: (json: unknown) => unknown[];
  /** The quarters the publication publishes today. */
  quarters: () => SummaryPeriod[];
  /** The cells shown although below the small number (must be none). */
  smallShown?: (json: unknown) => unknown[];
};

/**
 * The publication and the suppression attack, or why they could not be loaded. The adapter
 * (tests/bench/national-figures.ts, written once that work has landed) is imported only now, so a run that
 * loaded its data before can still measure it.
 */
export async function loadPublicFigures(): Promise<PublicFiguresModules | string> {
  const adapter = await optional<{ publicFigures?: PublicFiguresModules }>("./national-figures");
  if (typeof adapter === "string") return adapter;
  return adapter.publicFigures ?? "national-figures.ts exports no publicFigures";
}
