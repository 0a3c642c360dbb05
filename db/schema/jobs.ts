import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { EMPLOYMENT_TYPES, JOB_BENEFITS, JOB_STATUSES, OFFENCE_CATEGORIES } from "../enums";
import { commune, province } from "./admin-units";
import { organization } from "./organizations";
import { occupation } from "./reference";
import { appUser } from "./users";

export type { EmploymentType, JobBenefit, JobStatus, OffenceCategory } from "../enums";
export { EMPLOYMENT_TYPES, JOB_BENEFITS, JOB_STATUSES, OFFENCE_CATEGORIES } from "../enums";

export const job = pgTable(
  "job",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    title: text("title").notNull(),
    occupationCode: text("occupation_code")
      .notNull()
      .references(() => occupation.code),
    description: text("description").notNull().default(""),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    workplaceAddress: text("workplace_address").notNull().default(""),
    /** Monthly wage range in VND. */
    wageMin: integer("wage_min").notNull(),
    wageMax: integer("wage_max").notNull(),
    employmentType: text("employment_type", { enum: EMPLOYMENT_TYPES }).notNull(),
    openings: integer("openings").notNull().default(1),
    skills: text("skills").array().notNull().default([]),
    experience: text("experience").notNull().default(""),
    benefits: text("benefits", { enum: JOB_BENEFITS }).array().notNull().default([]),
    startsAt: date("starts_at"),
    closesAt: date("closes_at").notNull(),
    /** Officer-only: offence categories the employer cannot take, and why. Never public, never indexed. */
    excludedOffenceCategories: text("excluded_offence_categories", { enum: OFFENCE_CATEGORIES })
      .array()
      .notNull()
      .default([]),
    exclusionReason: text("exclusion_reason").notNull().default(""),
    /** Title, trade, organisation, skills and place in one string: the PostgreSQL fallback searches it. */
    searchText: text("search_text").notNull().default(""),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("draft"),
    /** Why an open job stopped being open: filled, closed by the employer, or expired at closesAt. */
    closedReason: text("closed_reason", { enum: ["filled", "closed", "expired"] }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_org_idx").on(t.organizationId, t.status),
    index("job_public_idx").on(t.status, t.closesAt),
    index("job_place_idx").on(t.provinceCode, t.communeCode),
    check("job_wage_range", sql`${t.wageMin} > 0 and ${t.wageMax} >= ${t.wageMin}`),
    check("job_openings_positive", sql`${t.openings} > 0`),
  ],
);
