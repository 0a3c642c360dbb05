import { eq } from "drizzle-orm";

import { addFairEmployer } from "~/modules/job-fairs/job-fairs.server";
import { addSteeringMember } from "~/modules/models/models.server";
import { action as fairsAction } from "~/routes/officer.job-fairs._index";
import { action as fairAction } from "~/routes/officer.job-fairs.$id";
import { action as loanAction } from "~/routes/officer.loans.$id";
import { action as meetingsAction } from "~/routes/officer.meetings._index";
import { action as modelsAction } from "~/routes/officer.models._index";
import { action as modelAction } from "~/routes/officer.models.$id";
import { todayIso } from "~/utils/clock.server";

import { modelSteeringMember } from "../../db/schema";
import { UNITS } from "../factories";
import { createPerson } from "../factories/persons";
import { fairWith, listLoan, modelCovering } from "../factories/support";
import { type Cases, describeFormCases, FORMS, fuzzActors, onRecord } from "../setup/fuzz-cases";
import { setupIntegration } from "../setup/integration";

/*
 * Bad input on the support forms of issue 6 (issue 7): loans, meetings, job fairs and reintegration models,
 * every intent of the pages with several small forms, fuzzed in-process by the commune officer. The rules
 * every answer must keep are in tests/setup/fuzz.ts. Each case gets its own fair, model, loan or person.
 */

const ctx = setupIntegration({ indexes: true });
const a = fuzzActors({ employer: true });
let serial = 0;
const person = () => createPerson(a.officer, { fullName: `Trịnh Văn Hỗ Trợ ${++serial}` });

/** A fair of the commune with one registered person (and a spare one to register), the employer taking part. */
async function fair() {
  const personId = await person();
  const id = await fairWith(a.officer, UNITS.namDa, [personId]);
  const added = await addFairEmployer(a.officer, id, { organizationId: a.employer.organizationId, openings: 3 });
  if (!added.ok) throw new Error("addFairEmployer failed");
  return { id, personId, spare: await person(), path: `/officer/job-fairs/${id}` };
}

/** A model of the commune covering one person (and a spare one to cover), with one steering member. */
async function model() {
  const personId = await person();
  const id = await modelCovering(a.officer, UNITS.namDa, [personId]);
  await addSteeringMember(a.officer, id, {
    organizationName: "Hội Liên hiệp Phụ nữ xã",
    personName: "Bà Hoa",
    role: "Thành viên",
  });
  const [member] = await ctx.handle.db
    .select({ id: modelSteeringMember.id })
    .from(modelSteeringMember)
    .where(eq(modelSteeringMember.modelId, id));
  return { id, personId, spare: await person(), memberId: member!.id, path: `/officer/models/${id}` };
}

const fairIntent =
  (intent: string, valid: (f: Awaited<ReturnType<typeof fair>>) => Record<string, string>) => async () => {
    const f = await fair();
    return onRecord(fairAction, f.path, f.id, valid(f), { fixed: { intent } });
  };
const modelIntent =
  (intent: string, valid: (m: Awaited<ReturnType<typeof model>>) => Record<string, string>) => async () => {
    const m = await model();
    return onRecord(modelAction, m.path, m.id, valid(m), { fixed: { intent } });
  };

const CASES: Cases = {
  "officer.loans.$id.tsx": async () => {
    const id = await listLoan(a.officer, await person());
    return onRecord(loanAction, `/officer/loans/${id}`, id, {
      status: "approved",
      on: todayIso(),
      note: "Ngân hàng đã duyệt",
    });
  },
  "officer.meetings._index.tsx": async () => {
    const valid = {
      communeCode: UNITS.namDa,
      title: "Sinh hoạt tháng",
      heldOn: todayIso(),
      place: "Nhà văn hoá",
      guestCount: "2",
      attendees: [await person(), await person()],
      note: "",
    };
    return { action: meetingsAction, path: "/officer/meetings", valid, rules: FORMS };
  },
  "officer.job-fairs._index.tsx": async () => ({
    action: fairsAction,
    path: "/officer/job-fairs",
    valid: {
      title: "Phiên giao dịch việc làm",
      heldOn: todayIso(),
      communeCode: UNITS.namDa,
      place: "UBND xã",
      note: "",
    },
    rules: FORMS,
  }),
  "officer.job-fairs.$id.tsx intent=addEmployer": fairIntent("addEmployer", () => ({
    organizationId: a.employer.organizationId,
    openings: "5",
  })),
  "officer.job-fairs.$id.tsx intent=removeEmployer": fairIntent("removeEmployer", () => ({
    organizationId: a.employer.organizationId,
  })),
  "officer.job-fairs.$id.tsx intent=register": fairIntent("register", (f) => ({ personId: f.spare })),
  "officer.job-fairs.$id.tsx intent=unregister": fairIntent("unregister", (f) => ({ personId: f.personId })),
  "officer.job-fairs.$id.tsx intent=outcome": fairIntent("outcome", (f) => ({
    personId: f.personId,
    outcome: "hired",
    organizationId: a.employer.organizationId,
  })),
  "officer.job-fairs.$id.tsx intent=hirePlacement": fairIntent("hirePlacement", (f) => ({
    personId: f.personId,
    position: "Thợ phụ",
    wage: "5.000.000",
    contractKind: "labour_contract",
    startDate: todayIso(),
    confirmLowWage: "",
  })),
  "officer.job-fairs.$id.tsx intent=linkPlacement": fairIntent("linkPlacement", (f) => ({
    personId: f.personId,
    placementId: f.id,
  })),
  // The intent is junk too: an unknown one is refused with a message, never a 500.
  "officer.job-fairs.$id.tsx any intent": async () => {
    const f = await fair();
    return onRecord(fairAction, f.path, f.id, { intent: "register", personId: f.personId });
  },
  "officer.models._index.tsx": async () => ({
    action: modelsAction,
    path: "/officer/models",
    valid: { name: "Mô hình 5+1 thôn 2", launchedOn: todayIso(), communeCode: UNITS.namDa, description: "" },
    rules: FORMS,
  }),
  "officer.models.$id.tsx intent=edit": modelIntent("edit", () => ({
    name: "Mô hình 5+1 (sửa)",
    launchedOn: todayIso(),
    description: "Ban chỉ đạo 6 thành viên",
  })),
  "officer.models.$id.tsx intent=addMember": modelIntent("addMember", () => ({
    organizationName: "Đoàn Thanh niên xã",
    personName: "Anh Nam",
    role: "Phó ban",
  })),
  "officer.models.$id.tsx intent=removeMember": modelIntent("removeMember", (m) => ({ memberId: m.memberId })),
  "officer.models.$id.tsx intent=addPerson": modelIntent("addPerson", (m) => ({
    personId: m.spare,
    joinedOn: todayIso(),
  })),
  "officer.models.$id.tsx intent=leavePerson": modelIntent("leavePerson", (m) => ({
    personId: m.personId,
    leftOn: todayIso(),
  })),
  "officer.models.$id.tsx any intent": async () => {
    const m = await model();
    return onRecord(modelAction, m.path, m.id, { intent: "addMember", organizationName: "Hội Cựu chiến binh" });
  },
};

// Every case posts as the commune's officer.
describeFormCases(
  "bad input on loans, meetings, job fairs and models",
  () => ctx.handle.db,
  CASES,
  () => ({ cookie: a.cookies.officer }),
);
