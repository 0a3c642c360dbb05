import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listingCacheHeaders, listingHeaders } from "../components/search/cache";
import { Badges, useWage } from "../components/search/cards";
import { CallToAction, Fact, ListingErrorBoundary, OrganizationSection } from "../components/search/detail";
import { metaTranslator, pageTitle } from "../utils/meta";
import { PersonListingBox } from "../components/self-service/listing-box";
import { personListingAction, personListingState } from "../components/self-service/listing.server";
import { getPublicTraining } from "../modules/trainings/public.server";
import { OfficerCandidatesLink } from "../components/matching/officer-link";
import { useI18n } from "../utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: pageTitle(t("error.notFound.title")) }];
  const { training } = data;
  return [
    { title: pageTitle(`${training.title} · ${training.organization.name}`) },
    {
      name: "description",
      content: `${training.title} – ${training.communeName}, ${training.provinceName}. ${training.description.slice(0, 140)}`,
    },
  ];
};

export const headers: HeadersFunction = listingHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  // A logged-in person also gets whether they saved it or asked for a referral (null for everyone else).
  const [training, person] = await Promise.all([getPublicTraining(id.data), personListingState(request, "training", id.data)]);
  if (!training) throw new Response("Not found", { status: 404 });
  return json({ training, person }, { headers: listingCacheHeaders(request) });
}

/** A logged-in person saves the listing or asks their officer for a referral. */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return personListingAction(request, "training", id.data);
}

export default function TrainingPage() {
  const { training, person } = useLoaderData<typeof loader>();
  const { t, date, vnd, number, locale } = useI18n();
  const wage = useWage();
  const support = training.support.filter((s) => !(s === "free" && training.free));
  // A business's slot: who gives it, its allowance, and the job at the same business it leads to.
  const ownJob = training.byBusiness ? training.leadsTo.find((j) => j.sameOrganization) : undefined;
  return (
    <article className="listing">
      <p className="listing__back">
        <Link to="/trainings">← {t("trainings.public.title")}</Link>
      </p>
      <header className="listing__head">
        <h1>{training.title}</h1>
        <p className="listing__org">
          {training.organization.name}
          {training.byBusiness ? (
            <>
              {" "}
              <span className="badge badge--soft">{t("trainings.byBusiness")}</span>
            </>
          ) : null}
        </p>
        {training.byBusiness ? <p>{t("trainings.byBusiness.lead", { name: training.organization.name })}</p> : null}
        <p className="listing__wage">{training.free ? t("trainings.costFree") : `${t("trainings.cost")}: ${vnd(training.costVnd)}`}</p>
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
      </header>
      <OfficerCandidatesLink kind="training" id={training.id} />
      <div className="listing__layout">
        <section className="card listing__facts">
          <dl className="facts">
            <Fact label="trainings.trade">{locale === "en" ? training.tradeEn : training.trade}</Fact>
            <Fact label="trainings.level">{locale === "en" ? training.levelNameEn : training.levelNameVi}</Fact>
            <Fact label="trainings.duration">{t("trainings.durationWeeks", { weeks: number(training.durationWeeks) })}</Fact>
            {training.schedule ? <Fact label="trainings.schedule">{training.schedule}</Fact> : null}
            <Fact label="trainings.startsAt">{date(training.startsAt)}</Fact>
            <Fact label="trainings.deadline">{date(training.applicationDeadline)}</Fact>
            <Fact label="trainings.seats">{number(training.seats)}</Fact>
            <Fact label="trainings.cost">{training.free ? t("trainings.costFree") : vnd(training.costVnd)}</Fact>
            {training.stipendVnd ? <Fact label="trainings.stipend">{t("trainings.stipend.perMonth", { amount: vnd(training.stipendVnd) })}</Fact> : null}
            {support.length ? (
              <Fact label="trainings.support">
                <Badges keys={support} prefix="support" />
              </Fact>
            ) : null}
            <Fact label="trainings.place">
              {training.address ? <>{training.address}, </> : null}
              {training.communeName}, {training.provinceName}
            </Fact>
          </dl>
        </section>
        {person ? (
          <PersonListingBox kind="training" state={person} />
        ) : (
          <CallToAction title="trainings.cta.title" officer="trainings.cta.officer" login="trainings.cta.login" />
        )}
        <div className="listing__body">
          {training.description ? (
            <section>
              <h2>{t(training.byBusiness ? "businessTraining.about" : "trainings.about")}</h2>
              <p className="prose">{training.description}</p>
            </section>
          ) : null}
          {training.leadsTo.length ? (
            <section>
              <h2>{t(training.byBusiness ? "businessTraining.form.leadsTo" : "trainings.leadsTo")}</h2>
              <ul className="list">
                {training.leadsTo.map((j) => (
                  <li key={j.id} className="result-card">
                    <h3 className="result-card__title">
                      <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                    </h3>
                    <p className="result-card__org">{j.organizationName}</p>
                    <p className="result-card__place">
                      {j.communeName}, {j.provinceName}
                    </p>
                    <p className="result-card__wage">{wage(j.wageMin, j.wageMax)}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <OrganizationSection heading={training.byBusiness ? "jobs.employer" : "trainings.provider"} organization={training.organization} />
        </div>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <ListingErrorBoundary notFound="trainings.notFound" back="trainings.backToList" backTo="/trainings" />;
}
