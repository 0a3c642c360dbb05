import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { ExcludedListings, ReferLink, SuggestionList } from "~/components/matching/suggestions";
import { idOf, notFound } from "~/http/responses.server";
import { suggestionsForPerson } from "~/modules/matching/suggestions.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("match.person.title")) },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "match:person:commune");
  const id = idOf(params.id);
  const matches = await suggestionsForPerson(scope, id);
  // Outside the officer's communes, or no such person: the same answer.
  if (!matches) throw notFound();
  return json(matches, { headers: { "Cache-Control": "private, no-store" } });
}

export default function PersonMatches() {
  const m = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const personHref = `/officer/persons/${m.personId}`;
  const excluded = [...m.excludedJobs, ...m.excludedTrainings];
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to={personHref}>{m.fullName}</Link>
      </p>
      <h1>{t("match.person.title")}</h1>
      <p className="lead">{t("match.person.lead", { name: m.fullName })}</p>
      {!m.active ? <p className="alert alert--info">{t("match.inactive")}</p> : null}
      {m.source === "database" ? <p className="hint">{t("match.fallback")}</p> : null}

      <section className="match-section" aria-labelledby="match-jobs">
        <h2 id="match-jobs">{t("match.jobs.heading")}</h2>
        {m.active && !m.consent.job ? (
          <p className="alert alert--info">
            {t("match.noConsent.job")} <Link to={`${personHref}#consents`}>{t("match.noConsent.link")}</Link>
          </p>
        ) : m.active ? (
          <SuggestionList
            items={m.jobs}
            occupations={m.occupations}
            empty={t("match.none.jobs")}
            action={(item) => <ReferLink personId={m.personId} kind="job" listingId={item.id} />}
          />
        ) : null}
      </section>

      <section className="match-section" aria-labelledby="match-trainings">
        <h2 id="match-trainings">{t("match.trainings.heading")}</h2>
        {m.active && !m.consent.training ? (
          <p className="alert alert--info">
            {t("match.noConsent.training")} <Link to={`${personHref}#consents`}>{t("match.noConsent.link")}</Link>
          </p>
        ) : m.active ? (
          <SuggestionList
            items={m.trainings}
            occupations={m.occupations}
            empty={t("match.none.trainings")}
            action={(item) => <ReferLink personId={m.personId} kind="training" listingId={item.id} />}
          />
        ) : null}
      </section>

      {excluded.length ? (
        <section className="match-section" aria-labelledby="match-excluded">
          <h2 id="match-excluded">{t("match.excluded.heading")}</h2>
          <p className="hint">{t("match.excluded.lead")}</p>
          <ExcludedListings items={excluded} occupations={m.occupations} />
        </section>
      ) : null}
      <p className="hint match-version">{t("match.weightsVersion", { version: m.weightsVersion })}</p>
    </>
  );
}
