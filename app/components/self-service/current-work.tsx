import type { SerializeFrom } from "@remix-run/node";

import type { CurrentWork as CurrentWorkData } from "~/modules/placements/own.server";
import { useI18n } from "~/utils/i18n-react";

/** Whether the person has a job or a course now: then their pages show it first, and other listings after. */
export function hasCurrentWork(work: SerializeFrom<CurrentWorkData> | null | undefined): boolean {
  return Boolean(work && (work.job || work.course));
}

/** The person's current job (and its next follow-up) and current course, first on /me and /me/matches. */
export function CurrentWork({ work }: { work: SerializeFrom<CurrentWorkData> }) {
  const { t, date } = useI18n();
  if (!work.job && !work.course) return null;
  return (
    <section className="card current-work" aria-labelledby="current-work-title">
      <h2 id="current-work-title">{t(work.job ? "self.current.job.title" : "self.current.course.title")}</h2>
      {work.job ? (
        <dl className="facts facts--compact current-work__job">
          <dt>{t("self.current.employer")}</dt>
          <dd>{work.job.employerName}</dd>
          <dt>{t("self.current.position")}</dt>
          <dd>{work.job.position}</dd>
          <dt>{t("self.current.startDate")}</dt>
          <dd>{date(work.job.startDate)}</dd>
          {work.job.nextFollowUp ? (
            <>
              <dt>{t("self.current.nextFollowUp")}</dt>
              <dd>
                {t("self.current.nextFollowUp.value", {
                  date: date(work.job.nextFollowUp.dueOn),
                  months: work.job.nextFollowUp.monthOffset,
                })}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {work.course ? (
        <>
          {work.job ? <h3>{t("self.current.course.title")}</h3> : null}
          <dl className="facts facts--compact current-work__course">
            <dt>{t("self.current.course")}</dt>
            <dd>{work.course.courseTitle}</dd>
            <dt>{t("self.current.provider")}</dt>
            <dd>{work.course.providerName}</dd>
            <dt>{t("self.current.enrolledOn")}</dt>
            <dd>{date(work.course.enrolledOn)}</dd>
          </dl>
        </>
      ) : null}
      <p className="hint">{t("self.current.hint")}</p>
    </section>
  );
}
