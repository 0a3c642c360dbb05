import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { useLabels } from "~/components/self-service/labels";
import type { personOutcomes } from "~/modules/placements/views.server";

import { FollowUpList, OutcomeBadge } from "./follow-ups";

export type PersonOutcomesView = SerializeFrom<NonNullable<Awaited<ReturnType<typeof personOutcomes>>>>;

/** The officer's person page: jobs with their follow-ups and 12-month outcome, courses, and what waits to be recorded. */
export function PersonOutcomesSection({
  personId,
  outcomes,
  canRecord,
  active,
}: {
  personId: string;
  outcomes: PersonOutcomesView;
  canRecord: boolean;
  active: boolean;
}) {
  const { t, date, vnd, word } = useLabels();
  return (
    <section id="outcomes" className="card panel person-outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t("outcomes.section.title")}</h2>
      {canRecord && active && outcomes.accepted.length > 0 ? (
        <div className="alert alert--info">
          <p>
            <strong>{t("outcomes.section.waiting")}</strong>
          </p>
          <ul>
            {outcomes.accepted.map((r) => (
              <li key={r.id}>
                {r.title} · {r.organizationName} —{" "}
                <Link
                  to={`/officer/persons/${personId}/${r.kind === "job" ? "placement" : "enrolment"}?referral=${r.id}`}
                >
                  {t(r.kind === "job" ? "outcomes.section.recordJob" : "outcomes.section.recordEnrolment")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>{t("outcomes.section.placements")}</h3>
      {outcomes.placements.length === 0 ? <p className="hint">{t("outcomes.section.noPlacements")}</p> : null}
      {outcomes.placements.map((p) => (
        <article key={p.id} className="placement-card">
          <h4>
            {t("outcomes.placement.title", { position: p.position, employer: p.employerName })}{" "}
            <OutcomeBadge outcome={p.outcome} />
          </h4>
          <p>
            {vnd(p.wage)} · {word("outcomes.contract", p.contractKind)} · {t("outcomes.fact.start")} {date(p.startDate)}
            {" · "}
            {p.endDate
              ? `${t("outcomes.endedOn", { date: date(p.endDate) })} (${word("outcomes.endReason", p.endReason)})`
              : t("outcomes.running")}
          </p>
          <FollowUpList followUps={p.followUps} canRecord={canRecord} />
          <p>
            <Link to={`/officer/placements/${p.id}`}>{t("outcomes.section.open")}</Link>
          </p>
        </article>
      ))}

      <h3>{t("outcomes.section.enrolments")}</h3>
      {outcomes.enrolments.length === 0 ? <p className="hint">{t("outcomes.section.noEnrolments")}</p> : null}
      <ul className="list">
        {outcomes.enrolments.map((e) => (
          <li key={e.id}>
            <strong>{e.courseTitle}</strong> · {e.providerName} ·{" "}
            <span className="badge badge--soft">{word("outcomes.enrolmentStatus", e.status)}</span>{" "}
            {t("outcomes.fact.enrolledOn")} {date(e.enrolledOn)}
            {e.completedOn ? ` · ${t("outcomes.fact.completedOn")} ${date(e.completedOn)}` : null} —{" "}
            <Link to={`/officer/enrolments/${e.id}`}>{t("outcomes.section.openEnrolment")}</Link>
            {canRecord &&
            active &&
            e.status === "completed" &&
            !outcomes.placements.some((p) => p.enrolmentId === e.id) ? (
              <>
                {" · "}
                <Link to={`/officer/persons/${personId}/placement?enrolment=${e.id}`}>
                  {t("outcomes.enrolment.toJob")}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {canRecord && active ? (
        <p className="actions">
          <Link to={`/officer/persons/${personId}/placement`} className="button button--secondary">
            {t("outcomes.section.outsideJob")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
