import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { OrgScope } from "../auth/org-scope.server";
import type { FormState } from "../components/forms";
import { JobForm } from "../components/job-form";
import { listCommunes, listProvinces } from "../modules/admin-units/admin-units.server";
import { getOwnJob, jobInputSchema, updateJob, type OwnJob } from "../modules/jobs/jobs.server";
import { requireOrganizationScope } from "../modules/organizations/profile.server";
import { listOccupations } from "../modules/reference/reference.server";
import { readForm, validateForm, type FieldErrors, type FormValues } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("jobs.form.editTitle")) }];

/** The job of the URL, if it is the actor's organisation's; any other id is simply not found. */
async function ownJobOf(scope: OrgScope, id: string | undefined): Promise<OwnJob> {
  const parsed = z.uuid().safeParse(id);
  const job = parsed.success ? await getOwnJob(scope, parsed.data) : undefined;
  if (!job) throw notFound();
  return job;
}

/** The stored job as the form shows it (amounts grouped the Vietnamese way, lists as typed). */
function formValues(job: OwnJob): FormValues {
  return {
    title: job.title,
    occupationCode: job.occupationCode,
    description: job.description,
    provinceCode: job.provinceCode,
    communeCode: job.communeCode,
    workplaceAddress: job.workplaceAddress,
    wageMin: job.wageMin.toLocaleString("vi-VN"),
    wageMax: job.wageMax.toLocaleString("vi-VN"),
    employmentType: job.employmentType,
    openings: String(job.openings),
    skills: job.skills.join(", "),
    experience: job.experience,
    benefits: job.benefits,
    startsAt: job.startsAt ?? "",
    closesAt: job.closesAt,
    excludedOffenceCategories: job.excludedOffenceCategories,
    exclusionReason: job.exclusionReason,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:job:own");
  const job = await ownJobOf(scope, params.id);
  const [occupations, provinces, communes] = await Promise.all([listOccupations(), listProvinces(), listCommunes(job.provinceCode)]);
  return json({ values: formValues(job), status: job.status, occupations, provinces, communes });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireOrganizationScope(request, "post:job:own");
  const job = await ownJobOf(scope, params.id);
  const values = await readForm(request);
  const province = typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  const answer = async (errors: FieldErrors, status = 400) =>
    json({ values, errors, communes: province ? await listCommunes(province) : [] }, { status });
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = validateForm(jobInputSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = await updateJob(scope, job.id, parsed.data);
  if (!outcome.ok && "notFound" in outcome) throw notFound();
  if (!outcome.ok) return answer(outcome.errors);
  return redirect("/employer/jobs?saved=updated");
}

export default function EditJob() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="posting-back">
        <Link to="/employer/jobs">{t("jobs.own.title")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t("jobs.form.editTitle")}</h1>
        <span className={`badge badge--${data.status}`}>{t(`jobStatus.${data.status}`)}</span>
      </div>
      <JobForm
        state={(result ?? { values: data.values }) as FormState}
        occupations={data.occupations}
        provinces={data.provinces}
        communes={result?.communes ?? data.communes}
        mode="edit"
        canPublish
      />
    </>
  );
}
