import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { FollowUpList, FollowUpStateBadge } from "~/components/placements/follow-ups";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { getFollowUp, recordFollowUp } from "~/modules/placements/follow-ups.server";
import { dueFrom } from "~/modules/placements/schedule";
import { followUpSchema } from "~/modules/placements/schema.server";
import { type FormValues, readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { LIVING_SITUATIONS, OUTCOMES_12M, PLACEMENT_END_REASONS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.followUp.pageTitle")) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "follow_up:person:commune");
  const view = await getFollowUp(scope, idOf(params.id));
  if (!view) throw notFound();
  return json(view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "follow_up:person:commune");
  const followUpId = idOf(params.id);
  const values = await readForm(request);
  const parsed = validateForm(followUpSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await recordFollowUp(scope, followUpId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/placements/${outcome.placementId}?done=recorded`);
}

const LABELS = {
  stillEmployed: "outcomes.field.stillEmployed",
  currentWage: "outcomes.field.currentWage",
  stable: "outcomes.field.stable",
  livingSituation: "outcomes.field.livingSituation",
  violation: "outcomes.field.violation",
  violationNote: "outcomes.field.violationNote",
  endDate: "outcomes.field.endDate",
  endReason: "outcomes.field.endReason",
  outcome: "outcomes.field.outcome",
} as const;

export default function RecordFollowUp() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, word } = useLabels();
  const { followUp: f, placement: p } = view;
  const last = [...view.others].reverse().find((o) => o.state === "done");
  const defaults: FormValues = {
    currentWage: String(last?.currentWage ?? p.wage),
    livingSituation: last?.livingSituation ?? "",
    outcome: view.needsOutcome ? view.suggested : "",
  };
  const state: FormState = data ?? { values: defaults };
  const yesNo = [
    { value: "yes", label: t("outcomes.yes") },
    { value: "no", label: t("outcomes.no") },
  ];
  return (
    <div className="follow-up-page">
      <p className="breadcrumb persons-back">
        <Link to={`/officer/placements/${p.id}`}>
          {t("outcomes.placement.title", { position: p.position, employer: p.employerName })}
        </Link>
      </p>
      <h1>
        {t("outcomes.followUp.title", { month: f.monthOffset, name: view.personName })}{" "}
        <FollowUpStateBadge state={f.state} />
      </h1>
      <p className="lead">
        {t("outcomes.followUp.lead", { position: p.position, employer: p.employerName, date: date(p.startDate) })}{" "}
        {t("outcomes.followUp.dueOn", { date: date(f.dueOn) })}
      </p>
      {f.employerConfirmedAt ? (
        <p className="alert alert--success">
          {t("outcomes.followUp.employerConfirmed", { date: date(f.employerConfirmedAt) })}
        </p>
      ) : null}
      {f.state === "upcoming" ? (
        <p className="alert alert--info" role="status">
          {t("outcomes.followUp.error.upcoming")} {t("outcomes.followUp.upcomingWhy", { date: date(dueFrom(f.dueOn)) })}
        </p>
      ) : null}
      {f.state === "done" || f.state === "cancelled" ? <FollowUpList followUps={[f]} canRecord={false} /> : null}
      {f.recordable ? (
        <section className="card panel">
          <FormErrors state={state} labels={LABELS} />
          <Form method="post" className="stack follow-up-form" noValidate>
            <ChoiceGroup
              name="stillEmployed"
              legend="outcomes.field.stillEmployed"
              state={state}
              type="radio"
              required
              options={yesNo}
            />
            <TextField
              name="currentWage"
              label="outcomes.field.currentWage"
              hint="outcomes.field.currentWage.hint"
              state={state}
              inputMode="numeric"
              autoComplete="off"
            />
            <ChoiceGroup
              name="stable"
              legend="outcomes.field.stable"
              state={state}
              type="radio"
              required
              options={yesNo}
            />
            <ChoiceGroup
              name="livingSituation"
              legend="outcomes.field.livingSituation"
              state={state}
              type="radio"
              required
              options={LIVING_SITUATIONS.map((l) => ({ value: l, label: word("outcomes.living", l) }))}
            />
            <ChoiceGroup
              name="violation"
              legend="outcomes.field.violation"
              state={state}
              type="radio"
              required
              options={yesNo}
            />
            <TextAreaField
              name="violationNote"
              label="outcomes.field.violationNote"
              hint="outcomes.field.violationNote.hint"
              state={state}
              rows={2}
            />
            <TextAreaField name="note" label="outcomes.field.note" state={state} rows={3} />
            {p.endDate ? (
              <p className="hint">{t("outcomes.followUp.alreadyEnded", { date: date(p.endDate) })}</p>
            ) : (
              <fieldset className="follow-up-form__ending">
                <legend>{t("outcomes.followUp.ending")}</legend>
                <TextField name="endDate" label="outcomes.field.endDate" state={state} type="date" />
                <ChoiceGroup
                  name="endReason"
                  legend="outcomes.field.endReason"
                  state={state}
                  type="radio"
                  options={PLACEMENT_END_REASONS.map((r) => ({ value: r, label: word("outcomes.endReason", r) }))}
                />
              </fieldset>
            )}
            {view.needsOutcome ? (
              <>
                <ChoiceGroup
                  name="outcome"
                  legend="outcomes.field.outcome"
                  state={state}
                  type="radio"
                  required
                  options={OUTCOMES_12M.map((o) => ({ value: o, label: word("outcomes.outcome", o) }))}
                />
                <p className="hint">
                  {t("outcomes.followUp.suggested", { outcome: word("outcomes.outcome", view.suggested) })}
                </p>
              </>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {t("outcomes.followUp.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {view.others.length ? (
        <section className="panel">
          <h2>{t("outcomes.followUp.previous")}</h2>
          <FollowUpList followUps={view.others} canRecord={false} />
        </section>
      ) : null}
    </div>
  );
}
