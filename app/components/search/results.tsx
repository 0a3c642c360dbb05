import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import { submitOnChange } from "./filters";
import { clearFiltersHref, searchHref } from "./url";

/**
 * The results column: count, sort, the fallback notice, the list or the empty state, and pagination.
 * When no listing has every word of the query, it says so plainly and lists the related listings under
 * their own heading: they are not results and are not counted (docs/decisions/026).
 */
export function Results({
  form,
  kind,
  query,
  correctedQuery,
  total,
  page,
  totalPages,
  source,
  sort,
  sortChosen,
  sorts,
  hasFilters,
  related = [],
  children,
}: {
  form: string;
  kind: "jobs" | "trainings";
  /** The words the visitor typed. */
  query: string | undefined;
  /** The words searched instead, when a short word's typo was corrected. */
  correctedQuery?: string;
  total: number;
  page: number;
  totalPages: number;
  source: "meilisearch" | "database";
  /** The order in effect: the visitor's, or the default (relevance with words). */
  sort: string;
  /** Whether the visitor chose it: a default order is not carried over to the next query. */
  sortChosen: boolean;
  sorts: readonly string[];
  hasFilters: boolean;
  /** One <li> per related listing, shown only when nothing matched. */
  related?: ReactNode[];
  /** One <li> per hit, keyed by id. */
  children: ReactNode[];
}) {
  const { t, number } = useI18n();
  const location = useLocation();
  return (
    <section className="search-results" aria-labelledby="results-count">
      <div className="results-head">
        <h2 id="results-count" className="results-head__count" aria-live="polite">
          {t("search.results", { count: number(total) })}
        </h2>
        <div className="results-head__sort">
          <label htmlFor="sort">{t("search.sort")}</label>
          {/* The default order submits no value, so a new query gets its own default (relevance). */}
          <select
            id="sort"
            name="sort"
            form={form}
            defaultValue={sortChosen ? sort : ""}
            key={`${sort}-${sortChosen}`}
            onChange={(e) => submitOnChange(e)}
          >
            {sorts.map((s) => (
              <option key={s} value={!sortChosen && s === sort ? "" : s}>
                {t(`search.sort.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          {/* Kept after hydration (the select also applies itself on change with JavaScript): removing it
              then made the results jump on a phone, where it wraps to its own line (issue 14, CLS). */}
          <button type="submit" form={form} className="button button--ghost">
            {t("search.apply")}
          </button>
        </div>
      </div>
      {source === "database" ? (
        <div className="alert alert--info" role="status">
          <p>{t("search.fallback")}</p>
        </div>
      ) : null}
      {correctedQuery && children.length > 0 ? (
        <p className="search-corrected" role="status">
          {t("search.corrected", { q: query ?? "", corrected: correctedQuery })}
        </p>
      ) : null}
      {children.length > 0 ? (
        <ol className="result-list">{children}</ol>
      ) : (
        <div className="empty-state">
          {query?.trim() ? (
            <>
              <p className="empty-state__title">{t(`search.noMatch.${kind}`, { q: query.trim() })}</p>
              <p>{t("search.tryOther")}</p>
            </>
          ) : (
            <p>{t("search.none")}</p>
          )}
          {hasFilters ? (
            <p>
              <Link to={clearFiltersHref(location.pathname, location.search)}>{t("search.clear")}</Link>
            </p>
          ) : null}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} />
      {children.length === 0 && related.length > 0 ? (
        <section className="related-listings" aria-labelledby="related-heading">
          <h2 id="related-heading">{t("search.related")}</h2>
          <p className="related-listings__note">{t(`search.related.note.${kind}`)}</p>
          <ul className="result-list">{related}</ul>
        </section>
      ) : null}
    </section>
  );
}

/** Previous / next links that keep every other parameter; "Trang 2 / 7" between them. */
export function Pagination({ page, totalPages }: { page: number; totalPages: number }) {
  const { t, number } = useI18n();
  const location = useLocation();
  if (totalPages <= 1 && page <= 1) return null;
  const href = (p: number) => searchHref(location.pathname, location.search, { page: p });
  return (
    <nav aria-label={t("search.pagination")}>
      <p className="pagination__status">
        {t("search.page", { page: number(page), pages: number(Math.max(totalPages, 1)) })}
      </p>
      {/* Two links in one row: they fit side by side even on a 360 px phone. */}
      <div className="pagination">
        {page > 1 ? (
          <Link to={href(Math.min(page - 1, Math.max(totalPages, 1)))} rel="prev" className="button button--secondary">
            ← {t("search.prev")}
          </Link>
        ) : (
          <span />
        )}
        {page < totalPages ? (
          <Link to={href(page + 1)} rel="next" className="button button--secondary">
            {t("search.next")} →
          </Link>
        ) : (
          <span />
        )}
      </div>
    </nav>
  );
}
