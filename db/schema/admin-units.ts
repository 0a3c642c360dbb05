import { index, pgTable, text } from "drizzle-orm/pg-core";

/** The 34 provinces since 1/7/2025 (official codes are the keys). */
export const province = pgTable("province", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** "tỉnh" or "thành phố trung ương" */
  type: text("type").notNull(),
});

/** The 3,321 communes (xã, phường, đặc khu); there is no district level any more. */
export const commune = pgTable(
  "commune",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** "xã", "phường" or "đặc khu" */
    type: text("type").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
  },
  (t) => [index("commune_province_idx").on(t.provinceCode)],
);
