import { Link } from "@remix-run/react";

import { useI18n } from "~/utils/i18n-react";

import type { ReferralStatus } from "../../../db/enums";
import { StatusBadge } from "./status";

type Item = {
  id: string;
  kind: "job" | "training";
  title: string;
  organizationName: string;
  status: ReferralStatus;
  createdAt: string;
  updatedAt: string;
};

/** The "Giới thiệu" section of a person's page: each referral with its status, newest first. */
export function PersonReferrals({ referrals }: { referrals: Item[] }) {
  const { t, date } = useI18n();
  return (
    <section id="referrals" className="card panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t("referrals.person.title")}</h2>
      {referrals.length === 0 ? (
        <p className="empty-state">{t("referrals.person.none")}</p>
      ) : (
        <ul className="list referral-list">
          {referrals.map((r) => (
            <li key={r.id}>
              <StatusBadge status={r.status} />{" "}
              <Link to={`/officer/referrals/${r.id}`}>
                <strong>{r.title}</strong>
              </Link>{" "}
              <span className="hint">
                · {r.organizationName} · {t("referrals.list.referredOn", { date: date(r.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/officer/referrals">{t("referrals.person.all")}</Link>
      </p>
    </section>
  );
}
