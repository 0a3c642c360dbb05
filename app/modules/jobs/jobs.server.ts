import { eq } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import { formatNumber } from "~/i18n/format";
import { isCommuneInProvince } from "~/modules/admin-units/admin-units.server";
import * as postings from "~/modules/listings/posting.server";
import { getOccupation, minimumWageFor } from "~/modules/reference/reference.server";
import { todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";

import type { Executor, Transaction } from "../../../db/client.server";
import { job, type JobStatus, trainingLeadsToJob } from "../../../db/schema";
import { touch } from "../../../search/facade.server";
import type { JOB_ACTIONS } from "./constants";
import type { JobInput } from "./schema";
import { refreshJobSearchText } from "./search-rows.server";

// Routes take the form schema from this .server module so the browser build drops it (docs/decisions/011).
export { jobInputSchema } from "./schema";

export type JobOutcome = postings.PostingOutcome<JobStatus>;

/** Rules that need the database: the place exists, the wage meets the regional minimum, the dates make sense. */
async function checkJob(input: JobInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!(await getOccupation(input.occupationCode))) errors.occupationCode = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode))) {
    errors.communeCode = { key: "validation.commune" };
  } else {
    const minimum = await minimumWageFor(input.provinceCode, input.communeCode);
    // Part-time and seasonal pay may be pro rata; full-time work and apprenticeships pay the monthly minimum.
    if (
      minimum &&
      (input.employmentType === "full_time" || input.employmentType === "apprenticeship") &&
      input.wageMin < minimum.monthlyVnd
    ) {
      errors.wageMin = {
        key: "jobs.error.belowMinimum",
        vars: { minimum: formatNumber(minimum.monthlyVnd, "vi"), zone: minimum.zone },
      };
    }
  }
  const today = todayIso();
  if (input.closesAt && input.closesAt < today) errors.closesAt = { key: "jobs.error.closesInPast" };
  if (input.startsAt && input.startsAt < today && !errors.closesAt)
    errors.startsAt = { key: "jobs.error.startsInPast" };
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

const JOB_POSTING: postings.PostingKind<JobInput, OwnJob, JobStatus, JobTransition> = {
  searchKind: "job",
  refreshSearchText: refreshJobSearchText,
  table: job,
  check: (_scope, input) => checkJob(input),
  columns: (_scope, input) => columns(input),
  afterTransition: enqueueLinkedTrainings,
  getOwn: getOwnJob,
  deadlineOf: (own) => own.closesAt,
  transitions: {
    publish: { from: ["draft"], to: "open" },
    close: { from: ["open", "draft"], to: "closed" },
    fill: { from: ["open"], to: "filled" },
    reopen: { from: ["closed", "filled"], to: "open" },
  },
};

/** A job for the actor's organisation (app/modules/listings/posting.server.ts: drafts only until verified). */
export const createJob = (scope: OrgScope, input: JobInput, options: { publish: boolean }): Promise<JobOutcome> =>
  postings.createPosting(JOB_POSTING, scope, input, options);

export const updateJob = (scope: OrgScope, id: string, input: JobInput) =>
  postings.updatePosting(JOB_POSTING, scope, id, input);

export type JobTransition = (typeof JOB_ACTIONS)[number];
export type TransitionOutcome = postings.TransitionOutcome<JobStatus>;

/** draft → open → filled / closed, and back to open. */
export const transitionJob = (scope: OrgScope, id: string, action: JobTransition): Promise<TransitionOutcome> =>
  postings.transitionPosting(JOB_POSTING, scope, id, action);

/** Close the open jobs past their closing date (the worker's "jobs.expiry" task). */
export const expireJobs = (tx: Executor) => postings.expirePostings(tx, job, job.closesAt, "job");

/** Courses that lead to this job show how many open jobs they lead to: re-index them too. */
async function enqueueLinkedTrainings(tx: Transaction, jobId: string) {
  const links = await tx
    .select({ id: trainingLeadsToJob.trainingSlotId })
    .from(trainingLeadsToJob)
    .where(eq(trainingLeadsToJob.jobId, jobId));
  await touch(
    tx,
    "training",
    links.map((l) => l.id),
  );
}

export type OwnJob = typeof job.$inferSelect;

/** A job of the actor's organisation; another organisation's id is simply not found. */
export function getOwnJob(scope: OrgScope, id: string): Promise<OwnJob | undefined> {
  return postings.selectOwnRow(job, scope, id);
}

export const listOwnJobs = (scope: OrgScope) =>
  postings.listOwnPostings(job, job.closesAt, scope, {
    closesAt: job.closesAt,
    openings: job.openings,
    wageMin: job.wageMin,
    wageMax: job.wageMax,
  });
