import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { FormState } from "../components/forms";
import { JobForm } from "../components/job-form";
import { listCommunes, listProvinces } from "../modules/admin-units/admin-units.server";
import { createJob, jobInputSchema } from "../modules/jobs/jobs.server";
import { getOrganizationProfile, requireOrganizationScope } from "../modules/organizations/profile.server";
import { listOccupations } from "../modules/reference/reference.server";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("jobs.form.newTitle")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:job:own");
  const org = await getOrganizationProfile(scope);
  if (!org) throw notFound();
  const [occupations, provinces, communes] = await Promise.all([listOccupations(), listProvinces(), listCommunes(org.provinceCode)]);
  // A new job starts at the organisation's own place, full-time, one opening.
  const values: FormValues = {
    provinceCode: org.provinceCode,
    communeCode: org.communeCode,
    workplaceAddress: org.address,
    employmentType: "full_time",
    openings: "1",
  };
  return json({ values, canPublish: org.verificationStatus === "verified", occupations, provinces, communes });
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:job:own");
  const values = await readForm(request);
  const province = typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  const answer = async (errors: FieldErrors, status = 400) =>
    json({ values, errors, communes: province ? await listCommunes(province) : [] }, { status });
  // Without JavaScript, "load communes" posts the form: answer with the same values and the list.
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = validateForm(jobInputSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = await createJob(scope, parsed.data, { publish: values.intent === "publish" });
  if (!outcome.ok) return answer(outcome.errors);
  const saved = outcome.status === "open" ? "open" : outcome.notice === "saved_as_draft" ? "draftUnverified" : "draft";
  return redirect(`/employer/jobs?saved=${saved}`);
}

export default function NewJob() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="posting-back">
        <Link to="/employer/jobs">{t("jobs.own.title")}</Link>
      </p>
      <h1>{t("jobs.form.newTitle")}</h1>
      <JobForm
        state={(result ?? { values: data.values }) as FormState}
        occupations={data.occupations}
        provinces={data.provinces}
        communes={result?.communes ?? data.communes}
        mode="new"
        canPublish={data.canPublish}
      />
    </>
  );
}
