import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { can } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { type FormState, TextField } from "~/components/forms";
import { TextAreaField } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { finishEnrolment, getEnrolment } from "~/modules/placements/enrolments.server";
import { completeEnrolmentSchema, dropEnrolmentSchema } from "~/modules/placements/schema.server";
import { type FieldErrors, readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.enrolment.pageTitle")) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const view = await getEnrolment(scope, idOf(params.id));
  if (!view) throw notFound();
  return json({
    ...view,
    canEdit: can(user, "record:placement:commune"),
    done: z
      .enum(["created", "finished"])
      .optional()
      .catch(undefined)
      .parse(new URL(request.url).searchParams.get("done") ?? undefined),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "view:person:commune", "record:placement:commune");
  const enrolmentId = idOf(params.id);
  const values = await readForm(request);
  const intent = values.intent === "drop" ? "drop" : values.intent === "complete" ? "complete" : null;
  const fail = (errors: FieldErrors) => json({ values, errors, intent }, { status: 400 });
  if (!intent) return fail({ _form: { key: "validation.invalid" } });
  let outcome;
  if (intent === "complete") {
    const parsed = validateForm(completeEnrolmentSchema, values);
    if (!parsed.ok) return fail(parsed.errors);
    outcome = await finishEnrolment(scope, enrolmentId, { kind: "completed", input: parsed.data });
  } else {
    const parsed = validateForm(dropEnrolmentSchema, values);
    if (!parsed.ok) return fail(parsed.errors);
    outcome = await finishEnrolment(scope, enrolmentId, { kind: "dropped_out", input: parsed.data });
  }
  const finished = orNotFound(outcome);
  if (!finished.ok) return fail(finished.errors);
  return redirect(`/officer/enrolments/${enrolmentId}?done=finished`);
}

export default function EnrolmentPage() {
  const { enrolment: e, placementId, today, canEdit, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, word } = useLabels();
  const stateFor = (intent: "complete" | "drop"): FormState =>
    data?.intent === intent ? data : { values: { completedOn: today, droppedOn: today } };
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${e.personId}#outcomes`}>{t("outcomes.back.person", { name: e.personName })}</Link>
      </p>
      <h1>{t("outcomes.enrolment.title", { course: e.courseTitle })}</h1>
      {done ? (
        <p className="alert alert--success" role="status">
          {t(done === "created" ? "outcomes.enrolment.created" : "outcomes.enrolment.finished")}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("outcomes.fact.person")}</dt>
          <dd>{e.personName}</dd>
          <dt>{t("outcomes.fact.course")}</dt>
          <dd>{e.courseTitle}</dd>
          <dt>{t("outcomes.fact.provider")}</dt>
          <dd>{e.providerName}</dd>
          <dt>{t("outcomes.fact.status")}</dt>
          <dd>
            <span className="badge badge--soft">{word("outcomes.enrolmentStatus", e.status)}</span>
          </dd>
          <dt>{t("outcomes.fact.enrolledOn")}</dt>
          <dd>
            {date(e.enrolledOn)}
            {e.backdateReason ? (
              <span className="hint backdate-reason">
                {" "}
                ({t("outcomes.backdate.shown", { reason: e.backdateReason })})
              </span>
            ) : null}
          </dd>
          {e.completedOn ? (
            <>
              <dt>{t("outcomes.fact.completedOn")}</dt>
              <dd>{date(e.completedOn)}</dd>
              <dt>{t("outcomes.fact.certificate")}</dt>
              <dd>{e.certificate}</dd>
            </>
          ) : null}
          {e.droppedOn ? (
            <>
              <dt>{t("outcomes.fact.droppedOn")}</dt>
              <dd>{date(e.droppedOn)}</dd>
              <dt>{t("outcomes.fact.dropReason")}</dt>
              <dd>{e.dropReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {e.status === "completed" ? (
        <p className="actions">
          {placementId ? (
            <Link to={`/officer/placements/${placementId}`} className="button button--secondary">
              {t("outcomes.enrolment.viewJob")}
            </Link>
          ) : canEdit ? (
            <Link to={`/officer/persons/${e.personId}/placement?enrolment=${e.id}`} className="button">
              {t("outcomes.enrolment.toJob")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {canEdit && e.status === "enrolled" ? (
        <div className="grid grid--2">
          <section className="card">
            <h2>{t("outcomes.enrolment.complete.title")}</h2>
            <FormErrors
              state={stateFor("complete")}
              labels={{ completedOn: "outcomes.field.completedOn", certificate: "outcomes.field.certificate" }}
            />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="complete" />
              <TextField
                name="completedOn"
                label="outcomes.field.completedOn"
                state={stateFor("complete")}
                required
                type="date"
              />
              <TextField
                name="certificate"
                label="outcomes.field.certificate"
                hint="outcomes.field.certificate.hint"
                state={stateFor("complete")}
                required
                autoComplete="off"
              />
              <div className="actions">
                <button type="submit" className="button">
                  {t("outcomes.enrolment.complete.submit")}
                </button>
              </div>
            </Form>
          </section>
          <section className="card">
            <h2>{t("outcomes.enrolment.drop.title")}</h2>
            <FormErrors
              state={stateFor("drop")}
              labels={{ droppedOn: "outcomes.field.droppedOn", dropReason: "outcomes.field.dropReason" }}
            />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="drop" />
              <TextField
                name="droppedOn"
                label="outcomes.field.droppedOn"
                state={stateFor("drop")}
                required
                type="date"
              />
              <TextAreaField
                name="dropReason"
                label="outcomes.field.dropReason"
                state={stateFor("drop")}
                required
                rows={2}
              />
              <div className="actions">
                <button type="submit" className="button button--secondary">
                  {t("outcomes.enrolment.drop.submit")}
                </button>
              </div>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}
