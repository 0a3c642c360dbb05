/**
 * Value lists (`as const`) and their types, shared by the database schema, the zod schemas and the UI.
 * No imports on purpose: browser code imports these without pulling drizzle or zod into its bundle
 * (docs/decisions/011-keeping-server-code-out-of-the-browser.md). db/schema/*.ts re-exports them.
 */

// db/schema/users.ts
export const ROLES = ["admin", "officer", "employer", "provider", "person"] as const;
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

export const CONSENT_PURPOSES = ["matching", "training_referral", "share_contact", "share_record_status"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const SHAREABLE_FIELDS = ["full_name", "age", "gender", "commune", "skills", "trades", "experience", "education", "certificates", "phone", "record_status"] as const;

// db/schema/outbox.ts
export const OUTBOX_ENTITIES = ["job", "training", "candidate"] as const;
export type OutboxEntity = (typeof OUTBOX_ENTITIES)[number];
