import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client.server";
import { job, occupation, trainingLeadsToJob, type JobStatus } from "../../../db/schema";
import { enqueueSync } from "../../../search/outbox.server";
import { refreshSearchText } from "../../../search/rows.server";
import type { OrgScope } from "../../auth/org-scope.server";
import { now, todayIso } from "../../utils/clock.server";
import type { FieldErrors } from "../../utils/forms";
import { isCommuneInProvince } from "../admin-units/admin-units.server";
import { isOrganizationVerified as organizationVerified } from "../organizations/organizations.server";
import { minimumWageFor } from "../reference/reference.server";
import { notifySync } from "../search/sync-signal.server";
import type { JobInput } from "./schema";

// Routes take the form schema from this .server module so the browser build drops it (docs/decisions/011).
export { jobInputSchema } from "./schema";

export type JobOutcome = { ok: true; id: string; status: JobStatus; notice?: "saved_as_draft" } | { ok: false; errors: FieldErrors };

/** Rules that need the database: the place exists, the wage meets the regional minimum, the dates make sense. */
async function checkJob(input: JobInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [occ] = await db().select({ code: occupation.code }).from(occupation).where(eq(occupation.code, input.occupationCode));
  if (!occ) errors.occupationCode = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode))) {
    errors.communeCode = { key: "validation.commune" };
  } else {
    const minimum = await minimumWageFor(input.provinceCode, input.communeCode);
    // Part-time and seasonal pay may be pro rata; full-time work and apprenticeships pay the monthly minimum.
    if (minimum && (input.employmentType === "full_time" || input.employmentType === "apprenticeship") && input.wageMin < minimum.monthlyVnd) {
      errors.wageMin = { key: "jobs.error.belowMinimum", vars: { minimum: minimum.monthlyVnd.toLocaleString("vi-VN"), zone: minimum.zone } };
    }
  }
  const today = todayIso();
  if (input.closesAt && input.closesAt < today) errors.closesAt = { key: "jobs.error.closesInPast" };
  if (input.startsAt && input.startsAt < today && !errors.closesAt) errors.startsAt = { key: "jobs.error.startsInPast" };
  return errors;
}

function columns(input: JobInput) {
  return {
    title: input.title,
    occupationCode: input.occupationCode,
    description: input.description,
    provinceCode: input.provinceCode,
    communeCode: input.communeCode,
    workplaceAddress: input.workplaceAddress,
    wageMin: input.wageMin,
    wageMax: input.wageMax,
    employmentType: input.employmentType,
    openings: input.openings,
    skills: input.skills,
    experience: input.experience,
    benefits: input.benefits,
    startsAt: input.startsAt,
    closesAt: input.closesAt!,
    excludedOffenceCategories: input.excludedOffenceCategories,
    exclusionReason: input.exclusionReason,
  };
}

/**
 * Create a job for the actor's organisation, as a draft or published at once. An organisation that is
 * not verified yet can only keep drafts: a request to publish is saved as a draft and says so.
 */
export async function createJob(scope: OrgScope, input: JobInput, options: { publish: boolean }): Promise<JobOutcome> {
  const errors = await checkJob(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const publish = options.publish && (await organizationVerified(scope.organizationId));
  const id = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(job)
      .values({
        ...columns(input),
        organizationId: scope.organizationId,
        createdBy: scope.actorId,
        status: publish ? "open" : "draft",
        publishedAt: publish ? now() : null,
      })
      .returning({ id: job.id });
    await refreshSearchText(tx, "job", [row.id]);
    await enqueueSync(tx, "job", [row.id]);
    return row.id;
  });
  notifySync();
  return { ok: true, id, status: publish ? "open" : "draft", notice: options.publish && !publish ? "saved_as_draft" : undefined };
}

export async function updateJob(scope: OrgScope, id: string, input: JobInput): Promise<JobOutcome | { ok: false; notFound: true }> {
  const existing = await getOwnJob(scope, id);
  if (!existing) return { ok: false, notFound: true };
  const errors = await checkJob(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await db().transaction(async (tx) => {
    await tx
      .update(job)
      .set({ ...columns(input), updatedAt: now() })
      .where(and(eq(job.id, id), eq(job.organizationId, scope.organizationId)));
    await refreshSearchText(tx, "job", [id]);
    await enqueueSync(tx, "job", [id]);
  });
  notifySync();
  return { ok: true, id, status: existing.status };
}

export type JobTransition = "publish" | "close" | "fill" | "reopen";
export type TransitionOutcome =
  | { ok: true; status: JobStatus }
  | { ok: false; reason: "not_found" | "not_verified" | "expired" | "invalid_transition" };

const TRANSITIONS: Record<JobTransition, { from: JobStatus[]; to: JobStatus }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open", "draft"], to: "closed" },
  fill: { from: ["open"], to: "filled" },
  reopen: { from: ["closed", "filled"], to: "open" },
};

/** draft → open → filled / closed, and back to open; opening needs a verified organisation and a future date. */
export async function transitionJob(scope: OrgScope, id: string, action: JobTransition): Promise<TransitionOutcome> {
  const existing = await getOwnJob(scope, id);
  if (!existing) return { ok: false, reason: "not_found" };
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(existing.status)) return { ok: false, reason: "invalid_transition" };
  if (rule.to === "open") {
    if (!(await organizationVerified(scope.organizationId))) return { ok: false, reason: "not_verified" };
    if (existing.closesAt < todayIso()) return { ok: false, reason: "expired" };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(job)
      .set({
        status: rule.to,
        closedReason: rule.to === "closed" ? "closed" : rule.to === "filled" ? "filled" : null,
        publishedAt: rule.to === "open" ? now() : existing.publishedAt,
        updatedAt: now(),
      })
      .where(and(eq(job.id, id), eq(job.organizationId, scope.organizationId)));
    await enqueueSync(tx, "job", [id]);
    await enqueueLinkedTrainings(tx, id);
  });
  notifySync();
  return { ok: true, status: rule.to };
}

/** Courses that lead to this job show how many open jobs they lead to: re-index them too. */
async function enqueueLinkedTrainings(tx: Transaction, jobId: string) {
  const links = await tx.select({ id: trainingLeadsToJob.trainingSlotId }).from(trainingLeadsToJob).where(eq(trainingLeadsToJob.jobId, jobId));
  await enqueueSync(tx, "training", links.map((l) => l.id));
}

export type OwnJob = typeof job.$inferSelect;

/** A job of the actor's organisation; another organisation's id is simply not found. */
export async function getOwnJob(scope: OrgScope, id: string): Promise<OwnJob | undefined> {
  const [row] = await db()
    .select()
    .from(job)
    .where(and(eq(job.id, id), eq(job.organizationId, scope.organizationId)));
  return row;
}

export async function listOwnJobs(scope: OrgScope) {
  return db()
    .select({
      id: job.id,
      title: job.title,
      status: job.status,
      closedReason: job.closedReason,
      closesAt: job.closesAt,
      openings: job.openings,
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      updatedAt: job.updatedAt,
      expired: sql<boolean>`${job.closesAt} < ${todayIso()}`,
    })
    .from(job)
    .where(eq(job.organizationId, scope.organizationId))
    .orderBy(desc(job.updatedAt));
}
