import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgScope } from "../../app/auth/org-scope.server";
import type { StaffScope } from "../../app/auth/scope.server";
import { createJob } from "../../app/modules/jobs/jobs.server";
import { createTraining } from "../../app/modules/trainings/trainings.server";
import { action as jobAction } from "../../app/routes/jobs.$id";
import { action as trainingAction } from "../../app/routes/trainings.$id";
import { action as newJobAction } from "../../app/routes/employer.jobs.new";
import { action as editJobAction } from "../../app/routes/employer.jobs.$id";
import { action as jobsAction } from "../../app/routes/employer.jobs._index";
import { action as newTrainingAction } from "../../app/routes/provider.trainings.new";
import { action as editTrainingAction } from "../../app/routes/provider.trainings.$id";
import { action as trainingsAction } from "../../app/routes/provider.trainings._index";
import { UNITS } from "../factories";
import { createOrgMember, jobForm, jobInput, publishJob, publishTraining, trainingForm, trainingInput } from "../factories/marketplace";
import { createOfficerScope, giveConsent } from "../factories/persons";
import { FC_SEED, fuzzAction, type ActionCase } from "../setup/fuzz";
import { activatedPerson, nonNfcColumns } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on the marketplace forms (issue 7): an employer's job form and buttons, a provider's course form
 * and buttons, and a person's "save" and "ask for a referral" on the public pages, fuzzed in-process by the
 * user allowed to post them. The rules are in tests/setup/fuzz.ts.
 */

const ctx = setupIntegration({ indexes: true });
const RUNS = Number(process.env.FC_RUNS ?? 25);

let officer: StaffScope;
let employer: OrgScope;
let provider: OrgScope;
const cookies = { employer: "", provider: "" };
let serial = 0;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  employer = await createOrgMember("employer");
  provider = await createOrgMember("provider");
  cookies.employer = await cookieFor(employer.actorId);
  cookies.provider = await cookieFor(provider.actorId);
});

const forms = { echoes: true } as const;

async function draftJob() {
  const created = await createJob(employer, jobInput(), { publish: false });
  if (!created.ok) throw new Error("createJob failed");
  return created.id;
}
async function draftTraining() {
  const created = await createTraining(provider, trainingInput(), { publish: false });
  if (!created.ok) throw new Error("createTraining failed");
  return created.id;
}
/** A person with consent for both kinds of referral, and their cookie. */
async function person() {
  const p = await activatedPerson(officer, { fullName: `Lý Văn Tìm Việc ${++serial}` });
  await giveConsent(officer, p.personId, { purposes: ["matching", "training_referral", "share_contact"] });
  return cookieFor(p.userId);
}

const CASES: Record<string, () => Promise<Omit<ActionCase, "label">>> = {
  "jobs.$id.tsx": async () => {
    const { id } = await publishJob(employer);
    return {
      action: jobAction,
      cookie: await person(),
      path: `/jobs/${id}`,
      params: { id },
      valid: { intent: "request", message: "Em biết sửa xe" },
      rules: forms,
    };
  },
  "trainings.$id.tsx": async () => {
    const { id } = await publishTraining(provider);
    return { action: trainingAction, cookie: await person(), path: `/trainings/${id}`, params: { id }, valid: { intent: "save" }, rules: forms };
  },
  "employer.jobs.new.tsx": async () => ({
    action: newJobAction,
    cookie: cookies.employer,
    path: "/employer/jobs/new",
    valid: jobForm({ intent: "publish" }),
    rules: forms,
  }),
  "employer.jobs.new.tsx intent=load-communes": async () => ({
    action: newJobAction,
    cookie: cookies.employer,
    path: "/employer/jobs/new",
    valid: { provinceCode: UNITS.lamDong },
    fixed: { intent: "load-communes" },
    rules: forms,
    readsNoField: true,
  }),
  "employer.jobs.$id.tsx": async () => {
    const id = await draftJob();
    return { action: editJobAction, cookie: cookies.employer, path: `/employer/jobs/${id}`, params: { id }, valid: jobForm(), rules: forms };
  },
  "employer.jobs._index.tsx": async () => {
    const id = await draftJob();
    return { action: jobsAction, cookie: cookies.employer, path: "/employer/jobs", valid: { id, intent: "publish" } };
  },
  "provider.trainings.new.tsx": async () => ({
    action: newTrainingAction,
    cookie: cookies.provider,
    path: "/provider/trainings/new",
    valid: trainingForm({ intent: "publish" }),
    rules: forms,
  }),
  "provider.trainings.$id.tsx": async () => {
    const id = await draftTraining();
    return { action: editTrainingAction, cookie: cookies.provider, path: `/provider/trainings/${id}`, params: { id }, valid: trainingForm(), rules: forms };
  },
  "provider.trainings._index.tsx": async () => {
    const id = await draftTraining();
    return { action: trainingsAction, cookie: cookies.provider, path: "/provider/trainings", valid: { id, intent: "publish" } };
  },
};

describe(`bad input on the marketplace forms (FC_SEED=${FC_SEED})`, () => {
  it.each(Object.keys(CASES))(
    "%s: never a 500, a refusal writes nothing and says why",
    async (label) => {
      const c = await CASES[label]!();
      const statuses = await fuzzAction(ctx.handle.db, { label, ...c }, RUNS);
      if (!c.readsNoField)
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
