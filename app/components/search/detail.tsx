import { isRouteErrorResponse, Link, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";
import { useRequestInfo } from "~/utils/request-context";

import type { RecordStance } from "../../../db/enums";

/** Pieces shared by the job and training detail pages. */

/** How to take the next step: through the commune police officer, or by logging in to ask for it. */
export function CallToAction({ title, officer, login }: { title: MessageKey; officer: MessageKey; login: MessageKey }) {
  const { t } = useI18n();
  const location = useLocation();
  const root = useRouteLoaderData("root") as { user: unknown } | undefined;
  const here = location.pathname;
  return (
    <aside className="cta-box" aria-labelledby="cta-title">
      <h2 id="cta-title">{t(title)}</h2>
      <p>{t(officer)}</p>
      {root?.user ? null : (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="button">
            {t(login)}
          </Link>
        </p>
      )}
    </aside>
  );
}

export function Fact({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The organisation behind a listing: what it says about itself, its fair-chance pledge and record stance. */
export function OrganizationSection({
  heading,
  organization,
}: {
  heading: MessageKey;
  organization: {
    name: string;
    description: string;
    fairChancePledgedAt: string | null;
    acceptsUnexpunged: RecordStance;
    /** A job's employer listed in the directory of fair-chance employers (earned, unlike the pledge). */
    recognised?: boolean;
  };
}) {
  const { t, date } = useI18n();
  return (
    <section className="card" aria-labelledby="org-title">
      <h2 id="org-title">{t(heading)}</h2>
      <p>
        <strong>{organization.name}</strong>
      </p>
      {organization.description ? <p className="prose">{organization.description}</p> : null}
      {organization.recognised ? (
        <p>
          <span className="badge badge--recognised">{t("jobs.recognised")}</span>{" "}
          <Link to="/employers" className="hint">
            {t("jobs.recognised.more")}
          </Link>
        </p>
      ) : null}
      {organization.fairChancePledgedAt ? (
        <div className="pledge">
          <p>
            <span className="badge badge--verified">{t("jobs.fairChance")}</span>{" "}
            <span className="hint">{t("profile.pledge.signed", { date: date(organization.fairChancePledgedAt) })}</span>
          </p>
          <p className="hint">{t("profile.pledge.label")}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("profile.stance")}</dt>
        <dd>{t(`stance.${organization.acceptsUnexpunged}`)}</dd>
      </dl>
    </section>
  );
}

/** A listing that is missing, closed or expired: say so kindly and point back to the list. */
export function ListingErrorBoundary({
  notFound,
  back,
  backTo,
}: {
  notFound: MessageKey;
  back: MessageKey;
  backTo: string;
}) {
  const error = useRouteError();
  const { t } = useI18n();
  const { requestId } = useRequestInfo();
  const root = useRouteLoaderData("root") as { requestId?: string } | undefined;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>{t("error.notFound.title")}</h1>
        <p>{t(notFound)}</p>
        <p>
          <Link to={backTo} className="button">
            {t(back)}
          </Link>
        </p>
      </section>
    );
  }
  const id = requestId ?? root?.requestId;
  // 503: the database is down or restarting (app/utils/unavailable.server.ts), the same words as the root page.
  const unavailable = isRouteErrorResponse(error) && error.status === 503;
  return (
    <section className="error-page">
      <h1>{t(unavailable ? "error.unavailable.title" : "error.title")}</h1>
      <p>{t(unavailable ? "error.unavailable.body" : "error.body")}</p>
      {id ? (
        <p className="error-page__id">
          {t("error.requestId")}: <code>{id}</code>
        </p>
      ) : null}
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
