import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client.server";
import { job, occupation, trainingLeadsToJob, trainingLevel, trainingSlot, type TrainingStatus } from "../../../db/schema";
import { enqueueSync } from "../../../search/outbox.server";
import { refreshSearchText } from "../../../search/rows.server";
import type { OrgScope } from "../../auth/org-scope.server";
import { now, todayIso } from "../../utils/clock.server";
import type { FieldErrors } from "../../utils/forms";
import { isCommuneInProvince } from "../admin-units/admin-units.server";
import { isOrganizationVerified } from "../organizations/organizations.server";
import { notifySync } from "../search/sync-signal.server";
import { checkLinkableJobs } from "./partner-jobs.server";
import type { TrainingInput } from "./schema.server";

export type TrainingOutcome =
  | { ok: true; id: string; status: TrainingStatus; notice?: "saved_as_draft" }
  | { ok: false; errors: FieldErrors };

async function checkTraining(scope: OrgScope, input: TrainingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [occ] = await db().select({ code: occupation.code }).from(occupation).where(eq(occupation.code, input.occupationCode));
  if (!occ) errors.occupationCode = { key: "validation.choose" };
  const [level] = await db().select({ code: trainingLevel.code }).from(trainingLevel).where(eq(trainingLevel.code, input.levelCode));
  if (!level) errors.levelCode = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode))) errors.communeCode = { key: "validation.commune" };
  if (input.applicationDeadline && input.applicationDeadline < todayIso()) {
    errors.applicationDeadline = { key: "trainings.error.deadlineInPast" };
  }
  if (input.leadsToJobIds.length) {
    const open = await db()
      .select({ id: job.id })
      .from(job)
      .where(and(inArray(job.id, input.leadsToJobIds), eq(job.status, "open")));
    if (open.length !== input.leadsToJobIds.length) errors.leadsToJobIds = { key: "trainings.error.jobNotOpen" };
    // A provider's course: partner jobs of the province; a business's slot: one of its own jobs.
    else Object.assign(errors, await checkLinkableJobs(scope, input.provinceCode, input.leadsToJobIds));
  }
  return errors;
}

function columns(scope: OrgScope, input: TrainingInput) {
  return {
    title: input.title,
    occupationCode: input.occupationCode,
    levelCode: input.levelCode,
    description: input.description,
    durationWeeks: input.durationWeeks,
    schedule: input.schedule,
    startsAt: input.startsAt!,
    applicationDeadline: input.applicationDeadline!,
    seats: input.seats,
    costVnd: input.costVnd,
    // The stipend is a business's own pay to its trainees; a provider states support with `support`.
    stipendVnd: scope.role === "employer" ? input.stipendVnd : null,
    support: input.support,
    provinceCode: input.provinceCode,
    communeCode: input.communeCode,
    address: input.address,
  };
}

async function setJobLinks(tx: Transaction, trainingSlotId: string, jobIds: string[]) {
  await tx.delete(trainingLeadsToJob).where(eq(trainingLeadsToJob.trainingSlotId, trainingSlotId));
  if (jobIds.length) await tx.insert(trainingLeadsToJob).values(jobIds.map((jobId) => ({ trainingSlotId, jobId })));
}

export async function createTraining(scope: OrgScope, input: TrainingInput, options: { publish: boolean }): Promise<TrainingOutcome> {
  const errors = await checkTraining(scope, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const publish = options.publish && (await isOrganizationVerified(scope.organizationId));
  const id = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSlot)
      .values({
        ...columns(scope, input),
        organizationId: scope.organizationId,
        createdBy: scope.actorId,
        status: publish ? "open" : "draft",
        publishedAt: publish ? now() : null,
      })
      .returning({ id: trainingSlot.id });
    await setJobLinks(tx, row.id, input.leadsToJobIds);
    await refreshSearchText(tx, "training", [row.id]);
    await enqueueSync(tx, "training", [row.id]);
    return row.id;
  });
  notifySync();
  return { ok: true, id, status: publish ? "open" : "draft", notice: options.publish && !publish ? "saved_as_draft" : undefined };
}

export async function updateTraining(
  scope: OrgScope,
  id: string,
  input: TrainingInput,
): Promise<TrainingOutcome | { ok: false; notFound: true }> {
  const existing = await getOwnTraining(scope, id);
  if (!existing) return { ok: false, notFound: true };
  const errors = await checkTraining(scope, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await db().transaction(async (tx) => {
    await tx
      .update(trainingSlot)
      .set({ ...columns(scope, input), updatedAt: now() })
      .where(and(eq(trainingSlot.id, id), eq(trainingSlot.organizationId, scope.organizationId)));
    await setJobLinks(tx, id, input.leadsToJobIds);
    await refreshSearchText(tx, "training", [id]);
    await enqueueSync(tx, "training", [id]);
  });
  notifySync();
  return { ok: true, id, status: existing.status };
}

export type TrainingTransition = "publish" | "close" | "reopen";
const TRANSITIONS: Record<TrainingTransition, { from: TrainingStatus[]; to: TrainingStatus }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open", "draft"], to: "closed" },
  reopen: { from: ["closed"], to: "open" },
};

export async function transitionTraining(
  scope: OrgScope,
  id: string,
  action: TrainingTransition,
): Promise<{ ok: true; status: TrainingStatus } | { ok: false; reason: "not_found" | "not_verified" | "expired" | "invalid_transition" }> {
  const existing = await getOwnTraining(scope, id);
  if (!existing) return { ok: false, reason: "not_found" };
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(existing.status)) return { ok: false, reason: "invalid_transition" };
  if (rule.to === "open") {
    if (!(await isOrganizationVerified(scope.organizationId))) return { ok: false, reason: "not_verified" };
    if (existing.applicationDeadline < todayIso()) return { ok: false, reason: "expired" };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(trainingSlot)
      .set({
        status: rule.to,
        closedReason: rule.to === "closed" ? "closed" : null,
        publishedAt: rule.to === "open" ? now() : existing.publishedAt,
        updatedAt: now(),
      })
      .where(and(eq(trainingSlot.id, id), eq(trainingSlot.organizationId, scope.organizationId)));
    await enqueueSync(tx, "training", [id]);
  });
  notifySync();
  return { ok: true, status: rule.to };
}

export async function getOwnTraining(scope: OrgScope, id: string) {
  const [row] = await db()
    .select()
    .from(trainingSlot)
    .where(and(eq(trainingSlot.id, id), eq(trainingSlot.organizationId, scope.organizationId)));
  if (!row) return undefined;
  const links = await db()
    .select({ jobId: trainingLeadsToJob.jobId })
    .from(trainingLeadsToJob)
    .where(eq(trainingLeadsToJob.trainingSlotId, id));
  return { ...row, leadsToJobIds: links.map((l) => l.jobId) };
}

export async function listOwnTrainings(scope: OrgScope) {
  return db()
    .select({
      id: trainingSlot.id,
      title: trainingSlot.title,
      status: trainingSlot.status,
      closedReason: trainingSlot.closedReason,
      startsAt: trainingSlot.startsAt,
      applicationDeadline: trainingSlot.applicationDeadline,
      seats: trainingSlot.seats,
      updatedAt: trainingSlot.updatedAt,
      expired: sql<boolean>`${trainingSlot.applicationDeadline} < ${todayIso()}`,
    })
    .from(trainingSlot)
    .where(eq(trainingSlot.organizationId, scope.organizationId))
    .orderBy(desc(trainingSlot.updatedAt));
}
