import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

import { province } from "./admin-units";

/**
 * Occupations from the Vietnamese occupation list (Decision 34/2020/QĐ-TTg, aligned with ISCO-08): the
 * first four digits are the ISCO-08 unit group, the fifth distinguishes trades within it.
 */
export const occupation = pgTable("occupation", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  /** One of the 10 major groups (0–9). */
  majorGroup: text("major_group").notNull(),
  /** Related trades (codes), for matching on near skills. */
  related: text("related").array().notNull().default([]),
});

/** Training levels: sơ cấp, trung cấp, cao đẳng, short courses. An editable list, not an enum. */
export const trainingLevel = pgTable("training_level", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Regional minimum wages per zone, with the date each amount takes effect (param, not code). */
export const minimumWage = pgTable(
  "minimum_wage",
  {
    zone: text("zone", { enum: ["I", "II", "III", "IV"] }).notNull(),
    monthlyVnd: integer("monthly_vnd").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    legalBasis: text("legal_basis").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.zone, t.effectiveFrom] })],
);

/** Which zone a place is in: a province default, refined by commune overrides. */
export const wageZone = pgTable(
  "wage_zone",
  {
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    /** Empty string for the province default (a primary key column cannot be null). */
    communeCode: text("commune_code").notNull().default(""),
    zone: text("zone", { enum: ["I", "II", "III", "IV"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.communeCode] })],
);
