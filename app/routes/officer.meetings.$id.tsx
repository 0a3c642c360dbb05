import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound } from "~/http/responses.server";
import { getMeeting } from "~/modules/activities/meetings.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.meeting.detail.pageTitle")) },
];

/** One meeting of the officer's communes, with who attended; another commune's meeting is not found. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "record:activity:commune");
  const meeting = await getMeeting(scope, idOf(params.id));
  if (!meeting) throw notFound();
  return json({ meeting, saved: new URL(request.url).searchParams.get("done") === "saved" });
}

export default function MeetingPage() {
  const { meeting, saved } = useLoaderData<typeof loader>();
  const { t, date, number } = useLabels();
  return (
    <div className="support-page">
      <p className="breadcrumb persons-back">
        <Link to="/officer/meetings">{t("support.meeting.back")}</Link>
      </p>
      <h1>{meeting.title}</h1>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t("support.meeting.saved")}
        </p>
      ) : null}
      <p className="lead">
        {date(meeting.heldOn)} · {meeting.communeName}
        {meeting.place ? ` · ${t("support.meeting.place", { place: meeting.place })}` : null}
      </p>
      <section className="card panel" aria-labelledby="attendees-title">
        <h2 id="attendees-title" data-attendance={meeting.attendees.length}>
          {t("support.meeting.attendees", { count: number(meeting.attendees.length) })}
        </h2>
        {meeting.attendees.length === 0 ? (
          <p className="empty-state">{t("support.meeting.noAttendees")}</p>
        ) : (
          <ol className="attendees">
            {meeting.attendees.map((a) => (
              <li key={a.id}>
                {a.fullName ? (
                  <Link to={`/officer/persons/${a.id}/activities`}>{a.fullName}</Link>
                ) : (
                  t("support.meeting.anonymised")
                )}
              </li>
            ))}
          </ol>
        )}
        <p data-guests={meeting.guestCount}>{t("support.meeting.guests", { count: number(meeting.guestCount) })}</p>
        {meeting.note ? <p>{meeting.note}</p> : null}
        {meeting.recordedByName ? (
          <p className="hint">{t("support.meeting.recordedBy", { name: meeting.recordedByName })}</p>
        ) : null}
      </section>
    </div>
  );
}
