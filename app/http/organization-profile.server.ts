import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";

import { type OrgScope, requireOrganizationScope } from "~/auth/org-scope.server";
import { listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { getDirectoryStatus, setDirectoryListing } from "~/modules/organizations/directory.server";
import { getOrganizationProfile, kindsFor, updateOrganizationProfile } from "~/modules/organizations/profile.server";
import { organizationProfileSchema } from "~/modules/organizations/schema.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";

import { notFound, orNotFound } from "./responses.server";

/* The /employer/profile and /provider/profile pages share one loader and one action. */

type ProfileRole = OrgScope["role"];
const HOME = {
  employer: { permission: "view:home:employer", path: "/employer" },
  provider: { permission: "view:home:provider", path: "/provider" },
} as const;

function requireProfileScope(request: Request, role: ProfileRole): Promise<OrgScope> {
  return requireOrganizationScope(request, HOME[role].permission, "edit:organization:own");
}

type OrganizationRow = NonNullable<Awaited<ReturnType<typeof getOrganizationProfile>>>;

const savedParam = z.enum(["updated", "reverify"]).optional().catch(undefined);
/** The answer to the directory form (decision 045): joined, left, or refused (not eligible). */
const directoryParam = z.enum(["joined", "left", "refused"]).optional().catch(undefined);

function communesOf(provinceCode: unknown) {
  return typeof provinceCode === "string" && /^\d{2}$/.test(provinceCode)
    ? listCommunes(provinceCode)
    : Promise.resolve([]);
}

function profileValues(row: OrganizationRow): FormValues {
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
  const [provinces, communes, directory] = await Promise.all([
    listProvinces(),
    listCommunes(row.provinceCode),
    // An employer's place in the directory of fair-chance employers (providers have none).
    role === "employer" ? getDirectoryStatus(scope) : undefined,
  ]);
  const params = new URL(request.url).searchParams;
  return json({
    role,
    kinds: kindsFor(role),
    values: profileValues(row),
    verificationStatus: row.verificationStatus,
    pledgedAt: row.fairChancePledgedAt,
    provinces,
    communes,
    saved: savedParam.parse(params.get("saved") ?? undefined),
    directory: directory
      ? {
          ...directory,
          listedAt: directory.listedAt ? directory.listedAt.toISOString() : null,
          answer: directoryParam.parse(params.get("directory") ?? undefined),
        }
      : null,
  });
}

export async function organizationProfileAction(role: ProfileRole, { request }: ActionFunctionArgs) {
  const scope = await requireProfileScope(request, role);
  const values = await readForm(request);
  // The directory's one-click form (an employer's only): appear in it or leave it.
  if (role === "employer" && (values.intent === "directory-join" || values.intent === "directory-leave")) {
    const outcome = orNotFound(await setDirectoryListing(scope, values.intent === "directory-join"));
    const answer = outcome.ok ? (outcome.listed ? "joined" : "left") : "refused";
    return redirect(`${HOME[role].path}/profile?directory=${answer}#directory`);
  }
  const communes = await communesOf(values.provinceCode);
  // Without JavaScript, "load communes" posts the form: answer with the same values and the list.
  if (values.intent === "load-communes") return json({ values, errors: {} as FieldErrors, communes });
  const parsed = validateForm(organizationProfileSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors, communes }, { status: 400 });
  const outcome = orNotFound(await updateOrganizationProfile(scope, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors, communes }, { status: 400 });
  return redirect(`${HOME[role].path}/profile?saved=${outcome.reverification ? "reverify" : "updated"}`);
}
