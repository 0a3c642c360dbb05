import { z } from "zod";

import { getCommunes, getProvince, listProvinces } from "~/modules/admin-units/admin-units.server";

import type { AreaRef } from "./area-report.server";
import { parsePeriod, type Period, type PeriodNotice, periodQuery } from "./periods";
import { type CompareSort, parseCompareSort } from "./rates";

/**
 * Which national report a request asks for (issue 16 §1): the country, a province (?province=NN) or a
 * commune of it (&commune=NNNNN), for a period. The national role reaches every area, and only figures:
 * there is no person anywhere below a commune. A code that names no province, or a commune outside the
 * province, is "not found" (undefined), never someone else's figures.
 */

export type NationalRequest = {
  area: AreaRef;
  province?: { code: string; name: string };
  commune?: { code: string; name: string };
  period: Period;
  notice?: PeriodNotice;
  sort: CompareSort;
  /** The query string asking for this same report (exports, links keeping the period). */
  query: string;
  periodQuery: string;
};

const provinceCode = z.string().regex(/^\d{2}$/);
const communeCode = z.string().regex(/^\d{5}$/);

export async function resolveNationalRequest(
  params: URLSearchParams,
  today: string,
): Promise<NationalRequest | undefined> {
  const askedProvince = params.get("province");
  const askedCommune = params.get("commune");
  let province: { code: string; name: string } | undefined;
  let commune: { code: string; name: string } | undefined;
  if (askedProvince) {
    if (!provinceCode.safeParse(askedProvince).success) return undefined;
    province = await getProvince(askedProvince);
    if (!province) return undefined;
  }
  if (askedCommune) {
    if (!province || !communeCode.safeParse(askedCommune).success) return undefined;
    const [found] = await getCommunes([askedCommune]);
    if (!found || found.provinceCode !== province.code) return undefined;
    commune = { code: found.code, name: found.name };
  }
  const { period, notice } = parsePeriod(params, today);
  const area: AreaRef = commune
    ? { level: "commune", code: commune.code }
    : province
      ? { level: "province", code: province.code }
      : { level: "nation", code: "" };
  const pq = periodQuery(period);
  const query = [pq, province ? `province=${province.code}` : "", commune ? `commune=${commune.code}` : ""]
    .filter(Boolean)
    .join("&");
  return {
    area,
    ...(province ? { province } : {}),
    ...(commune ? { commune } : {}),
    period,
    ...(notice ? { notice } : {}),
    sort: parseCompareSort(params.get("sort")),
    query,
    periodQuery: pq,
  };
}

/** How many provinces the country has (the page's lead says it). */
export async function provinceCount(): Promise<number> {
  return (await listProvinces()).length;
}
