import { and, eq, inArray } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import { isCommuneInProvince } from "~/modules/admin-units/admin-units.server";
import * as postings from "~/modules/listings/posting.server";
import { getOccupation } from "~/modules/reference/reference.server";
import { todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";

import { db, type Executor, type Transaction } from "../../../db/client.server";
import { job, trainingLeadsToJob, trainingLevel, trainingSlot, type TrainingStatus } from "../../../db/schema";
import { checkLinkableJobs } from "./partner-jobs.server";
import type { TrainingInput } from "./schema.server";
import { refreshTrainingSearchText } from "./search-rows.server";

export type TrainingOutcome = postings.PostingOutcome<TrainingStatus>;

async function checkTraining(scope: OrgScope, input: TrainingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!(await getOccupation(input.occupationCode))) errors.occupationCode = { key: "validation.choose" };
  const [level] = await db()
    .select({ code: trainingLevel.code })
    .from(trainingLevel)
    .where(eq(trainingLevel.code, input.levelCode));
  if (!level) errors.levelCode = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode)))
    errors.communeCode = { key: "validation.commune" };
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

const TRAINING_POSTING: postings.PostingKind<TrainingInput, OwnTraining, TrainingStatus, TrainingTransition> = {
  searchKind: "training",
  refreshSearchText: refreshTrainingSearchText,
  table: trainingSlot,
  check: checkTraining,
  columns,
  afterSave: (tx, id, input) => setJobLinks(tx, id, input.leadsToJobIds),
  getOwn: getOwnTraining,
  deadlineOf: (own) => own.applicationDeadline,
  transitions: {
    publish: { from: ["draft"], to: "open" },
    close: { from: ["open", "draft"], to: "closed" },
    reopen: { from: ["closed"], to: "open" },
  },
};

export const createTraining = (
  scope: OrgScope,
  input: TrainingInput,
  options: { publish: boolean },
): Promise<TrainingOutcome> => postings.createPosting(TRAINING_POSTING, scope, input, options);

export const updateTraining = (scope: OrgScope, id: string, input: TrainingInput) =>
  postings.updatePosting(TRAINING_POSTING, scope, id, input);

export type TrainingTransition = "publish" | "close" | "reopen";

export const transitionTraining = (
  scope: OrgScope,
  id: string,
  action: TrainingTransition,
): Promise<postings.TransitionOutcome<TrainingStatus>> =>
  postings.transitionPosting(TRAINING_POSTING, scope, id, action);

/** Close the open training slots past their application deadline (the worker's "trainings.expiry" task). */
export const expireTrainings = (tx: Executor) =>
  postings.expirePostings(tx, trainingSlot, trainingSlot.applicationDeadline, "training");

export type OwnTraining = typeof trainingSlot.$inferSelect & { leadsToJobIds: string[] };

export async function getOwnTraining(scope: OrgScope, id: string): Promise<OwnTraining | undefined> {
  const row = await postings.selectOwnRow(trainingSlot, scope, id);
  if (!row) return undefined;
  const links = await db()
    .select({ jobId: trainingLeadsToJob.jobId })
    .from(trainingLeadsToJob)
    .where(eq(trainingLeadsToJob.trainingSlotId, id));
  return { ...row, leadsToJobIds: links.map((l) => l.jobId) };
}

export const listOwnTrainings = (scope: OrgScope) =>
  postings.listOwnPostings(trainingSlot, trainingSlot.applicationDeadline, scope, {
    startsAt: trainingSlot.startsAt,
    applicationDeadline: trainingSlot.applicationDeadline,
    seats: trainingSlot.seats,
  });
