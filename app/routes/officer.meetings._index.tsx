import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { MeetingForm } from "~/components/activities/meeting-form";
import type { FormState } from "~/components/forms";
import { useLabels } from "~/components/self-service/labels";
import { createMeeting, listMeetings, meetingForm } from "~/modules/activities/meetings.server";
import { meetingSchema } from "~/modules/activities/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.meeting.pageTitle")) },
];

/** The commune's periodic meetings (list with attendance counts) and the form for a new one: officers only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "record:activity:commune");
  const [list, form] = await Promise.all([listMeetings(scope), meetingForm(scope)]);
  return json({ ...list, form });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "record:activity:commune");
  const values = await readForm(request);
  const parsed = validateForm(meetingSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = await createMeeting(scope, parsed.data);
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/meetings/${outcome.meetingId}?done=saved`);
}

export default function Meetings() {
  const { meetings, totals, form } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, number } = useLabels();
  const formKey = useLocation().key;
  const state: FormState = data ?? { values: { heldOn: form.today } };
  return (
    <div className="support-page">
      <h1>{t("support.meeting.pageTitle")}</h1>
      <p className="lead">{t("support.meeting.lead")}</p>

      <section className="panel" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t("support.meeting.list")}</h2>
        <p data-meetings={totals.meetings} data-attendance={totals.attendance} data-guests={totals.guests}>
          {t("support.meeting.totals", {
            meetings: number(totals.meetings),
            attendance: number(totals.attendance),
            guests: number(totals.guests),
          })}
        </p>
        {meetings.length === 0 ? (
          <p className="empty-state">{t("support.meeting.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="log-table meetings-table">
              <thead>
                <tr>
                  <th scope="col">{t("support.meeting.col.date")}</th>
                  <th scope="col">{t("support.meeting.col.title")}</th>
                  <th scope="col">{t("support.meeting.col.commune")}</th>
                  <th scope="col">{t("support.meeting.col.attendance")}</th>
                  <th scope="col">{t("support.meeting.col.guests")}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id} data-meeting={m.id} data-attendance={m.attendance}>
                    <td data-label={t("support.meeting.col.date")}>{date(m.heldOn)}</td>
                    <td data-label={t("support.meeting.col.title")}>
                      <Link to={`/officer/meetings/${m.id}`}>{m.title}</Link>
                    </td>
                    <td data-label={t("support.meeting.col.commune")}>{m.communeName}</td>
                    <td data-label={t("support.meeting.col.attendance")}>{number(m.attendance)}</td>
                    <td data-label={t("support.meeting.col.guests")}>{number(m.guestCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card panel" aria-labelledby="new-meeting-title" id="new-meeting">
        <h2 id="new-meeting-title">{t("support.meeting.new")}</h2>
        {form.communes.length === 0 ? (
          <p className="empty-state">{t("support.meeting.noCommunes")}</p>
        ) : (
          <MeetingForm key={formKey} state={state} communes={form.communes} persons={form.persons} />
        )}
      </section>
    </div>
  );
}
