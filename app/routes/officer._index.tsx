import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { staffScope } from "../auth/scope.server";
import { requireUser } from "../auth/session.server";
import { getCommunes } from "../modules/admin-units/admin-units.server";
import { countExpiringConsents } from "../modules/consent/reminders.server";
import { countPendingOrganizations } from "../modules/organizations/organizations.server";
import { countExpungementsDue } from "../modules/persons/expungement.server";
import { countPersons } from "../modules/persons/list.server";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("officer.home.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "view:home:officer");
  const scope = await staffScope(user);
  const [communes, pending, persons, expiringConsents, expungementsDue] = await Promise.all([
    getCommunes(user.communeCodes),
    countPendingOrganizations(scope),
    countPersons(scope),
    countExpiringConsents(scope, 30),
    countExpungementsDue(scope),
  ]);
  return json({ communes, pending, persons, expiringConsents, expungementsDue });
}

export default function OfficerHome() {
  const { communes, pending, persons, expiringConsents, expungementsDue } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <>
      <h1>{t("officer.home.title")}</h1>
      <div className="grid grid--4 officer-persons">
        <section className="card">
          <h2>{t("persons.home.persons")}</h2>
          <p className="stat">{number(persons)}</p>
          <p>
            <Link to="/officer/persons">{t("persons.home.personsLink")}</Link> · <Link to="/officer/persons/new">{t("persons.home.newPerson")}</Link>
          </p>
        </section>
        <section className="card">
          <h2>{t("persons.home.expiring")}</h2>
          <p className="stat">{number(expiringConsents)}</p>
          <Link to="/officer/persons?expiring=1">{t("persons.home.expiringLink")}</Link>
        </section>
        <section className="card">
          <h2>{t("persons.home.expungements")}</h2>
          <p className="stat">{number(expungementsDue)}</p>
          <Link to="/officer/expungements">{t("persons.home.expungementsLink")}</Link>
        </section>
        <section className="card">
          <h2>{t("persons.home.candidates")}</h2>
          <Link to="/officer/candidates" className="button button--secondary">
            {t("persons.home.candidatesLink")}
          </Link>
        </section>
      </div>
      <div className="grid grid--2">
        <section className="card">
          <h2>{t("officer.home.communes")}</h2>
          <ul>
            {communes.map((c) => (
              <li key={c.code}>
                {c.name} <span className="hint">({c.code})</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t("officer.home.pendingOrgs")}</h2>
          <p className="stat">{number(pending)}</p>
          <Link to="/organizations/review">{t("officer.home.review")}</Link>
        </section>
        <section className="card">
          <h2>{t("self.transfers.title")}</h2>
          <Link to="/officer/transfers">{t("self.transfers.incoming")}</Link>
        </section>
        <section className="card">
          <h2>{t("self.requests.title")}</h2>
          <Link to="/officer/requests">{t("self.requests.title")}</Link>
        </section>
      </div>
    </>
  );
}
