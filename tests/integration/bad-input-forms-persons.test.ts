import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffScope } from "../../app/auth/scope.server";
import { requestTransfer } from "../../app/modules/persons/lifecycle.server";
import { createDataRequest } from "../../app/modules/persons/self-service.server";
import { todayIso } from "../../app/utils/clock.server";
import { action as intakeAction } from "../../app/routes/officer.persons.new";
import { action as recordAction } from "../../app/routes/officer.persons.$id";
import { action as closeAction } from "../../app/routes/officer.persons.$id_.close";
import { action as inviteAction } from "../../app/routes/officer.persons.$id_.invite";
import { action as moveAction } from "../../app/routes/officer.persons.$id_.move";
import { action as activitiesAction } from "../../app/routes/officer.persons.$id_.activities";
import { action as loansAction } from "../../app/routes/officer.persons.$id_.loans";
import { action as placementAction } from "../../app/routes/officer.persons.$id_.placement";
import { action as enrolmentAction } from "../../app/routes/officer.persons.$id_.enrolment";
import { action as referAction } from "../../app/routes/officer.persons.$id_.refer";
import { action as requestsAction } from "../../app/routes/officer.requests";
import { action as transfersAction } from "../../app/routes/officer.transfers";
import { UNITS, uniquePhone } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { consentForm, createOfficerScope, createPerson, giveConsent, intakeForm } from "../factories/persons";
import { acceptReferral, refer } from "../factories/referrals";
import { FC_SEED, fuzzAction, type ActionCase } from "../setup/fuzz";
import { activatedPerson, nonNfcColumns } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on the officer's person forms (issue 7): generated bodies (fast-check) posted in-process by the
 * officer who may post them, so validation is what is exercised. See tests/setup/fuzz.ts for the rules every
 * answer must keep: never a 500, a refusal writes nothing and says why in catalogue keys, forms keep what
 * was typed. Each case gets its own person, so an accepted body (a closure, say) cannot starve the others.
 */

const ctx = setupIntegration({ indexes: true });
const RUNS = Number(process.env.FC_RUNS ?? 25);

let officer: StaffScope;
let otherOfficer: StaffScope;
let cookie: string;
let serial = 0;
const person = (overrides = {}) => createPerson(officer, { fullName: `Lê Văn Thử Nghiệm ${++serial}`, phone: uniquePhone(), ...overrides });

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  otherOfficer = await createOfficerScope([UNITS.krongNo], UNITS.lamDong);
  cookie = await cookieFor(officer.actorId);
});

const forms = { echoes: true } as const;

/** Each case: what it posts to, for which fresh person, with which valid form. Built inside its test. */
const CASES: Record<string, () => Promise<Omit<ActionCase, "label" | "cookie">>> = {
  "officer.persons.new.tsx": async () => ({
    action: intakeAction,
    path: "/officer/persons/new",
    valid: intakeForm({ fullName: "Trần Văn Mới", phone: uniquePhone(), confirmNotDuplicate: "on" }),
    rules: forms,
  }),
  "officer.persons.$id.tsx intent=classify": async () => {
    const id = await person();
    return {
      action: recordAction,
      path: `/officer/persons/${id}`,
      params: { id },
      valid: { group: "B", note: "Ổn định" },
      fixed: { intent: "classify" },
      rules: forms,
    };
  },
  "officer.persons.$id.tsx intent=mark-expunged": async () => {
    const id = await person();
    return {
      action: recordAction,
      path: `/officer/persons/${id}`,
      params: { id },
      valid: { expungedOn: todayIso(), evidence: "Phiếu LLTP số 12" },
      fixed: { intent: "mark-expunged" },
      rules: forms,
    };
  },
  "officer.persons.$id.tsx intent=grant-consent": async () => {
    const id = await person();
    return { action: recordAction, path: `/officer/persons/${id}`, params: { id }, valid: consentForm(), fixed: { intent: "grant-consent" }, rules: forms };
  },
  "officer.persons.$id.tsx intent=withdraw-consent": async () => {
    const id = await person();
    const grantId = await giveConsent(officer, id);
    return {
      action: recordAction,
      path: `/officer/persons/${id}`,
      params: { id },
      valid: { grantId, note: "Rút theo yêu cầu" },
      fixed: { intent: "withdraw-consent" },
      rules: forms,
    };
  },
  // The intent itself is junk too here: an unknown one is a 400 that names nothing, never a 500.
  "officer.persons.$id.tsx any intent": async () => {
    const id = await person();
    return { action: recordAction, path: `/officer/persons/${id}`, params: { id }, valid: { intent: "classify", group: "A" }, rules: forms };
  },
  "officer.persons.$id_.close.tsx": async () => {
    const id = await person();
    return {
      action: closeAction,
      path: `/officer/persons/${id}/close`,
      params: { id },
      valid: { reason: "moved_away", note: "Chuyển đi tỉnh khác" },
      rules: forms,
    };
  },
  "officer.persons.$id_.close.tsx intent=anonymise": async () => {
    const id = await person();
    return {
      action: closeAction,
      path: `/officer/persons/${id}/close`,
      params: { id },
      valid: { confirm: "on", reason: "Yêu cầu xoá" },
      fixed: { intent: "anonymise" },
      rules: forms,
    };
  },
  "officer.persons.$id_.invite.tsx": async () => {
    const id = await person();
    return { action: inviteAction, path: `/officer/persons/${id}/invite`, params: { id }, valid: {}, readsNoField: true };
  },
  "officer.persons.$id_.move.tsx": async () => {
    const id = await person();
    return {
      action: moveAction,
      path: `/officer/persons/${id}/move`,
      params: { id },
      valid: { provinceCode: UNITS.lamDong, communeCode: UNITS.krongNo, note: "" },
      rules: forms,
    };
  },
  "officer.persons.$id_.move.tsx intent=load-communes": async () => {
    const id = await person();
    return {
      action: moveAction,
      path: `/officer/persons/${id}/move`,
      params: { id },
      valid: { provinceCode: UNITS.lamDong },
      fixed: { intent: "load-communes" },
      rules: forms,
    };
  },
  "officer.persons.$id_.activities.tsx": async () => {
    const id = await person();
    return {
      action: activitiesAction,
      path: `/officer/persons/${id}/activities`,
      params: { id },
      valid: { kind: "counselling", topic: "career", mode: "in_person", occurredOn: todayIso(), note: "" },
      rules: forms,
    };
  },
  "officer.persons.$id_.loans.tsx": async () => {
    const id = await person();
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
    return { action: loansAction, path: `/officer/persons/${id}/loans`, params: { id }, valid, rules: forms };
  },
  "officer.persons.$id_.placement.tsx": async () => {
    const id = await person();
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
    return { action: placementAction, path: `/officer/persons/${id}/placement`, params: { id }, valid, rules: forms };
  },
  "officer.persons.$id_.enrolment.tsx": async () => {
    const id = await person();
    await giveConsent(officer, id, { purposes: ["matching", "training_referral", "share_contact"] });
    const provider = await createOrgMember("provider");
    const training = await publishTraining(provider);
    const referralId = await refer(officer, id, "training", training.id);
    await acceptReferral(provider, referralId);
    return { action: enrolmentAction, path: `/officer/persons/${id}/enrolment`, params: { id }, valid: { referralId, enrolledOn: todayIso() }, rules: forms };
  },
  "officer.persons.$id_.refer.tsx": async () => {
    const id = await person();
    await giveConsent(officer, id);
    const job = await publishJob(await createOrgMember("employer"));
    return {
      action: referAction,
      path: `/officer/persons/${id}/refer`,
      params: { id },
      valid: { kind: "job", listingId: job.id, fields: ["age", "commune", "skills"], note: "", requestId: "" },
      rules: forms,
    };
  },
  "officer.requests.tsx": async () => {
    const activated = await activatedPerson(officer, { fullName: `Phan Thị Yêu Cầu ${++serial}` });
    const requested = await createDataRequest(activated.userId, { kind: "deletion", message: "Xin xoá" });
    if (!requested.ok) throw new Error("createDataRequest failed");
    return { action: requestsAction, path: "/officer/requests", valid: { requestId: requested.id, outcome: "done", confirm: "on" } };
  },
  "officer.transfers.tsx": async () => {
    // A transfer from the other officer's commune to this officer's: this officer may accept it.
    const id = await createPerson(otherOfficer, { fullName: `Đỗ Văn Chuyển ${++serial}`, communeCode: UNITS.krongNo, phone: uniquePhone() });
    const sent = await requestTransfer(otherOfficer, id, { provinceCode: UNITS.lamDong, communeCode: UNITS.namDa, note: "" });
    if (!sent.ok) throw new Error("requestTransfer failed");
    return { action: transfersAction, path: "/officer/transfers", valid: { intent: "accept", transferId: sent.transferId }, rules: {} };
  },
};

describe(`bad input on the officer's person forms (FC_SEED=${FC_SEED})`, () => {
  it.each(Object.keys(CASES))(
    "%s: never a 500, a refusal writes nothing and says why",
    async (label) => {
      const c = await CASES[label]!();
      const statuses = await fuzzAction(ctx.handle.db, { label, cookie, ...c }, RUNS);
      // Validation was exercised: some bodies were refused (a form that accepts anything tests nothing).
      if (!c.readsNoField)
        expect(
          Object.keys(statuses).some((s) => Number(s) >= 400),
          `${label}: ${JSON.stringify(statuses)}`
        ).toBe(true);
    },
    120_000
  );

  afterAll(async () => {
    // Whatever was accepted was stored in NFC (decomposed Vietnamese was generated throughout).
    expect(await nonNfcColumns(ctx.handle.db)).toEqual([]);
  });
});
