import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "../../../db/client.server";
import { job, organization, trainingLeadsToJob, trainingSlot } from "../../../db/schema";
import { indexSoon, touch } from "../../../search/facade.server";
import { orgScope, type OrgScope } from "../../auth/org-scope.server";
import { requirePermission, type Permission } from "../../auth/permissions.server";
import { requireUser } from "../../auth/session.server";
import { now } from "../../utils/clock.server";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../../utils/forms";
import { EMPLOYER_KINDS, PROVIDER_KINDS } from "../accounts/schema.server";
import { isCommuneInProvince, listCommunes, listProvinces } from "../admin-units/admin-units.server";
import { refreshJobSearchText } from "../jobs/search-rows.server";
import { refreshTrainingSearchText } from "../trainings/search-rows.server";
import { enqueueOrganizationListings } from "./organizations.server";
import { organizationProfileSchema, type OrganizationProfileInput } from "./schema.server";
import { notFound } from "../../utils/http.server";

export function kindsFor(role: OrgScope["role"]): readonly string[] {
  return role === "employer" ? EMPLOYER_KINDS : PROVIDER_KINDS;
}

export async function getOrganizationProfile(scope: OrgScope) {
  const [row] = await db().select().from(organization).where(eq(organization.id, scope.organizationId));
  return row;
}

export type ProfileOutcome = { ok: true; reverification: boolean } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true };

/**
 * Update the actor's organisation. Its jobs and courses show its name and pledge, so their search text is
 * refreshed and they are queued for re-indexing in the same transaction. Back to pending verification:
 * a verified organisation that moves to another province (its police have not vouched for it), and a
 * rejected one that has corrected its profile (so the police see it again).
 */
export async function updateOrganizationProfile(scope: OrgScope, input: OrganizationProfileInput): Promise<ProfileOutcome> {
  const errors: FieldErrors = {};
  if (!kindsFor(scope.role).includes(input.kind)) errors.kind = { key: "validation.choose" };
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode))) errors.communeCode = { key: "validation.commune" };
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
      (current.verificationStatus === "verified" && current.provinceCode !== input.provinceCode) || current.verificationStatus === "rejected";
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
        ...(reverification ? { verificationStatus: "pending" as const, verifiedAt: null, verifiedBy: null, rejectionReason: null } : {}),
      })
      .where(eq(organization.id, organizationId));
    const jobIds = (await tx.select({ id: job.id }).from(job).where(eq(job.organizationId, organizationId))).map((r) => r.id);
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
      await touch(tx, "training", linked.map((l) => l.id));
    }
    return { reverification };
  });
  if (!result) return { ok: false, notFound: true };
  indexSoon();
  return { ok: true, reverification: result.reverification };
}

/* The /employer/profile and /provider/profile pages share one loader and one action. */

type ProfileRole = OrgScope["role"];
const HOME = {
  employer: { permission: "view:home:employer", path: "/employer" },
  provider: { permission: "view:home:provider", path: "/provider" },
} as const;

/** The scope of a logged-in employer or provider holding every given permission (else login or 403). */
export async function requireOrganizationScope(request: Request, ...permissions: Permission[]): Promise<OrgScope> {
  const user = await requireUser(request);
  for (const permission of permissions) requirePermission(user, permission);
  return orgScope(user);
}

function requireProfileScope(request: Request, role: ProfileRole): Promise<OrgScope> {
  return requireOrganizationScope(request, HOME[role].permission, "edit:organization:own");
}

const savedParam = z.enum(["updated", "reverify"]).optional().catch(undefined);

function communesOf(provinceCode: unknown) {
  return typeof provinceCode === "string" && /^\d{2}$/.test(provinceCode) ? listCommunes(provinceCode) : Promise.resolve([]);
}

function profileValues(row: typeof organization.$inferSelect): FormValues {
  const values: FormValues = {
    name: row.name,
    kind: row.kind,
    taxCode: row.taxCode ?? "",
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    description: row.description,
    acceptsUnexpunged: row.acceptsUnexpunged,
  };
  if (row.fairChancePledgedAt) values.fairChancePledge = "yes";
  return values;
}

export async function organizationProfileLoader(role: ProfileRole, { request }: LoaderFunctionArgs) {
  const scope = await requireProfileScope(request, role);
  const row = await getOrganizationProfile(scope);
  if (!row) throw notFound();
  const [provinces, communes] = await Promise.all([listProvinces(), listCommunes(row.provinceCode)]);
  return json({
    role,
    kinds: kindsFor(role),
    values: profileValues(row),
    verificationStatus: row.verificationStatus,
    pledgedAt: row.fairChancePledgedAt,
    provinces,
    communes,
    saved: savedParam.parse(new URL(request.url).searchParams.get("saved") ?? undefined),
  });
}

export async function organizationProfileAction(role: ProfileRole, { request }: ActionFunctionArgs) {
  const scope = await requireProfileScope(request, role);
  const values = await readForm(request);
  const communes = await communesOf(values.provinceCode);
  // Without JavaScript, "load communes" posts the form: answer with the same values and the list.
  if (values.intent === "load-communes") return json({ values, errors: {} as FieldErrors, communes });
  const parsed = validateForm(organizationProfileSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors, communes }, { status: 400 });
  const outcome = await updateOrganizationProfile(scope, parsed.data);
  if (!outcome.ok && "notFound" in outcome) throw notFound();
  if (!outcome.ok) return json({ values, errors: outcome.errors, communes }, { status: 400 });
  return redirect(`${HOME[role].path}/profile?saved=${outcome.reverification ? "reverify" : "updated"}`);
}
