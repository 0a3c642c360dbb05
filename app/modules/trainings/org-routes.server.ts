import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { OrgScope } from "../../auth/org-scope.server";
import type { MessageKey } from "../../i18n";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../../utils/forms";
import { notFound } from "../../utils/http.server";
import { listCommunes, listProvinces } from "../admin-units/admin-units.server";
import { getOrganizationProfile, requireOrganizationScope } from "../organizations/profile.server";
import { listOccupations, listTrainingLevels } from "../reference/reference.server";
import { listLinkableJobs } from "./partner-jobs.server";
import { trainingInputSchema } from "./schema.server";
import { createTraining, getOwnTraining, listOwnTrainings, transitionTraining, updateTraining, type TrainingTransition } from "./trainings.server";

/*
 * /provider/trainings (course intakes) and /employer/trainings (training slots a business offers at its
 * workplace) share these loaders and actions: one form, one service, configured by the organisation's
 * role. Route files wrap them in arrow functions (the browser bundle drops server modules).
 */

export type TrainingArea = OrgScope["role"];
export const TRAINING_AREA = {
  employer: { permission: "view:home:employer", home: "/employer", path: "/employer/trainings" },
  provider: { permission: "view:home:provider", home: "/provider", path: "/provider/trainings" },
} as const;

/** The area's own role only: an employer holds post:training:own too, but not on the provider's pages. */
const requireScope = (request: Request, area: TrainingArea) => requireOrganizationScope(request, TRAINING_AREA[area].permission, "post:training:own");

const TRAINING_ACTIONS = ["publish", "close", "reopen"] as const satisfies readonly TrainingTransition[];
const FAILURES = {
  not_verified: "trainings.error.notVerified",
  expired: "trainings.error.expired",
  invalid_transition: "trainings.error.invalidTransition",
} as const satisfies Record<string, MessageKey>;

export async function ownTrainingsLoader(area: TrainingArea, { request }: LoaderFunctionArgs) {
  const savedParam = z.enum(["open", "draft", "draftUnverified", "updated"]).optional().catch(undefined);
  const scope = await requireScope(request, area);
  const [trainings, org] = await Promise.all([listOwnTrainings(scope), getOrganizationProfile(scope)]);
  if (!org) throw notFound();
  return json({
    area,
    trainings,
    verification: { status: org.verificationStatus, reason: org.rejectionReason },
    saved: savedParam.parse(new URL(request.url).searchParams.get("saved") ?? undefined),
  });
}

export async function ownTrainingsAction(area: TrainingArea, { request }: ActionFunctionArgs) {
  const transitionSchema = z.object({ id: z.uuid(), intent: z.enum(TRAINING_ACTIONS) });
  const scope = await requireScope(request, area);
  const parsed = validateForm(transitionSchema, await readForm(request));
  if (!parsed.ok) return json({ id: null, status: null, error: FAILURES.invalid_transition }, { status: 400 });
  const outcome = await transitionTraining(scope, parsed.data.id, parsed.data.intent);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw notFound();
    return json({ id: parsed.data.id, status: null, error: FAILURES[outcome.reason] }, { status: 400 });
  }
  return json({ id: parsed.data.id, status: outcome.status, error: null });
}

type OwnTraining = NonNullable<Awaited<ReturnType<typeof getOwnTraining>>>;

/** The slot of the URL, if it is the actor's organisation's; any other id is simply not found. */
async function ownTrainingOf(scope: OrgScope, id: string | undefined): Promise<OwnTraining> {
  const parsed = z.uuid().safeParse(id);
  const training = parsed.success ? await getOwnTraining(scope, parsed.data) : undefined;
  if (!training) throw notFound();
  return training;
}

function formValues(training: OwnTraining): FormValues {
  return {
    title: training.title,
    occupationCode: training.occupationCode,
    levelCode: training.levelCode,
    description: training.description,
    durationWeeks: String(training.durationWeeks),
    schedule: training.schedule,
    startsAt: training.startsAt,
    applicationDeadline: training.applicationDeadline,
    seats: String(training.seats),
    costVnd: training.costVnd > 0 ? training.costVnd.toLocaleString("vi-VN") : "",
    stipendVnd: training.stipendVnd ? training.stipendVnd.toLocaleString("vi-VN") : "",
    support: training.support,
    provinceCode: training.provinceCode,
    communeCode: training.communeCode,
    address: training.address,
    leadsToJobIds: training.leadsToJobIds,
  };
}

async function formChoices(scope: OrgScope, provinceCode: string) {
  const [occupations, levels, provinces, communes, partnerJobs] = await Promise.all([
    listOccupations(),
    listTrainingLevels(),
    listProvinces(),
    listCommunes(provinceCode),
    listLinkableJobs(scope, provinceCode),
  ]);
  return { occupations, levels, provinces, communes, partnerJobs };
}

/**
 * Validate and save (create or update) a submitted form; otherwise answer with what was typed and the
 * communes and jobs of the province as submitted (it may differ from the organisation's).
 */
async function saveForm(scope: OrgScope, request: Request, save: (input: z.output<typeof trainingInputSchema>, publish: boolean) => Promise<Response | FieldErrors>) {
  const values = await readForm(request);
  const province = typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  const answer = async (errors: FieldErrors, status = 400) => {
    const [communes, partnerJobs] = province ? await Promise.all([listCommunes(province), listLinkableJobs(scope, province)]) : [[], []];
    return json({ values, errors, communes, partnerJobs }, { status });
  };
  // Without JavaScript, "load communes" posts the form: answer with the same values and the lists.
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = validateForm(trainingInputSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = await save({ ...parsed.data, leadsToJobIds: [...new Set(parsed.data.leadsToJobIds)] }, values.intent === "publish");
  return outcome instanceof Response ? outcome : answer(outcome);
}

export async function newTrainingLoader(area: TrainingArea, { request }: LoaderFunctionArgs) {
  const scope = await requireScope(request, area);
  const org = await getOrganizationProfile(scope);
  if (!org) throw notFound();
  // A new slot is held at the organisation's own address (a business's workplace) unless changed.
  const values: FormValues = { provinceCode: org.provinceCode, communeCode: org.communeCode, address: org.address };
  return json({ area, values, canPublish: org.verificationStatus === "verified", ...(await formChoices(scope, org.provinceCode)) });
}

export async function newTrainingAction(area: TrainingArea, { request }: ActionFunctionArgs) {
  const scope = await requireScope(request, area);
  return saveForm(scope, request, async (input, publish) => {
    const outcome = await createTraining(scope, input, { publish });
    if (!outcome.ok) return outcome.errors;
    const saved = outcome.status === "open" ? "open" : outcome.notice === "saved_as_draft" ? "draftUnverified" : "draft";
    return redirect(`${TRAINING_AREA[area].path}?saved=${saved}`);
  });
}

export async function editTrainingLoader(area: TrainingArea, { request, params }: LoaderFunctionArgs) {
  const scope = await requireScope(request, area);
  const training = await ownTrainingOf(scope, params.id);
  return json({ area, values: formValues(training), status: training.status, ...(await formChoices(scope, training.provinceCode)) });
}

export async function editTrainingAction(area: TrainingArea, { request, params }: ActionFunctionArgs) {
  const scope = await requireScope(request, area);
  const training = await ownTrainingOf(scope, params.id);
  return saveForm(scope, request, async (input) => {
    const outcome = await updateTraining(scope, training.id, input);
    if (!outcome.ok && "notFound" in outcome) throw notFound();
    if (!outcome.ok) return outcome.errors;
    return redirect(`${TRAINING_AREA[area].path}?saved=updated`);
  });
}
