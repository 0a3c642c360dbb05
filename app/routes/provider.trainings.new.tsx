import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { FormState } from "../components/forms";
import { TrainingForm } from "../components/training-form";
import { listCommunes, listProvinces } from "../modules/admin-units/admin-units.server";
import { getOrganizationProfile, requireOrganizationScope } from "../modules/organizations/profile.server";
import { listOccupations, listTrainingLevels } from "../modules/reference/reference.server";
import { checkPartnerJobs, listPartnerJobs } from "../modules/trainings/partner-jobs.server";
import { trainingInputSchema } from "../modules/trainings/schema.server";
import { createTraining } from "../modules/trainings/trainings.server";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("trainings.form.newTitle")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:training:own");
  const org = await getOrganizationProfile(scope);
  if (!org) throw notFound();
  const [occupations, levels, provinces, communes, partnerJobs] = await Promise.all([
    listOccupations(),
    listTrainingLevels(),
    listProvinces(),
    listCommunes(org.provinceCode),
    listPartnerJobs(org.provinceCode),
  ]);
  // A new course is held at the provider's own address unless changed.
  const values: FormValues = { provinceCode: org.provinceCode, communeCode: org.communeCode, address: org.address };
  return json({ values, canPublish: org.verificationStatus === "verified", occupations, levels, provinces, communes, partnerJobs });
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:training:own");
  const values = await readForm(request);
  const province = typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  // The communes and partner jobs of the province as submitted: it may differ from the organisation's.
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
  const outcome = await createTraining(scope, input, { publish: values.intent === "publish" });
  if (!outcome.ok) return answer(outcome.errors);
  const saved = outcome.status === "open" ? "open" : outcome.notice === "saved_as_draft" ? "draftUnverified" : "draft";
  return redirect(`/provider/trainings?saved=${saved}`);
}

export default function NewTraining() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="posting-back">
        <Link to="/provider/trainings">{t("trainings.own.title")}</Link>
      </p>
      <h1>{t("trainings.form.newTitle")}</h1>
      <TrainingForm
        state={(result ?? { values: data.values }) as FormState}
        occupations={data.occupations}
        levels={data.levels}
        provinces={data.provinces}
        communes={result?.communes ?? data.communes}
        partnerJobs={result?.partnerJobs ?? data.partnerJobs}
        mode="new"
        canPublish={data.canPublish}
      />
    </>
  );
}
