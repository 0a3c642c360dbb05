import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUserWith } from "~/auth/session.server";
import { ConsentCard } from "~/components/self-service/consent";
import { CurrentWork, hasCurrentWork } from "~/components/self-service/current-work";
import { ListingLine } from "~/components/self-service/listing-list";
import { PersonNav } from "~/components/self-service/person-nav";
import type { MessageKey } from "~/i18n";
import { getPersonHome, ownPerson, withdrawOwnConsent, withdrawSchema } from "~/modules/persons/self-service.server";
import { currentWorkOf } from "~/modules/placements/own.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("nav.myHome")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:home:person");
  // Read through getOwnRecord: every visit is in the person's audit trail as a self access.
  const home = await getPersonHome(user.id);
  const own = home ? await ownPerson(user.id) : undefined;
  // A placed person sees their job first, not a list of jobs as if unemployed.
  const work = own ? await currentWorkOf(own.id) : null;
  const withdrawn = new URL(request.url).searchParams.get("done") === "withdrawn";
  return json(
    { fullName: user.fullName, home: home ?? null, work, withdrawn },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

/** Withdraw one of the person's own consents: effective at once (index, pending requests) in this request. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "view:home:person");
  const parsed = withdrawSchema.safeParse(await readForm(request));
  if (!parsed.success) return json({ error: "self.withdraw.error" as MessageKey }, { status: 400 });
  const outcome = await withdrawOwnConsent(user.id, parsed.data.grantId, parsed.data.note, parsed.data.purpose);
  if (!outcome.ok) return json({ error: "self.withdraw.error" as MessageKey }, { status: 404 });
  return redirect("/me?done=withdrawn");
}

export default function PersonHome() {
  const { fullName, home, work, withdrawn } = useLoaderData<typeof loader>();
  const working = hasCurrentWork(work);
  const failed = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("self.home.title", { name: home?.person.fullName ?? fullName })}</h1>
      <p className="lead">{t("self.home.lead")}</p>
      {withdrawn ? (
        <p className="alert alert--success" role="status">
          {t("self.withdraw.done")}
        </p>
      ) : null}
      {failed?.error ? (
        <p className="alert alert--error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      {home ? (
        <>
          {work && working ? <CurrentWork work={work} /> : null}
          <div className="grid grid--2 me-grid">
            <section className="card">
              <h2>{t("self.home.profile")}</h2>
              <dl className="facts facts--compact">
                <dt>{t("self.f.commune")}</dt>
                <dd>
                  {home.person.communeName}, {home.person.provinceName}
                </dd>
                <dt>{t("self.f.phone")}</dt>
                <dd>{home.person.phone ?? "—"}</dd>
                <dt>{t("self.f.status")}</dt>
                <dd>{t(`self.status.${home.person.status}` as MessageKey)}</dd>
                {home.person.skills.length ? (
                  <>
                    <dt>{t("self.f.skills")}</dt>
                    <dd>{home.person.skills.join(", ")}</dd>
                  </>
                ) : null}
              </dl>
              <p>
                <Link to="/me/data">{t("self.home.seeAll")}</Link>
              </p>
            </section>
            <section className="card">
              <h2>{t(working ? "self.current.others" : "self.home.browse")}</h2>
              {working ? <p className="hint">{t("self.current.others.lead")}</p> : null}
              <div className="actions actions--stack">
                <Link to="/jobs" className="button">
                  {t("self.home.browseJobs")}
                </Link>
                <Link to="/trainings" className="button button--secondary">
                  {t("self.home.browseTrainings")}
                </Link>
              </div>
            </section>
          </div>

          <section aria-labelledby="consents-title">
            <h2 id="consents-title">{t("self.home.consents")}</h2>
            {home.liveGrants.length === 0 ? (
              <p className="empty-state">{t("self.home.consents.none")}</p>
            ) : (
              <ul className="list">
                {home.liveGrants.map((g) => (
                  <ConsentCard key={g.id} grant={g} withdrawable />
                ))}
              </ul>
            )}
            <p>
              <Link to="/me/consents">{t("self.home.consents.history")}</Link>
            </p>
          </section>

          <section aria-labelledby="requests-title">
            <h2 id="requests-title">{t("self.home.requests")}</h2>
            {home.requests.length === 0 ? (
              <p className="empty-state">{t("self.home.requests.none")}</p>
            ) : (
              <ul className="list">
                {home.requests.map((r) => (
                  <ListingLine key={r.id} item={r}>
                    <p className="listing-line__status">
                      <span
                        className={`badge badge--${r.status === "approved" ? "verified" : r.status === "pending" ? "pending" : "rejected"}`}
                      >
                        {t(`self.request.status.${r.status}` as MessageKey)}
                      </span>{" "}
                      <span className="hint">{t("self.request.sentOn", { date: date(r.createdAt) })}</span>
                    </p>
                    {r.message ? <p className="hint">“{r.message}”</p> : null}
                  </ListingLine>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="saved-title">
            <h2 id="saved-title">{t("self.home.saved")}</h2>
            {home.saved.length === 0 ? (
              <p className="empty-state">{t("self.home.saved.none")}</p>
            ) : (
              <>
                <ul className="list">
                  {home.saved.slice(0, 5).map((s) => (
                    <ListingLine key={`${s.kind}-${s.listingId}`} item={s} />
                  ))}
                </ul>
                <p>
                  <Link to="/me/saved">{t("self.home.saved.all")}</Link>
                </p>
              </>
            )}
          </section>
          <p className="alert alert--info">{t("self.home.privacy")}</p>
        </>
      ) : (
        <>
          <p className="alert alert--info">{t("self.home.notLinked")}</p>
          <div className="actions">
            <Link to="/jobs" className="button">
              {t("self.home.browseJobs")}
            </Link>
            <Link to="/trainings" className="button button--secondary">
              {t("self.home.browseTrainings")}
            </Link>
          </div>
        </>
      )}
    </>
  );
}
