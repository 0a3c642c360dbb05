import { Link } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import type { PublicJobCard } from "~/modules/jobs/public.server";
import type { PublicTrainingCard } from "~/modules/trainings/public.server";
import { useI18n } from "~/utils/i18n-react";

/** Result cards: no images, a few lines of text, the title as the one link to the detail page. */

/** "Toàn thời gian · Hạn nộp hồ sơ: 22/12/2026": short facts on one line that wraps like text on a phone. */
export function joined(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" · ");
}

export function useWage() {
  const { t, vnd } = useI18n();
  return (min: number, max: number) =>
    min === max ? t("jobs.wageSingle", { amount: vnd(min) }) : t("jobs.wageRange", { min: vnd(min), max: vnd(max) });
}

export function Badges({ keys, prefix }: { keys: readonly string[]; prefix: "benefit" | "support" }) {
  const { t } = useI18n();
  if (keys.length === 0) return null;
  return (
    <ul className="badges">
      {keys.map((k) => (
        <li key={k} className="badge badge--soft">
          {t(`${prefix}.${k}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}

export function JobCard({ job, headingLevel = 3 }: { job: PublicJobCard; headingLevel?: 2 | 3 }) {
  const { t, date } = useI18n();
  const wage = useWage();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="result-card">
      <Heading className="result-card__title">
        <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </Heading>
      <p className="result-card__org">
        {job.organizationName}
        {job.fairChance ? (
          <>
            {" "}
            <span className="badge badge--verified">{t("jobs.fairChance")}</span>
          </>
        ) : null}
        {job.recognised ? (
          <>
            {" "}
            <span className="badge badge--recognised">{t("jobs.recognised")}</span>
          </>
        ) : null}
      </p>
      <p className="result-card__place">
        {job.communeName}, {job.provinceName}
      </p>
      <p className="result-card__wage">{wage(job.wageMin, job.wageMax)}</p>
      <p className="result-card__meta">
        <span>
          {joined([
            t(`employmentType.${job.employmentType}` as MessageKey),
            job.closesAt ? `${t("jobs.closesAt")}: ${date(job.closesAt)}` : null,
          ])}
        </span>
      </p>
      <Badges keys={job.benefits} prefix="benefit" />
    </article>
  );
}

export function TrainingCard({ training, levelName }: { training: PublicTrainingCard; levelName: string }) {
  const { t, date, vnd, locale } = useI18n();
  return (
    <article className="result-card">
      <h3 className="result-card__title">
        <Link to={`/trainings/${training.id}`}>{training.title}</Link>
      </h3>
      <p className="result-card__org">
        {training.organizationName}
        {training.byBusiness ? (
          <>
            {" "}
            <span className="badge badge--soft">{t("trainings.byBusiness")}</span>
          </>
        ) : null}
      </p>
      <p className="result-card__place">
        {training.communeName}, {training.provinceName}
      </p>
      <p className="result-card__meta">
        <span>
          {joined([
            locale === "en" ? training.tradeEn : training.trade,
            levelName,
            t("trainings.durationWeeks", { weeks: training.durationWeeks }),
          ])}
        </span>
      </p>
      <p className="result-card__meta">
        <span>
          {joined([
            training.startsAt ? `${t("trainings.startsAt")}: ${date(training.startsAt)}` : null,
            training.applicationDeadline ? `${t("trainings.deadline")}: ${date(training.applicationDeadline)}` : null,
          ])}
        </span>
      </p>
      <p className="result-card__wage">
        {training.free ? t("trainings.costFree") : `${t("trainings.cost")}: ${vnd(training.costVnd)}`}
      </p>
      {training.stipendVnd ? (
        <p className="result-card__wage">
          {t("trainings.stipend")}: {t("trainings.stipend.perMonth", { amount: vnd(training.stipendVnd) })}
        </p>
      ) : null}
      <Badges keys={training.support.filter((s) => !(s === "free" && training.free))} prefix="support" />
      {training.ownJobTitle ? (
        <p className="result-card__leads">{t("trainings.leadsToOwnJob", { title: training.ownJobTitle })}</p>
      ) : training.leadsToJobs > 0 ? (
        <p className="result-card__leads">{t("trainings.leadsToCount", { count: training.leadsToJobs })}</p>
      ) : null}
    </article>
  );
}
