import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser } from "~/auth/session.server";
import { unitTotals } from "~/modules/admin-units/admin-units.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  // The home page leads with the name, so its title is a whole message rather than pageTitle(…).
  return [{ title: t("home.metaTitle") }, { name: "description", content: t("home.metaDescription") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, units] = await Promise.all([getOptionalUser(request), unitTotals()]);
  return json({ home: user ? ROLE_HOME[user.role] : null, units });
}

const AUDIENCES = [
  ["home.for.person.title", "home.for.person.body"],
  ["home.for.employer.title", "home.for.employer.body"],
  ["home.for.provider.title", "home.for.provider.body"],
  ["home.for.officer.title", "home.for.officer.body"],
] as const;

export default function Index() {
  const { home, units } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <>
      <section className="hero">
        <h1>{t("home.hero.title")}</h1>
        <p>{t("home.hero.lead")}</p>
        {/* Public search first: a person finds work without an account (GET, so it works without JavaScript). */}
        <Form method="get" action="/jobs" role="search" className="home-search">
          <label htmlFor="home-q">{t("home.search.title")}</label>
          <div className="search-bar">
            <input
              id="home-q"
              type="search"
              name="q"
              placeholder={t("search.q.jobs.placeholder")}
              enterKeyHint="search"
              maxLength={200}
            />
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </div>
          <p className="home-search__more">
            <Link to="/trainings">{t("home.search.trainings")}</Link>
          </p>
          <p className="home-search__more">
            <Link to="/employers">{t("home.search.employers")}</Link>
          </p>
        </Form>
        <div className="actions">
          {home ? (
            <Link to={home} className="button">
              {t("home.cta.dashboard")}
            </Link>
          ) : (
            <>
              <Link to="/login" className="button">
                {t("home.cta.login")}
              </Link>
              <Link to="/register" className="button button--secondary">
                {t("home.cta.register")}
              </Link>
            </>
          )}
        </div>
      </section>
      <div className="grid grid--4">
        {AUDIENCES.map(([title, body]) => (
          <section key={title} className="card">
            <h2>{t(title)}</h2>
            <p>{t(body)}</p>
          </section>
        ))}
      </div>
      <p className="lead">
        {t("home.stats.units", { provinces: number(units.provinces), communes: number(units.communes) })}
      </p>
    </>
  );
}
