import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { commune, job, organization } from "../../../db/schema";
import { todayIso } from "../../utils/clock.server";
import type { FieldErrors } from "../../utils/forms";

export type PartnerJob = { id: string; title: string; organizationName: string; communeName: string };

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

export async function listPartnerJobs(provinceCode: string): Promise<PartnerJob[]> {
  if (!/^\d{2}$/.test(provinceCode)) return [];
  return db()
    .select({ id: job.id, title: job.title, organizationName: organization.name, communeName: commune.name })
    .from(job)
    .innerJoin(organization, eq(organization.id, job.organizationId))
    .innerJoin(commune, eq(commune.code, job.communeCode))
    .where(partnerJobsWhere(provinceCode))
    .orderBy(asc(organization.name), asc(job.title))
    .limit(300);
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
