import { Link } from "@remix-run/react";

import { useLabels } from "~/components/self-service/labels";

import { ACTIVITY_KINDS, type ActivityKind } from "../../../db/enums";

export type ActivityItem = {
  id: string;
  kind: ActivityKind;
  topic: string;
  mode: string | null;
  occurredOn: string;
  note: string;
  recordedByName: string | null;
  communeName: string;
};

/** How many of each kind and in total (meetings apart): the figures an officer copies into HCD-12 by hand today. */
export function ActivityCounts({ counts, meetings }: { counts: Record<ActivityKind, number>; meetings?: number }) {
  const { t, word, number } = useLabels();
  const total = ACTIVITY_KINDS.reduce((n, k) => n + counts[k], 0);
  return (
    <dl className="support-counts">
      {ACTIVITY_KINDS.map((k) => (
        <div key={k} data-kind={k}>
          <dt>{word("support.activity.kind", k)}</dt>
          <dd>{number(counts[k])}</dd>
        </div>
      ))}
      <div data-kind="total">
        <dt>{t("support.activity.total")}</dt>
        <dd>{number(total)}</dd>
      </div>
      {meetings !== undefined ? (
        <div data-kind="meetings">
          <dt>{t("support.section.meetings")}</dt>
          <dd>{number(meetings)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The log, newest first; a phone shows each line as a small labelled card (log-table). */
export function ActivityTable({ activities }: { activities: ActivityItem[] }) {
  const { t, word, date } = useLabels();
  if (activities.length === 0) return <p className="empty-state">{t("support.activity.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="log-table activity-table">
        <thead>
          <tr>
            <th scope="col">{t("support.activity.col.date")}</th>
            <th scope="col">{t("support.activity.col.kind")}</th>
            <th scope="col">{t("support.activity.col.detail")}</th>
            <th scope="col">{t("support.activity.col.by")}</th>
            <th scope="col">{t("support.activity.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id} data-activity-kind={a.kind}>
              <td data-label={t("support.activity.col.date")}>{date(a.occurredOn)}</td>
              <td data-label={t("support.activity.col.kind")}>{word("support.activity.kind", a.kind)}</td>
              <td data-label={t("support.activity.col.detail")}>
                {[word("support.activity.topic", a.topic), word("support.activity.mode", a.mode)]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </td>
              <td data-label={t("support.activity.col.by")}>{a.recordedByName ?? "—"}</td>
              <td data-label={t("support.activity.col.note")}>{a.note || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The meetings a person attended (read-only here: attendance is recorded on the meeting). */
export function AttendedMeetings({
  meetings,
  canOpen,
}: {
  meetings: { id: string; title: string; heldOn: string }[];
  canOpen: boolean;
}) {
  const { t, date } = useLabels();
  if (meetings.length === 0) return <p className="empty-state">{t("support.activity.meetingsEmpty")}</p>;
  return (
    <ul className="attended-meetings">
      {meetings.map((m) => (
        <li key={m.id}>
          {date(m.heldOn)} · {canOpen ? <Link to={`/officer/meetings/${m.id}`}>{m.title}</Link> : m.title}
        </li>
      ))}
    </ul>
  );
}
