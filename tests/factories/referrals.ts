import type { OrgScope } from "../../app/auth/org-scope.server";
import type { StaffScope } from "../../app/auth/scope.server";
import { createEnrolment } from "../../app/modules/placements/enrolments.server";
import { createPlacement } from "../../app/modules/placements/placements.server";
import { enrolmentSchema, placementSchema } from "../../app/modules/placements/schema.server";
import { createReferral } from "../../app/modules/referrals/referrals.server";
import { moveSchema, referSchema } from "../../app/modules/referrals/schema.server";
import { moveReferralAsOrganization } from "../../app/modules/referrals/status.server";
import type { FormValues } from "../../app/utils/forms";
import type { ReferralKind } from "../../db/enums";
import { daysFromToday } from "./marketplace";

/**
 * Referrals, placements and enrolments built through the real services (consent, eligibility, history,
 * audit and notifications included), so a test's data is what the pages would have produced.
 */

/** The officer refers the person to a listing, sharing `fields` (by default no name: the organisation never sees it). */
export async function refer(officer: StaffScope, personId: string, kind: ReferralKind, listingId: string, fields: string[] = ["age", "commune", "skills", "trades"]) {
  const outcome = await createReferral(officer, personId, referSchema.parse({ kind, listingId, fields, note: "" }));
  if (!outcome.ok) throw new Error(`createReferral failed: ${JSON.stringify(outcome)}`);
  return outcome.referralId;
}

/** The employer or provider takes the person (straight from referred or seen). */
export async function acceptReferral(org: OrgScope, referralId: string) {
  const outcome = await moveReferralAsOrganization(org, referralId, moveSchema.parse({ intent: "accept", note: "" }));
  if (!outcome.ok) throw new Error(`accept failed: ${JSON.stringify(outcome)}`);
}

/** A placement from an accepted job referral (the service schedules its four follow-ups). */
export async function placeFromReferral(officer: StaffScope, personId: string, referralId: string, overrides: FormValues = {}) {
  const input = placementSchema.parse({
    referralId,
    position: "Thợ sửa xe máy",
    wage: "5.500.000",
    contractKind: "labour_contract",
    startDate: daysFromToday(0),
    ...overrides,
  });
  const outcome = await createPlacement(officer, personId, input);
  if (!outcome.ok) throw new Error(`createPlacement failed: ${JSON.stringify(outcome)}`);
  return outcome.placementId;
}

/** An enrolment from an accepted course referral. */
export async function enrolFromReferral(officer: StaffScope, personId: string, referralId: string, enrolledOn = daysFromToday(0)) {
  const outcome = await createEnrolment(officer, personId, enrolmentSchema.parse({ referralId, enrolledOn }));
  if (!outcome.ok) throw new Error(`createEnrolment failed: ${JSON.stringify(outcome)}`);
  return outcome.enrolmentId;
}
