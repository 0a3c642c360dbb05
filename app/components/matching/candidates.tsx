import { Link } from "@remix-run/react";

import type { MatchReason } from "~/modules/matching/reasons";
import { useI18n } from "~/utils/i18n-react";

import { ListingHead, type ListingItem, type OccupationNames, ReasonTags, ReferLink, Score } from "./suggestions";

export type CandidatesData = {
  listing: ListingItem;
  candidates: { personId: string; fullName: string; communeName: string; score: number; reasons: MatchReason[] }[];
  excluded: { personId: string; fullName: string; communeName: string; exclusions: MatchReason[] }[];
  occupations: OccupationNames;
  weightsVersion: string;
  source: "meilisearch" | "database";
};

/** Ranked candidates of the officer's communes for one listing, then those a rule excluded, with why. */
export function CandidatesPage({ data }: { data: CandidatesData }) {
  const { t } = useI18n();
  const { listing } = data;
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to="/officer">{t("officer.home.title")}</Link>
      </p>
      <h1>{t("match.cand.title")}</h1>
      <div className="card match-listing">
        <ListingHead item={listing} level={2} />
      </div>
      <p className="lead">{t(listing.kind === "job" ? "match.cand.lead.job" : "match.cand.lead.training")}</p>
      {data.source === "database" ? <p className="hint">{t("match.fallback")}</p> : null}
      {data.candidates.length === 0 ? (
        <p className="empty-state">{t("match.cand.none")}</p>
      ) : (
        <ol className="result-list match-list">
          {data.candidates.map((c) => (
            <li key={c.personId} className="result-card match-card">
              <div className="match-card__top">
                <Score score={c.score} />
                <ReferLink personId={c.personId} kind={listing.kind} listingId={listing.id} />
              </div>
              <h2 className="result-card__title">
                <Link to={`/officer/persons/${c.personId}`}>{c.fullName}</Link>
              </h2>
              <p className="result-card__place">{c.communeName}</p>
              <ReasonTags reasons={c.reasons} kind="reason" occupations={data.occupations} />
            </li>
          ))}
        </ol>
      )}
      {data.excluded.length ? (
        <section className="match-section" aria-labelledby="cand-excluded">
          <h2 id="cand-excluded">{t("match.excluded.heading")}</h2>
          <p className="hint">{t("match.cand.excludedLead")}</p>
          <ul className="result-list match-list match-list--excluded">
            {data.excluded.map((c) => (
              <li key={c.personId} className="result-card match-card match-card--excluded">
                <h3 className="result-card__title">
                  <Link to={`/officer/persons/${c.personId}`}>{c.fullName}</Link>
                </h3>
                <p className="result-card__place">{c.communeName}</p>
                <ReasonTags reasons={c.exclusions} kind="exclusion" occupations={data.occupations} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="hint match-version">{t("match.weightsVersion", { version: data.weightsVersion })}</p>
    </>
  );
}
