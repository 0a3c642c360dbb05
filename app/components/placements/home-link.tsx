import { Link } from "@remix-run/react";

import { useI18n } from "~/utils/i18n-react";

/** The employer home's way to the people it took on (and the follow-ups to confirm). */
export function PlacementsHomeLink() {
  const { t } = useI18n();
  return (
    <section className="card placements-home">
      <h2>{t("outcomes.employer.title")}</h2>
      <p>{t("outcomes.employer.lead")}</p>
      <Link to="/employer/placements" className="button button--secondary">
        {t("outcomes.employer.link")}
      </Link>
    </section>
  );
}
