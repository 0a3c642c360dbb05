import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireFairManager, requireFairReader } from "~/auth/job-fairs.server";
import { FairEmployers } from "~/components/job-fairs/employers";
import { ParticipantRow, RegisterPicker, type RowState } from "~/components/job-fairs/participants";
import { type IntentRefusal, runIntentForm, withForm } from "~/http/intent-form.server";
import { idOf, notFound } from "~/http/responses.server";
import {
  addFairEmployer,
  employerOptions,
  fairEmployers,
  getFair,
  removeFairEmployer,
} from "~/modules/job-fairs/job-fairs.server";
import {
  createHirePlacement,
  fairParticipants,
  linkablePlacements,
  linkHirePlacement,
  type Participant,
  type PickerPerson,
  type PlacementOption,
  recordOutcome,
  registerParticipant,
  registrablePersons,
  unregisterParticipant,
} from "~/modules/job-fairs/participants.server";
import {
  fairEmployerSchema,
  type FairIntent,
  hirePlacementSchema,
  intentSchema,
  linkPlacementSchema,
  outcomeSchema,
  pickerQuerySchema,
  registerSchema,
  removeEmployerSchema,
  unregisterSchema,
} from "~/modules/job-fairs/schema.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { queryOf } from "~/utils/text";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("events.fair.pageTitle")) },
];

type FairOption = Awaited<ReturnType<typeof employerOptions>>[number];
type Picker = { q: string; persons: PickerPerson[] } | null;

const DONE = [
  "created",
  "addEmployer",
  "removeEmployer",
  "register",
  "unregister",
  "outcome",
  "hirePlacement",
  "linkPlacement",
] as const;

/** The officer sees (and the audit records) the participants' names; a provincial admin sees the fair and its employers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, canManage } = await requireFairReader(request);
  const fair = await getFair(scope, idOf(params.id));
  if (!fair) throw notFound();
  const query = queryOf(request);
  const employers = await fairEmployers(fair.id);
  const done =
    z
      .enum(DONE)
      .optional()
      .catch(undefined)
      .parse(query.get("done") ?? undefined) ?? null;
  if (!canManage) {
    const none = {
      options: [] as FairOption[],
      participants: [] as Participant[],
      placements: [] as PlacementOption[],
      picker: null as Picker,
    };
    return json({ fair, employers, canManage, done, ...none });
  }
  const asked = pickerQuerySchema.parse({ find: query.get("find") ?? undefined, q: query.get("q") ?? undefined });
  const participants = await fairParticipants(scope, fair);
  const hired = participants
    .filter((p) => p.outcome === "hired" && !p.placementId && p.fullName !== null)
    .map((p) => p.personId);
  const [options, placements, persons] = await Promise.all([
    employerOptions(fair),
    linkablePlacements(hired),
    asked.find ? registrablePersons(scope, fair, asked.q) : Promise.resolve(null),
  ]);
  const picker: Picker = persons ? { q: asked.q ?? "", persons } : null;
  return json({ fair, employers, canManage, done, options, participants, placements, picker });
}

type Refused = IntentRefusal<FairIntent>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireFairManager(request);
  const fairId = idOf(params.id);
  // Another commune's fair is not found, whatever is posted.
  if (!(await getFair(scope, fairId))) throw notFound();
  return runIntentForm(
    await readForm(request),
    intentSchema,
    {
      addEmployer: (v) => withForm(fairEmployerSchema, v, (data) => addFairEmployer(scope, fairId, data)),
      removeEmployer: (v) =>
        withForm(removeEmployerSchema, v, (data) => removeFairEmployer(scope, fairId, data.organizationId)),
      register: (v) => withForm(registerSchema, v, (data) => registerParticipant(scope, fairId, data.personId)),
      unregister: (v) => withForm(unregisterSchema, v, (data) => unregisterParticipant(scope, fairId, data.personId)),
      outcome: (v) => withForm(outcomeSchema, v, (data) => recordOutcome(scope, fairId, data)),
      hirePlacement: (v) => withForm(hirePlacementSchema, v, (data) => createHirePlacement(scope, fairId, data)),
      linkPlacement: (v) =>
        withForm(linkPlacementSchema, v, (data) => linkHirePlacement(scope, fairId, data.personId, data.placementId)),
    },
    (intent) =>
      `/officer/job-fairs/${fairId}?done=${intent}#${intent === "addEmployer" || intent === "removeEmployer" ? "employers" : "participants"}`,
  );
}

export default function JobFairPage() {
  const { fair, employers, canManage, done, options, participants, placements, picker } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as Refused | undefined;
  const { t, date, number } = useI18n();
  const rowState: RowState =
    data && data.intent
      ? { intent: data.intent, personId: data.personId, values: data.values, errors: data.errors }
      : undefined;
  const formState = (intent: FairIntent) => (data?.intent === intent ? data : undefined);
  return (
    <div className="fair-page">
      <p className="breadcrumb persons-back">
        <Link to="/officer/job-fairs">{t("events.fairs.title")}</Link>
      </p>
      <div className="page-head">
        <h1>{fair.title}</h1>
        <Link to={`/officer/job-fairs/${fair.id}/report`} className="button button--secondary">
          {t("events.report.link")}
        </Link>
      </div>
      {done && !data ? (
        <p className="alert alert--success" role="status">
          {t(`events.fair.done.${done}`)}
        </p>
      ) : null}
      {data && !data.intent ? (
        <p className="alert alert--error" role="alert">
          {t("validation.invalid")}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("events.fair.field.heldOn")}</dt>
          <dd>{date(fair.heldOn)}</dd>
          <dt>{t("events.fair.field.place")}</dt>
          <dd>
            {fair.place}, {fair.communeName}
          </dd>
          {fair.note ? (
            <>
              <dt>{t("events.fair.field.note")}</dt>
              <dd className="fair-note">{fair.note}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <FairEmployers
        employers={employers}
        options={options}
        canManage={canManage}
        addState={formState("addEmployer")}
        removeState={formState("removeEmployer")}
      />

      {canManage ? (
        <section className="panel fair-participants" id="participants" aria-labelledby="participants-title">
          <h2 id="participants-title">
            {t("events.fair.participants.title")} <span className="hint">({number(participants.length)})</span>
          </h2>
          <p className="hint">{t("events.fair.participants.hint")}</p>
          <RegisterPicker picker={picker} state={rowState} />
          {participants.length === 0 ? (
            <p className="empty-state">{t("events.fair.participants.empty")}</p>
          ) : (
            <ul className="list fair-participant-list">
              {participants.map((p) => (
                <ParticipantRow
                  key={p.personId}
                  participant={p}
                  employers={employers}
                  placements={placements.filter((o) => o.personId === p.personId)}
                  state={rowState}
                  heldOn={fair.heldOn}
                />
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p className="alert alert--info">{t("events.fair.adminNote")}</p>
      )}
    </div>
  );
}
