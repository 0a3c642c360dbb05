import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { requireUser } from "../auth/session.server";
import { timeOf } from "../components/referrals/status";
import { ListingLine } from "../components/self-service/listing-list";
import { PersonNav } from "../components/self-service/person-nav";
import type { MessageKey } from "../i18n";
import { listReferralRequests, ownPerson } from "../modules/persons/self-service.server";
import { listOwnReferrals } from "../modules/referrals/views.server";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("referrals.me.title")) }];

/** The person's own referrals and requests: statuses in plain words, interview details; no notes, no messages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "view:record:own");
  const person = await ownPerson(user.id);
  if (!person) return json({ referrals: null, requests: null }, { headers: { "Cache-Control": "private, no-store" } });
  const [referrals, requests] = await Promise.all([listOwnReferrals(person.id), listReferralRequests(person.id)]);
  return json({ referrals, requests }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function MyReferrals() {
  const { referrals, requests } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("referrals.me.title")}</h1>
      <p className="lead">{t("referrals.me.lead")}</p>
      {referrals === null || requests === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="my-referrals">
            <h2 id="my-referrals">{t("referrals.me.referrals")}</h2>
            {referrals.length === 0 ? (
              <p className="empty-state">{t("referrals.me.referrals.none")}</p>
            ) : (
              <ul className="list">
                {referrals.map((r) => {
                  const status = r.status === "declined" && r.declinedBy === "person" ? "declinedByPerson" : r.status;
                  return (
                    <ListingLine key={r.id} item={{ kind: r.kind, listingId: r.listingId, title: r.title, organizationName: r.organizationName, open: true }}>
                      <p className={`referral-me__status referral-me__status--${r.status}`}>
                        <strong>{t(`referrals.me.status.${status}` as MessageKey)}</strong>
                      </p>
                      {(r.status === "interview" || r.status === "offered") && r.interviewAt ? (
                        <p>{t("referrals.me.interview", { date: date(r.interviewAt), time: timeOf(r.interviewAt), place: r.interviewPlace })}</p>
                      ) : null}
                      <p className="hint">{t("referrals.me.referredOn", { date: date(r.createdAt) })}</p>
                    </ListingLine>
                  );
                })}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="my-requests">
            <h2 id="my-requests">{t("referrals.me.requests")}</h2>
            {requests.length === 0 ? (
              <p className="empty-state">{t("referrals.me.requests.none")}</p>
            ) : (
              <ul className="list">
                {requests.map((r) => (
                  <ListingLine key={r.id} item={r}>
                    <p>
                      <strong>{t(`self.request.status.${r.status}`)}</strong>
                    </p>
                    <p className="hint">{t("self.request.sentOn", { date: date(r.createdAt) })}</p>
                    {r.status === "declined" && r.decisionNote ? <p>{t("referrals.me.requests.officerNote", { note: r.decisionNote })}</p> : null}
                  </ListingLine>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
