import { Link } from "@remix-run/react";

import type { OrganizationView } from "~/modules/organizations/organizations.server";
import { useI18n } from "~/utils/i18n-react";

type Jsonified = Omit<OrganizationView, "createdAt"> & { createdAt: string };

/** The home of an employer or a training provider: its verification state and its profile. */
export function OrganizationHome({
  org,
  title,
  next,
}: {
  org: Jsonified;
  title: "employer.home.title" | "provider.home.title";
  next: "employer.home.next" | "provider.home.next";
}) {
  const { t, date } = useI18n();
  const status = org.verificationStatus;
  const provider = org.role === "training_provider";
  return (
    <>
      <h1>{t(title)}</h1>
      <h2 className="sr-only">{org.name}</h2>
      <div
        className={`alert ${status === "verified" ? "alert--success" : status === "rejected" ? "alert--error" : "alert--info"}`}
        role="status"
      >
        <p>
          <strong>{t("org.home.status")}: </strong>
          <span className={`badge badge--${status}`}>{t(`verification.${status}`)}</span>
        </p>
        <p>
          {status === "rejected"
            ? t("org.home.rejected", { reason: org.rejectionReason ?? "" })
            : t(status === "verified" ? "org.home.verified" : "org.home.pending")}
        </p>
      </div>
      <div className="actions home-actions">
        <Link to={provider ? "/provider/trainings" : "/employer/jobs"} className="button">
          {t(provider ? "trainings.own.title" : "jobs.own.title")}
        </Link>
        <Link to={provider ? "/provider/trainings/new" : "/employer/jobs/new"} className="button button--secondary">
          {t(provider ? "trainings.own.new" : "jobs.own.new")}
        </Link>
        {provider ? null : (
          <Link to="/employer/trainings" className="button button--secondary">
            {t("businessTraining.home.link")}
          </Link>
        )}
        <Link to={provider ? "/provider/profile" : "/employer/profile"} className="button button--secondary">
          {t("profile.edit")}
        </Link>
      </div>
      <section className="card">
        <h2>{t("org.home.profile")}</h2>
        <dl className="facts">
          <dt>{t("register.orgName")}</dt>
          <dd>{org.name}</dd>
          <dt>{t("register.kind")}</dt>
          <dd>{t(`kind.${org.kind}`)}</dd>
          {org.taxCode ? (
            <>
              <dt>{t("org.home.taxCode")}</dt>
              <dd>{org.taxCode}</dd>
            </>
          ) : null}
          <dt>{t("org.home.address")}</dt>
          <dd>
            {org.address}, {org.communeName}, {org.provinceName}
          </dd>
          <dt>{t("org.home.contact")}</dt>
          <dd>
            {org.contactName} · {org.contactPhone}
          </dd>
          <dt>{t("org.home.registeredAt")}</dt>
          <dd>{date(org.createdAt)}</dd>
        </dl>
      </section>
      <p className="lead">{t(next)}</p>
    </>
  );
}
