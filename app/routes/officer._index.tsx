import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { FiguresBlock } from "~/components/placements/figures";
import { getCommunes } from "~/modules/admin-units/admin-units.server";
import { countExpiringConsents } from "~/modules/consent/reminders.server";
import { countPendingOrganizations } from "~/modules/organizations/organizations.server";
import { countExpungementsDue } from "~/modules/persons/expungement.server";
import { countPersons } from "~/modules/persons/list.server";
import { countFollowUpTasks } from "~/modules/placements/follow-ups.server";
import { countPendingRequests } from "~/modules/referrals/requests.server";
import { communeFigures } from "~/modules/reports/figures.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("officer.home.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:home:officer");
  // All at once: the counts are independent reads (the communes come from memory).
  const [followUps, figures, communes, pending, persons, expiringConsents, expungementsDue, referralRequests] =
    await Promise.all([
      countFollowUpTasks(scope),
      communeFigures(scope),
      getCommunes(user.communeCodes),
      countPendingOrganizations(scope),
      countPersons(scope),
      countExpiringConsents(scope, 30),
      countExpungementsDue(scope),
      countPendingRequests(scope),
    ]);
  return json({ followUps, figures, communes, pending, persons, expiringConsents, expungementsDue, referralRequests });
}

export default function OfficerHome() {
  const { communes, pending, persons, expiringConsents, expungementsDue, referralRequests } =
    useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  const { followUps, figures } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("officer.home.title")}</h1>
      <div className="grid grid--4 officer-persons">
        <section className="card">
          <h2>{t("persons.home.persons")}</h2>
          <p className="stat">{number(persons)}</p>
          <p>
            <Link to="/officer/persons">{t("persons.home.personsLink")}</Link> ·{" "}
            <Link to="/officer/persons/new">{t("persons.home.newPerson")}</Link>
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
      <div className="grid grid--2 officer-outcomes">
        <section className="card" data-follow-ups-due={followUps.due} data-follow-ups-overdue={followUps.overdue}>
          <h2>{t("outcomes.home.followUps")}</h2>
          <p className="stat">{number(followUps.due + followUps.overdue)}</p>
          <p>
            {t("outcomes.home.followUpsCounts", { due: number(followUps.due), overdue: number(followUps.overdue) })}
          </p>
          <Link to="/officer/follow-ups">{t("outcomes.home.followUpsLink")}</Link>
        </section>
        <section className="card">
          <h2>{t("outcomes.home.figures")}</h2>
          <FiguresBlock figures={figures} />
          <Link to="/officer/figures">{t("outcomes.figures.link")}</Link>
        </section>
        <section className="card">
          <h2>{t("reports.link")}</h2>
          <p className="hint">{t("reports.linkHint")}</p>
          <Link to="/officer/reports">{t("reports.link")}</Link>
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
          <h2>{t("referrals.home.title")}</h2>
          <p className="stat">{number(referralRequests)}</p>
          <p>{t("referrals.home.pending", { count: number(referralRequests) })}</p>
          <Link to="/officer/referrals">{t("referrals.home.link")}</Link>
        </section>
        <section className="card">
          <h2>{t("self.transfers.title")}</h2>
          <Link to="/officer/transfers">{t("self.transfers.incoming")}</Link>
        </section>
        <section className="card">
          <h2>{t("self.requests.title")}</h2>
          <Link to="/officer/requests">{t("self.requests.title")}</Link>
        </section>
        <section className="card officer-events">
          <h2>{t("events.home.fairs")}</h2>
          <Link to="/officer/job-fairs">{t("events.home.fairsLink")}</Link>
        </section>
        <section className="card officer-events">
          <h2>{t("events.home.models")}</h2>
          <Link to="/officer/models">{t("events.home.modelsLink")}</Link>
        </section>
        <section className="card officer-support">
          <h2>{t("support.home.title")}</h2>
          <ul className="officer-support__links">
            <li>
              <Link to="/officer/meetings">{t("support.home.meetings")}</Link>
            </li>
            <li>
              <Link to="/officer/loans">{t("support.home.loans")}</Link>
            </li>
            <li>
              <Link to="/officer/loans/bank-list">{t("support.home.bankList")}</Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
