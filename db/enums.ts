/**
 * Value lists (`as const`) and their types, shared by the database schema, the zod schemas and the UI.
 * No imports on purpose: browser code imports these without pulling drizzle or zod into its bundle
 * (docs/decisions/011-keeping-server-code-out-of-the-browser.md). db/schema/*.ts re-exports them.
 */

// db/schema/users.ts
export const ROLES = ["admin", "officer", "employer", "provider", "person", "national"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

// db/schema/organizations.ts
export const ORGANIZATION_ROLES = ["employer", "training_provider", "police_unit"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const ORGANIZATION_KINDS = [
  "company",
  "cooperative",
  "household_business",
  "workshop",
  "training_centre",
  "school",
  "police",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Whether an organisation takes candidates whose criminal record is not yet expunged. */
export const RECORD_STANCES = ["yes", "case_by_case", "no"] as const;
export type RecordStance = (typeof RECORD_STANCES)[number];

export const VERIFICATION_STATUSES = ["pending", "verified", "rejected"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

// db/schema/jobs.ts
export const EMPLOYMENT_TYPES = ["full_time", "part_time", "seasonal", "apprenticeship"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const JOB_BENEFITS = ["accommodation", "meals", "social_insurance"] as const;
export type JobBenefit = (typeof JOB_BENEFITS)[number];

export const JOB_STATUSES = ["draft", "open", "filled", "closed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Coarse offence categories: employers may exclude some for a stated reason (seen by officers only). */
export const OFFENCE_CATEGORIES = [
  "property",
  "fraud",
  "drugs",
  "violence",
  "sexual",
  "traffic",
  "public_order",
  "economic",
  "national_security",
  "other",
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

// db/schema/trainings.ts
export const TRAINING_SUPPORT = ["free", "fee_waiver", "stipend", "boarding", "meals"] as const;
export type TrainingSupport = (typeof TRAINING_SUPPORT)[number];

export const TRAINING_STATUSES = ["draft", "open", "closed"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

// db/schema/persons.ts
export const GENDERS = ["male", "female", "other"] as const;
export const RELEASE_TYPES = ["completed", "amnesty", "conditional_release"] as const;
export const PENALTY_KINDS = ["non_custodial", "suspended", "prison", "life", "death_commuted"] as const;
export const PERSON_NEEDS = ["id_card", "health_insurance", "counselling", "loan", "training", "housing"] as const;
export const PERSON_STATUSES = ["active", "closed"] as const;
export const CLOSURE_REASONS = ["expunged", "moved_away", "emigrated", "died", "missing", "re_imprisoned"] as const;
export const CLASSIFICATION_GROUPS = ["A", "B", "C", "D"] as const;
export const SUPERVISOR_KINDS = ["organization", "individual"] as const;

/**
 * `contact_sms` and `contact_zalo`: the person agrees to be told of news by text message or by Zalo (issue 13);
 * in-app notifications need no consent. Without a live grant for the channel nothing is sent there.
 */
export const CONSENT_PURPOSES = [
  "matching",
  "training_referral",
  "share_contact",
  "share_record_status",
  "contact_sms",
  "contact_zalo",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How a withdrawal reached us: the person on their own page, or told to an officer (face to face, by phone, in writing). */
/** `message_link`: the one-tap stop on the page a text message or Zalo message links to. */
export const CONSENT_WITHDRAWAL_CHANNELS = ["online", "in_person", "phone", "written", "message_link"] as const;
export type ConsentWithdrawalChannel = (typeof CONSENT_WITHDRAWAL_CHANNELS)[number];

export const SHAREABLE_FIELDS = [
  "full_name",
  "age",
  "gender",
  "commune",
  "skills",
  "trades",
  "experience",
  "education",
  "certificates",
  "phone",
  "record_status",
] as const;

// db/schema/outbox.ts
export const OUTBOX_ENTITIES = ["job", "training", "candidate"] as const;
export type OutboxEntity = (typeof OUTBOX_ENTITIES)[number];

// db/schema/referrals.ts
export const REFERRAL_KINDS = ["job", "training"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** referred → seen → interview → offered → accepted | declined | withdrawn (the last three are final). */
export const REFERRAL_STATUSES = [
  "referred",
  "seen",
  "interview",
  "offered",
  "accepted",
  "declined",
  "withdrawn",
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_FINAL_STATUSES = [
  "accepted",
  "declined",
  "withdrawn",
] as const satisfies readonly ReferralStatus[];

/** Who declined: the organisation (did not take the person) or the person (turned the offer down). */
export const DECLINED_BY = ["organization", "person"] as const;

/**
 * How the person's yes or no to an organisation's offer reached the platform: given by the person in the
 * app, or recorded by their officer after a phone call, a meeting or otherwise.
 */
export const ANSWER_CHANNELS = ["in_app", "phone", "meeting", "other"] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];
/** The channels an officer may record (in the app is the person's own). */
export const OFFICER_ANSWER_CHANNELS = ["phone", "meeting", "other"] as const satisfies readonly AnswerChannel[];

// db/schema/placements.ts
export const CONTRACT_KINDS = ["labour_contract", "verbal_agreement", "apprenticeship"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const PLACEMENT_END_REASONS = [
  "quit",
  "dismissed",
  "laid_off",
  "moved",
  "contract_ended",
  "reoffended",
] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

export const ENROLMENT_STATUSES = ["enrolled", "completed", "dropped_out"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Follow-ups fall due this many months after a placement starts. */
export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;
export type FollowUpMonth = (typeof FOLLOW_UP_MONTHS)[number];

export const LIVING_SITUATIONS = ["with_family", "own_home", "rented", "employer_housing", "unstable"] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

/** The outcome recorded with the 12-month follow-up (or when a placement ends for reoffending). */
export const OUTCOMES_12M = ["stable", "unstable", "left_work", "reoffended"] as const;
export type Outcome12m = (typeof OUTCOMES_12M)[number];

// db/schema/support.ts (issue 6: activities, loans, job fairs, reintegration models)
/** Support given to one person, dated and attributed. Meetings with attendance have their own table. */
export const ACTIVITY_KINDS = ["encouragement_visit", "education_review", "counselling", "procedure_help"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const COUNSELLING_TOPICS = ["psychological", "career"] as const;
export type CounsellingTopic = (typeof COUNSELLING_TOPICS)[number];
export const COUNSELLING_MODES = ["individual", "group", "phone", "online"] as const;
export type CounsellingMode = (typeof COUNSELLING_MODES)[number];
export const PROCEDURE_KINDS = [
  "id_card",
  "health_insurance",
  "residence",
  "civil_status",
  "criminal_record_extract",
  "expungement",
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** Decision 22/2023/QĐ-TTg: production and business (≤ 100 million VND) or vocational training (≤ 4 million VND a month). */
export const LOAN_PURPOSES = ["business", "training"] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];
/** listed: on the commune's monthly list (form 01) for the bank; then the bank's decision and the loan's life. */
export const LOAN_STATUSES = [
  "listed",
  "approved",
  "rejected",
  "disbursed",
  "repaid",
  "overdue",
  "bad_debt",
  "cancelled",
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const JOB_FAIR_OUTCOMES = ["registered", "attended", "interviewed", "hired", "absent"] as const;
export type JobFairOutcome = (typeof JOB_FAIR_OUTCOMES)[number];

// db/schema/deliveries.ts
/** The channels that leave the app (in-app notifications are the `notification` table). */
export const OUTSIDE_CHANNELS = ["sms", "zalo", "email"] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

/**
 * queued → sent → delivered (the provider's report); failed: the provider refused for good (its reason kept);
 * dead: retries exhausted; cancelled: the consent or the channel ended before it left; digested: the daily
 * cap rolled it into one digest message.
 */
export const DELIVERY_STATUSES = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "failed",
  "dead",
  "cancelled",
  "digested",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** notice: news, waits for quiet hours and counts against the daily cap; transactional: a code the user asked for. */
export const DELIVERY_PURPOSES = ["notice", "transactional"] as const;
export type DeliveryPurpose = (typeof DELIVERY_PURPOSES)[number];

export const SAVED_SEARCH_KINDS = ["job", "training"] as const;
export type SavedSearchKind = (typeof SAVED_SEARCH_KINDS)[number];
