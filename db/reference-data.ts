import fs from "node:fs";
import { fileURLToPath } from "node:url";

import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";

import { loadAdminUnits } from "./admin-units";
import type { Database } from "./client.server";
import { minimumWage, occupation, trainingLevel, wageZone } from "./schema";

const dataFile = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));

function readCsv<T>(name: string): T[] {
  return parse(fs.readFileSync(dataFile(name), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as T[];
}

export type OccupationRow = { code: string; name_vi: string; name_en: string; major_group: string; related: string };

export function readOccupations(): OccupationRow[] {
  return readCsv<OccupationRow>("occupations.csv");
}

/** The editable list of training levels, seeded once (admins may rename or add later). */
export const TRAINING_LEVELS = [
  {
    code: "short_course",
    nameVi: "Đào tạo ngắn hạn (dưới 3 tháng)",
    nameEn: "Short course (under 3 months)",
    sortOrder: 1,
  },
  { code: "so_cap", nameVi: "Sơ cấp", nameEn: "Elementary (sơ cấp)", sortOrder: 2 },
  { code: "trung_cap", nameVi: "Trung cấp", nameEn: "Intermediate (trung cấp)", sortOrder: 3 },
  { code: "cao_dang", nameVi: "Cao đẳng", nameEn: "College (cao đẳng)", sortOrder: 4 },
];

/**
 * Reference data the product needs whatever the deployment: administrative units, occupations, training
 * levels, regional minimum wages and wage zones. Idempotent; shipped occupation names win, while rows
 * an admin may have edited (levels, wages, zones) are only added when missing.
 */
export async function loadReferenceData(db: Database): Promise<void> {
  await loadAdminUnits(db);
  const occupations = readOccupations();
  await db.transaction(async (tx) => {
    await tx
      .insert(occupation)
      .values(
        occupations.map((o) => ({
          code: o.code,
          nameVi: o.name_vi.normalize("NFC"),
          nameEn: o.name_en,
          majorGroup: o.major_group,
          related: o.related.split(/\s+/).filter(Boolean),
        })),
      )
      .onConflictDoUpdate({
        target: occupation.code,
        set: {
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          majorGroup: sql`excluded.major_group`,
          related: sql`excluded.related`,
        },
      });
    await tx.insert(trainingLevel).values(TRAINING_LEVELS).onConflictDoNothing();
    const wages = readCsv<{
      zone: "I" | "II" | "III" | "IV";
      monthly_vnd: string;
      effective_from: string;
      legal_basis: string;
    }>("minimum-wages.csv");
    await tx
      .insert(minimumWage)
      .values(
        wages.map((w) => ({
          zone: w.zone,
          monthlyVnd: Number(w.monthly_vnd),
          effectiveFrom: w.effective_from,
          legalBasis: w.legal_basis,
        })),
      )
      .onConflictDoNothing();
    const zones = readCsv<{ province_code: string; commune_code: string; zone: "I" | "II" | "III" | "IV" }>(
      "wage-zones.csv",
    );
    await tx
      .insert(wageZone)
      .values(zones.map((z) => ({ provinceCode: z.province_code, communeCode: z.commune_code, zone: z.zone })))
      .onConflictDoNothing();
  });
}
