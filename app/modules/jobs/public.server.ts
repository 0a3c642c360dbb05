import { and, asc, eq, gte, isNotNull } from "drizzle-orm";

import * as shared from "~/modules/listings/public.server";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { selectTrainingRows } from "~/modules/trainings/search-rows.server";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { job, organization, trainingLeadsToJob, trainingSlot } from "../../../db/schema";
import { type JobDocument } from "../../../search/facade.server";
import { loadJobRows } from "./search-rows.server";

/**
 * What the public pages show of a job. Built field by field, never spread from a row: officer-only
 * columns (excluded offence categories, the exclusion reason) must not reach loader data by accident.
 */

export type PublicJobCard = {
  id: string;
  title: string;
  organizationName: string;
  fairChance: boolean;
  /** Listed in the directory of fair-chance employers (earned, unlike the pledge). */
  recognised: boolean;
  communeName: string;
  provinceName: string;
  wageMin: number;
  wageMax: number;
  employmentType: string;
  benefits: string[];
  closesAt: string | null;
};

/** A search hit trimmed to what a result card shows (the page stays small on a slow phone). */
export function jobCard(doc: JobDocument): PublicJobCard {
  return {
    id: doc.id,
    title: doc.title,
    organizationName: doc.organizationName,
    fairChance: doc.fairChance,
    recognised: doc.recognised,
    communeName: doc.communeName,
    provinceName: doc.provinceName,
    wageMin: doc.wageMin,
    wageMax: doc.wageMax,
    employmentType: doc.employmentType,
    benefits: doc.benefits,
    closesAt: shared.isoFromDayNumber(doc.closesAt),
  };
}

export type PublicJob = {
  id: string;
  title: string;
  occupationNameVi: string;
  occupationNameEn: string;
  description: string;
  experience: string;
  skills: string[];
  workplaceAddress: string;
  communeName: string;
  provinceName: string;
  wageMin: number;
  wageMax: number;
  employmentType: string;
  openings: number;
  benefits: string[];
  startsAt: string | null;
  closesAt: string;
  publishedAt: string | null;
  organization: shared.PublicOrganization & { recognised: boolean };
  relatedTrainings: (shared.RelatedListing & { startsAt: string; costVnd: number; free: boolean })[];
};

/** A job as its public page shows it, or null unless the public may see it today. */
export async function getPublicJob(id: string): Promise<PublicJob | null> {
  const today = todayIso();
  const [row] = await loadJobRows(db(), { ids: [id] });
  if (!row || !isJobPublic(row, today)) return null;

  const [[extra], trainings] = await Promise.all([
    db()
      .select({
        experience: job.experience,
        ...shared.publicOrganizationColumns,
      })
      .from(job)
      .innerJoin(organization, shared.organizationOfListing(job.organizationId))
      .where(eq(job.id, id)),
    // Open courses that lead to this job: the same public rule as the courses' own pages.
    selectTrainingRows(db())
      .innerJoin(trainingLeadsToJob, eq(trainingLeadsToJob.trainingSlotId, trainingSlot.id))
      .where(
        and(
          eq(trainingLeadsToJob.jobId, id),
          eq(trainingSlot.status, "open"),
          isNotNull(trainingSlot.publishedAt),
          gte(trainingSlot.applicationDeadline, today),
        ),
      )
      .orderBy(asc(trainingSlot.startsAt))
      .limit(10),
  ]);
  if (!extra) return null;

  return {
    id: row.id,
    title: row.title,
    occupationNameVi: row.occupationNameVi,
    occupationNameEn: row.occupationNameEn,
    description: row.description,
    experience: extra.experience,
    skills: row.skills,
    workplaceAddress: row.workplaceAddress,
    communeName: row.communeName,
    provinceName: row.provinceName,
    wageMin: row.wageMin,
    wageMax: row.wageMax,
    employmentType: row.employmentType,
    openings: row.openings,
    benefits: row.benefits,
    startsAt: row.startsAt,
    closesAt: row.closesAt,
    publishedAt: shared.isoOrNull(row.publishedAt),
    organization: { ...shared.publicOrganization(row.organizationName, extra), recognised: row.recognised },
    relatedTrainings: trainings
      .filter((t) => isTrainingPublic(t, today))
      .map((t) => ({
        ...shared.relatedListing(t),
        startsAt: t.startsAt,
        costVnd: t.costVnd,
        free: t.costVnd === 0 || t.support.includes("free"),
      })),
  };
}
