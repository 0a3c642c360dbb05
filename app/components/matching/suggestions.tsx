import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { type MatchReason, reasonText } from "~/modules/matching/reasons";
import { useI18n } from "~/utils/i18n-react";

/** Occupation names as the loaders send them: both languages, the page picks its own. */
export type OccupationNames = Record<string, { vi: string; en: string }>;

function useReasonText(occupations: OccupationNames) {
  const { t, locale } = useI18n();
  const labels = { occupations: Object.fromEntries(Object.entries(occupations).map(([code, n]) => [code, n[locale]])) };
  return (reason: MatchReason, kind: "reason" | "exclusion") => reasonText(t, reason, kind, labels);
}

/** Reasons as small tags: green for why it fits, red-outlined for why a rule excluded it. */
export function ReasonTags({
  reasons,
  kind,
  occupations,
}: {
  reasons: MatchReason[];
  kind: "reason" | "exclusion";
  occupations: OccupationNames;
}) {
  const { t } = useI18n();
  const text = useReasonText(occupations);
  if (reasons.length === 0) return null;
  return (
    <ul
      className={`badges match-reasons match-reasons--${kind}`}
      aria-label={t(kind === "reason" ? "match.reasons.label" : "match.exclusions.label")}
    >
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} className={kind === "reason" ? "badge badge--soft" : "badge badge--rejected"}>
          {text(r, kind)}
        </li>
      ))}
    </ul>
  );
}

export type ListingItem = {
  kind: "job" | "training";
  id: string;
  title: string;
  occupationCode: string;
  organizationName: string;
  communeName: string;
  provinceName: string;
  wageMin: number | null;
  wageMax: number | null;
  startsAt: string | null;
};

/**
 * One listing: title (linking to its public page), organisation, place, wage or start date. The title is an
 * h3 in a list under an h2; `level={2}` where the listing is the subject of the page, right under its h1.
 */
export function ListingHead({ item, level = 3 }: { item: ListingItem; level?: 2 | 3 }) {
  const { t, vnd, date } = useI18n();
  const href = item.kind === "job" ? `/jobs/${item.id}` : `/trainings/${item.id}`;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className="result-card__title">
        <Link to={href}>{item.title}</Link>
      </Heading>
      <p className="result-card__org">{item.organizationName}</p>
      <p className="result-card__meta">
        <span>
          {item.communeName}, {item.provinceName}
        </span>
        {item.wageMin !== null && item.wageMax !== null ? (
          <span className="result-card__wage">
            {t("match.wage", { min: vnd(item.wageMin), max: vnd(item.wageMax) })}
          </span>
        ) : item.startsAt ? (
          <span>{t("match.startsOn", { date: date(item.startsAt) })}</span>
        ) : null}
      </p>
    </>
  );
}

export function Score({ score }: { score: number }) {
  const { t } = useI18n();
  return <span className="match-score">{t("match.score", { score })}</span>;
}

/** A ranked list of suggestions; `action` renders per item (the officer's "Giới thiệu" link). */
export function SuggestionList({
  items,
  occupations,
  empty,
  action,
}: {
  items: (ListingItem & { score: number; reasons: MatchReason[] })[];
  occupations: OccupationNames;
  empty: string;
  action?: (item: ListingItem) => ReactNode;
}) {
  if (items.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ol className="result-list match-list">
      {items.map((item) => (
        <li key={item.id} className="result-card match-card">
          <div className="match-card__top">
            <Score score={item.score} />
            {action ? action(item) : null}
          </div>
          <ListingHead item={item} />
          <ReasonTags reasons={item.reasons} kind="reason" occupations={occupations} />
        </li>
      ))}
    </ol>
  );
}

/** What the rules excluded, with why (officers only: never rendered on a person's own page). */
export function ExcludedListings({
  items,
  occupations,
}: {
  items: (ListingItem & { exclusions: MatchReason[] })[];
  occupations: OccupationNames;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="result-list match-list match-list--excluded">
      {items.map((item) => (
        <li key={item.id} className="result-card match-card match-card--excluded">
          <ListingHead item={item} />
          <ReasonTags reasons={item.exclusions} kind="exclusion" occupations={occupations} />
        </li>
      ))}
    </ul>
  );
}

/** The officer's referral link for one person and listing (the referral form lives elsewhere). */
export function ReferLink({
  personId,
  kind,
  listingId,
}: {
  personId: string;
  kind: "job" | "training";
  listingId: string;
}) {
  const { t } = useI18n();
  return (
    <Link className="button button--small" to={`/officer/persons/${personId}/refer?kind=${kind}&listing=${listingId}`}>
      {t("match.refer")}
    </Link>
  );
}
