import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup } from "~/components/job-form";
import { CheckboxField } from "~/components/persons/fields";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, optionalIdOf, orNotFound } from "~/http/responses.server";
import { createPlacement, personHeading, placementForm } from "~/modules/placements/placements.server";
import { placementSchema } from "~/modules/placements/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { CONTRACT_KINDS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.placement.new.title")) },
];

/** ?referral=<id> (an accepted job referral), ?enrolment=<id> (a completed course), or neither (a job found outside). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "record:placement:commune");
  const query = new URL(request.url).searchParams;
  // An unknown person, or a referral or course that is not this person's: the same answer.
  const form = orNotFound(
    await placementForm(scope, idOf(params.id), {
      referralId: optionalIdOf(query.get("referral")),
      enrolmentId: optionalIdOf(query.get("enrolment")),
    }),
  );
  if (!form.ok && form.problem === "not_found") throw notFound();
  return json(form);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "record:placement:commune");
  const personId = idOf(params.id);
  // Another commune's person is not found, whatever is posted.
  if (!(await personHeading(scope, personId))) throw notFound();
  const values = await readForm(request);
  const parsed = validateForm(placementSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await createPlacement(scope, personId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/placements/${outcome.placementId}?done=created`);
}

const LABELS = {
  employerName: "outcomes.field.employerName",
  position: "outcomes.field.position",
  wage: "outcomes.field.wage",
  contractKind: "outcomes.field.contractKind",
  startDate: "outcomes.field.startDate",
  backdateReason: "outcomes.backdate.reason",
} as const;

export default function NewPlacement() {
  const form = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, word, vnd } = useLabels();
  const person = form.person;
  const back = (
    <p className="breadcrumb persons-back">
      <Link to={`/officer/persons/${person.id}#outcomes`}>{t("outcomes.back.person", { name: person.fullName })}</Link>
    </p>
  );
  if (!form.ok) {
    return (
      <>
        {back}
        <h1>{t("outcomes.placement.new.title")}</h1>
        <p className="alert alert--info">{t(`outcomes.source.${form.problem}`)}</p>
        {form.placementId ? (
          <Link to={`/officer/placements/${form.placementId}`}>{t("outcomes.source.viewPlacement")}</Link>
        ) : null}
      </>
    );
  }
  const state: FormState = data ?? { values: form.values };
  const source = form.source;
  const lowWage = data?.errors?.wage?.key === "outcomes.placement.error.lowWage";
  // A start date before the person's yes: ask for the confirmation and the reason, keeping what was typed.
  const backdate =
    data?.errors?.startDate?.key === "outcomes.backdate.error.confirm" ||
    Boolean(data?.errors?.backdateReason) ||
    Boolean(data?.values?.confirmBackdate);
  return (
    <>
      {back}
      <h1>{t("outcomes.placement.new.title")}</h1>
      <p className="lead">{t("outcomes.placement.new.lead", { name: person.fullName })}</p>
      <p className="alert alert--info">
        {source.kind === "referral"
          ? t("outcomes.placement.fromReferral", { title: source.jobTitle, employer: source.employerName })
          : source.kind === "enrolment"
            ? t("outcomes.placement.fromCourse", { course: source.courseTitle, provider: source.providerName })
            : t("outcomes.placement.outside")}
      </p>
      {person.status !== "active" ? <p className="alert alert--error">{t("outcomes.placement.error.closed")}</p> : null}
      <FormErrors state={state} labels={LABELS} />
      <Form method="post" className="stack placement-form" noValidate>
        <input type="hidden" name="referralId" value={source.kind === "referral" ? source.referralId : ""} />
        <input type="hidden" name="enrolmentId" value={source.kind === "enrolment" ? source.enrolmentId : ""} />
        {source.kind === "referral" ? (
          <div className="field">
            <p>
              <strong>{t("outcomes.field.employerName")}:</strong> {source.employerName}
            </p>
          </div>
        ) : (
          <TextField
            name="employerName"
            label="outcomes.field.employerName"
            state={state}
            required
            autoComplete="organization"
          />
        )}
        <TextField name="position" label="outcomes.field.position" state={state} required autoComplete="off" />
        <TextField
          name="wage"
          label="outcomes.field.wage"
          state={state}
          required
          inputMode="numeric"
          autoComplete="off"
        />
        {form.minimumWage ? (
          <p className="hint">{t("outcomes.placement.minimumWage", { min: vnd(form.minimumWage) })}</p>
        ) : null}
        {lowWage ? <CheckboxField name="confirmLowWage" label="outcomes.field.confirmLowWage" state={state} /> : null}
        <ChoiceGroup
          name="contractKind"
          legend="outcomes.field.contractKind"
          state={state}
          type="radio"
          required
          options={CONTRACT_KINDS.map((k) => ({ value: k, label: word("outcomes.contract", k) }))}
        />
        <TextField
          name="startDate"
          label="outcomes.field.startDate"
          hint="outcomes.field.startDate.hint"
          state={state}
          required
          type="date"
        />
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
            {t("outcomes.placement.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
