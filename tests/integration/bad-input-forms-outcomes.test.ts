import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgScope } from "../../app/auth/org-scope.server";
import type { StaffScope } from "../../app/auth/scope.server";
import { requestReferral } from "../../app/modules/persons/self-service.server";
import { action as placementAction } from "../../app/routes/officer.placements.$id";
import { action as enrolmentAction } from "../../app/routes/officer.enrolments.$id";
import { action as followUpAction } from "../../app/routes/officer.follow-ups.$id";
import { action as officerReferralAction } from "../../app/routes/officer.referrals.$id";
import { action as officerReferralsAction } from "../../app/routes/officer.referrals._index";
import { action as employerReferralAction } from "../../app/routes/employer.referrals.$id";
import { action as providerReferralAction } from "../../app/routes/provider.referrals.$id";
import { action as employerPlacementsAction } from "../../app/routes/employer.placements";
import { todayIso } from "../../app/utils/clock.server";
import { followUp } from "../../db/schema";
import { UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, enrolFromReferral, placeFromReferral, refer } from "../factories/referrals";
import { FC_SEED, fuzzAction, type ActionCase } from "../setup/fuzz";
import { activatedPerson, nonNfcColumns } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on referrals and their outcomes (issue 7): the officer's, the employer's and the provider's forms
 * on a referral, placements, enrolments and follow-ups, fuzzed in-process by the user allowed to post them.
 * The rules every answer must keep are in tests/setup/fuzz.ts. Each case gets its own referral or placement.
 */

const ctx = setupIntegration({ indexes: true });
const RUNS = Number(process.env.FC_RUNS ?? 25);

let officer: StaffScope;
let employer: OrgScope;
let provider: OrgScope;
const cookies = { officer: "", employer: "", provider: "" };
let serial = 0;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  employer = await createOrgMember("employer");
  provider = await createOrgMember("provider");
  cookies.officer = await cookieFor(officer.actorId);
  cookies.employer = await cookieFor(employer.actorId);
  cookies.provider = await cookieFor(provider.actorId);
});

/** A consented person of the officer's commune, referred to a fresh job (or course) of our organisations. */
async function referral(kind: "job" | "training" = "job") {
  const personId = await createPerson(officer, { fullName: `Vũ Văn Giới Thiệu ${++serial}` });
  await giveConsent(officer, personId, { purposes: ["matching", "training_referral", "share_contact"] });
  const listing = kind === "job" ? await publishJob(employer) : await publishTraining(provider);
  return { personId, referralId: await refer(officer, personId, kind, listing.id) };
}

/** A placement from an accepted referral, started `daysAgo` days ago, and its 1-month follow-up. */
async function placement(daysAgo = 0) {
  const { personId, referralId } = await referral();
  await acceptReferral(employer, referralId);
  const placementId = await placeFromReferral(officer, personId, referralId, { startDate: daysFromToday(-daysAgo) });
  const [first] = await ctx.handle.db
    .select({ id: followUp.id })
    .from(followUp)
    .where(and(eq(followUp.placementId, placementId), eq(followUp.monthOffset, 1)));
  return { placementId, followUpId: first!.id };
}

const forms = { echoes: true } as const;
const interview = { interviewAt: `${daysFromToday(3)}T09:30`, interviewPlace: "Tại tiệm", note: "" };

const CASES: Record<string, () => Promise<Omit<ActionCase, "label">>> = {
  "officer.placements.$id.tsx": async () => {
    const { placementId: id } = await placement();
    return {
      action: placementAction,
      cookie: cookies.officer,
      path: `/officer/placements/${id}`,
      params: { id },
      valid: { endDate: todayIso(), endReason: "quit", endNote: "Tự nghỉ" },
      rules: forms,
    };
  },
  "officer.enrolments.$id.tsx intent=complete": async () => {
    const { personId, referralId } = await referral("training");
    await acceptReferral(provider, referralId);
    const id = await enrolFromReferral(officer, personId, referralId);
    return {
      action: enrolmentAction,
      cookie: cookies.officer,
      path: `/officer/enrolments/${id}`,
      params: { id },
      valid: { completedOn: todayIso(), certificate: "Chứng chỉ sơ cấp số 15" },
      fixed: { intent: "complete" },
      rules: forms,
    };
  },
  "officer.enrolments.$id.tsx intent=drop": async () => {
    const { personId, referralId } = await referral("training");
    await acceptReferral(provider, referralId);
    const id = await enrolFromReferral(officer, personId, referralId);
    return {
      action: enrolmentAction,
      cookie: cookies.officer,
      path: `/officer/enrolments/${id}`,
      params: { id },
      valid: { intent: "drop", droppedOn: todayIso(), dropReason: "Đi làm xa" },
      rules: forms,
    };
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
    return { action: followUpAction, cookie: cookies.officer, path: `/officer/follow-ups/${id}`, params: { id }, valid, rules: forms };
  },
  "officer.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral();
    return {
      action: officerReferralAction,
      cookie: cookies.officer,
      path: `/officer/referrals/${id}`,
      params: { id },
      valid: { intent: "withdraw", note: "Người lao động đã có việc" },
      rules: forms,
    };
  },
  "officer.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral();
    return {
      action: officerReferralAction,
      cookie: cookies.officer,
      path: `/officer/referrals/${id}`,
      params: { id },
      valid: { body: "Anh ấy có thể đi làm từ thứ Hai." },
      fixed: { intent: "message" },
      rules: forms,
    };
  },
  "officer.referrals._index.tsx": async () => {
    const { userId, personId } = await activatedPerson(officer, { fullName: `Hà Văn Nhờ ${++serial}` });
    await giveConsent(officer, personId);
    const job = await publishJob(employer);
    const asked = await requestReferral(userId, "job", job.id, "Em muốn làm ở đây");
    if (!asked.ok) throw new Error(`requestReferral failed: ${JSON.stringify(asked)}`);
    return {
      action: officerReferralsAction,
      cookie: cookies.officer,
      path: "/officer/referrals",
      valid: { requestId: asked.requestId, note: "Chưa phù hợp" },
      fixed: { intent: "decline-request" },
    };
  },
  "employer.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral();
    return {
      action: employerReferralAction,
      cookie: cookies.employer,
      path: `/employer/referrals/${id}`,
      params: { id },
      valid: { intent: "interview", ...interview },
      rules: forms,
    };
  },
  "employer.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral();
    return {
      action: employerReferralAction,
      cookie: cookies.employer,
      path: `/employer/referrals/${id}`,
      params: { id },
      valid: { body: "Mời anh đến phỏng vấn." },
      fixed: { intent: "message" },
      rules: forms,
    };
  },
  "provider.referrals.$id.tsx": async () => {
    const { referralId: id } = await referral("training");
    return {
      action: providerReferralAction,
      cookie: cookies.provider,
      path: `/provider/referrals/${id}`,
      params: { id },
      valid: { intent: "decline", note: "Hết chỗ" },
      rules: forms,
    };
  },
  "provider.referrals.$id.tsx intent=message": async () => {
    const { referralId: id } = await referral("training");
    return {
      action: providerReferralAction,
      cookie: cookies.provider,
      path: `/provider/referrals/${id}`,
      params: { id },
      valid: { body: "Khoá học bắt đầu tuần sau." },
      fixed: { intent: "message" },
      rules: forms,
    };
  },
  "employer.placements.tsx": async () => {
    const { followUpId } = await placement(35);
    return {
      action: employerPlacementsAction,
      cookie: cookies.employer,
      path: "/employer/placements",
      valid: { followUpId, note: "Vẫn làm tốt" },
      rules: { keyOf: (token) => `outcomes.employer.error.${token}` },
    };
  },
};

describe(`bad input on referrals, placements, enrolments and follow-ups (FC_SEED=${FC_SEED})`, () => {
  it.each(Object.keys(CASES))(
    "%s: never a 500, a refusal writes nothing and says why",
    async (label) => {
      const c = await CASES[label]!();
      const statuses = await fuzzAction(ctx.handle.db, { label, ...c }, RUNS);
      expect(
        Object.keys(statuses).some((s) => Number(s) >= 400),
        `${label}: ${JSON.stringify(statuses)}`
      ).toBe(true);
    },
    120_000
  );

  afterAll(async () => {
    expect(await nonNfcColumns(ctx.handle.db)).toEqual([]);
  });
});
