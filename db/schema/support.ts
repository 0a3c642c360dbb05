import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { ACTIVITY_KINDS, COUNSELLING_MODES, JOB_FAIR_OUTCOMES, LOAN_PURPOSES, LOAN_STATUSES } from "../enums";
import { commune, province } from "./admin-units";
import { organization } from "./organizations";
import { releasedPerson } from "./persons";
import { placement } from "./placements";
import { appUser } from "./users";

export type {
  ActivityKind,
  CounsellingMode,
  CounsellingTopic,
  JobFairOutcome,
  LoanPurpose,
  LoanStatus,
  ProcedureKind,
} from "../enums";
export {
  ACTIVITY_KINDS,
  COUNSELLING_MODES,
  COUNSELLING_TOPICS,
  JOB_FAIR_OUTCOMES,
  LOAN_PURPOSES,
  LOAN_STATUSES,
  PROCEDURE_KINDS,
} from "../enums";

/**
 * Support given to one person (HCD-12/13 count these): encouragement visits, education reviews,
 * counselling (topic psychological | career, mode), procedure help (topic: a PROCEDURE_KINDS value).
 */
export const activity = pgTable(
  "activity",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    /** Counselling: psychological | career. Procedure help: id_card, health_insurance… Empty otherwise. */
    topic: text("topic").notNull().default(""),
    mode: text("mode", { enum: COUNSELLING_MODES }),
    occurredOn: date("occurred_on").notNull(),
    /** The commune where it happened (the person's at the time), so moves do not rewrite history. */
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_person_idx").on(t.personId, t.occurredOn),
    index("activity_commune_idx").on(t.communeCode, t.occurredOn, t.kind),
  ],
);

/** A periodic meeting (sinh hoạt định kỳ) of a commune, with the persons who attended. */
export const meeting = pgTable(
  "meeting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    heldOn: date("held_on").notNull(),
    title: text("title").notNull(),
    place: text("place").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Family members and guests who attended (not registered persons). */
    guestCount: integer("guest_count").notNull().default(0),
    recordedBy: uuid("recorded_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_commune_idx").on(t.communeCode, t.heldOn), check("meeting_guests", sql`${t.guestCount} >= 0`)],
);

export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index("meeting_attendance_person_idx").on(t.personId)],
);

/** A loan under Decision 22/2023/QĐ-TTg from the Vietnam Bank for Social Policies. */
export const loan = pgTable(
  "loan",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    purpose: text("purpose", { enum: LOAN_PURPOSES }).notNull(),
    amountVnd: bigint("amount_vnd", { mode: "number" }).notNull(),
    /** Training loans: months of study (the cap is 4 million VND per month). */
    trainingMonths: integer("training_months"),
    bankBranch: text("bank_branch").notNull(),
    /** The month of the commune's list (form 01) the person was put on, as its first day. */
    listMonth: date("list_month").notNull(),
    appliedOn: date("applied_on").notNull(),
    decidedOn: date("decided_on"),
    disbursedOn: date("disbursed_on"),
    termMonths: integer("term_months").notNull(),
    status: text("status", { enum: LOAN_STATUSES }).notNull().default("listed"),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("loan_person_idx").on(t.personId),
    index("loan_commune_idx").on(t.communeCode, t.listMonth),
    check("loan_amount_positive", sql`${t.amountVnd} > 0`),
    check("loan_term_positive", sql`${t.termMonths} > 0 and ${t.termMonths} <= 120`),
  ],
);

/** A job fair (phiên giao dịch việc làm) with participating employers and registered persons. */
export const jobFair = pgTable(
  "job_fair",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    place: text("place").notNull().default(""),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_fair_place_idx").on(t.provinceCode, t.heldOn)],
);

export const jobFairEmployer = pgTable(
  "job_fair_employer",
  {
    fairId: uuid("fair_id")
      .notNull()
      .references(() => jobFair.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    openings: integer("openings").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.organizationId] })],
);

export const jobFairParticipant = pgTable(
  "job_fair_participant",
  {
    fairId: uuid("fair_id")
      .notNull()
      .references(() => jobFair.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: JOB_FAIR_OUTCOMES }).notNull().default("registered"),
    /** The employer that interviewed or hired the person at the fair. */
    organizationId: uuid("organization_id").references(() => organization.id),
    placementId: uuid("placement_id").references(() => placement.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.personId] }), index("job_fair_participant_person_idx").on(t.personId)],
);

/** A reintegration model (e.g. "5+1", "Chung tay…") run by a commune. */
export const reintegrationModel = pgTable(
  "reintegration_model",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    launchedOn: date("launched_on").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("model_commune_idx").on(t.communeCode)],
);

/** The model's steering committee: organisations (police, Women's Union, veterans…) and people. */
export const modelSteeringMember = pgTable("model_steering_member", {
  id: uuid("id").primaryKey().defaultRandom(),
  modelId: uuid("model_id")
    .notNull()
    .references(() => reintegrationModel.id, { onDelete: "cascade" }),
  organizationName: text("organization_name").notNull(),
  personName: text("person_name").notNull().default(""),
  role: text("role").notNull().default(""),
});

export const modelPerson = pgTable(
  "model_person",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => reintegrationModel.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    joinedOn: date("joined_on").notNull(),
    leftOn: date("left_on"),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.personId] }), index("model_person_person_idx").on(t.personId)],
);
