import { beforeAll } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { requestTransfer } from "~/modules/persons/lifecycle.server";
import { createDataRequest } from "~/modules/persons/self-service.server";
import { action as recordAction } from "~/routes/officer.persons.$id";
import { action as activitiesAction } from "~/routes/officer.persons.$id_.activities";
import { action as closeAction } from "~/routes/officer.persons.$id_.close";
import { action as enrolmentAction } from "~/routes/officer.persons.$id_.enrolment";
import { action as inviteAction } from "~/routes/officer.persons.$id_.invite";
import { action as loansAction } from "~/routes/officer.persons.$id_.loans";
import { action as moveAction } from "~/routes/officer.persons.$id_.move";
import { action as placementAction } from "~/routes/officer.persons.$id_.placement";
import { action as referAction } from "~/routes/officer.persons.$id_.refer";
import { action as intakeAction } from "~/routes/officer.persons.new";
import { action as requestsAction } from "~/routes/officer.requests";
import { action as transfersAction } from "~/routes/officer.transfers";
import { todayIso } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";

import { uniquePhone, UNITS } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { consentForm, createOfficerScope, createPerson, giveConsent, intakeForm } from "../factories/persons";
import { acceptReferral, refer } from "../factories/referrals";
import { type CaseBody, type Cases, describeFormCases, FORMS, fuzzActors, onRecord } from "../setup/fuzz-cases";
import { activatedPerson } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";

/*
 * Bad input on the officer's person forms (issue 7): generated bodies (fast-check) posted in-process by the
 * officer who may post them, so validation is what is exercised. See tests/setup/fuzz.ts for the rules every
 * answer must keep: never a 500, a refusal writes nothing and says why in catalogue keys, forms keep what
 * was typed. Each case gets its own person, so an accepted body (a closure, say) cannot starve the others.
 */

const ctx = setupIntegration({ indexes: true });
const a = fuzzActors();
let otherOfficer: StaffScope;
let serial = 0;
const person = (overrides = {}) =>
  createPerson(a.officer, { fullName: `Lê Văn Thử Nghiệm ${++serial}`, phone: uniquePhone(), ...overrides });
/** A form of a fresh person's record, posted to /officer/persons/<id><sub>. */
const onPerson = async (
  action: Parameters<typeof onRecord>[0],
  sub: string,
  valid: FormValues,
  more: Partial<CaseBody> = {},
) => {
  const id = await person();
  return onRecord(action, `/officer/persons/${id}${sub}`, id, valid, more);
};

beforeAll(async () => {
  otherOfficer = await createOfficerScope([UNITS.krongNo], UNITS.lamDong);
});

const CASES: Cases = {
  "officer.persons.new.tsx": async () => ({
    action: intakeAction,
    path: "/officer/persons/new",
    valid: intakeForm({ fullName: "Trần Văn Mới", phone: uniquePhone(), confirmNotDuplicate: "on" }),
    rules: FORMS,
  }),
  "officer.persons.$id.tsx intent=classify": () =>
    onPerson(recordAction, "", { group: "B", note: "Ổn định" }, { fixed: { intent: "classify" } }),
  "officer.persons.$id.tsx intent=mark-expunged": () =>
    onPerson(
      recordAction,
      "",
      { expungedOn: todayIso(), evidence: "Phiếu LLTP số 12" },
      { fixed: { intent: "mark-expunged" } },
    ),
  "officer.persons.$id.tsx intent=grant-consent": () =>
    onPerson(recordAction, "", consentForm(), { fixed: { intent: "grant-consent" } }),
  "officer.persons.$id.tsx intent=withdraw-consent": async () => {
    const id = await person();
    const grantId = await giveConsent(a.officer, id);
    return onRecord(
      recordAction,
      `/officer/persons/${id}`,
      id,
      { grantId, note: "Rút theo yêu cầu" },
      { fixed: { intent: "withdraw-consent" } },
    );
  },
  // The intent itself is junk too here: an unknown one is a 400 that names nothing, never a 500.
  "officer.persons.$id.tsx any intent": () => onPerson(recordAction, "", { intent: "classify", group: "A" }),
  "officer.persons.$id_.close.tsx": () =>
    onPerson(closeAction, "/close", { reason: "moved_away", note: "Chuyển đi tỉnh khác" }),
  "officer.persons.$id_.close.tsx intent=anonymise": () =>
    onPerson(closeAction, "/close", { confirm: "on", reason: "Yêu cầu xoá" }, { fixed: { intent: "anonymise" } }),
  "officer.persons.$id_.invite.tsx": () =>
    onPerson(inviteAction, "/invite", {}, { rules: undefined, readsNoField: true }),
  "officer.persons.$id_.move.tsx": () =>
    onPerson(moveAction, "/move", { provinceCode: UNITS.lamDong, communeCode: UNITS.krongNo, note: "" }),
  "officer.persons.$id_.move.tsx intent=load-communes": () =>
    onPerson(moveAction, "/move", { provinceCode: UNITS.lamDong }, { fixed: { intent: "load-communes" } }),
  "officer.persons.$id_.activities.tsx": () =>
    onPerson(activitiesAction, "/activities", {
      kind: "counselling",
      topic: "career",
      mode: "in_person",
      occurredOn: todayIso(),
      note: "",
    }),
  "officer.persons.$id_.loans.tsx": async () => {
    const today = todayIso();
    const valid = {
      purpose: "business",
      amountVnd: "50.000.000",
      trainingMonths: "",
      termMonths: "36",
      bankBranch: "NHCSXH Krông Nô",
      listMonth: today.slice(0, 7),
      appliedOn: today,
      note: "",
    };
    return onPerson(loansAction, "/loans", valid);
  },
  "officer.persons.$id_.placement.tsx": async () => {
    const valid = {
      referralId: "",
      enrolmentId: "",
      employerName: "Tiệm sửa xe Thành Công",
      position: "Thợ phụ",
      wage: "5.500.000",
      contractKind: "labour_contract",
      startDate: todayIso(),
      confirmLowWage: "",
    };
    return onPerson(placementAction, "/placement", valid);
  },
  "officer.persons.$id_.enrolment.tsx": async () => {
    const id = await person();
    await giveConsent(a.officer, id, { purposes: ["matching", "training_referral", "share_contact"] });
    const provider = await createOrgMember("provider");
    const training = await publishTraining(provider);
    const referralId = await refer(a.officer, id, "training", training.id);
    await acceptReferral(provider, referralId);
    return onRecord(enrolmentAction, `/officer/persons/${id}/enrolment`, id, { referralId, enrolledOn: todayIso() });
  },
  "officer.persons.$id_.refer.tsx": async () => {
    const id = await person();
    await giveConsent(a.officer, id);
    const job = await publishJob(await createOrgMember("employer"));
    const valid = { kind: "job", listingId: job.id, fields: ["age", "commune", "skills"], note: "", requestId: "" };
    return onRecord(referAction, `/officer/persons/${id}/refer`, id, valid);
  },
  "officer.requests.tsx": async () => {
    const activated = await activatedPerson(a.officer, { fullName: `Phan Thị Yêu Cầu ${++serial}` });
    const requested = await createDataRequest(activated.userId, { kind: "deletion", message: "Xin xoá" });
    if (!requested.ok) throw new Error("createDataRequest failed");
    return {
      action: requestsAction,
      path: "/officer/requests",
      valid: { requestId: requested.id, outcome: "done", confirm: "on" },
    };
  },
  "officer.transfers.tsx": async () => {
    // A transfer from the other officer's commune to this officer's: this officer may accept it.
    const id = await createPerson(otherOfficer, {
      fullName: `Đỗ Văn Chuyển ${++serial}`,
      communeCode: UNITS.krongNo,
      phone: uniquePhone(),
    });
    const sent = await requestTransfer(otherOfficer, id, {
      provinceCode: UNITS.lamDong,
      communeCode: UNITS.namDa,
      note: "",
    });
    if (!sent.ok) throw new Error("requestTransfer failed");
    return {
      action: transfersAction,
      path: "/officer/transfers",
      valid: { intent: "accept", transferId: sent.transferId },
      rules: {},
    };
  },
};

// Every case posts as the officer, so validation is what is exercised.
describeFormCases(
  "bad input on the officer's person forms",
  () => ctx.handle.db,
  CASES,
  () => ({ cookie: a.cookies.officer }),
);
