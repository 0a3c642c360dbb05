import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { CONTRACT_KINDS, ENROLMENT_STATUSES, LIVING_SITUATIONS, OUTCOMES_12M, PLACEMENT_END_REASONS } from "../enums";
import { job } from "./jobs";
import { organization } from "./organizations";
import { releasedPerson } from "./persons";
import { referral } from "./referrals";
import { trainingSlot } from "./trainings";
import { appUser } from "./users";

export type {
  ContractKind,
  EnrolmentStatus,
  FollowUpMonth,
  LivingSituation,
  Outcome12m,
  PlacementEndReason,
} from "../enums";
export {
  CONTRACT_KINDS,
  ENROLMENT_STATUSES,
  FOLLOW_UP_MONTHS,
  LIVING_SITUATIONS,
  OUTCOMES_12M,
  PLACEMENT_END_REASONS,
} from "../enums";

/** A course enrolment: enrolled → completed (with a certificate) or dropped out; then, ideally, a job. */
export const enrolment = pgTable(
  "enrolment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id").references(() => referral.id, { onDelete: "set null" }),
    trainingSlotId: uuid("training_slot_id")
      .notNull()
      .references(() => trainingSlot.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("enrolled"),
    enrolledOn: date("enrolled_on").notNull(),
    /** Why the enrolment date is before the course referral was accepted (confirmed by the officer); empty otherwise. */
    backdateReason: text("backdate_reason").notNull().default(""),
    completedOn: date("completed_on"),
    certificate: text("certificate").notNull().default(""),
    droppedOn: date("dropped_on"),
    dropReason: text("drop_reason").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("enrolment_person_idx").on(t.personId),
    index("enrolment_training_idx").on(t.trainingSlotId, t.status),
    uniqueIndex("enrolment_referral_key").on(t.referralId),
  ],
);

/**
 * An employment period. Usually from an accepted referral; an officer may also record a job found outside
 * the platform (no referral, employer named in `employerName`).
 */
export const placement = pgTable(
  "placement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id").references(() => referral.id, { onDelete: "set null" }),
    /** The course that led here, when the job came after training. */
    enrolmentId: uuid("enrolment_id").references(() => enrolment.id, { onDelete: "set null" }),
    jobId: uuid("job_id").references(() => job.id),
    organizationId: uuid("organization_id").references(() => organization.id),
    employerName: text("employer_name").notNull(),
    position: text("position").notNull(),
    /** Monthly wage in VND at the start. */
    wage: integer("wage").notNull(),
    contractKind: text("contract_kind", { enum: CONTRACT_KINDS }).notNull(),
    startDate: date("start_date").notNull(),
    /** Why the start date is before the referral was accepted (confirmed by the officer); empty otherwise. */
    backdateReason: text("backdate_reason").notNull().default(""),
    endDate: date("end_date"),
    endReason: text("end_reason", { enum: PLACEMENT_END_REASONS }),
    endNote: text("end_note").notNull().default(""),
    /** The 12-month outcome, recorded with the 12-month follow-up or when the placement ends for reoffending. */
    outcome: text("outcome", { enum: OUTCOMES_12M }),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("placement_person_idx").on(t.personId, t.startDate),
    index("placement_org_idx").on(t.organizationId, t.startDate),
    index("placement_job_idx").on(t.jobId),
    uniqueIndex("placement_referral_key").on(t.referralId),
    check("placement_wage_positive", sql`${t.wage} > 0`),
    check("placement_end_after_start", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("placement_end_reason", sql`(${t.endDate} is null) = (${t.endReason} is null)`),
  ],
);

/** Follow-ups at 1, 3, 6 and 12 months after a placement starts: created with the placement. */
export const followUp = pgTable(
  "follow_up",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placement.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    monthOffset: integer("month_offset").notNull(),
    dueOn: date("due_on").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => appUser.id),
    stillEmployed: boolean("still_employed"),
    currentWage: integer("current_wage"),
    stable: boolean("stable"),
    livingSituation: text("living_situation", { enum: LIVING_SITUATIONS }),
    violation: boolean("violation"),
    violationNote: text("violation_note").notNull().default(""),
    note: text("note").notNull().default(""),
    /** The employer confirmed the person still works there (independently of the officer's visit). */
    employerConfirmedAt: timestamp("employer_confirmed_at", { withTimezone: true }),
    employerConfirmedBy: uuid("employer_confirmed_by").references(() => appUser.id),
    employerNote: text("employer_note").notNull().default(""),
    /** Set once the "follow-up due" notification went out, so it goes out once. */
    dueNotifiedAt: timestamp("due_notified_at", { withTimezone: true }),
    /** A follow-up no longer needed (the placement ended before it fell due). */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("follow_up_placement_month_key").on(t.placementId, t.monthOffset),
    index("follow_up_due_idx").on(t.dueOn),
    index("follow_up_person_idx").on(t.personId),
    check("follow_up_month", sql`${t.monthOffset} in (1, 3, 6, 12)`),
  ],
);
