import { Link } from "@remix-run/react";

import { useI18n } from "~/utils/i18n-react";

/** The organisation's home: how many referrals wait to be opened, and how many are in progress. */
export function ReferralsHomeCard({ counts }: { counts: { unseen: number; open: number; path: string } }) {
  const { t, number } = useI18n();
  return (
    <section className="card referrals-home">
      <h2>{t("referrals.home.title")}</h2>
      <p className="stat">{number(counts.unseen)}</p>
      <p>
        {t("referrals.home.unseen", { count: number(counts.unseen) })} ·{" "}
        {t("referrals.home.open", { count: number(counts.open) })}
      </p>
      <Link to={counts.path} className="button button--secondary">
        {t("referrals.home.link")}
      </Link>
    </section>
  );
}
