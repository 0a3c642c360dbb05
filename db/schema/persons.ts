import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import {
  CLASSIFICATION_GROUPS,
  CLOSURE_REASONS,
  CONSENT_PURPOSES,
  CONSENT_WITHDRAWAL_CHANNELS,
  GENDERS,
  OFFENCE_CATEGORIES,
  PENALTY_KINDS,
  PERSON_NEEDS,
  PERSON_STATUSES,
  RELEASE_TYPES,
  SHAREABLE_FIELDS,
  SUPERVISOR_KINDS,
} from "../enums";
import { commune, province } from "./admin-units";
import { appUser } from "./users";

export type { ConsentPurpose, ConsentWithdrawalChannel } from "../enums";
export {
  CLASSIFICATION_GROUPS,
  CLOSURE_REASONS,
  CONSENT_PURPOSES,
  CONSENT_WITHDRAWAL_CHANNELS,
  GENDERS,
  PENALTY_KINDS,
  PERSON_NEEDS,
  PERSON_STATUSES,
  RELEASE_TYPES,
  SHAREABLE_FIELDS,
  SUPERVISOR_KINDS,
} from "../enums";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A person who completed a prison sentence (or was amnestied / conditionally released), registered by a
 * commune officer with their consent (form HCD-02). Sensitive facts (convictions, bans, record status)
 * live in their own tables and are shown or shared only under a consent grant for that purpose.
 */
export const releasedPerson = pgTable(
  "released_person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fullName: text("full_name").notNull(),
    /**
     * The order of persons on every list (docs/decisions/022): given name first, then family and middle
     * names, in the Vietnamese alphabet with tones after base letters. Computed by the database from the
     * name (ct_name_sort_key, migration 0010), so every writer keeps it right; compare it with COLLATE "C".
     */
    nameSortKey: text("name_sort_key")
      .notNull()
      .generatedAlwaysAs(sql`ct_name_sort_key(full_name)`),
    gender: text("gender", { enum: GENDERS }).notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    citizenId: text("citizen_id"),
    needsNewIdCard: boolean("needs_new_id_card").notNull().default(false),
    phone: text("phone"),
    address: text("address").notNull().default(""),
    provinceCode: text("province_code")
      .notNull()
      .references(() => province.code),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
    releaseDate: date("release_date").notNull(),
    releaseType: text("release_type", { enum: RELEASE_TYPES }).notNull(),
    skills: text("skills").array().notNull().default([]),
    /** Trades the person has practised (occupation codes). */
    trades: text("trades").array().notNull().default([]),
    experience: text("experience").notNull().default(""),
    education: text("education").notNull().default(""),
    certificates: text("certificates").notNull().default(""),
    desiredOccupations: text("desired_occupations").array().notNull().default([]),
    preferredProvinceCode: text("preferred_province_code").references(() => province.code),
    willingToMove: boolean("willing_to_move").notNull().default(false),
    availableFrom: date("available_from"),
    expectedWage: integer("expected_wage"),
    needs: text("needs", { enum: PERSON_NEEDS }).array().notNull().default([]),
    hardship: boolean("hardship").notNull().default(false),
    hardshipNote: text("hardship_note").notNull().default(""),
    supervisorKind: text("supervisor_kind", { enum: SUPERVISOR_KINDS }),
    supervisorName: text("supervisor_name").notNull().default(""),
    supervisorContact: text("supervisor_contact").notNull().default(""),
    status: text("status", { enum: PERSON_STATUSES }).notNull().default("active"),
    closedReason: text("closed_reason", { enum: CLOSURE_REASONS }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedNote: text("closed_note").notNull().default(""),
    /** Set when an officer records the expungement (automatic date reached, or a court decision). */
    recordExpungedOn: date("record_expunged_on"),
    /**
     * Penal Code art. 70(2): the day the judgment's other decisions (compensation, court fees…) were
     * completed, when the officer knows it. A later day moves the expungement date.
     */
    otherDecisionsCompletedOn: date("other_decisions_completed_on"),
    expungementEvidence: text("expungement_evidence").notNull().default(""),
    /** The person's own login, once they accepted an invitation. */
    userId: uuid("user_id").references(() => appUser.id),
    /** Deletion anonymises in place, keeping aggregate counts. */
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("person_commune_status_idx").on(t.communeCode, t.status),
    index("person_province_idx").on(t.provinceCode),
    index("person_name_sort_idx").on(sql`${t.nameSortKey} collate "C"`, t.id),
    uniqueIndex("person_citizen_id_key").on(t.citizenId),
    uniqueIndex("person_user_key").on(t.userId),
    check("person_citizen_id_format", sql`${t.citizenId} is null or ${t.citizenId} ~ '^[0-9]{12}$'`),
  ],
);

/** Convictions: the expungement calculator reads them all (a new one restarts the clock). Sensitive. */
export const conviction = pgTable(
  "conviction",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    offenceDate: date("offence_date").notNull(),
    offenceCategory: text("offence_category", { enum: OFFENCE_CATEGORIES }).notNull(),
    nationalSecurity: boolean("national_security").notNull().default(false),
    penalty: text("penalty", { enum: PENALTY_KINDS }).notNull(),
    sentenceMonths: integer("sentence_months"),
    mainCompletedOn: date("main_completed_on").notNull(),
    supplementaryCompletedOn: date("supplementary_completed_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conviction_person_idx").on(t.personId)],
);

/** Court-imposed bans: from occupations (codes) or from residing in places. Hard constraints on matching. */
export const courtBan = pgTable(
  "court_ban",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["occupation", "place"] }).notNull(),
    occupationCodes: text("occupation_codes").array().notNull().default([]),
    provinceCode: text("province_code").references(() => province.code),
    communeCode: text("commune_code").references(() => commune.code),
    description: text("description").notNull().default(""),
    endsOn: date("ends_on"),
  },
  (t) => [index("court_ban_person_idx").on(t.personId)],
);

/** Quarterly classification A–D by the commune police (HCD-08), with its history. */
export const classification = pgTable(
  "classification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    quarter: text("quarter").notNull(),
    group: text("group", { enum: CLASSIFICATION_GROUPS }).notNull(),
    note: text("note").notNull().default(""),
    classifiedBy: uuid("classified_by").references(() => appUser.id),
    classifiedAt: timestamp("classified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("classification_person_quarter_key").on(t.personId, t.quarter),
    check("classification_quarter_format", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);

/**
 * Consent per purpose (PDP Law 91/2025): what it allows, which fields a referred organisation may see, when
 * it was given and on what evidence, when it expires, and whether and by whom it was withdrawn.
 *
 * `purposes` are the purposes IN FORCE: withdrawing one purpose removes it from the list (its history is a
 * `consent_withdrawal` row); withdrawing the last one ends the whole grant (`withdrawn_at`) and leaves the
 * list as it was. So "live consent for P" stays one test everywhere: P = any(purposes), withdrawn_at is null,
 * expires_at in the future (decision 021). What was given = purposes plus the withdrawn ones.
 */
export const consentGrant = pgTable(
  "consent_grant",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    purposes: text("purposes", { enum: CONSENT_PURPOSES }).array().notNull(),
    shareableFields: text("shareable_fields", { enum: SHAREABLE_FIELDS }).array().notNull().default([]),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull(),
    evidenceKind: text("evidence_kind", { enum: ["upload", "paper_form"] }).notNull(),
    /** The paper form's number kept at the commune, or the uploaded file's name. */
    evidenceRef: text("evidence_ref").notNull(),
    evidenceMime: text("evidence_mime"),
    evidenceFile: bytea("evidence_file"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => appUser.id),
    withdrawalNote: text("withdrawal_note").notNull().default(""),
    /** Set by the sweeper once an expiry has been propagated (index removal, referrals withdrawn). */
    expiryProcessedAt: timestamp("expiry_processed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consent_person_idx").on(t.personId),
    check("consent_has_purpose", sql`cardinality(${t.purposes}) > 0`),
  ],
);

/**
 * Who withdrew which purpose of which grant, when, and through which channel (null: recorded before this
 * table existed). One row per grant and purpose; ending a whole grant writes a row for each purpose left.
 */
export const consentWithdrawal = pgTable(
  "consent_withdrawal",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => consentGrant.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }).notNull(),
    withdrawnBy: uuid("withdrawn_by").references(() => appUser.id),
    actorRole: text("actor_role").notNull(),
    channel: text("channel", { enum: CONSENT_WITHDRAWAL_CHANNELS }),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("consent_withdrawal_grant_purpose_key").on(t.grantId, t.purpose),
    index("consent_withdrawal_person_idx").on(t.personId, t.withdrawnAt),
  ],
);

/** One-time invitations a person uses to set their password (the code is stored hashed). */
export const personInvitation = pgTable("person_invitation", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id")
    .notNull()
    .references(() => releasedPerson.id, { onDelete: "cascade" }),
  codeHash: text("code_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => appUser.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every view, edit and export of a person's record: who, when, what, for which purpose. */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => appUser.id),
    actorRole: text("actor_role").notNull(),
    personId: uuid("person_id").references(() => releasedPerson.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    purpose: text("purpose").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_person_idx").on(t.personId, t.at),
    index("audit_actor_idx").on(t.actorId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);

/** A move to another commune: the receiving commune's officer accepts the file. */
export const personTransfer = pgTable(
  "person_transfer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    fromCommuneCode: text("from_commune_code")
      .notNull()
      .references(() => commune.code),
    toCommuneCode: text("to_commune_code")
      .notNull()
      .references(() => commune.code),
    status: text("status", { enum: ["pending", "accepted", "cancelled"] })
      .notNull()
      .default("pending"),
    note: text("note").notNull().default(""),
    requestedBy: uuid("requested_by").references(() => appUser.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => appUser.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("transfer_to_idx").on(t.toCommuneCode, t.status)],
);

/** A person's request to correct or delete their data, handled by their officer. */
export const dataRequest = pgTable("data_request", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id")
    .notNull()
    .references(() => releasedPerson.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: ["correction", "deletion"] }).notNull(),
  message: text("message").notNull(),
  status: text("status", { enum: ["open", "done", "declined"] })
    .notNull()
    .default("open"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  resolvedBy: uuid("resolved_by").references(() => appUser.id),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
});

/** Jobs and courses a person saved, and the referrals they asked their officer for. */
export const savedListing = pgTable(
  "saved_listing",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["job", "training"] }).notNull(),
    listingId: uuid("listing_id").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_listing_key").on(t.personId, t.kind, t.listingId)],
);

export const referralRequest = pgTable(
  "referral_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => releasedPerson.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["job", "training"] }).notNull(),
    listingId: uuid("listing_id").notNull(),
    message: text("message").notNull().default(""),
    status: text("status", { enum: ["pending", "approved", "declined", "withdrawn"] })
      .notNull()
      .default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => appUser.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The officer's word to the person when declining (shown to the person). */
    decisionNote: text("decision_note").notNull().default(""),
  },
  (t) => [index("referral_request_person_idx").on(t.personId)],
);
