import { computeIndicators, type Indicators } from "~/modules/reports/indicators.server";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import type { Model } from "./models.server";

/**
 * A model's activity figures over a period: the reports' own indicators (app/modules/reports), narrowed to
 * the persons the model covered at some time in the period, so the model page and the commune report never
 * disagree. Nothing is stored.
 */

export type ModelPeriod = { from: string; to: string; adjusted: boolean };

/** The asked-for period, or the model's whole life (launch date → today) when absent or reversed. */
export function modelPeriod(
  model: Pick<Model, "launchedOn">,
  asked: { from: string | null; to: string | null },
): ModelPeriod {
  const today = todayIso();
  const from = asked.from ?? model.launchedOn;
  const to = asked.to ?? today;
  if (from > to) return { from: model.launchedOn, to: today, adjusted: true };
  return { from, to, adjusted: false };
}

export async function modelFigures(
  model: Pick<Model, "id" | "communeCode">,
  period: { from: string; to: string },
): Promise<Indicators> {
  return computeIndicators(db(), {
    communeCodes: [model.communeCode],
    from: period.from,
    to: period.to,
    modelId: model.id,
  });
}

/** The figures the model page shows, in this order (the full set is in the commune report). */
export const MODEL_FIGURE_KEYS = [
  "received",
  "residentNow",
  "encouragementVisits",
  "educationReviews",
  "counselling",
  "procedureHelps",
  "meetings",
  "meetingAttendances",
  "placed",
  "averageWage",
  "referredToTraining",
  "loans",
  "reoffended",
] as const satisfies readonly (keyof Indicators)[];
export type ModelFigureKey = (typeof MODEL_FIGURE_KEYS)[number];
