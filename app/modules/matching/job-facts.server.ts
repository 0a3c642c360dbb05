import { and, eq, gte, inArray, sql } from "drizzle-orm";

import { addMonths } from "~/utils/dates";

import type { Executor } from "../../../db/client.server";
import {
  commune,
  job,
  organization,
  placement,
  province,
  referral,
  trainingLeadsToJob,
  trainingSlot,
} from "../../../db/schema";
import { type ListingDisplay, seatsTaken, trainingIdCol } from "./facts.server";
import { matchingReference } from "./reference-cache.server";
import type { JobFacts, TrainingFacts } from "./rules";
import { MATCHING_WEIGHTS } from "./weights";

/**
 * Job facts in one query (joins; subqueries only where they are index lookups by job or organisation),
 * reference data from the cache (related trades, minimum wages) and, for a few jobs, the courses leading
 * to them. A person's suggestions
 * take the training paths from their courses instead: the link table is keyed by course.
 */

const jobIdCol = sql.raw(`"job"."id"`);
const orgIdCol = sql.raw(`"job"."organization_id"`);

function selectJobs(executor: Executor, ids: string[], today: string) {
  const months = MATCHING_WEIGHTS.retention.months;
  const startedBefore = addMonths(today, -months);
  return executor
    .select({
      id: job.id,
      title: job.title,
      occupationCode: job.occupationCode,
      organizationId: job.organizationId,
      organizationName: organization.name,
      acceptsUnexpunged: organization.acceptsUnexpunged,
      provinceCode: job.provinceCode,
      communeCode: job.communeCode,
      communeName: commune.name,
      provinceName: province.name,
      status: job.status,
      capacity: job.openings,
      // An opening is taken by a placement still running, or an accepted referral not yet a placement.
      taken: sql<number>`(select count(*)::int from ${placement} p where p.job_id = ${jobIdCol} and (p.end_date is null or p.end_date >= ${today}))
        + (select count(*)::int from ${referral} r where r.job_id = ${jobIdCol} and r.status = 'accepted'
          and not exists (select 1 from ${placement} p2 where p2.referral_id = r.id))`,
      closesAt: job.closesAt,
      startsAt: job.startsAt,
      employmentType: job.employmentType,
      skills: job.skills,
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      benefits: job.benefits,
      excludedOffenceCategories: job.excludedOffenceCategories,
      // The organisation's placements started at least 6 months ago: [how many, how many lasted 6 months].
      retention: sql<[number, number]>`(select array[count(*)::int, (count(*) filter (where p.end_date is null
          or p.end_date >= (p.start_date + interval '${sql.raw(String(months))} months')::date))::int]
        from ${placement} p where p.organization_id = ${orgIdCol} and p.start_date <= ${startedBefore})`,
    })
    .from(job)
    .innerJoin(organization, eq(organization.id, job.organizationId))
    .innerJoin(commune, eq(commune.code, job.communeCode))
    .innerJoin(province, eq(province.code, job.provinceCode))
    .where(inArray(job.id, ids));
}

/**
 * Open courses with seats left that lead to these jobs, by job, for a few jobs (the link table is keyed by
 * course: for many jobs this scans it, which is why a person's suggestions derive paths from their courses).
 */
async function trainingPathsOf(
  executor: Executor,
  ids: string[],
  today: string,
): Promise<Map<string, JobFacts["trainingPaths"]>> {
  const rows = await executor
    .select({
      jobId: trainingLeadsToJob.jobId,
      id: trainingSlot.id,
      title: trainingSlot.title,
      provinceCode: trainingSlot.provinceCode,
    })
    .from(trainingLeadsToJob)
    .innerJoin(trainingSlot, eq(trainingSlot.id, trainingLeadsToJob.trainingSlotId))
    .where(
      and(
        inArray(trainingLeadsToJob.jobId, ids),
        eq(trainingSlot.status, "open"),
        gte(trainingSlot.applicationDeadline, today),
        sql`${trainingSlot.seats} > ${seatsTaken(trainingIdCol)}`,
      ),
    )
    .orderBy(trainingSlot.applicationDeadline, trainingSlot.id);
  const out = new Map<string, JobFacts["trainingPaths"]>();
  for (const r of rows)
    out.set(r.jobId, [...(out.get(r.jobId) ?? []), { id: r.id, title: r.title, provinceCode: r.provinceCode }]);
  return out;
}

/** The same, from courses already loaded: the open ones with seats left that lead to each job. */
function trainingPathsFrom(courses: Iterable<TrainingFacts>, today: string): Map<string, JobFacts["trainingPaths"]> {
  const out = new Map<string, JobFacts["trainingPaths"]>();
  const open = [...courses].filter(
    (c) => c.status === "open" && c.applicationDeadline >= today && c.capacity > c.taken,
  );
  open.sort((a, b) =>
    a.applicationDeadline < b.applicationDeadline
      ? -1
      : a.applicationDeadline > b.applicationDeadline
        ? 1
        : a.id < b.id
          ? -1
          : 1,
  );
  for (const c of open)
    for (const j of c.leadsToJobs)
      out.set(j.id, [...(out.get(j.id) ?? []), { id: c.id, title: c.title, provinceCode: c.provinceCode }]);
  return out;
}

/**
 * Facts for these jobs. Given the courses already loaded for the same person (`courses`), the jobs they
 * lead to are added (the training-to-job path needs them, and they are rarely retrieved by occupation or
 * skills) and the paths come from those courses; otherwise (a few jobs) the paths are queried.
 */
export async function loadJobFacts(
  executor: Executor,
  jobIds: string[],
  today: string,
  courses?: Map<string, TrainingFacts>,
): Promise<Map<string, JobFacts & ListingDisplay>> {
  const led = courses ? [...courses.values()].flatMap((c) => c.leadsToJobs.map((j) => j.id)) : [];
  const ids = [...new Set([...jobIds, ...led])];
  if (ids.length === 0) return new Map();
  const [rows, reference, paths] = await Promise.all([
    selectJobs(executor, ids, today),
    matchingReference(executor, today),
    courses ? trainingPathsFrom(courses.values(), today) : trainingPathsOf(executor, ids, today),
  ]);
  return new Map(
    rows.map(({ retention: [total, kept], ...r }) => [
      r.id,
      {
        kind: "job" as const,
        ...r,
        relatedOccupations: [...reference.relatedOf(r.occupationCode)],
        minimumWage: reference.minimumWageAt(r.provinceCode, r.communeCode),
        retention: { kept, total },
        trainingPaths: paths.get(r.id) ?? [],
      },
    ]),
  );
}
