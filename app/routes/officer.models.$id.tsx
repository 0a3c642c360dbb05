import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { CoveredList, CoverPicker, type PersonFormState } from "~/components/models/covered";
import { type ModelFigure, ModelFigures } from "~/components/models/figures";
import { SteeringCommittee } from "~/components/models/members";
import { ModelForm } from "~/components/models/model-form";
import { type IntentRefusal, runIntentForm, withForm } from "~/http/intent-form.server";
import { idOf, notFound } from "~/http/responses.server";
import { MODEL_FIGURE_KEYS, modelFigures, modelPeriod } from "~/modules/models/figures.server";
import {
  addSteeringMember,
  getModel,
  removeSteeringMember,
  steeringMembers,
  updateModel,
} from "~/modules/models/models.server";
import { coveredPersons, coverPerson, leavePerson, personsToCover } from "~/modules/models/persons.server";
import {
  coverPersonSchema,
  editModelSchema,
  leavePersonSchema,
  memberSchema,
  modelIntentSchema,
  modelQuerySchema,
  removeMemberSchema,
} from "~/modules/models/schema.server";
import { todayIso } from "~/utils/clock.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { queryOf } from "~/utils/text";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("events.model.pageTitle")) },
];

const DONE = ["created", "edit", "addMember", "removeMember", "addPerson", "leavePerson"] as const;
type Intent = z.output<typeof modelIntentSchema>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:model:commune");
  const model = await getModel(scope, idOf(params.id));
  if (!model) throw notFound();
  const url = queryOf(request);
  const query = modelQuerySchema.parse({
    from: url.get("from") ?? undefined,
    to: url.get("to") ?? undefined,
    find: url.get("find") ?? undefined,
    q: url.get("q") ?? undefined,
  });
  const period = modelPeriod(model, query);
  const [members, persons, indicators, found] = await Promise.all([
    steeringMembers(model.id),
    coveredPersons(scope, model),
    modelFigures(model, period),
    query.find ? personsToCover(scope, model, query.q) : Promise.resolve(null),
  ]);
  const figures: ModelFigure[] = MODEL_FIGURE_KEYS.map((key) => ({
    key,
    value: indicators[key],
    format: key === "averageWage" ? "vnd" : "count",
  }));
  return json({
    model,
    members,
    persons,
    figures,
    period,
    picker: found ? { q: query.q ?? "", persons: found } : null,
    today: todayIso(),
    done:
      z
        .enum(DONE)
        .optional()
        .catch(undefined)
        .parse(url.get("done") ?? undefined) ?? null,
  });
}

type Refused = IntentRefusal<Intent>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:model:commune");
  const modelId = idOf(params.id);
  // Another commune's model is not found, whatever is posted.
  if (!(await getModel(scope, modelId))) throw notFound();
  return runIntentForm(
    await readForm(request),
    modelIntentSchema,
    {
      edit: (v) => withForm(editModelSchema, v, (data) => updateModel(scope, modelId, data)),
      addMember: (v) => withForm(memberSchema, v, (data) => addSteeringMember(scope, modelId, data)),
      removeMember: (v) =>
        withForm(removeMemberSchema, v, (data) => removeSteeringMember(scope, modelId, data.memberId)),
      addPerson: (v) => withForm(coverPersonSchema, v, (data) => coverPerson(scope, modelId, data)),
      leavePerson: (v) => withForm(leavePersonSchema, v, (data) => leavePerson(scope, modelId, data)),
    },
    (intent) =>
      `/officer/models/${modelId}?done=${intent}${intent === "edit" ? "" : intent.endsWith("Member") ? "#members" : "#persons"}`,
  );
}

export default function ModelPage() {
  const { model, members, persons, figures, period, picker, today, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as Refused | undefined;
  const { t, date } = useI18n();
  const formState = (intent: Intent): FormState => (data?.intent === intent ? data : undefined);
  const personState: PersonFormState =
    data?.intent === "addPerson" || data?.intent === "leavePerson" ? { ...data, intent: data.intent } : undefined;
  const editState: FormState = formState("edit") ?? {
    values: { name: model.name, launchedOn: model.launchedOn, description: model.description },
  };
  const covered = persons.filter((p) => !p.leftOn).length;
  return (
    <div className="model-page">
      <p className="breadcrumb persons-back">
        <Link to="/officer/models">{t("events.models.title")}</Link>
      </p>
      <h1>{model.name}</h1>
      {done && !data ? (
        <p className="alert alert--success" role="status">
          {t(`events.model.done.${done}`)}
        </p>
      ) : null}
      {data && !data.intent ? (
        <p className="alert alert--error" role="alert">
          {t("validation.invalid")}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("events.model.field.commune")}</dt>
          <dd>{model.communeName}</dd>
          <dt>{t("events.model.field.launchedOn")}</dt>
          <dd>{date(model.launchedOn)}</dd>
          {model.description ? (
            <>
              <dt>{t("events.model.field.description")}</dt>
              <dd className="model-description">{model.description}</dd>
            </>
          ) : null}
          <dt>{t("events.model.coveredNow")}</dt>
          <dd>{covered}</dd>
        </dl>
        <details className="panel-form" open={!!data?.errors && data.intent === "edit" ? true : undefined}>
          <summary>{t("events.model.edit")}</summary>
          <ModelForm state={editState} communes={[]} mode="edit" />
        </details>
      </section>

      <ModelFigures figures={figures} period={period} />

      <SteeringCommittee members={members} addState={formState("addMember")} removeState={formState("removeMember")} />

      <section className="panel model-persons" id="persons" aria-labelledby="persons-title">
        <h2 id="persons-title">{t("events.model.persons.title")}</h2>
        <p className="hint">{t("events.model.persons.hint", { commune: model.communeName })}</p>
        <CoverPicker picker={picker} today={today} state={personState} />
        <CoveredList persons={persons} today={today} state={personState} />
      </section>
    </div>
  );
}
