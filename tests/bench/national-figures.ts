import { publishFigures } from "~/modules/public-figures/publish.server";
import { completedQuarters } from "~/modules/public-figures/snapshot";
import { todayIso } from "~/utils/clock.server";

import { recoverCells, smallShownCells } from "../factories/suppression-attack";
import type { PublicFiguresModules } from "./national-deps";

/**
 * The public figures for the national benchmark: the worker's publication (it publishes the last
 * completed quarters of the real today) and the outsider's attack on what it published.
 */
export const publicFigures: PublicFiguresModules = {
  publish: (executor) => publishFigures(executor),
  quarters: () => completedQuarters(todayIso()).map((q) => ({ from: q.from, to: q.to })),
  recoverCells,
  smallShown: smallShownCells,
};
