import { Link } from "@remix-run/react";

import { formatClock } from "~/i18n/format-more";
import { useI18n } from "~/utils/i18n-react";

import { REFERRAL_STATUSES, type ReferralStatus } from "../../../db/enums";

const BADGE: Record<ReferralStatus, string> = {
  referred: "badge--pending",
  seen: "badge--soft",
  interview: "badge--pending",
  offered: "badge--pending",
  accepted: "badge--verified",
  declined: "badge--rejected",
  withdrawn: "badge--closed",
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${BADGE[status]}`}>{t(`referrals.status.${status}`)}</span>;
}

/** Status filter as plain links (works without JavaScript), each with its count. */
export function StatusFilter({
  counts,
  current,
  basePath,
}: {
  counts: Partial<Record<ReferralStatus, number>>;
  current: ReferralStatus | null;
  basePath: string;
}) {
  const { t } = useI18n();
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <nav className="referral-filter" aria-label={t("referrals.filter.label")}>
      <Link to={basePath} aria-current={current === null ? "page" : undefined}>
        {t("referrals.filter.all", { count: total })}
      </Link>
      {REFERRAL_STATUSES.filter((s) => counts[s]).map((s) => (
        <Link key={s} to={`${basePath}?status=${s}`} aria-current={current === s ? "page" : undefined}>
          {t("referrals.filter.one", { status: t(`referrals.status.${s}`), count: counts[s] ?? 0 })}
        </Link>
      ))}
    </nav>
  );
}

/** "HH:mm" in Vietnam time, for interview times (dates go through the shared formatter). */
export function timeOf(value: Date | string): string {
  return formatClock(new Date(value));
}

/** The value of a datetime-local input for a stored time, in Vietnam time ("2026-05-04T09:30"). */
export function dateTimeLocal(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = new Date(new Date(value).getTime() + 7 * 3_600_000);
  return d.toISOString().slice(0, 16);
}
