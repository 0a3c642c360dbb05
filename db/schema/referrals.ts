import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { ANSWER_CHANNELS, DECLINED_BY, REFERRAL_KINDS, REFERRAL_STATUSES, SHAREABLE_FIELDS } from "../enums";
import { job } from "./jobs";
import { organization } from "./organizations";
import { consentGrant, referralRequest, releasedPerson } from "./persons";
import { trainingSlot } from "./trainings";
import { appUser } from "./users";

export type { ReferralKind, ReferralStatus } from "../enums";
export { DECLINED_BY, REFERRAL_FINAL_STATUSES, REFERRAL_KINDS, REFERRAL_STATUSES } from "../enums";

/**
 * An officer refers a person to a job or a course under a consent grant for that purpose. `sharedFields`
 * and `sharedSnapshot` record exactly what the organisation may see, frozen at the time of referral: the
 * organisation never reads the person's record, only this snapshot.
 */
export const referral = pgTable(
  "referral",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REFERRAL_KINDS }).notNull(),
    jobId: uuid("job_id").references(() => job.id),
    trainingSlotId: uuid("training_slot_id").references(() => trainingSlot.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    /** The grant the referral relies on: withdrawing it withdraws open referrals. */
    consentGrantId: uuid("consent_grant_id").references(() => consentGrant.id, { onDelete: "set null" }),
    sharedFields: text("shared_fields", { enum: SHAREABLE_FIELDS }).array().notNull().default([]),
    /** Field → value as shared on the day (e.g. { full_name: "Nguyễn Văn H.", age: 38 }). */
    sharedSnapshot: jsonb("shared_snapshot").$type<Record<string, string | number | string[]>>().notNull().default({}),
    /** The person's own request this referral answers, if any. */
    requestId: uuid("request_id").references(() => referralRequest.id, { onDelete: "set null" }),
    /** The matching score and reason codes when the officer referred (for later evaluation of the weights). */
    matchScore: integer("match_score"),
    matchReasons: text("match_reasons").array().notNull().default([]),
    matchWeightsVersion: text("match_weights_version"),
    note: text("note").notNull().default(""),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull().default("referred"),
    interviewAt: timestamp("interview_at", { withTimezone: true }),
    interviewPlace: text("interview_place").notNull().default(""),
    declinedBy: text("declined_by", { enum: DECLINED_BY }),
    closeReason: text("close_reason").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referral_person_idx").on(t.personId, t.createdAt),
    index("referral_org_idx").on(t.organizationId, t.status),
    index("referral_job_idx").on(t.jobId),
    index("referral_training_idx").on(t.trainingSlotId),
    // One live referral per person and listing.
    uniqueIndex("referral_live_job_key")
      .on(t.personId, t.jobId)
      .where(sql`${t.status} not in ('declined', 'withdrawn') and ${t.jobId} is not null`),
    uniqueIndex("referral_live_training_key")
      .on(t.personId, t.trainingSlotId)
      .where(sql`${t.status} not in ('declined', 'withdrawn') and ${t.trainingSlotId} is not null`),
    check(
      "referral_target",
      sql`(${t.kind} = 'job' and ${t.jobId} is not null and ${t.trainingSlotId} is null) or (${t.kind} = 'training' and ${t.trainingSlotId} is not null and ${t.jobId} is null)`,
    ),
  ],
);

/** Status history of a referral: who moved it, when, and the note (reason, interview details). */
export const referralEvent = pgTable(
  "referral_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referral.id, { onDelete: "cascade" }),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull(),
    actorId: uuid("actor_id").references(() => appUser.id),
    actorRole: text("actor_role").notNull(),
    note: text("note").notNull().default(""),
    /** For the person's answer to an offer (accepted, or declined by the person): how it was given. */
    channel: text("channel", { enum: ANSWER_CHANNELS }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referral_event_referral_idx").on(t.referralId, t.at)],
);

/** The message thread between the officer and the organisation on one referral. */
export const referralMessage = pgTable(
  "referral_message",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referral.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => appUser.id),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referral_message_referral_idx").on(t.referralId, t.at),
    check("referral_message_body", sql`length(${t.body}) between 1 and 2000`),
  ],
);
