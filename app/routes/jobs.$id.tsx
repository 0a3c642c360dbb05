import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listingCacheHeaders, listingHeaders } from "../components/search/cache";
import { Badges, joined, useWage } from "../components/search/cards";
import { CallToAction, Fact, ListingErrorBoundary, OrganizationSection } from "../components/search/detail";
import { metaTranslator, pageTitle } from "../utils/meta";
import { PersonListingBox } from "../components/self-service/listing-box";
import { personListingAction, personListingState } from "../components/self-service/listing.server";
import { getPublicJob } from "../modules/jobs/public.server";
import type { MessageKey } from "../i18n";
import { OfficerCandidatesLink } from "../components/matching/officer-link";
import { useI18n } from "../utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: pageTitle(t("error.notFound.title")) }];
  const { job } = data;
  return [
    { title: pageTitle(`${job.title} · ${job.organization.name}`) },
    { name: "description", content: `${job.title} – ${job.communeName}, ${job.provinceName}. ${job.description.slice(0, 140)}` },
  ];
};

export const headers: HeadersFunction = listingHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // A malformed id is simply a page that does not exist (never a database error).
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  // A logged-in person also gets whether they saved it or asked for a referral (null for everyone else).
  const [job, person] = await Promise.all([getPublicJob(id.data), personListingState(request, "job", id.data)]);
  if (!job) throw new Response("Not found", { status: 404 });
  return json({ job, person }, { headers: listingCacheHeaders(request) });
}

/** A logged-in person saves the listing or asks their officer for a referral. */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return personListingAction(request, "job", id.data);
}

export default function JobPage() {
  const { job, person } = useLoaderData<typeof loader>();
  const { t, date, vnd, number, locale } = useI18n();
  const wage = useWage();
  return (
    <article className="listing">
      <p className="listing__back">
        <Link to="/jobs">← {t("jobs.public.title")}</Link>
      </p>
      <header className="listing__head">
        <h1>{job.title}</h1>
        <p className="listing__org">
          {job.organization.name}
          {job.organization.fairChancePledgedAt ? (
            <>
              {" "}
              <span className="badge badge--verified">{t("jobs.fairChance")}</span>
            </>
          ) : null}
        </p>
        <p className="listing__wage">{wage(job.wageMin, job.wageMax)}</p>
      </header>
      <OfficerCandidatesLink kind="job" id={job.id} />
      <div className="listing__layout">
        <section className="card listing__facts">
          <dl className="facts">
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
          </dl>
        </section>
        {person ? (
          <PersonListingBox kind="job" state={person} />
        ) : (
          <CallToAction title="jobs.cta.title" officer="jobs.cta.officer" login="jobs.cta.login" />
        )}
        <div className="listing__body">
          {job.description ? (
            <section>
              <h2>{t("jobs.description")}</h2>
              <p className="prose">{job.description}</p>
            </section>
          ) : null}
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
          {job.experience ? (
            <section>
              <h2>{t("jobs.experience")}</h2>
              <p className="prose">{job.experience}</p>
            </section>
          ) : null}
          <OrganizationSection heading="jobs.employer" organization={job.organization} />
          {job.relatedTrainings.length ? (
            <section>
              <h2>{t("jobs.relatedTrainings")}</h2>
              <ul className="list">
                {job.relatedTrainings.map((c) => (
                  <li key={c.id} className="result-card">
                    <h3 className="result-card__title">
                      <Link to={`/trainings/${c.id}`}>{c.title}</Link>
                    </h3>
                    <p className="result-card__org">{c.organizationName}</p>
                    <p className="result-card__meta">
                      <span>
                        {joined([
                          `${c.communeName}, ${c.provinceName}`,
                          `${t("trainings.startsAt")}: ${date(c.startsAt)}`,
                          c.free ? t("trainings.costFree") : `${t("trainings.cost")}: ${vnd(c.costVnd)}`,
                        ])}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <ListingErrorBoundary notFound="jobs.notFound" back="jobs.backToList" backTo="/jobs" />;
}
