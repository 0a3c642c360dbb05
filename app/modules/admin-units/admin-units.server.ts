import { and, asc, count, eq, inArray } from "drizzle-orm";

import { db } from "../../../db/client.server";
import { commune, province } from "../../../db/schema";

export type Province = { code: string; name: string };
export type Commune = { code: string; name: string; provinceCode: string };

export async function listProvinces(): Promise<Province[]> {
  return db().select({ code: province.code, name: province.name }).from(province).orderBy(asc(province.code));
}

export async function listCommunes(provinceCode: string): Promise<Commune[]> {
  return db()
    .select({ code: commune.code, name: commune.name, provinceCode: commune.provinceCode })
    .from(commune)
    .where(eq(commune.provinceCode, provinceCode))
    .orderBy(asc(commune.code));
}

export async function getProvince(code: string): Promise<Province | undefined> {
  const [row] = await db()
    .select({ code: province.code, name: province.name })
    .from(province)
    .where(eq(province.code, code));
  return row;
}

export async function getCommunes(codes: string[]): Promise<Commune[]> {
  if (codes.length === 0) return [];
  return db()
    .select({ code: commune.code, name: commune.name, provinceCode: commune.provinceCode })
    .from(commune)
    .where(inArray(commune.code, codes))
    .orderBy(asc(commune.code));
}

export async function isCommuneInProvince(communeCode: string, provinceCode: string): Promise<boolean> {
  const [row] = await db()
    .select({ n: count() })
    .from(commune)
    .where(and(eq(commune.code, communeCode), eq(commune.provinceCode, provinceCode)));
  return Number(row?.n) > 0;
}

/** Provinces an officer's communes belong to (an officer is scoped to these for verification). */
export async function provincesOfCommunes(codes: string[]): Promise<string[]> {
  return [...new Set((await getCommunes(codes)).map((c) => c.provinceCode))];
}

export async function adminUnitCounts(): Promise<{ provinces: number; communes: number }> {
  const [[p], [c]] = await Promise.all([
    db().select({ n: count() }).from(province),
    db().select({ n: count() }).from(commune),
  ]);
  return { provinces: Number(p?.n ?? 0), communes: Number(c?.n ?? 0) };
}

export type SearchPlaces = { provinces: Province[]; communes: Commune[]; province?: string; commune?: string };

/**
 * The place filters of a search page made consistent: a commune alone implies its province, and a
 * commune outside the chosen province (left over after the province changed) is dropped.
 */
export async function searchPlaces(province: string | undefined, commune: string | undefined): Promise<SearchPlaces> {
  let provinceCode = province;
  if (!provinceCode && commune) provinceCode = (await getCommunes([commune]))[0]?.provinceCode;
  const [provinces, communes] = await Promise.all([
    listProvinces(),
    provinceCode ? listCommunes(provinceCode) : Promise.resolve([]),
  ]);
  if (provinceCode && !provinces.some((p) => p.code === provinceCode)) {
    return { provinces, communes: [], province: undefined, commune: undefined };
  }
  return {
    provinces,
    communes,
    province: provinceCode,
    commune: communes.some((c) => c.code === commune) ? commune : undefined,
  };
}
