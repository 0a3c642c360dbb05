import { and, asc, eq, gte, isNotNull } from "drizzle-orm";

import { selectJobRows } from "~/modules/jobs/search-rows.server";
import * as shared from "~/modules/listings/public.server";
import { isJobPublic, isTrainingPublic } from "~/modules/listings/visibility";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { job, organization, trainingLeadsToJob, trainingLevel, trainingSlot } from "../../../db/schema";
import { type TrainingDocument } from "../../../search/facade.server";
import { loadTrainingRows } from "./search-rows.server";

/** What the public pages show of a training slot: picked field by field, like jobs/public.server.ts (shared parts: listings/public.server.ts). */

export type PublicTrainingCard = {
  id: string;
  title: string;
  trade: string;
  tradeEn: string;
  levelCode: string;
  organizationName: string;
  communeName: string;
  provinceName: string;
  durationWeeks: number;
  startsAt: string | null;
  applicationDeadline: string | null;
  costVnd: number;
  free: boolean;
  support: string[];
  leadsToJobs: number;
  /** Given by a business at its workplace; its stipend (VND a month) and the job at the same business. */
  byBusiness: boolean;
  stipendVnd: number | null;
  ownJobTitle: string | null;
};

export function trainingCard(doc: TrainingDocument): PublicTrainingCard {
  return {
    id: doc.id,
    title: doc.title,
    trade: doc.trade,
    tradeEn: doc.tradeEn,
    levelCode: doc.levelCode,
    organizationName: doc.organizationName,
    communeName: doc.communeName,
    provinceName: doc.provinceName,
    durationWeeks: doc.durationWeeks,
    startsAt: shared.isoFromDayNumber(doc.startsAt),
    applicationDeadline: shared.isoFromDayNumber(doc.applicationDeadline),
    costVnd: doc.costVnd,
    free: doc.free,
    support: doc.support,
    leadsToJobs: doc.leadsToJobs,
    // Documents indexed before these fields existed lack them until the next sync.
    byBusiness: doc.byBusiness ?? false,
    stipendVnd: doc.stipendVnd ?? null,
    ownJobTitle: doc.ownJobTitle ?? null,
  };
}

export type PublicTraining = {
  id: string;
  title: string;
  trade: string;
  tradeEn: string;
  levelCode: string;
  levelNameVi: string;
  levelNameEn: string;
  description: string;
  durationWeeks: number;
  schedule: string;
  startsAt: string;
  applicationDeadline: string;
  seats: number;
  costVnd: number;
  free: boolean;
  support: string[];
  address: string;
  communeName: string;
  provinceName: string;
  publishedAt: string | null;
  byBusiness: boolean;
  stipendVnd: number | null;
  organization: shared.PublicOrganization;
  /** Open, public jobs the course leads to (a closed or expired partner job is not shown). */
  leadsTo: (shared.RelatedListing & {
    /** A job of the business that gives the training ("at the same business"). */
    sameOrganization: boolean;
    wageMin: number;
    wageMax: number;
  })[];
};

/** A training slot as its public page shows it, or null unless the public may see it today. */
export async function getPublicTraining(id: string): Promise<PublicTraining | null> {
  const today = todayIso();
  const [row] = await loadTrainingRows(db(), { ids: [id] });
  if (!row || !isTrainingPublic(row, today)) return null;

  const [[extra], jobs] = await Promise.all([
    db()
      .select({
        address: trainingSlot.address,
        levelNameVi: trainingLevel.nameVi,
        levelNameEn: trainingLevel.nameEn,
        ...shared.publicOrganizationColumns,
      })
      .from(trainingSlot)
      .innerJoin(organization, shared.organizationOfListing(trainingSlot.organizationId))
      .innerJoin(trainingLevel, eq(trainingLevel.code, trainingSlot.levelCode))
      .where(eq(trainingSlot.id, id)),
    selectJobRows(db())
      .innerJoin(trainingLeadsToJob, eq(trainingLeadsToJob.jobId, job.id))
      .where(
        and(
          eq(trainingLeadsToJob.trainingSlotId, id),
          eq(job.status, "open"),
          isNotNull(job.publishedAt),
          gte(job.closesAt, today),
        ),
      )
      .orderBy(asc(job.closesAt))
      .limit(20),
  ]);
  if (!extra) return null;

  return {
    id: row.id,
    title: row.title,
    trade: row.occupationNameVi,
    tradeEn: row.occupationNameEn,
    levelCode: row.levelCode,
    levelNameVi: extra.levelNameVi,
    levelNameEn: extra.levelNameEn,
    description: row.description,
    durationWeeks: row.durationWeeks,
    schedule: row.schedule,
    startsAt: row.startsAt,
    applicationDeadline: row.applicationDeadline,
    seats: row.seats,
    costVnd: row.costVnd,
    free: row.costVnd === 0 || row.support.includes("free"),
    support: row.support,
    address: extra.address,
    communeName: row.communeName,
    provinceName: row.provinceName,
    publishedAt: shared.isoOrNull(row.publishedAt),
    byBusiness: row.byBusiness,
    stipendVnd: row.stipendVnd,
    organization: shared.publicOrganization(row.organizationName, extra),
    leadsTo: jobs
      .filter((j) => isJobPublic(j, today))
      .map((j) => ({
        ...shared.relatedListing(j),
        sameOrganization: j.organizationId === row.organizationId,
        wageMin: j.wageMin,
        wageMax: j.wageMax,
      })),
  };
}
