import { eq, inArray } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import { EMPLOYER_KINDS, PROVIDER_KINDS } from "~/modules/accounts/schema.server";
import { isCommuneInProvince } from "~/modules/admin-units/admin-units.server";
import { refreshJobSearchText } from "~/modules/jobs/search-rows.server";
import { refreshTrainingSearchText } from "~/modules/trainings/search-rows.server";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db } from "../../../db/client.server";
import { job, organization, trainingLeadsToJob, trainingSlot } from "../../../db/schema";
import { indexSoon, touch } from "../../../search/facade.server";
import { enqueueOrganizationListings } from "./organizations.server";
import type { OrganizationProfileInput } from "./schema.server";

export function kindsFor(role: OrgScope["role"]): readonly string[] {
  return role === "employer" ? EMPLOYER_KINDS : PROVIDER_KINDS;
}

export async function getOrganizationProfile(scope: OrgScope) {
  const [row] = await db().select().from(organization).where(eq(organization.id, scope.organizationId));
  return row;
}

export type ProfileOutcome = Outcome<{ reverification: boolean }>;

/**
 * Update the actor's organisation. Its jobs and courses show its name and pledge, so their search text is
 * refreshed and they are queued for re-indexing in the same transaction. Back to pending verification:
 * a verified organisation that moves to another province (its police have not vouched for it), and a
 * rejected one that has corrected its profile (so the police see it again).
 */
export async function updateOrganizationProfile(
  scope: OrgScope,
  input: OrganizationProfileInput,
): Promise<ProfileOutcome> {
  const errors: FieldErrors = {};
  if (!kindsFor(scope.role).includes(input.kind)) errors.kind = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode)))
    errors.communeCode = { key: "validation.commune" };
  if (Object.keys(errors).length) return { ok: false, errors };

  const organizationId = scope.organizationId;
  const result = await db().transaction(async (tx) => {
    // Locked, so the pledge date and the verification state follow from what is stored right now.
    const [current] = await tx
      .select({
        provinceCode: organization.provinceCode,
        verificationStatus: organization.verificationStatus,
        fairChancePledgedAt: organization.fairChancePledgedAt,
      })
      .from(organization)
      .where(eq(organization.id, organizationId))
      .for("update");
    if (!current) return undefined;
    const reverification =
      (current.verificationStatus === "verified" && current.provinceCode !== input.provinceCode) ||
      current.verificationStatus === "rejected";
    await tx
      .update(organization)
      .set({
        name: input.name,
        kind: input.kind,
        taxCode: input.taxCode,
        provinceCode: input.provinceCode,
        communeCode: input.communeCode,
        address: input.address,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        description: input.description,
        acceptsUnexpunged: input.acceptsUnexpunged,
        // Keep the date it was first signed; unticking withdraws it.
        fairChancePledgedAt: input.fairChancePledge ? (current.fairChancePledgedAt ?? now()) : null,
        updatedAt: now(),
        ...(reverification
          ? { verificationStatus: "pending" as const, verifiedAt: null, verifiedBy: null, rejectionReason: null }
          : {}),
      })
      .where(eq(organization.id, organizationId));
    const jobIds = (await tx.select({ id: job.id }).from(job).where(eq(job.organizationId, organizationId))).map(
      (r) => r.id,
    );
    const trainingIds = (
      await tx.select({ id: trainingSlot.id }).from(trainingSlot).where(eq(trainingSlot.organizationId, organizationId))
    ).map((r) => r.id);
    await refreshJobSearchText(tx, jobIds);
    await refreshTrainingSearchText(tx, trainingIds);
    await enqueueOrganizationListings(tx, organizationId);
    if (reverification && jobIds.length) {
      // Other providers' courses count this organisation's open jobs, which just stopped being public.
      const linked = await tx
        .selectDistinct({ id: trainingLeadsToJob.trainingSlotId })
        .from(trainingLeadsToJob)
        .where(inArray(trainingLeadsToJob.jobId, jobIds));
      await touch(
        tx,
        "training",
        linked.map((l) => l.id),
      );
    }
    return { reverification };
  });
  if (!result) return { ok: false, notFound: true };
  indexSoon();
  return { ok: true, reverification: result.reverification };
}
