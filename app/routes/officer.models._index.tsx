import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { ModelForm } from "~/components/models/model-form";
import { getCommunes } from "~/modules/admin-units/admin-units.server";
import { createModel, listModels } from "~/modules/models/models.server";
import { modelSchema } from "~/modules/models/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("events.models.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "manage:model:commune");
  const [models, communes] = await Promise.all([listModels(scope), getCommunes(user.communeCodes)]);
  return json({ models, communes, defaults: { communeCode: communes.length === 1 ? communes[0].code : "" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:model:commune");
  const values = await readForm(request);
  const parsed = validateForm(modelSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = await createModel(scope, parsed.data);
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/models/${outcome.modelId}?done=created`);
}

export default function Models() {
  const { models, communes, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, number } = useI18n();
  const state: FormState = data ?? { values: defaults };
  return (
    <div className="models-page">
      <p className="breadcrumb persons-back">
        <Link to="/officer">{t("events.back.home")}</Link>
      </p>
      <h1>{t("events.models.title")}</h1>
      <p className="lead">{t("events.models.lead")}</p>
      {models.length === 0 ? (
        <p className="empty-state">{t("events.models.empty")}</p>
      ) : (
        <ul className="list models-list">
          {models.map((m) => (
            <li key={m.id} className="card" data-model={m.id}>
              <h2 className="models-list__title">
                <Link to={`/officer/models/${m.id}`}>{m.name}</Link>
              </h2>
              <p>
                {m.communeName} · {t("events.model.launchedOn", { date: date(m.launchedOn) })}
              </p>
              <p className="hint">
                {t("events.models.counts", { members: number(m.members), persons: number(m.coveredNow) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section className="card panel" aria-labelledby="new-model">
        <h2 id="new-model">{t("events.model.new")}</h2>
        <ModelForm state={state} communes={communes} mode="create" />
      </section>
    </div>
  );
}
