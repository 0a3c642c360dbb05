import { and, asc, desc, eq, lte, or } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { minimumWage, occupation, trainingLevel, wageZone } from "../../../db/schema";

export type Occupation = { code: string; nameVi: string; nameEn: string; majorGroup: string; related: string[] };

export async function listOccupations(): Promise<Occupation[]> {
  return db().select().from(occupation).orderBy(asc(occupation.majorGroup), asc(occupation.nameVi));
}

export async function getOccupation(code: string): Promise<Occupation | undefined> {
  const [row] = await db().select().from(occupation).where(eq(occupation.code, code));
  return row;
}

export type TrainingLevel = { code: string; nameVi: string; nameEn: string };

export async function listTrainingLevels(): Promise<TrainingLevel[]> {
  return db()
    .select({ code: trainingLevel.code, nameVi: trainingLevel.nameVi, nameEn: trainingLevel.nameEn })
    .from(trainingLevel)
    .orderBy(asc(trainingLevel.sortOrder));
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
