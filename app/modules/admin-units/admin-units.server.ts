import { count } from "drizzle-orm";

import { db } from "../../../db/client.server";
import { commune, province } from "../../../db/schema";

export type Province = { code: string; name: string };
export type Commune = { code: string; name: string; provinceCode: string };

/*
 * The 34 provinces and 3,321 communes change only by migration (db/admin-units.ts, run before the app
 * serves), so each database's copy is read once, on first use, and kept in memory (~0.3 MB): the pages and
 * guards that name places cost no statement. Keyed by the database object, so a test's or a restored
 * database gets its own copy. `forgetAdminUnits()` drops it (after loading units into a running process).
 */
type Units = {
  provinces: Province[];
  byProvince: Map<string, Commune[]>;
  byCode: Map<string, Commune>;
};
const loaded = new WeakMap<object, Promise<Units>>();

async function readUnits(): Promise<Units> {
  const [provinces, communes] = await Promise.all([
    db().select({ code: province.code, name: province.name }).from(province),
    db().select({ code: commune.code, name: commune.name, provinceCode: commune.provinceCode }).from(commune),
  ]);
  // Codes are fixed-width digits: code order is the same in JavaScript as in SQL.
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  provinces.sort(byCode);
  communes.sort(byCode);
  const byProvince = new Map<string, Commune[]>();
  for (const c of communes) byProvince.set(c.provinceCode, [...(byProvince.get(c.provinceCode) ?? []), c]);
  return { provinces, byProvince, byCode: new Map(communes.map((c) => [c.code, c])) };
}

function units(): Promise<Units> {
  const database = db();
  let units = loaded.get(database);
  if (!units) {
    units = readUnits();
    loaded.set(database, units);
    // A failed read (database down) is not remembered: the next request tries again.
    units.catch(() => loaded.delete(database));
  }
  return units;
}

export function forgetAdminUnits(): void {
  loaded.delete(db());
}

// Copies: callers may sort or change what they get without touching the shared lists.
export async function listProvinces(): Promise<Province[]> {
  return (await units()).provinces.map((p) => ({ ...p }));
}

export async function listCommunes(provinceCode: string): Promise<Commune[]> {
  return ((await units()).byProvince.get(provinceCode) ?? []).map((c) => ({ ...c }));
}

export async function getProvince(code: string): Promise<Province | undefined> {
  const found = (await units()).provinces.find((p) => p.code === code);
  return found && { ...found };
}

export async function getCommunes(codes: string[]): Promise<Commune[]> {
  if (codes.length === 0) return [];
  const { byCode } = await units();
  return [...new Set(codes)]
    .map((code) => byCode.get(code))
    .filter((c): c is Commune => c !== undefined)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((c) => ({ ...c }));
}

export async function isCommuneInProvince(communeCode: string, provinceCode: string): Promise<boolean> {
  return (await units()).byCode.get(communeCode)?.provinceCode === provinceCode;
}

/** Provinces an officer's communes belong to (an officer is scoped to these for verification). */
export async function provincesOfCommunes(codes: string[]): Promise<string[]> {
  return [...new Set((await getCommunes(codes)).map((c) => c.provinceCode))];
}

/** How many provinces and communes the app knows (the home page says it): from the copy in memory. */
export async function unitTotals(): Promise<{ provinces: number; communes: number }> {
  const { provinces, byCode } = await units();
  return { provinces: provinces.length, communes: byCode.size };
}

/** The database's own count, read afresh (checks after migrations); pages use `unitTotals`. */
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
