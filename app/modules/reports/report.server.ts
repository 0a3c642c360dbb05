import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { getCommunes, getProvince, listCommunes } from "~/modules/admin-units/admin-units.server";

import { db, type Executor } from "../../../db/client.server";
import { reintegrationModel } from "../../../db/schema";
import type { Indicators, MonthlyPoint } from "./indicator-keys";
import { type CommuneIndicators, computeReport, type IndicatorInput, namedCommuneRows } from "./indicators.server";
import { parsePeriod, type Period, type PeriodNotice, periodQuery } from "./periods";
import { readAreaFromSummary } from "./summary.server";

/**
 * Which report a request asks for, checked against the actor's reach: the unit (a commune, an officer's
 * communes, or a provincial admin's province), the period and an optional reintegration model. Anything
 * outside the reach is "not found" (undefined), never someone else's figures.
 */

export type ReportUnit = {
  level: "commune" | "communes" | "province";
  /** "Xã Nam Đà", "Xã Nam Đà, Xã Krông Nô" or "Lâm Đồng". */
  name: string;
  provinceName: string;
  communeCodes: string[];
};

export type ReportModel = { id: string; name: string; launchedOn: string };

export type ReportRequest = {
  unit: ReportUnit;
  period: Period;
  notice?: PeriodNotice;
  model?: ReportModel;
  /** More than one commune: the report shows (and exports) a row per commune. */
  drillDown: boolean;
  /** The query string that asks for this same report (exports, printable forms). */
  query: string;
};

const communeCode = z.string().regex(/^\d{5}$/);

/** The communes an actor may report on: an officer's own, or every commune of the admin's province. */
async function reachableCommunes(scope: StaffScope): Promise<{ code: string; name: string; provinceCode: string }[]> {
  if (scope.communeCodes !== null) return getCommunes(scope.communeCodes);
  const all = await Promise.all(scope.provinceCodes.map((p) => listCommunes(p)));
  return all.flat();
}

export async function resolveReportRequest(
  scope: StaffScope,
  params: URLSearchParams,
  today: string,
): Promise<ReportRequest | undefined> {
  const reachable = await reachableCommunes(scope);
  const askedCommune = params.get("commune");
  let communes = reachable;
  if (askedCommune) {
    if (!communeCode.safeParse(askedCommune).success) return undefined;
    communes = reachable.filter((c) => c.code === askedCommune);
    if (communes.length === 0) return undefined;
  }

  let model: ReportModel | undefined;
  const askedModel = params.get("model");
  if (askedModel) {
    const id = z.uuid().safeParse(askedModel);
    if (!id.success || reachable.length === 0) return undefined;
    const [row] = await db()
      .select({ id: reintegrationModel.id, name: reintegrationModel.name, launchedOn: reintegrationModel.launchedOn })
      .from(reintegrationModel)
      .where(
        and(
          eq(reintegrationModel.id, id.data),
          inArray(
            reintegrationModel.communeCode,
            reachable.map((c) => c.code),
          ),
        ),
      );
    if (!row) return undefined;
    model = row;
  }

  // A model without a period: from its launch until today (what the model's own figures count).
  const askedPeriod = params.has("period") || params.has("from") || params.has("to");
  const { period: asked, notice } = parsePeriod(params, today);
  let period = asked;
  if (model && !askedPeriod) {
    const sinceLaunch = parsePeriod(new URLSearchParams({ from: model.launchedOn, to: today }), today);
    if (!sinceLaunch.notice) period = sinceLaunch.period;
  }

  const provinceCodes = [...new Set(communes.map((c) => c.provinceCode))];
  const provinces = await Promise.all(provinceCodes.map((p) => getProvince(p)));
  const provinceName = provinces.map((p) => p?.name ?? "").join(", ");
  const level =
    askedCommune || communes.length === 1 ? "commune" : scope.communeCodes === null ? "province" : "communes";
  const name = level === "province" ? provinceName : communes.map((c) => c.name).join(", ");
  const query = [periodQuery(period), askedCommune ? `commune=${askedCommune}` : "", model ? `model=${model.id}` : ""]
    .filter(Boolean)
    .join("&");
  return {
    unit: { level, name, provinceName, communeCodes: communes.map((c) => c.code) },
    period,
    ...(notice ? { notice } : {}),
    ...(model ? { model } : {}),
    drillDown: communes.length > 1,
    query,
  };
}

export type ReportFigures = {
  indicators: Indicators;
  /** One row per commune when the report covers several (empty otherwise). */
  byCommune: CommuneIndicators[];
  monthly: MonthlyPoint[];
  /** When the figures were computed (served from the report summary), or null/absent when live now. */
  computedAt?: Date | null;
};

/** The indicator query of a report request. */
export function indicatorInputOf(request: Pick<ReportRequest, "unit" | "period" | "model">): IndicatorInput {
  return {
    communeCodes: request.unit.communeCodes,
    from: request.period.from,
    to: request.period.to,
    ...(request.model ? { modelId: request.model.id } : {}),
  };
}

/** The tables of a report: the indicators, and a row per commune when it covers several. */
export async function loadReportTables(
  request: Pick<ReportRequest, "unit" | "period" | "model" | "drillDown">,
  executor: Executor = db(),
): Promise<Omit<ReportFigures, "monthly">> {
  const { indicators, byCommune } = await loadReportFigures(request, { series: false }, executor);
  return { indicators, byCommune };
}

/** The province a report covers whole (every commune of it, and only those), if it does. */
async function wholeProvince(communeCodes: string[]): Promise<string | undefined> {
  const [first] = await getCommunes(communeCodes.slice(0, 1));
  if (!first) return undefined;
  const all = await listCommunes(first.provinceCode);
  const asked = new Set(communeCodes);
  return all.length === asked.size && all.every((c) => asked.has(c.code)) ? first.provinceCode : undefined;
}

/**
 * Everything the report page shows. A provincial admin's province report without a model, for a month,
 * quarter, half-year or year the worker has summarised, comes from the report summary (computedAt set:
 * docs/decisions/043); anything else from the records, in one statement (plus the communes' names).
 */
export async function loadReportFigures(
  request: Pick<ReportRequest, "unit" | "period" | "model" | "drillDown">,
  options: { series: boolean } = { series: true },
  executor: Executor = db(),
): Promise<ReportFigures> {
  if (request.unit.level === "province" && !request.model && request.drillDown) {
    const provinceCode = await wholeProvince(request.unit.communeCodes);
    const stored = provinceCode
      ? await readAreaFromSummary({ level: "province", code: provinceCode }, request.period, options, executor)
      : undefined;
    if (stored) {
      return {
        indicators: stored.indicators,
        byCommune: stored.rows,
        monthly: stored.monthly,
        computedAt: stored.computedAt,
      };
    }
  }
  const [report, names] = await Promise.all([
    computeReport(executor, indicatorInputOf(request), { byCommune: request.drillDown, series: options.series }),
    request.drillDown ? namedCommuneRows(executor, request.unit.communeCodes, new Map()) : Promise.resolve([]),
  ]);
  const byCommune = names.map((row) => ({ ...row, indicators: report.byCommune.get(row.code) ?? row.indicators }));
  return { indicators: report.total, byCommune, monthly: report.monthly, computedAt: null };
}
