import { and, asc, eq, gte, inArray, type SQL } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import { todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { commune, job, organization } from "../../../db/schema";

/**
 * A job a training slot may lead to, with what tells two postings apart: an employer may run several open
 * postings with the same title at the same place (the demo marketplace does), and a list of "title ·
 * employer · commune" alone then shows what looks like one job three times.
 */
export type PartnerJob = {
  id: string;
  title: string;
  organizationName: string;
  communeName: string;
  wageMin: number;
  wageMax: number;
  closesAt: string;
};

/** Jobs a course may lead to: open, not past their closing date, of verified employers in the province. */
function partnerJobsWhere(provinceCode: string) {
  return and(
    eq(job.provinceCode, provinceCode),
    eq(job.status, "open"),
    gte(job.closesAt, todayIso()),
    eq(organization.role, "employer"),
    eq(organization.verificationStatus, "verified"),
  );
}

/** An employer's own slot leads only to its own open jobs (the business trains for itself). */
function ownJobsWhere(organizationId: string) {
  return and(eq(job.organizationId, organizationId), eq(job.status, "open"), gte(job.closesAt, todayIso()));
}

function selectJobs(where: SQL | undefined) {
  return (
    db()
      .select({
        id: job.id,
        title: job.title,
        organizationName: organization.name,
        communeName: commune.name,
        wageMin: job.wageMin,
        wageMax: job.wageMax,
        closesAt: job.closesAt,
      })
      .from(job)
      .innerJoin(organization, eq(organization.id, job.organizationId))
      .innerJoin(commune, eq(commune.code, job.communeCode))
      .where(where)
      // The id last: postings alike in everything shown keep one stable order.
      .orderBy(asc(organization.name), asc(job.title), asc(job.closesAt), asc(job.id))
      .limit(300)
  );
}

export async function listPartnerJobs(provinceCode: string): Promise<PartnerJob[]> {
  if (!/^\d{2}$/.test(provinceCode)) return [];
  return selectJobs(partnerJobsWhere(provinceCode));
}

/** The jobs the form offers: a provider's partner jobs of the province, an employer's own open jobs. */
export async function listLinkableJobs(scope: OrgScope, provinceCode: string): Promise<PartnerJob[]> {
  return scope.role === "employer" ? selectJobs(ownJobsWhere(scope.organizationId)) : listPartnerJobs(provinceCode);
}

/** The chosen jobs must all be partner jobs of the course's province (the ids come from the browser). */
export async function checkPartnerJobs(provinceCode: string, jobIds: string[]): Promise<FieldErrors> {
  if (jobIds.length === 0) return {};
  const found = await db()
    .select({ id: job.id })
    .from(job)
    .innerJoin(organization, eq(organization.id, job.organizationId))
    .where(and(inArray(job.id, jobIds), partnerJobsWhere(provinceCode)));
  return found.length === new Set(jobIds).size ? {} : { leadsToJobIds: { key: "trainings.error.partnerJob" } };
}

/** A business's slot leads to at most one job, and it must be one of its own open jobs. */
export async function checkLinkableJobs(scope: OrgScope, provinceCode: string, jobIds: string[]): Promise<FieldErrors> {
  if (scope.role !== "employer") return checkPartnerJobs(provinceCode, jobIds);
  if (jobIds.length === 0) return {};
  if (new Set(jobIds).size > 1) return { leadsToJobIds: { key: "trainings.error.ownJobOne" } };
  const found = await db()
    .select({ id: job.id })
    .from(job)
    .where(and(inArray(job.id, jobIds), ownJobsWhere(scope.organizationId)));
  return found.length === 1 ? {} : { leadsToJobIds: { key: "trainings.error.ownJob" } };
}
