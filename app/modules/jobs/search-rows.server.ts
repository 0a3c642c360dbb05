import { asc, eq, gt, inArray, sql } from "drizzle-orm";

import { isJobPublic } from "~/modules/listings/visibility";
import { recognisedSql } from "~/modules/organizations/directory.server";

import type { Executor } from "../../../db/client.server";
import { commune, job, occupation, organization, province } from "../../../db/schema";
import {
  type DocumentSource,
  type JobRow,
  jobToDocument,
  lastIdOf,
  type RowSelection,
} from "../../../search/facade.server";

/**
 * Job postings as search sees them: the joined row behind every job document (the worker's delivery and
 * the PostgreSQL fallback of public search share it), and the document source app/worker wires into search/
 * (docs/decisions/028-background-work.md). Moved here from search/rows.server.ts.
 */

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
      recognised: recognisedSql,
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
  return q
    .where(which.afterId ? gt(job.id, which.afterId) : undefined)
    .orderBy(asc(job.id))
    .limit(which.limit);
}

/** The documents of public jobs among the selected rows (search/sources.ts). */
export const jobDocuments: DocumentSource = async (db, today, which) => {
  const rows = await loadJobRows(db, which);
  return { docs: rows.filter((r) => isJobPublic(r, today)).map(jobToDocument), lastId: lastIdOf(rows, which) };
};

/** Recompute the folded search text the PostgreSQL fallback uses (title, trade, organisation, place…). */
export async function refreshJobSearchText(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(job)
    .set({
      searchText: sql`concat_ws(' ', ${job.title}, (select name_vi from occupation where code = ${job.occupationCode}),
        (select name from organization where id = ${job.organizationId}), array_to_string(${job.skills}, ' '),
        (select name from commune where code = ${job.communeCode}), (select name from province where code = ${job.provinceCode}),
        left(${job.description}, 1000))`,
    })
    .where(inArray(job.id, ids));
}
