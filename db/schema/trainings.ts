import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { TRAINING_STATUSES, TRAINING_SUPPORT } from "../enums";
import { commune, province } from "./admin-units";
import { job } from "./jobs";
import { organization } from "./organizations";
import { occupation, trainingLevel } from "./reference";
import { appUser } from "./users";

export type { TrainingStatus, TrainingSupport } from "../enums";
export { TRAINING_STATUSES, TRAINING_SUPPORT } from "../enums";

/**
 * A vocational course intake with seats, published by a training provider, or a training slot a verified
 * employer offers at its own workplace (an apprenticeship): the owner's organisation role tells which.
 */
export const trainingSlot = pgTable(
  "training_slot",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    title: text("title").notNull(),
    /** The trade taught, as an occupation code. */
    occupationCode: text("occupation_code")
      .notNull()
      .references(() => occupation.code),
    levelCode: text("level_code")
      .notNull()
      .references(() => trainingLevel.code),
    description: text("description").notNull().default(""),
    durationWeeks: integer("duration_weeks").notNull(),
    schedule: text("schedule").notNull().default(""),
    startsAt: date("starts_at").notNull(),
    applicationDeadline: date("application_deadline").notNull(),
    seats: integer("seats").notNull(),
    /** A business's monthly allowance to its trainees (phụ cấp, VND a month); null: none stated. */
    stipendVnd: integer("stipend_vnd"),
    /** Fee in VND for the whole course before support (0 = free). */
    costVnd: integer("cost_vnd").notNull().default(0),
    support: text("support", { enum: TRAINING_SUPPORT }).array().notNull().default([]),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    address: text("address").notNull().default(""),
    /** Title, trade, organisation, skills and place in one string: the PostgreSQL fallback searches it. */
    searchText: text("search_text").notNull().default(""),
    status: text("status", { enum: TRAINING_STATUSES }).notNull().default("draft"),
    closedReason: text("closed_reason", { enum: ["closed", "expired"] }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_org_idx").on(t.organizationId, t.status),
    index("training_public_idx").on(t.status, t.applicationDeadline),
    check("training_seats_positive", sql`${t.seats} > 0`),
    check("training_duration_positive", sql`${t.durationWeeks} > 0`),
    check("training_cost_not_negative", sql`${t.costVnd} >= 0`),
    check("training_stipend_not_negative", sql`${t.stipendVnd} is null or ${t.stipendVnd} >= 0`),
    check("training_deadline_before_start", sql`${t.applicationDeadline} <= ${t.startsAt}`),
  ],
);

/** A course that leads to a partner employer's job (for an employer's slot: one of its own jobs). */
export const trainingLeadsToJob = pgTable(
  "training_leads_to_job",
  {
    trainingSlotId: uuid("training_slot_id")
      .notNull()
      .references(() => trainingSlot.id, { onDelete: "cascade" }),
    jobId: uuid("job_id")
      .notNull()
      .references(() => job.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.trainingSlotId, t.jobId] })],
);
