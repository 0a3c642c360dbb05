import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";

import { type OrgScope, requireOrganizationScope } from "~/auth/org-scope.server";
import { postMessageAsOrganization } from "~/modules/referrals/messages.server";
import { moveSchema, statusFilterSchema } from "~/modules/referrals/schema.server";
import { markSeen, moveReferralAsOrganization } from "~/modules/referrals/status.server";
import { allowedMoves } from "~/modules/referrals/transitions";
import {
  getReferralForOrganization,
  listReferralsForOrganization,
  openReferralCountsForOrganization,
} from "~/modules/referrals/views.server";

import { referralAction } from "./referral-action.server";
import { doneParam, found, idOf } from "./responses.server";

/*
 * /employer/referrals and /provider/referrals share these loaders and this action: an employer answers
 * referrals to its jobs, a provider to its courses. Route files wrap them in arrow functions (the browser
 * bundle drops server modules).
 */

type OrgRole = OrgScope["role"];
const AREA = {
  employer: { permission: "view:home:employer", path: "/employer/referrals" },
  provider: { permission: "view:home:provider", path: "/provider/referrals" },
} as const;

const requireScope = (request: Request, role: OrgRole) =>
  requireOrganizationScope(request, AREA[role].permission, "respond:referral:own");

const DONE = ["message", "interview", "offer", "decline"] as const;

export async function organizationReferralsLoader(role: OrgRole, { request }: LoaderFunctionArgs) {
  const scope = await requireScope(request, role);
  const status = statusFilterSchema.parse(new URL(request.url).searchParams.get("status") ?? undefined);
  const { rows, counts } = await listReferralsForOrganization(scope, { status });
  return json({ role, rows, counts, status: status ?? null }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function organizationReferralLoader(role: OrgRole, { request, params }: LoaderFunctionArgs) {
  const scope = await requireScope(request, role);
  const id = idOf(params.id);
  // Opening it is what "seen" means: before reading, so the page shows the new status.
  await markSeen(scope, id);
  const detail = found(await getReferralForOrganization(scope, id));
  return json(
    { role, referral: detail, moves: allowedMoves("organization", detail.status), done: doneParam(request, DONE) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function organizationReferralAction(role: OrgRole, { request, params }: ActionFunctionArgs) {
  const scope = await requireScope(request, role);
  const id = idOf(params.id);
  return referralAction(request, {
    page: `${AREA[role].path}/${id}`,
    schema: moveSchema,
    postMessage: (body) => postMessageAsOrganization(scope, id, body),
    move: (input) => moveReferralAsOrganization(scope, id, input),
  });
}

/** For the organisation's home: referrals not yet opened, and all still open. */
export async function organizationReferralCounts(request: Request, role: OrgRole) {
  const scope = await requireScope(request, role);
  return { ...(await openReferralCountsForOrganization(scope)), path: AREA[role].path };
}
