import { and, asc, desc, eq, lte, or } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { minimumWage, occupation, trainingLevel, wageZone } from "../../../db/schema";

export type Occupation = { code: string; nameVi: string; nameEn: string; majorGroup: string; related: string[] };

/*
 * Occupations and training levels change only by migration (db/reference-data.ts, before the app serves):
 * each database's lists are read once, in the database's own order, and kept in memory. Keyed by the
 * database object, so each test database has its own; a failed read is not remembered.
 */
const remembered = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(name: string, read: () => Promise<T>): Promise<T> {
  const database = db();
  let lists = remembered.get(database);
  if (!lists) remembered.set(database, (lists = new Map()));
  let list = lists.get(name) as Promise<T> | undefined;
  if (!list) {
    list = read();
    lists.set(name, list);
    list.catch(() => lists.delete(name));
  }
  return list;
}

// Copies: callers may change what they get without touching the shared lists.
const occupations = () =>
  once("occupations", () => db().select().from(occupation).orderBy(asc(occupation.majorGroup), asc(occupation.nameVi)));
const copyOccupation = (o: Occupation): Occupation => ({ ...o, related: [...o.related] });

export async function listOccupations(): Promise<Occupation[]> {
  return (await occupations()).map(copyOccupation);
}

export async function getOccupation(code: string): Promise<Occupation | undefined> {
  const found = (await occupations()).find((o) => o.code === code);
  return found && copyOccupation(found);
}

export type TrainingLevel = { code: string; nameVi: string; nameEn: string };

export async function listTrainingLevels(): Promise<TrainingLevel[]> {
  const rows = await once("training-levels", () =>
    db()
      .select({ code: trainingLevel.code, nameVi: trainingLevel.nameVi, nameEn: trainingLevel.nameEn })
      .from(trainingLevel)
      .orderBy(asc(trainingLevel.sortOrder)),
  );
  return rows.map((l) => ({ ...l }));
}

export type MinimumWage = { zone: "I" | "II" | "III" | "IV"; monthlyVnd: number; effectiveFrom: string };

/**
 * The regional minimum monthly wage for a commune on a date: the commune's zone (its own override, else
 * its province's default), and the amount in force for that zone on that date.
 */
export async function minimumWageFor(
  provinceCode: string,
  communeCode: string,
  on = todayIso(),
): Promise<MinimumWage | undefined> {
  const zones = await db()
    .select({ communeCode: wageZone.communeCode, zone: wageZone.zone })
    .from(wageZone)
    .where(
      and(
        eq(wageZone.provinceCode, provinceCode),
        or(eq(wageZone.communeCode, communeCode), eq(wageZone.communeCode, "")),
      ),
    );
  const zone = (zones.find((z) => z.communeCode === communeCode) ?? zones.find((z) => z.communeCode === ""))?.zone;
  if (!zone) return undefined;
  const [wage] = await db()
    .select({ monthlyVnd: minimumWage.monthlyVnd, effectiveFrom: minimumWage.effectiveFrom })
    .from(minimumWage)
    .where(and(eq(minimumWage.zone, zone), lte(minimumWage.effectiveFrom, on)))
    .orderBy(desc(minimumWage.effectiveFrom))
    .limit(1);
  return wage ? { zone, ...wage } : undefined;
}
