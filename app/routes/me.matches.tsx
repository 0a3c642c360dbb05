import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { requireUserWith } from "~/auth/session.server";
import { SuggestionList } from "~/components/matching/suggestions";
import { CurrentWork, hasCurrentWork } from "~/components/self-service/current-work";
import { PersonNav } from "~/components/self-service/person-nav";
import { ownSuggestions } from "~/modules/matching/suggestions.server";
import { ownPerson } from "~/modules/persons/self-service.server";
import { currentWorkOf } from "~/modules/placements/own.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("match.own.title")) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:matches:own");
  // Positive reasons only: exclusions (and anything about an employer's excluded offences) never leave the server.
  const own = await ownSuggestions(user);
  const person = own ? await ownPerson(user.id) : undefined;
  // A placed (or enrolled) person sees that first; suggestions follow as "other jobs and courses".
  const work = person ? await currentWorkOf(person.id) : null;
  return json({ own: own ?? null, work }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function MyMatches() {
  const { own, work } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const working = hasCurrentWork(work);
  // Under "other jobs and courses" the two lists are sub-sections.
  const Heading = working ? "h3" : "h2";
  return (
    <>
      <PersonNav />
      <h1>{t("match.own.title")}</h1>
      {work && working ? <CurrentWork work={work} /> : null}
      {working ? (
        <>
          <h2 className="current-work__others">{t("self.current.others")}</h2>
          <p className="lead">{t("self.current.others.lead")}</p>
        </>
      ) : null}
      <p className={working ? "hint" : "lead"}>{t("match.own.lead")}</p>
      {own === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : !own.active ? (
        <p className="alert alert--info">{t("match.own.inactive")}</p>
      ) : (
        <>
          <section className="match-section" aria-labelledby="own-jobs">
            <Heading id="own-jobs">{t("match.jobs.heading")}</Heading>
            {own.consent.job ? (
              <SuggestionList items={own.jobs} occupations={own.occupations} empty={t("match.none.jobs")} />
            ) : (
              <p className="alert alert--info">{t("match.own.noConsent.job")}</p>
            )}
          </section>
          <section className="match-section" aria-labelledby="own-trainings">
            <Heading id="own-trainings">{t("match.trainings.heading")}</Heading>
            {own.consent.training ? (
              <SuggestionList items={own.trainings} occupations={own.occupations} empty={t("match.none.trainings")} />
            ) : (
              <p className="alert alert--info">{t("match.own.noConsent.training")}</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
