import { createJob } from "~/modules/jobs/jobs.server";
import { createTraining } from "~/modules/trainings/trainings.server";
import { action as jobsAction } from "~/routes/employer.jobs._index";
import { action as editJobAction } from "~/routes/employer.jobs.$id";
import { action as newJobAction } from "~/routes/employer.jobs.new";
import { action as slotsAction } from "~/routes/employer.trainings._index";
import { action as editSlotAction } from "~/routes/employer.trainings.$id";
import { action as newSlotAction } from "~/routes/employer.trainings.new";
import { action as jobAction } from "~/routes/jobs.$id";
import { action as trainingsAction } from "~/routes/provider.trainings._index";
import { action as editTrainingAction } from "~/routes/provider.trainings.$id";
import { action as newTrainingAction } from "~/routes/provider.trainings.new";
import { action as trainingAction } from "~/routes/trainings.$id";

import { UNITS } from "../factories";
import { jobForm, jobInput, publishJob, publishTraining, trainingForm, trainingInput } from "../factories/marketplace";
import { giveConsent } from "../factories/persons";
import { type Cases, describeFormCases, fuzzActors, onPage, onRecord } from "../setup/fuzz-cases";
import { activatedPerson } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on the marketplace forms (issue 7): an employer's job form and buttons, a provider's course form
 * and buttons, and a person's "save" and "ask for a referral" on the public pages, fuzzed in-process by the
 * user allowed to post them. The rules are in tests/setup/fuzz.ts.
 */

const ctx = setupIntegration({ indexes: true });
const a = fuzzActors({ employer: true, provider: true });
let serial = 0;

async function draftJob() {
  const created = await createJob(a.employer, jobInput(), { publish: false });
  if (!created.ok) throw new Error("createJob failed");
  return created.id;
}
async function draftTraining() {
  const created = await createTraining(a.provider, trainingInput(), { publish: false });
  if (!created.ok) throw new Error("createTraining failed");
  return created.id;
}
/** A business's training slot at its workplace (issue 11), with an allowance. */
const slotForm = (overrides: Record<string, string> = {}) =>
  trainingForm({ communeCode: UNITS.namDa, stipendVnd: "2.000.000", ...overrides });
async function draftSlot() {
  const created = await createTraining(
    a.employer,
    trainingInput({ communeCode: UNITS.namDa, stipendVnd: "2.000.000" }),
    { publish: false },
  );
  if (!created.ok) throw new Error("createTraining failed");
  return created.id;
}
/** A person with consent for both kinds of referral, and their cookie. */
async function person() {
  const p = await activatedPerson(a.officer, { fullName: `Lý Văn Tìm Việc ${++serial}` });
  await giveConsent(a.officer, p.personId, { purposes: ["matching", "training_referral", "share_contact"] });
  return cookieFor(p.userId);
}

const CASES: Cases = {
  "jobs.$id.tsx": async () => {
    const { id } = await publishJob(a.employer);
    return onRecord(
      jobAction,
      `/jobs/${id}`,
      id,
      { intent: "request", message: "Em biết sửa xe" },
      { cookie: await person() },
    );
  },
  "trainings.$id.tsx": async () => {
    const { id } = await publishTraining(a.provider);
    return onRecord(trainingAction, `/trainings/${id}`, id, { intent: "save" }, { cookie: await person() });
  },
  "employer.jobs.new.tsx": async () =>
    onPage(newJobAction, "/employer/jobs/new", jobForm({ intent: "publish" }), { cookie: a.cookies.employer }),
  "employer.jobs.new.tsx intent=load-communes": async () =>
    onPage(
      newJobAction,
      "/employer/jobs/new",
      { provinceCode: UNITS.lamDong },
      { cookie: a.cookies.employer, fixed: { intent: "load-communes" }, readsNoField: true },
    ),
  "employer.jobs.$id.tsx": async () => {
    const id = await draftJob();
    return onRecord(editJobAction, `/employer/jobs/${id}`, id, jobForm(), { cookie: a.cookies.employer });
  },
  "employer.jobs._index.tsx": async () => {
    const id = await draftJob();
    return { action: jobsAction, cookie: a.cookies.employer, path: "/employer/jobs", valid: { id, intent: "publish" } };
  },
  "provider.trainings.new.tsx": async () =>
    onPage(newTrainingAction, "/provider/trainings/new", trainingForm({ intent: "publish" }), {
      cookie: a.cookies.provider,
    }),
  "provider.trainings.$id.tsx": async () => {
    const id = await draftTraining();
    return onRecord(editTrainingAction, `/provider/trainings/${id}`, id, trainingForm(), {
      cookie: a.cookies.provider,
    });
  },
  "provider.trainings._index.tsx": async () => {
    const id = await draftTraining();
    return {
      action: trainingsAction,
      cookie: a.cookies.provider,
      path: "/provider/trainings",
      valid: { id, intent: "publish" },
    };
  },
  "employer.trainings.new.tsx": async () =>
    onPage(newSlotAction, "/employer/trainings/new", slotForm({ intent: "publish" }), { cookie: a.cookies.employer }),
  "employer.trainings.$id.tsx": async () => {
    const id = await draftSlot();
    return onRecord(editSlotAction, `/employer/trainings/${id}`, id, slotForm(), { cookie: a.cookies.employer });
  },
  "employer.trainings._index.tsx": async () => {
    const id = await draftSlot();
    return {
      action: slotsAction,
      cookie: a.cookies.employer,
      path: "/employer/trainings",
      valid: { id, intent: "publish" },
    };
  },
};

describeFormCases("bad input on the marketplace forms", () => ctx.handle.db, CASES);
