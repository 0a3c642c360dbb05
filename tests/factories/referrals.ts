import { eq } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { createEnrolment } from "~/modules/placements/enrolments.server";
import { createPlacement } from "~/modules/placements/placements.server";
import { enrolmentSchema, placementSchema } from "~/modules/placements/schema.server";
import { createReferral } from "~/modules/referrals/referrals.server";
import { moveSchema, officerMoveSchema, personAnswerSchema, referSchema } from "~/modules/referrals/schema.server";
import {
  answerReferralAsPerson,
  moveReferralAsOfficer,
  moveReferralAsOrganization,
} from "~/modules/referrals/status.server";
import type { FormValues } from "~/utils/forms";

import { db } from "../../db/client.server";
import type { ReferralKind } from "../../db/enums";
import { referral, releasedPerson } from "../../db/schema";
import { daysFromToday } from "./marketplace";

/**
 * Referrals, placements and enrolments built through the real services (consent, eligibility, history,
 * audit and notifications included), so a test's data is what the pages would have produced.
 */

/** The officer refers the person to a listing, sharing `fields` (by default no name: the organisation never sees it). */
export async function refer(
  officer: StaffScope,
  personId: string,
  kind: ReferralKind,
  listingId: string,
  fields: string[] = ["age", "commune", "skills", "trades"],
) {
  const outcome = await createReferral(officer, personId, referSchema.parse({ kind, listingId, fields, note: "" }));
  if (!outcome.ok) throw new Error(`createReferral failed: ${JSON.stringify(outcome)}`);
  return outcome.referralId;
}

/** The employer or provider offers to take the person: the referral then waits for the person's answer. */
export async function offerReferral(org: OrgScope, referralId: string) {
  const outcome = await moveReferralAsOrganization(org, referralId, moveSchema.parse({ intent: "offer", note: "" }));
  if (!outcome.ok) throw new Error(`offer failed: ${JSON.stringify(outcome)}`);
}

/** The person's answer to an offer: in the app (their account's user id) or recorded by an officer (with how). */
export async function answerReferral(
  by: { userId: string } | { officer: StaffScope; channel?: "phone" | "meeting" | "other" },
  referralId: string,
  answer: "person_accepted" | "person_declined" = "person_accepted",
  note = "",
) {
  const outcome =
    "userId" in by
      ? await answerReferralAsPerson(by.userId, personAnswerSchema.parse({ intent: answer, referralId, note }))
      : await moveReferralAsOfficer(
          by.officer,
          referralId,
          officerMoveSchema.parse({ intent: answer, note, channel: by.channel ?? "phone" }),
        );
  if (!outcome.ok) throw new Error(`${answer} failed: ${JSON.stringify(outcome)}`);
}

/**
 * The employer or provider takes the person, who says yes: an offer, then the person's yes recorded by
 * an officer of their commune (by phone) — the only way a referral becomes accepted.
 */
export async function acceptReferral(org: OrgScope, referralId: string, officer?: StaffScope) {
  await offerReferral(org, referralId);
  const scope = officer ?? (await officerForReferral(referralId));
  await answerReferral({ officer: scope, channel: "phone" }, referralId);
}

/**
 * A date before today is before the acceptance these factories just made: the officer confirms it with a
 * reason, as the form asks (tests of that rule call the services directly).
 */
function backdated(date: unknown): FormValues {
  return typeof date === "string" && date < daysFromToday(0)
    ? { confirmBackdate: "on", backdateReason: "Ghi nhận muộn: đã đi làm từ trước." }
    : {};
}

/** A placement from an accepted job referral (the service schedules its four follow-ups). */
export async function placeFromReferral(
  officer: StaffScope,
  personId: string,
  referralId: string,
  overrides: FormValues = {},
) {
  const input = placementSchema.parse({
    referralId,
    position: "Thợ sửa xe máy",
    wage: "5.500.000",
    contractKind: "labour_contract",
    startDate: daysFromToday(0),
    ...backdated(overrides.startDate),
    ...overrides,
  });
  const outcome = await createPlacement(officer, personId, input);
  if (!outcome.ok) throw new Error(`createPlacement failed: ${JSON.stringify(outcome)}`);
  return outcome.placementId;
}

/** An enrolment from an accepted course referral. */
export async function enrolFromReferral(
  officer: StaffScope,
  personId: string,
  referralId: string,
  enrolledOn = daysFromToday(0),
) {
  const outcome = await createEnrolment(
    officer,
    personId,
    enrolmentSchema.parse({ referralId, enrolledOn, ...backdated(enrolledOn) }),
  );
  if (!outcome.ok) throw new Error(`createEnrolment failed: ${JSON.stringify(outcome)}`);
  return outcome.enrolmentId;
}

/** The officer who made the referral, with the scope of the person's commune (to record the person's answer). */
async function officerForReferral(referralId: string): Promise<StaffScope> {
  const [row] = await db()
    .select({
      createdBy: referral.createdBy,
      communeCode: releasedPerson.communeCode,
      provinceCode: releasedPerson.provinceCode,
    })
    .from(referral)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
    .where(eq(referral.id, referralId));
  if (!row?.createdBy) throw new Error(`no referring officer for ${referralId}`);
  return {
    actorId: row.createdBy,
    role: "officer",
    provinceCodes: [row.provinceCode],
    communeCodes: [row.communeCode],
  };
}
