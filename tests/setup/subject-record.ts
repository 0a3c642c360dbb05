import { and, desc, eq } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";

import type { Database } from "../../db/client.server";
import { followUp, notification } from "../../db/schema";
import { UNITS } from "../factories";
import { daysFromToday } from "../factories/marketplace";
import { acceptReferral, enrolFromReferral, placeFromReferral, refer } from "../factories/referrals";
import { fairWith, holdMeeting, listLoan, modelCovering } from "../factories/support";

/*
 * A subject with a record every person-related page can show, built through the real services: shared by
 * the role × route matrix, the bad-input query strings (tests/integration) and the policy table and id
 * guessing against the running app (tests/reliability/support/fixtures.ts). The subject lives in xã Nam Đà.
 */

/** The ids of the subject's records that route params stand for. */
export type RecordIds = {
  person: string;
  grant: string;
  /** The employer's job and the provider's course the subject was referred to. */
  job: string;
  training: string;
  /** The job referral (accepted) and its placement, started 35 days ago so the 1-month follow-up is due. */
  referral: string;
  placement: string;
  followUp: string;
  /** The course referral (accepted) and its enrolment. */
  trainingReferral: string;
  enrolment: string;
  /** One of the subject's notifications (a serial number, as text). */
  notification: string;
  /** Support (issue 6), all in Nam Đà: a meeting the subject attended, the subject's loan on this month's list
   * for the bank, a job fair with the subject registered, a reintegration model covering the subject. */
  meeting: string;
  loan: string;
  fair: string;
  model: string;
};

type Listings = { officer: StaffScope; employer: OrgScope; provider: OrgScope; job: string; training: string };

/**
 * The subject's way to work: referred to the employer's job and taken, placed 35 days ago (so the 1-month
 * follow-up is due now); referred to the provider's course, taken, enrolled.
 */
export async function wayToWork(
  db: Database,
  personId: string,
  { officer, employer, provider, job, training }: Listings,
) {
  const referral = await refer(officer, personId, "job", job);
  await acceptReferral(employer, referral);
  const placement = await placeFromReferral(officer, personId, referral, { startDate: daysFromToday(-35) });
  const [due] = await db
    .select({ id: followUp.id })
    .from(followUp)
    .where(and(eq(followUp.placementId, placement), eq(followUp.monthOffset, 1)));
  if (!due) throw new Error("the subject's follow-up is missing");
  const trainingReferral = await refer(officer, personId, "training", training);
  await acceptReferral(provider, trainingReferral);
  const enrolment = await enrolFromReferral(officer, personId, trainingReferral);
  return { referral, placement, followUp: due.id, trainingReferral, enrolment };
}

/** The subject's support in Nam Đà, in this order: a meeting, a loan, a job fair (which notifies them), a model. */
export async function supportRecords(officer: StaffScope, personId: string) {
  const meeting = await holdMeeting(officer, UNITS.namDa, [personId]);
  const loan = await listLoan(officer, personId);
  const fair = await fairWith(officer, UNITS.namDa, [personId]);
  const model = await modelCovering(officer, UNITS.namDa, [personId]);
  return { meeting, loan, fair, model };
}

/** The user's newest notification, as text. */
export async function latestNotification(db: Database, userId: string): Promise<string> {
  const [latest] = await db
    .select({ id: notification.id })
    .from(notification)
    .where(eq(notification.recipientId, userId))
    .orderBy(desc(notification.id))
    .limit(1);
  if (!latest) throw new Error("the subject's notification is missing");
  return String(latest.id);
}
