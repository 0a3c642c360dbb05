import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireFairManager, requireFairReader } from "~/auth/job-fairs.server";
import type { FormState } from "~/components/forms";
import { FairForm } from "~/components/job-fairs/fair-form";
import { getCommunes } from "~/modules/admin-units/admin-units.server";
import { createFair, listFairs } from "~/modules/job-fairs/job-fairs.server";
import { fairSchema } from "~/modules/job-fairs/schema.server";
import { todayIso } from "~/utils/clock.server";
import { readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("events.fairs.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, canManage } = await requireFairReader(request);
  const [fairs, communes] = await Promise.all([
    listFairs(scope),
    canManage ? getCommunes(user.communeCodes) : Promise.resolve([]),
  ]);
  return json({
    fairs,
    communes,
    canManage,
    defaults: { heldOn: todayIso(), communeCode: communes.length === 1 ? communes[0].code : "" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireFairManager(request);
  const values = await readForm(request);
  const parsed = validateForm(fairSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = await createFair(scope, parsed.data);
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/job-fairs/${outcome.fairId}?done=created`);
}

export default function JobFairs() {
  const { fairs, communes, canManage, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, number } = useI18n();
  const state: FormState = data ?? { values: defaults };
  return (
    <div className="fairs-page">
      <p className="breadcrumb persons-back">
        <Link to={canManage ? "/officer" : "/admin"}>{t("events.back.home")}</Link>
      </p>
      <h1>{t("events.fairs.title")}</h1>
      <p className="lead">{t("events.fairs.lead")}</p>
      {fairs.length === 0 ? (
        <p className="empty-state">{t("events.fairs.empty")}</p>
      ) : (
        <ul className="list fairs-list">
          {fairs.map((f) => (
            <li key={f.id} className="card" data-fair={f.id}>
              <h2 className="fairs-list__title">
                <Link to={`/officer/job-fairs/${f.id}`}>{f.title}</Link>
              </h2>
              <p>
                {date(f.heldOn)} · {f.place ? `${f.place}, ` : null}
                {f.communeName}
              </p>
              <p className="hint">
                {t("events.fairs.counts", {
                  employers: number(f.employers),
                  openings: number(f.openings),
                  participants: number(f.participants),
                  hired: number(f.hired),
                })}
              </p>
              <p>
                <Link to={`/officer/job-fairs/${f.id}/report`}>{t("events.report.link")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <section className="card panel" aria-labelledby="new-fair">
          <h2 id="new-fair">{t("events.fair.new")}</h2>
          <FairForm state={state} communes={communes} />
        </section>
      ) : null}
    </div>
  );
}
