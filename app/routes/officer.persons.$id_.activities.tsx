import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { can } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { ActivityForm } from "~/components/activities/activity-form";
import { ActivityCounts, ActivityTable, AttendedMeetings } from "~/components/activities/activity-log";
import type { FormState } from "~/components/forms";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { activityLog, recordActivity, supportPerson } from "~/modules/activities/activities.server";
import { activitySchema } from "~/modules/activities/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.activity.pageTitle")) },
];

/** The person's support log: readable by whoever may read the record, written by the commune officer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const log = await activityLog(scope, idOf(params.id));
  if (!log) throw notFound();
  const saved = new URL(request.url).searchParams.get("done") === "saved";
  return json({
    ...log,
    saved,
    canRecord: can(user, "record:activity:commune"),
    canMeetings: can(user, "record:activity:commune"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "record:activity:commune");
  const personId = idOf(params.id);
  // Another commune's person is not found, whatever is posted.
  if (!(await supportPerson(scope, personId))) throw notFound();
  const values = await readForm(request);
  const parsed = validateForm(activitySchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await recordActivity(scope, personId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/persons/${personId}/activities?done=saved`);
}

export default function PersonActivities() {
  const { person, activities, counts, meetings, today, saved, canRecord, canMeetings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date } = useLabels();
  // A redirect after a save is a new location: the form remounts empty; a refused one keeps what was typed.
  const formKey = useLocation().key;
  const state: FormState = data ?? { values: { occurredOn: today } };
  return (
    <div className="support-page">
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${person.id}#support`}>{t("support.back.person", { name: person.fullName })}</Link>
      </p>
      <h1>{t("support.activity.title", { name: person.fullName })}</h1>
      <p className="lead">
        {t("support.activity.lead")} {t("support.activity.release", { release: date(person.releaseDate) })}
      </p>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t("support.activity.saved")}
        </p>
      ) : null}

      <section className="card panel" aria-labelledby="counts-title">
        <h2 id="counts-title">{t("support.activity.counts")}</h2>
        <ActivityCounts counts={counts} meetings={meetings.length} />
      </section>

      {canRecord ? (
        <section className="card panel" aria-labelledby="new-activity-title" id="new-activity">
          <h2 id="new-activity-title">{t("support.activity.new")}</h2>
          {person.closedOn ? (
            <p className="alert alert--info">{t("support.activity.closed", { closed: date(person.closedOn) })}</p>
          ) : null}
          <ActivityForm key={formKey} state={state} />
        </section>
      ) : (
        <p className="hint">{t("support.activity.readOnly")}</p>
      )}

      <section className="panel" aria-labelledby="log-title">
        <h2 id="log-title">{t("support.activity.list")}</h2>
        <ActivityTable activities={activities} />
      </section>

      <section className="panel" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t("support.activity.meetings")}</h2>
        <AttendedMeetings meetings={meetings} canOpen={canMeetings} />
      </section>
    </div>
  );
}
