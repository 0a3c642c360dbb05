import { and, asc, count, eq, inArray, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { notify, usersOfOrganization } from "~/modules/notifications/notifications.server";
import { now } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { db } from "../../../db/client.server";
import { appUser, commune, job, organization, province, trainingSlot } from "../../../db/schema";
import { indexSoon, touch } from "../../../search/facade.server";

export type OrganizationView = {
  id: string;
  role: "employer" | "training_provider" | "police_unit";
  kind: (typeof organization.$inferSelect)["kind"];
  name: string;
  taxCode: string | null;
  address: string;
  communeName: string;
  provinceName: string;
  contactName: string;
  contactPhone: string;
  verificationStatus: "pending" | "verified" | "rejected";
  rejectionReason: string | null;
  createdAt: Date;
};

const viewColumns = {
  id: organization.id,
  role: organization.role,
  kind: organization.kind,
  name: organization.name,
  taxCode: organization.taxCode,
  address: organization.address,
  communeName: commune.name,
  provinceName: province.name,
  contactName: organization.contactName,
  contactPhone: organization.contactPhone,
  verificationStatus: organization.verificationStatus,
  rejectionReason: organization.rejectionReason,
  createdAt: organization.createdAt,
};

/** An organisation's own profile, for its members. */
export async function getOwnOrganization(organizationId: string): Promise<OrganizationView | undefined> {
  const [row] = await db()
    .select(viewColumns)
    .from(organization)
    .innerJoin(commune, eq(commune.code, organization.communeCode))
    .innerJoin(province, eq(province.code, organization.provinceCode))
    .where(eq(organization.id, organizationId));
  return row;
}

/** Employers and providers awaiting verification in the actor's provinces. */
export async function listPendingOrganizations(
  scope: StaffScope,
): Promise<(OrganizationView & { registeredBy: string | null })[]> {
  if (scope.provinceCodes.length === 0) return [];
  return db()
    .select({
      ...viewColumns,
      // The first account of the organisation registered it (one row per organisation, however many users).
      registeredBy: sql<
        string | null
      >`(select u.email from ${appUser} u where u.organization_id = ${organization.id} order by u.created_at limit 1)`,
    })
    .from(organization)
    .innerJoin(commune, eq(commune.code, organization.communeCode))
    .innerJoin(province, eq(province.code, organization.provinceCode))
    .where(and(eq(organization.verificationStatus, "pending"), inArray(organization.provinceCode, scope.provinceCodes)))
    .orderBy(asc(organization.createdAt));
}

export async function countPendingOrganizations(scope: StaffScope): Promise<number> {
  if (scope.provinceCodes.length === 0) return 0;
  const [row] = await db()
    .select({ n: count() })
    .from(organization)
    .where(
      and(eq(organization.verificationStatus, "pending"), inArray(organization.provinceCode, scope.provinceCodes)),
    );
  return Number(row?.n ?? 0);
}

export type Decision = { decision: "verify" } | { decision: "reject"; reason: string };

/**
 * Verify or reject a pending organisation. The id comes from the browser, so it is re-checked against
 * the actor's provinces: outside them it is "not found", exactly like an id that does not exist.
 */
export async function decideOrganization(
  scope: StaffScope,
  organizationId: string,
  decision: Decision,
): Promise<{ ok: true; name: string } | { ok: false; reason: "not_found" }> {
  if (scope.provinceCodes.length === 0) return { ok: false, reason: "not_found" };
  const row = await db().transaction(async (tx) => {
    const [updated] = await tx
      .update(organization)
      .set(
        decision.decision === "verify"
          ? { verificationStatus: "verified", rejectionReason: null, verifiedAt: now(), verifiedBy: scope.actorId }
          : {
              verificationStatus: "rejected",
              rejectionReason: decision.reason,
              verifiedAt: now(),
              verifiedBy: scope.actorId,
            },
      )
      .where(
        and(
          eq(organization.id, organizationId),
          eq(organization.verificationStatus, "pending"),
          inArray(organization.provinceCode, scope.provinceCodes),
        ),
      )
      .returning({ name: organization.name, role: organization.role });
    if (updated) {
      // Its listings become public (or not) with the organisation: re-sync them in the same transaction.
      await enqueueOrganizationListings(tx, organizationId);
      // Its staff hear the decision (in the app and, per their choice, by Zalo or e-mail) with it.
      await notify(tx, await usersOfOrganization(tx, organizationId), {
        messageKey: decision.decision === "verify" ? "notify.organization.verified" : "notify.organization.rejected",
        params: { organization: updated.name },
        link: updated.role === "training_provider" ? "/provider/profile" : "/employer/profile",
      });
    }
    return updated;
  });
  indexSoon();
  return row ? { ok: true, name: row.name } : { ok: false, reason: "not_found" };
}

export async function isOrganizationVerified(organizationId: string): Promise<boolean> {
  const [org] = await db()
    .select({ status: organization.verificationStatus })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return org?.status === "verified";
}

/** Queue every job and training slot of an organisation for re-indexing (its name or status changed). */
export async function enqueueOrganizationListings(tx: Executor, organizationId: string): Promise<void> {
  const jobs = await tx.select({ id: job.id }).from(job).where(eq(job.organizationId, organizationId));
  const trainings = await tx
    .select({ id: trainingSlot.id })
    .from(trainingSlot)
    .where(eq(trainingSlot.organizationId, organizationId));
  await touch(
    tx,
    "job",
    jobs.map((j) => j.id),
  );
  await touch(
    tx,
    "training",
    trainings.map((t) => t.id),
  );
}
