import type { SerializeFrom } from "@remix-run/node";
import { Link, type MetaFunction } from "@remix-run/react";
import type { ReactNode } from "react";

import { OfficerCandidatesLink } from "~/components/matching/officer-link";
import { Badges, joined, useWage } from "~/components/search/cards";
import { CallToAction, Fact, ListingErrorBoundary, OrganizationSection } from "~/components/search/detail";
import { PersonListingBox } from "~/components/self-service/listing-box";
import type { listingDetailLoader } from "~/http/listings.server";
import type { MessageKey } from "~/i18n";
import { LISTING_KINDS, type ListingKind } from "~/modules/listings/kinds";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { ShareBlock } from "./share-block";

/*
 * /jobs/:id and /trainings/:id: one page shell (back link, head, the officer's link, facts, the person's
 * box or the call to action, body); each kind fills it with its own facts and sections.
 */

type JobData = SerializeFrom<typeof listingDetailLoader<"job">>;
type TrainingData = SerializeFrom<typeof listingDetailLoader<"training">>;
type Person = JobData["person"];

/** The title and description of a listing's page: "title · organisation", where and what. */
export function listingDetailMeta(kind: ListingKind): MetaFunction {
  return ({ data, matches }) => {
    const t = metaTranslator(matches);
    const listing = (data as Partial<JobData & TrainingData> | undefined)?.[kind];
    if (!listing) return [{ title: pageTitle(t("error.notFound.title")) }];
    return [
      { title: pageTitle(`${listing.title} · ${listing.organization.name}`) },
      {
        name: "description",
        content: `${listing.title} – ${listing.communeName}, ${listing.provinceName}. ${listing.description.slice(0, 140)}`,
      },
    ];
  };
}

export function ListingDetailErrorBoundary({ kind }: { kind: ListingKind }) {
  const { words, path } = LISTING_KINDS[kind];
  return <ListingErrorBoundary notFound={words.notFound} back={words.backToList} backTo={path} />;
}

function ListingShell({
  kind,
  listing,
  person,
  shareUrl,
  badge,
  head,
  facts,
  children,
}: {
  kind: ListingKind;
  listing: { id: string; title: string; organization: { name: string } };
  person: Person;
  /** The page's absolute address (the loader builds it from PUBLIC_URL). */
  shareUrl: string;
  /** Next to the organisation's name: fair-chance pledge, or training given by a business. */
  badge: { className: string; label: MessageKey } | null;
  head: ReactNode;
  facts: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const config = LISTING_KINDS[kind];
  return (
    <article className="listing">
      <p className="listing__back">
        <Link to={config.path}>← {t(config.words.title)}</Link>
      </p>
      <header className="listing__head">
        <h1>{listing.title}</h1>
        <p className="listing__org">
          {listing.organization.name}
          {badge ? (
            <>
              {" "}
              <span className={badge.className}>{t(badge.label)}</span>
            </>
          ) : null}
        </p>
        {head}
      </header>
      <OfficerCandidatesLink kind={kind} id={listing.id} />
      <div className="listing__layout">
        <section className="card listing__facts">
          <dl className="facts">{facts}</dl>
        </section>
        {person ? <PersonListingBox kind={kind} state={person} /> : <CallToAction {...config.cta} />}
        <div className="listing__body">
          {children}
          <ShareBlock url={shareUrl} title={listing.title} />
        </div>
      </div>
    </article>
  );
}

/** Open listings of the other kind this one is linked to (courses leading to a job, jobs a course leads to). */
function RelatedListings<T extends { id: string; title: string; organizationName: string }>({
  heading,
  items,
  href,
  children,
}: {
  heading: MessageKey;
  items: T[];
  href: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (!items.length) return null;
  return (
    <section>
      <h2>{t(heading)}</h2>
      <ul className="list">
        {items.map((item) => (
          <li key={item.id} className="result-card">
            <h3 className="result-card__title">
              <Link to={href(item)}>{item.title}</Link>
            </h3>
            <p className="result-card__org">{item.organizationName}</p>
            {children(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Prose({ heading, text }: { heading: MessageKey; text: string }) {
  const { t } = useI18n();
  return text ? (
    <section>
      <h2>{t(heading)}</h2>
      <p className="prose">{text}</p>
    </section>
  ) : null;
}

export function JobDetailPage({ data: { job, person, shareUrl } }: { data: JobData }) {
  const { t, date, vnd, number, locale } = useI18n();
  const wage = useWage();
  return (
    <ListingShell
      kind="job"
      listing={job}
      person={person}
      shareUrl={shareUrl}
      badge={
        job.organization.fairChancePledgedAt ? { className: "badge badge--verified", label: "jobs.fairChance" } : null
      }
      head={<p className="listing__wage">{wage(job.wageMin, job.wageMax)}</p>}
      facts={
        <>
          <Fact label="jobs.occupation">{locale === "en" ? job.occupationNameEn : job.occupationNameVi}</Fact>
          <Fact label="jobs.place">
            {job.workplaceAddress ? <>{job.workplaceAddress}, </> : null}
            {job.communeName}, {job.provinceName}
          </Fact>
          <Fact label="jobs.type">{t(`employmentType.${job.employmentType}` as MessageKey)}</Fact>
          <Fact label="jobs.openings">{number(job.openings)}</Fact>
          {job.startsAt ? <Fact label="jobs.startsAt">{date(job.startsAt)}</Fact> : null}
          <Fact label="jobs.closesAt">{date(job.closesAt)}</Fact>
          {job.publishedAt ? <Fact label="jobs.postedAt">{date(job.publishedAt)}</Fact> : null}
          {job.benefits.length ? (
            <Fact label="jobs.benefits">
              <Badges keys={job.benefits} prefix="benefit" />
            </Fact>
          ) : null}
        </>
      }
    >
      <Prose heading="jobs.description" text={job.description} />
      {job.skills.length ? (
        <section>
          <h2>{t("jobs.skills")}</h2>
          <ul>
            {job.skills.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Prose heading="jobs.experience" text={job.experience} />
      <OrganizationSection heading="jobs.employer" organization={job.organization} />
      <RelatedListings heading="jobs.relatedTrainings" items={job.relatedTrainings} href={(c) => `/trainings/${c.id}`}>
        {(c) => (
          <p className="result-card__meta">
            <span>
              {joined([
                `${c.communeName}, ${c.provinceName}`,
                `${t("trainings.startsAt")}: ${date(c.startsAt)}`,
                c.free ? t("trainings.costFree") : `${t("trainings.cost")}: ${vnd(c.costVnd)}`,
              ])}
            </span>
          </p>
        )}
      </RelatedListings>
    </ListingShell>
  );
}

export function TrainingDetailPage({ data: { training, person, shareUrl } }: { data: TrainingData }) {
  const { t, date, vnd, number, locale } = useI18n();
  const wage = useWage();
  const support = training.support.filter((s) => !(s === "free" && training.free));
  // A business's slot: who gives it, its allowance, and the job at the same business it leads to.
  const ownJob = training.byBusiness ? training.leadsTo.find((j) => j.sameOrganization) : undefined;
  return (
    <ListingShell
      kind="training"
      listing={training}
      person={person}
      shareUrl={shareUrl}
      badge={training.byBusiness ? { className: "badge badge--soft", label: "trainings.byBusiness" } : null}
      head={
        <>
          {training.byBusiness ? <p>{t("trainings.byBusiness.lead", { name: training.organization.name })}</p> : null}
          <p className="listing__wage">
            {training.free ? t("trainings.costFree") : `${t("trainings.cost")}: ${vnd(training.costVnd)}`}
          </p>
          {training.stipendVnd ? (
            <p className="listing__wage">
              {t("trainings.stipend")}: {t("trainings.stipend.perMonth", { amount: vnd(training.stipendVnd) })}
            </p>
          ) : null}
          {ownJob ? (
            <p className="listing__leads">
              <Link to={`/jobs/${ownJob.id}`}>{t("trainings.leadsToOwnJob", { title: ownJob.title })}</Link>
            </p>
          ) : null}
        </>
      }
      facts={
        <>
          <Fact label="trainings.trade">{locale === "en" ? training.tradeEn : training.trade}</Fact>
          <Fact label="trainings.level">{locale === "en" ? training.levelNameEn : training.levelNameVi}</Fact>
          <Fact label="trainings.duration">
            {t("trainings.durationWeeks", { weeks: number(training.durationWeeks) })}
          </Fact>
          {training.schedule ? <Fact label="trainings.schedule">{training.schedule}</Fact> : null}
          <Fact label="trainings.startsAt">{date(training.startsAt)}</Fact>
          <Fact label="trainings.deadline">{date(training.applicationDeadline)}</Fact>
          <Fact label="trainings.seats">{number(training.seats)}</Fact>
          <Fact label="trainings.cost">{training.free ? t("trainings.costFree") : vnd(training.costVnd)}</Fact>
          {training.stipendVnd ? (
            <Fact label="trainings.stipend">
              {t("trainings.stipend.perMonth", { amount: vnd(training.stipendVnd) })}
            </Fact>
          ) : null}
          {support.length ? (
            <Fact label="trainings.support">
              <Badges keys={support} prefix="support" />
            </Fact>
          ) : null}
          <Fact label="trainings.place">
            {training.address ? <>{training.address}, </> : null}
            {training.communeName}, {training.provinceName}
          </Fact>
        </>
      }
    >
      <Prose heading={training.byBusiness ? "businessTraining.about" : "trainings.about"} text={training.description} />
      <RelatedListings
        heading={training.byBusiness ? "businessTraining.form.leadsTo" : "trainings.leadsTo"}
        items={training.leadsTo}
        href={(j) => `/jobs/${j.id}`}
      >
        {(j) => (
          <>
            <p className="result-card__place">
              {j.communeName}, {j.provinceName}
            </p>
            <p className="result-card__wage">{wage(j.wageMin, j.wageMax)}</p>
          </>
        )}
      </RelatedListings>
      <OrganizationSection
        heading={training.byBusiness ? "jobs.employer" : "trainings.provider"}
        organization={training.organization}
      />
    </ListingShell>
  );
}
