import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { requireUser } from "../auth/session.server";
import { SuggestionList } from "../components/matching/suggestions";
import { PersonNav } from "../components/self-service/person-nav";
import { ownSuggestions } from "../modules/matching/suggestions.server";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("match.own.title")) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "view:matches:own");
  // Positive reasons only: exclusions (and anything about an employer's excluded offences) never leave the server.
  const own = await ownSuggestions(user);
  return json({ own: own ?? null }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function MyMatches() {
  const { own } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("match.own.title")}</h1>
      <p className="lead">{t("match.own.lead")}</p>
      {own === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : !own.active ? (
        <p className="alert alert--info">{t("match.own.inactive")}</p>
      ) : (
        <>
          <section className="match-section" aria-labelledby="own-jobs">
            <h2 id="own-jobs">{t("match.jobs.heading")}</h2>
            {own.consent.job ? (
              <SuggestionList items={own.jobs} occupations={own.occupations} empty={t("match.none.jobs")} />
            ) : (
              <p className="alert alert--info">{t("match.own.noConsent.job")}</p>
            )}
          </section>
          <section className="match-section" aria-labelledby="own-trainings">
            <h2 id="own-trainings">{t("match.trainings.heading")}</h2>
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
