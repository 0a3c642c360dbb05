import { getCommunes, getProvince, listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";

import { db, type Executor } from "../../../db/client.server";
import type { Indicators, MonthlyPoint } from "./indicator-keys";
import { computeReport, namedCommuneRows } from "./indicators.server";
import { readAreaFromSummary } from "./summary.server";

/**
 * The figures of an area (the country, a province or a commune) for a period, with a row per unit one level
 * down (the country: a row per province; a province: a row per commune; a commune: none). What the national
 * view reads (issue 16), and what the public figures are published from. It never names a person: every
 * value is a count or a share of counts.
 *
 * Served from the report summary when the worker has computed the period (docs/decisions/043), straight
 * from the records otherwise; `computedAt` says which (null: live).
 */

export type AreaLevel = "nation" | "province" | "commune";
export type AreaRef = { level: AreaLevel; /** '' for the nation */ code: string };
export type AreaRow = { code: string; name: string; indicators: Indicators };
export type AreaReport = {
  area: AreaRef & { name: string };
  indicators: Indicators;
  /** One row per unit one level down, by name. */
  rows: AreaRow[];
  monthly: MonthlyPoint[];
  /** When the figures were computed from the records (the summary's time), or null when live now. */
  computedAt: Date | null;
};
export type AreaPeriod = { from: string; to: string };

/** The communes an area covers. */
export async function communesOfArea(area: AreaRef): Promise<string[]> {
  if (area.level === "commune") return [area.code];
  if (area.level === "province") return (await listCommunes(area.code)).map((c) => c.code);
  const provinces = await listProvinces();
  return (await Promise.all(provinces.map((p) => listCommunes(p.code)))).flat().map((c) => c.code);
}

/** Live: from the records, now. */
export async function liveAreaReport(
  area: AreaRef,
  period: AreaPeriod,
  options: { series: boolean },
  executor: Executor = db(),
): Promise<Omit<AreaReport, "area" | "computedAt">> {
  const communeCodes = await communesOfArea(area);
  if (area.level === "nation") {
    const provinces = await listProvinces();
    const [total, ...perProvince] = await Promise.all([
      computeReport(executor, { communeCodes, ...period }, { byCommune: false, series: options.series }),
      ...provinces.map(async (p) =>
        computeReport(
          executor,
          { communeCodes: (await listCommunes(p.code)).map((c) => c.code), ...period },
          { byCommune: false, series: false },
        ),
      ),
    ]);
    const rows = provinces
      .map((p, i) => ({ code: p.code, name: p.name, indicators: perProvince[i]!.total }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    return { indicators: total!.total, rows, monthly: total!.monthly };
  }
  const byCommune = area.level === "province";
  const report = await computeReport(executor, { communeCodes, ...period }, { byCommune, series: options.series });
  const rows = byCommune ? await namedCommuneRows(executor, communeCodes, report.byCommune) : [];
  return { indicators: report.total, rows, monthly: report.monthly };
}

/** The name of an area ("Việt Nam" is the caller's word for the nation: '' here). */
async function areaName(area: AreaRef): Promise<string> {
  if (area.level === "province") return (await getProvince(area.code))?.name ?? area.code;
  if (area.level === "commune") {
    return (await getCommunes([area.code]))[0]?.name ?? area.code;
  }
  return "";
}

/**
 * The figures of an area for a period. Callers check the actor's reach first; `area` codes are trusted
 * (validated against the reference data by the caller).
 */
export async function loadAreaReport(
  area: AreaRef,
  period: AreaPeriod,
  options: { series: boolean } = { series: true },
  executor: Executor = db(),
): Promise<AreaReport> {
  const named = { ...area, name: await areaName(area) };
  const stored = await readAreaFromSummary(area, period, options, executor);
  if (stored) return { area: named, ...stored };
  const live = await liveAreaReport(area, period, options, executor);
  return { area: named, ...live, computedAt: null };
}
