import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { now, todayIso } from "../app/utils/clock.server";
import type { Executor } from "../db/client.server";
import { commune, consentGrant, courtBan, job, occupation, organization, province, releasedPerson, trainingLeadsToJob, trainingSlot } from "../db/schema";
import type { CandidateRow, JobRow, TrainingRow } from "./documents";

/** Which rows to load: given ids, or a page of all rows in id order (for a full reindex). */
export type RowSelection = { ids: string[] } | { afterId: string | null; limit: number };

/** Rows for the document mappers, joined with the names a public page shows. */
/** The joined select behind every job document: the sync worker and the PostgreSQL fallback share it. */
export function selectJobRows(db: Executor) {
  return db
    .select({
      id: job.id,
      title: job.title,
      occupationCode: job.occupationCode,
      occupationNameVi: occupation.nameVi,
      occupationNameEn: occupation.nameEn,
      majorGroup: occupation.majorGroup,
      description: job.description,
      organizationId: job.organizationId,
      organizationName: organization.name,
      organizationVerified: sql<boolean>`${organization.verificationStatus} = 'verified'`,
      fairChance: sql<boolean>`${organization.fairChancePledgedAt} is not null`,
      communeCode: job.communeCode,
      communeName: commune.name,
      provinceCode: job.provinceCode,
      provinceName: province.name,
      workplaceAddress: job.workplaceAddress,
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      employmentType: job.employmentType,
      openings: job.openings,
      skills: job.skills,
      benefits: job.benefits,
      startsAt: job.startsAt,
      closesAt: job.closesAt,
      status: job.status,
      publishedAt: job.publishedAt,
    })
    .from(job)
    .innerJoin(occupation, eq(occupation.code, job.occupationCode))
    .innerJoin(organization, eq(organization.id, job.organizationId))
    .innerJoin(commune, eq(commune.code, job.communeCode))
    .innerJoin(province, eq(province.code, job.provinceCode))
    .$dynamic();
}

export async function loadJobRows(db: Executor, which: RowSelection): Promise<JobRow[]> {
  const q = selectJobRows(db);
  if ("ids" in which) return which.ids.length ? q.where(inArray(job.id, which.ids)) : [];
  return q.where(which.afterId ? gt(job.id, which.afterId) : undefined).orderBy(asc(job.id)).limit(which.limit);
}

export function selectTrainingRows(db: Executor) {
  return db
    .select({
      id: trainingSlot.id,
      title: trainingSlot.title,
      occupationCode: trainingSlot.occupationCode,
      occupationNameVi: occupation.nameVi,
      occupationNameEn: occupation.nameEn,
      majorGroup: occupation.majorGroup,
      levelCode: trainingSlot.levelCode,
      description: trainingSlot.description,
      organizationId: trainingSlot.organizationId,
      organizationName: organization.name,
      organizationVerified: sql<boolean>`${organization.verificationStatus} = 'verified'`,
      communeCode: trainingSlot.communeCode,
      communeName: commune.name,
      provinceCode: trainingSlot.provinceCode,
      provinceName: province.name,
      durationWeeks: trainingSlot.durationWeeks,
      schedule: trainingSlot.schedule,
      startsAt: trainingSlot.startsAt,
      applicationDeadline: trainingSlot.applicationDeadline,
      seats: trainingSlot.seats,
      costVnd: trainingSlot.costVnd,
      support: trainingSlot.support,
      status: trainingSlot.status,
      publishedAt: trainingSlot.publishedAt,
      leadsToJobs: sql<number>`(select count(*)::int from ${trainingLeadsToJob} l join job j on j.id = l.job_id
        where l.training_slot_id = ${trainingSlot.id} and j.status = 'open' and j.closes_at >= ${todayIso()})`,
      byBusiness: sql<boolean>`${organization.role} = 'employer'`,
      stipendVnd: trainingSlot.stipendVnd,
      ownJobTitle: sql<string | null>`(select min(j.title) from ${trainingLeadsToJob} l join job j on j.id = l.job_id
        where l.training_slot_id = ${trainingSlot.id} and j.organization_id = ${trainingSlot.organizationId}
        and j.status = 'open' and j.closes_at >= ${todayIso()})`,
    })
    .from(trainingSlot)
    .innerJoin(occupation, eq(occupation.code, trainingSlot.occupationCode))
    .innerJoin(organization, eq(organization.id, trainingSlot.organizationId))
    .innerJoin(commune, eq(commune.code, trainingSlot.communeCode))
    .innerJoin(province, eq(province.code, trainingSlot.provinceCode))
    .$dynamic();
}

export async function loadTrainingRows(db: Executor, which: RowSelection): Promise<TrainingRow[]> {
  const q = selectTrainingRows(db);
  if ("ids" in which) return which.ids.length ? q.where(inArray(trainingSlot.id, which.ids)) : [];
  return q.where(which.afterId ? gt(trainingSlot.id, which.afterId) : undefined).orderBy(asc(trainingSlot.id)).limit(which.limit);
}

/** Recompute the folded search text the PostgreSQL fallback uses (title, trade, organisation, place…). */
export async function refreshSearchText(db: Executor, entity: "job" | "training", ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (entity === "job") {
    await db
      .update(job)
      .set({
        searchText: sql`concat_ws(' ', ${job.title}, (select name_vi from occupation where code = ${job.occupationCode}),
          (select name from organization where id = ${job.organizationId}), array_to_string(${job.skills}, ' '),
          (select name from commune where code = ${job.communeCode}), (select name from province where code = ${job.provinceCode}),
          left(${job.description}, 1000))`,
      })
      .where(inArray(job.id, ids));
  } else {
    await db
      .update(trainingSlot)
      .set({
        searchText: sql`concat_ws(' ', ${trainingSlot.title}, (select name_vi from occupation where code = ${trainingSlot.occupationCode}),
          (select name from organization where id = ${trainingSlot.organizationId}),
          (select name from commune where code = ${trainingSlot.communeCode}), (select name from province where code = ${trainingSlot.provinceCode}),
          left(${trainingSlot.description}, 1000))`,
      })
      .where(inArray(trainingSlot.id, ids));
  }
}

// Qualified by hand: in a single-table select drizzle renders columns unqualified, and inside a correlated
// subquery an unqualified "id" would bind to the inner table.
const personId = sql.raw(`"released_person"."id"`);

/** Candidate rows: a person's matching profile, whether a live matching consent exists, and active bans. */
export function selectCandidateRows(db: Executor, today: string) {
  return db
    .select({
      id: releasedPerson.id,
      status: releasedPerson.status,
      anonymized: sql<boolean>`${releasedPerson.anonymizedAt} is not null`,
      hasMatchingConsent: sql<boolean>`exists (select 1 from ${consentGrant} g where g.person_id = ${personId}
        and 'matching' = any(g.purposes) and g.withdrawn_at is null and g.expires_at > ${now().toISOString()}::timestamptz)`,
      skills: releasedPerson.skills,
      trades: releasedPerson.trades,
      tradeNames: sql<string[]>`coalesce((select array_agg(o.name_vi order by o.code) from occupation o where o.code = any(${releasedPerson.trades})), '{}')`,
      desiredOccupations: releasedPerson.desiredOccupations,
      desiredOccupationNames: sql<string[]>`coalesce((select array_agg(o.name_vi order by o.code) from occupation o where o.code = any(${releasedPerson.desiredOccupations})), '{}')`,
      communeCode: releasedPerson.communeCode,
      provinceCode: releasedPerson.provinceCode,
      preferredProvinceCode: releasedPerson.preferredProvinceCode,
      willingToMove: releasedPerson.willingToMove,
      availableFrom: releasedPerson.availableFrom,
      expectedWage: releasedPerson.expectedWage,
      bannedOccupationCodes: sql<string[]>`coalesce((select array_agg(distinct c) from ${courtBan} b, unnest(b.occupation_codes) c
        where b.person_id = ${personId} and b.kind = 'occupation' and (b.ends_on is null or b.ends_on >= ${today})), '{}')`,
      updatedAt: releasedPerson.updatedAt,
    })
    .from(releasedPerson)
    .$dynamic();
}

export async function loadCandidateRows(db: Executor, today: string, which: RowSelection): Promise<CandidateRow[]> {
  const q = selectCandidateRows(db, today);
  if ("ids" in which) return which.ids.length ? q.where(inArray(releasedPerson.id, which.ids)) : [];
  return q.where(which.afterId ? gt(releasedPerson.id, which.afterId) : undefined).orderBy(asc(releasedPerson.id)).limit(which.limit);
}
