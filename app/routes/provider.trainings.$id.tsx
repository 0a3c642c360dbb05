import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { OrgScope } from "../auth/org-scope.server";
import type { FormState } from "../components/forms";
import { TrainingForm } from "../components/training-form";
import { listCommunes, listProvinces } from "../modules/admin-units/admin-units.server";
import { requireOrganizationScope } from "../modules/organizations/profile.server";
import { listOccupations, listTrainingLevels } from "../modules/reference/reference.server";
import { checkPartnerJobs, listPartnerJobs } from "../modules/trainings/partner-jobs.server";
import { trainingInputSchema } from "../modules/trainings/schema.server";
import { getOwnTraining, updateTraining } from "../modules/trainings/trainings.server";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("trainings.form.editTitle")) }];

type OwnTraining = NonNullable<Awaited<ReturnType<typeof getOwnTraining>>>;

/** The course of the URL, if it is the actor's organisation's; any other id is simply not found. */
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
    support: training.support,
    provinceCode: training.provinceCode,
    communeCode: training.communeCode,
    address: training.address,
    leadsToJobIds: training.leadsToJobIds,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:training:own");
  const training = await ownTrainingOf(scope, params.id);
  const [occupations, levels, provinces, communes, partnerJobs] = await Promise.all([
    listOccupations(),
    listTrainingLevels(),
    listProvinces(),
    listCommunes(training.provinceCode),
    listPartnerJobs(training.provinceCode),
  ]);
  return json({ values: formValues(training), status: training.status, occupations, levels, provinces, communes, partnerJobs });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:training:own");
  const training = await ownTrainingOf(scope, params.id);
  const values = await readForm(request);
  const province = typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  const answer = async (errors: FieldErrors, status = 400) => {
    const [communes, partnerJobs] = province ? await Promise.all([listCommunes(province), listPartnerJobs(province)]) : [[], []];
    return json({ values, errors, communes, partnerJobs }, { status });
  };
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = validateForm(trainingInputSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const input = { ...parsed.data, leadsToJobIds: [...new Set(parsed.data.leadsToJobIds)] };
  const partnerErrors = await checkPartnerJobs(input.provinceCode, input.leadsToJobIds);
  if (Object.keys(partnerErrors).length) return answer(partnerErrors);
  const outcome = await updateTraining(scope, training.id, input);
  if (!outcome.ok && "notFound" in outcome) throw notFound();
  if (!outcome.ok) return answer(outcome.errors);
  return redirect("/provider/trainings?saved=updated");
}

export default function EditTraining() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="posting-back">
        <Link to="/provider/trainings">{t("trainings.own.title")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t("trainings.form.editTitle")}</h1>
        <span className={`badge badge--${data.status}`}>{t(`trainingStatus.${data.status}`)}</span>
      </div>
      <TrainingForm
        state={(result ?? { values: data.values }) as FormState}
        occupations={data.occupations}
        levels={data.levels}
        provinces={data.provinces}
        communes={result?.communes ?? data.communes}
        partnerJobs={result?.partnerJobs ?? data.partnerJobs}
        mode="edit"
        canPublish
      />
    </>
  );
}
