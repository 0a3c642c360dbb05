import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";

import { can } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { FollowUpList, OutcomeBadge } from "~/components/placements/follow-ups";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { endPlacement } from "~/modules/placements/placements.server";
import { endPlacementSchema } from "~/modules/placements/schema.server";
import { getPlacementView } from "~/modules/placements/views.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { PLACEMENT_END_REASONS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.placement.pageTitle")) },
];

/** A provincial admin reads it; the commune officer records follow-ups and ends it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const view = await getPlacementView(scope, idOf(params.id));
  if (!view) throw notFound();
  return json({
    ...view,
    can: { end: can(user, "record:placement:commune"), record: can(user, "follow_up:person:commune") },
    done: z
      .enum(["created", "ended", "recorded"])
      .optional()
      .catch(undefined)
      .parse(new URL(request.url).searchParams.get("done") ?? undefined),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "view:person:commune", "record:placement:commune");
  const placementId = idOf(params.id);
  const values = await readForm(request);
  const parsed = validateForm(endPlacementSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await endPlacement(scope, placementId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/placements/${placementId}?done=ended`);
}

export default function PlacementPage() {
  const { placement: p, followUps, today, can: allowed, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, vnd, word } = useLabels();
  const formKey = useLocation().key;
  const state: FormState = data ?? { values: { endDate: today } };
  const notice =
    done === "created"
      ? "outcomes.placement.created"
      : done === "ended"
        ? "outcomes.placement.endedNotice"
        : done === "recorded"
          ? "outcomes.placement.recorded"
          : null;
  return (
    <div className="placement-page">
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${p.personId}#outcomes`}>{t("outcomes.back.person", { name: p.personName })}</Link>
      </p>
      <h1>{t("outcomes.placement.title", { position: p.position, employer: p.employerName })}</h1>
      {notice ? (
        <p className="alert alert--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("outcomes.fact.person")}</dt>
          <dd>{p.personName}</dd>
          <dt>{t("outcomes.fact.employer")}</dt>
          <dd>{p.employerName}</dd>
          <dt>{t("outcomes.fact.position")}</dt>
          <dd>{p.position}</dd>
          <dt>{t("outcomes.fact.wage")}</dt>
          <dd>{vnd(p.wage)}</dd>
          <dt>{t("outcomes.fact.contract")}</dt>
          <dd>{word("outcomes.contract", p.contractKind)}</dd>
          <dt>{t("outcomes.fact.start")}</dt>
          <dd>
            {date(p.startDate)}
            {p.backdateReason ? (
              <span className="hint backdate-reason">
                {" "}
                ({t("outcomes.backdate.shown", { reason: p.backdateReason })})
              </span>
            ) : null}
          </dd>
          <dt>{t("outcomes.fact.status")}</dt>
          <dd>{p.endDate ? t("outcomes.endedOn", { date: date(p.endDate) }) : t("outcomes.running")}</dd>
          {p.endReason ? (
            <>
              <dt>{t("outcomes.fact.endReason")}</dt>
              <dd>
                {word("outcomes.endReason", p.endReason)}
                {p.endNote ? ` — ${p.endNote}` : null}
              </dd>
            </>
          ) : null}
          <dt>{t("outcomes.outcome.title")}</dt>
          <dd>
            <OutcomeBadge outcome={p.outcome} />
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">{t("outcomes.followUps.title")}</h2>
        <p className="hint">{t("outcomes.followUps.windowHint")}</p>
        <FollowUpList followUps={followUps} canRecord={allowed.record} />
      </section>

      {allowed.end && !p.endDate ? (
        <section className="card panel" aria-labelledby="end-title">
          <h2 id="end-title">{t("outcomes.end.title")}</h2>
          <p className="hint">{t("outcomes.end.lead")}</p>
          <FormErrors
            state={data}
            labels={{ endDate: "outcomes.field.endDate", endReason: "outcomes.field.endReason" }}
          />
          <Form method="post" className="stack" noValidate key={formKey}>
            <TextField name="endDate" label="outcomes.field.endDate" state={state} required type="date" />
            <ChoiceGroup
              name="endReason"
              legend="outcomes.field.endReason"
              state={state}
              type="radio"
              required
              options={PLACEMENT_END_REASONS.map((r) => ({ value: r, label: word("outcomes.endReason", r) }))}
            />
            <TextAreaField name="endNote" label="outcomes.field.endNote" state={state} rows={3} />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("outcomes.end.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
