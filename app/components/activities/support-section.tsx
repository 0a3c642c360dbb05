import { Link } from "@remix-run/react";

import { useLabels } from "~/components/self-service/labels";

import type { ActivityKind } from "../../../db/enums";
import { ActivityCounts } from "./activity-log";

export type SupportSummaryView = { counts: Record<ActivityKind, number>; meetings: number; loans: number };

/** The person page's short "Hỗ trợ" section: counts by kind, meetings, loans, and links to the full pages. */
export function PersonSupportSection({
  personId,
  summary,
  canRecord,
  canLoans,
}: {
  personId: string;
  summary: SupportSummaryView;
  canRecord: boolean;
  canLoans: boolean;
}) {
  const { t, number } = useLabels();
  return (
    <section id="support" className="card panel person-support" aria-labelledby="support-title">
      <h2 id="support-title">{t("support.section.title")}</h2>
      <ActivityCounts counts={summary.counts} meetings={summary.meetings} />
      {canLoans ? (
        <p>
          {t("support.section.loans")}: <strong>{number(summary.loans)}</strong>
        </p>
      ) : null}
      <ul className="person-actions">
        <li>
          <Link to={`/officer/persons/${personId}/activities`}>
            {t(canRecord ? "support.section.activityLink" : "support.section.activityLinkRead")}
          </Link>
        </li>
        {canLoans ? (
          <li>
            <Link to={`/officer/persons/${personId}/loans`}>{t("support.section.loansLink")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
