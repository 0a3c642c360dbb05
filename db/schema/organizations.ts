import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { ORGANIZATION_KINDS, ORGANIZATION_ROLES, RECORD_STANCES, VERIFICATION_STATUSES } from "../enums";
import { commune, province } from "./admin-units";

export type { OrganizationKind, OrganizationRole, RecordStance, VerificationStatus } from "../enums";
export { ORGANIZATION_KINDS, ORGANIZATION_ROLES, RECORD_STANCES, VERIFICATION_STATUSES } from "../enums";

/** Employers, training providers and police units. Employers and providers wait for verification. */
export const organization = pgTable(
  "organization",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    role: text("role", { enum: ORGANIZATION_ROLES }).notNull(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    name: text("name").notNull(),
    taxCode: text("tax_code"),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    address: text("address").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    description: text("description").notNull().default(""),
    /** When the organisation signed the fair-chance pledge (null: not signed). */
    fairChancePledgedAt: timestamp("fair_chance_pledged_at", { withTimezone: true }),
    /**
     * When the employer chose to appear in the public directory of fair-chance employers (null: not
     * listed). Listed only while verified and once it has hired through the programme (issue 16).
     */
    directoryListedAt: timestamp("directory_listed_at", { withTimezone: true }),
    acceptsUnexpunged: text("accepts_unexpunged", { enum: RECORD_STANCES }).notNull().default("case_by_case"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    verificationStatus: text("verification_status", { enum: VERIFICATION_STATUSES }).notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedBy: uuid("verified_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organization_province_status_idx").on(t.provinceCode, t.verificationStatus),
    check("organization_tax_code_format", sql`${t.taxCode} is null or ${t.taxCode} ~ '^[0-9]{10}([0-9]{3})?$'`),
  ],
);
