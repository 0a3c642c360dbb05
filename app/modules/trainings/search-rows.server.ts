import { asc, eq, gt, inArray, sql } from "drizzle-orm";

import { isTrainingPublic } from "~/modules/listings/visibility";
import { todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { commune, occupation, organization, province, trainingLeadsToJob, trainingSlot } from "../../../db/schema";
import {
  type DocumentSource,
  lastIdOf,
  type RowSelection,
  type TrainingRow,
  trainingToDocument,
} from "../../../search/facade.server";

/**
 * Training slots as search sees them: the joined row behind every training document, and the document
 * source app/worker wires into search/ (docs/decisions/028-background-work.md). Moved here from
 * search/rows.server.ts.
 */

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
  return q
    .where(which.afterId ? gt(trainingSlot.id, which.afterId) : undefined)
    .orderBy(asc(trainingSlot.id))
    .limit(which.limit);
}

/** The documents of public training slots among the selected rows (search/sources.ts). */
export const trainingDocuments: DocumentSource = async (db, today, which) => {
  const rows = await loadTrainingRows(db, which);
  return {
    docs: rows.filter((r) => isTrainingPublic(r, today)).map(trainingToDocument),
    lastId: lastIdOf(rows, which),
  };
};

/** Recompute the folded search text the PostgreSQL fallback uses (title, trade, organisation, place…). */
export async function refreshTrainingSearchText(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
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
