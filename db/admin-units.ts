import fs from "node:fs";
import { fileURLToPath } from "node:url";

import { sql } from "drizzle-orm";

import type { Database } from "./client.server";
import { commune, province } from "./schema";

export const ADMIN_UNITS_CSV = fileURLToPath(new URL("./data/vn-admin-units-2025.csv", import.meta.url));

export type AdminUnitRow = {
  provinceCode: string;
  provinceName: string;
  provinceType: string;
  communeCode: string;
  communeName: string;
  communeType: string;
};

/** Parse the official catalogue (one commune a row; the file has no quoted fields). */
export function parseAdminUnitsCsv(text: string): AdminUnitRow[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const expected = "province_code,province_name,province_type,commune_code,commune_name,commune_type";
  if (header?.trim() !== expected) throw new Error(`Unexpected admin units header: ${header}`);
  return lines.map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== 6 || line.includes('"')) throw new Error(`Bad admin units row ${i + 2}: ${line}`);
    const [provinceCode, provinceName, provinceType, communeCode, communeName, communeType] = cells.map((c) =>
      c.trim().normalize("NFC"),
    );
    return { provinceCode, provinceName, provinceType, communeCode, communeName, communeType };
  });
}

/** Load (or refresh) provinces and communes from the shipped catalogue; a no-op when already complete. */
export async function loadAdminUnits(
  db: Database,
  csvPath = ADMIN_UNITS_CSV,
): Promise<{ provinces: number; communes: number }> {
  const rows = parseAdminUnitsCsv(fs.readFileSync(csvPath, "utf8"));
  const provinces = new Map<string, { code: string; name: string; type: string }>();
  for (const r of rows)
    provinces.set(r.provinceCode, { code: r.provinceCode, name: r.provinceName, type: r.provinceType });

  // The query builder, not db.execute: the two drivers shape raw results differently.
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(commune);
  if (Number(count) === rows.length) return { provinces: provinces.size, communes: rows.length };

  await db.transaction(async (tx) => {
    await tx
      .insert(province)
      .values([...provinces.values()])
      .onConflictDoUpdate({ target: province.code, set: { name: sql`excluded.name`, type: sql`excluded.type` } });
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(commune)
        .values(
          rows.slice(i, i + 500).map((r) => ({
            code: r.communeCode,
            name: r.communeName,
            type: r.communeType,
            provinceCode: r.provinceCode,
          })),
        )
        .onConflictDoUpdate({
          target: commune.code,
          set: { name: sql`excluded.name`, type: sql`excluded.type`, provinceCode: sql`excluded.province_code` },
        });
    }
  });
  return { provinces: provinces.size, communes: rows.length };
}
