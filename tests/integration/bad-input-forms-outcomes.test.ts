import { and, eq } from "drizzle-orm";

import { requestReferral } from "~/modules/persons/self-service.server";
import { action as employerPlacementsAction } from "~/routes/employer.placements";
import { action as employerReferralAction } from "~/routes/employer.referrals.$id";
import { action as meReferralsAction } from "~/routes/me.referrals";
import { action as enrolmentAction } from "~/routes/officer.enrolments.$id";
import { action as followUpAction } from "~/routes/officer.follow-ups.$id";
import { action as placementAction } from "~/routes/officer.placements.$id";
import { action as officerReferralsAction } from "~/routes/officer.referrals._index";
import { action as officerReferralAction } from "~/routes/officer.referrals.$id";
import { action as providerReferralAction } from "~/routes/provider.referrals.$id";
import { todayIso } from "~/utils/clock.server";

import { followUp } from "../../db/schema";
import { daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, enrolFromReferral, offerReferral, placeFromReferral, refer } from "../factories/referrals";
import { type Cases, describeFormCases, fuzzActors, onPage, onRecord } from "../setup/fuzz-cases";
import { activatedPerson } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on referrals and their outcomes (issue 7): the officer's, the employer's and the provider's forms
 * on a referral, placements, enrolments and follow-ups, fuzzed in-process by the user allowed to post them.
 * The rules every answer must keep are in tests/setup/fuzz.ts. Each case gets its own referral or placement.
 */

const ctx = setupIntegration({ indexes: true });
const a = fuzzActors({ employer: true, provider: true });
let serial = 0;

/** A consented person of the officer's commune, referred to a fresh job (or course) of our organisations. */
async function referral(kind: "job" | "training" = "job") {
  const personId = await createPerson(a.officer, { fullName: `Vũ Văn Giới Thiệu ${++serial}` });
  await giveConsent(a.officer, personId, { purposes: ["matching", "training_referral", "share_contact"] });
  const listing = kind === "job" ? await publishJob(a.employer) : await publishTraining(a.provider);
  return { personId, referralId: await refer(a.officer, personId, kind, listing.id) };
}

/** A placement from an accepted referral, started `daysAgo` days ago, and its 1-month follow-up. */
async function placement(daysAgo = 0) {
  const { personId, referralId } = await referral();
  await acceptReferral(a.employer, referralId);
  const placementId = await placeFromReferral(a.officer, personId, referralId, { startDate: daysFromToday(-daysAgo) });
  const [first] = await ctx.handle.db
    .select({ id: followUp.id })
    .from(followUp)
    .where(and(eq(followUp.placementId, placementId), eq(followUp.monthOffset, 1)));
  return { placementId, followUpId: first!.id };
}

/** An enrolment from an accepted course referral. */
async function enrolment() {
  const { personId, referralId } = await referral("training");
  await acceptReferral(a.provider, referralId);
  return enrolFromReferral(a.officer, personId, referralId);
}

const interview = { interviewAt: `${daysFromToday(3)}T09:30`, interviewPlace: "Tại tiệm", note: "" };
const message = (body: string) => ({ valid: { body }, fixed: { intent: "message" } });

const CASES: Cases = {
  "officer.placements.$id.tsx": async () => {
    const { placementId: id } = await placement();
    return onRecord(
      placementAction,
      `/officer/placements/${id}`,
      id,
      { endDate: todayIso(), endReason: "quit", endNote: "Tự nghỉ" },
      { cookie: a.cookies.officer },
    );
  },
  "officer.enrolments.$id.tsx intent=complete": async () => {
    const id = await enrolment();
    const valid = { completedOn: todayIso(), certificate: "Chứng chỉ sơ cấp số 15" };
    return onRecord(enrolmentAction, `/officer/enrolments/${id}`, id, valid, {
      cookie: a.cookies.officer,
      fixed: { intent: "complete" },
    });
  },
  "officer.enrolments.$id.tsx intent=drop": async () => {
    const id = await enrolment();
    const valid = { intent: "drop", droppedOn: todayIso(), dropReason: "Đi làm xa" };
    return onRecord(enrolmentAction, `/officer/enrolments/${id}`, id, valid, { cookie: a.cookies.officer });
  },
  "officer.follow-ups.$id.tsx": async () => {
    const { followUpId: id } = await placement(35);
    const valid = {
      stillEmployed: "yes",
      currentWage: "5.500.000",
      stable: "yes",
      livingSituation: "with_family",
      violation: "no",
      violationNote: "",
      note: "",
      endDate: "",
      endReason: "",
      outcome: "",
    };
    return onRecord(followUpAction, `/officer/follow-ups/${id}`, id, valid, { cookie: a.cookies.officer });
  },
  "officer.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral();
    const valid = { intent: "withdraw", note: "Người lao động đã có việc" };
    return onRecord(officerReferralAction, `/officer/referrals/${id}`, id, valid, { cookie: a.cookies.officer });
  },
  "officer.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral();
    const { valid, fixed } = message("Anh ấy có thể đi làm từ thứ Hai.");
    return onRecord(officerReferralAction, `/officer/referrals/${id}`, id, valid, { cookie: a.cookies.officer, fixed });
  },
  "officer.referrals._index.tsx": async () => {
    const { userId, personId } = await activatedPerson(a.officer, { fullName: `Hà Văn Nhờ ${++serial}` });
    await giveConsent(a.officer, personId);
    const job = await publishJob(a.employer);
    const asked = await requestReferral(userId, "job", job.id, "Em muốn làm ở đây");
    if (!asked.ok) throw new Error(`requestReferral failed: ${JSON.stringify(asked)}`);
    return {
      action: officerReferralsAction,
      cookie: a.cookies.officer,
      path: "/officer/referrals",
      valid: { requestId: asked.requestId, note: "Chưa phù hợp" },
      fixed: { intent: "decline-request" },
    };
  },
  // The person's own answer to an offer (decision 023), posted from their account.
  "me.referrals.tsx": async () => {
    const { userId, personId } = await activatedPerson(a.officer, { fullName: `Lý Văn Trả Lời ${++serial}` });
    await giveConsent(a.officer, personId, { purposes: ["matching", "training_referral", "share_contact"] });
    const referralId = await refer(a.officer, personId, "job", (await publishJob(a.employer)).id);
    await offerReferral(a.employer, referralId);
    return onPage(
      meReferralsAction,
      "/me/referrals",
      { intent: "person_accepted", referralId, note: "" },
      { cookie: await cookieFor(userId) },
    );
  },
  "employer.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral();
    return onRecord(
      employerReferralAction,
      `/employer/referrals/${id}`,
      id,
      { intent: "interview", ...interview },
      { cookie: a.cookies.employer },
    );
  },
  "employer.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral();
    const { valid, fixed } = message("Mời anh đến phỏng vấn.");
    return onRecord(employerReferralAction, `/employer/referrals/${id}`, id, valid, {
      cookie: a.cookies.employer,
      fixed,
    });
  },
  "provider.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral("training");
    return onRecord(
      providerReferralAction,
      `/provider/referrals/${id}`,
      id,
      { intent: "decline", note: "Hết chỗ" },
      { cookie: a.cookies.provider },
    );
  },
  "provider.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral("training");
    const { valid, fixed } = message("Khoá học bắt đầu tuần sau.");
    return onRecord(providerReferralAction, `/provider/referrals/${id}`, id, valid, {
      cookie: a.cookies.provider,
      fixed,
    });
  },
  "employer.placements.tsx": async () => {
    const { followUpId } = await placement(35);
    return {
      action: employerPlacementsAction,
      cookie: a.cookies.employer,
      path: "/employer/placements",
      valid: { followUpId, note: "Vẫn làm tốt" },
      rules: { keyOf: (token) => `outcomes.employer.error.${token}` },
    };
  },
};

describeFormCases("bad input on referrals, placements, enrolments and follow-ups", () => ctx.handle.db, CASES);
