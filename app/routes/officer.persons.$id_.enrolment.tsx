import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { type FormState, TextField } from "~/components/forms";
import { CheckboxField } from "~/components/persons/fields";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, optionalIdOf, orNotFound } from "~/http/responses.server";
import { createEnrolment, enrolmentForm } from "~/modules/placements/enrolments.server";
import { personHeading } from "~/modules/placements/placements.server";
import { enrolmentSchema } from "~/modules/placements/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.enrolment.new.title")) },
];

/** ?referral=<id>: an accepted course referral; without it, the list of those waiting to be recorded. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "record:placement:commune");
  const form = await enrolmentForm(
    scope,
    idOf(params.id),
    optionalIdOf(new URL(request.url).searchParams.get("referral")),
  );
  if (!form) throw notFound();
  return json(form);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "record:placement:commune");
  const personId = idOf(params.id);
  if (!(await personHeading(scope, personId))) throw notFound();
  const values = await readForm(request);
  const parsed = validateForm(enrolmentSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await createEnrolment(scope, personId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/enrolments/${outcome.enrolmentId}?done=created`);
}

export default function NewEnrolment() {
  const form = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date } = useLabels();
  const { person, course } = form;
  const state: FormState = data ?? { values: { enrolledOn: form.today } };
  // A date before the person's yes to the course: ask for the confirmation and the reason, keeping what was typed.
  const backdate =
    data?.errors?.enrolledOn?.key === "outcomes.backdate.error.confirm" ||
    Boolean(data?.errors?.backdateReason) ||
    Boolean(data?.values?.confirmBackdate);
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${person.id}#outcomes`}>
          {t("outcomes.back.person", { name: person.fullName })}
        </Link>
      </p>
      <h1>{t("outcomes.enrolment.new.title")}</h1>
      {form.problem ? (
        <>
          <p className="alert alert--info">{t(`outcomes.enrolment.source.${form.problem}`)}</p>
          {"enrolmentId" in form && form.enrolmentId ? (
            <Link to={`/officer/enrolments/${form.enrolmentId}`}>{t("outcomes.section.openEnrolment")}</Link>
          ) : null}
        </>
      ) : course ? (
        <>
          <p className="lead">
            {t("outcomes.enrolment.new.lead", {
              course: course.courseTitle,
              provider: course.providerName,
              date: date(course.startsAt),
            })}
          </p>
          {person.status !== "active" ? (
            <p className="alert alert--error">{t("outcomes.placement.error.closed")}</p>
          ) : null}
          <FormErrors
            state={state}
            labels={{ enrolledOn: "outcomes.field.enrolledOn", backdateReason: "outcomes.backdate.reason" }}
          />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="referralId" value={course.referralId} />
            <TextField name="enrolledOn" label="outcomes.field.enrolledOn" state={state} required type="date" />
            {backdate ? (
              <div className="stack backdate-confirm">
                <CheckboxField name="confirmBackdate" label="outcomes.backdate.confirm" state={state} />
                <TextField
                  name="backdateReason"
                  label="outcomes.backdate.reason"
                  hint="outcomes.backdate.reason.hint"
                  state={state}
                  autoComplete="off"
                />
              </div>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {t("outcomes.enrolment.submit")}
              </button>
            </div>
          </Form>
        </>
      ) : form.waiting.length === 0 ? (
        <div className="empty-state">
          <p>{t("outcomes.enrolment.none")}</p>
        </div>
      ) : (
        <>
          <p>{t("outcomes.enrolment.choose")}</p>
          <ul className="list">
            {form.waiting.map((r) => (
              <li key={r.id}>
                <Link to={`?referral=${r.id}`}>{r.courseTitle}</Link> · {r.providerName}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
