import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "../../i18n";
import { useI18n } from "../../utils/i18n-react";
import { submitOnChange, useHydrated } from "./filters";
import { clearFiltersHref, searchHref } from "./url";

/** The results column: count, sort, the fallback notice, the list or the empty state, and pagination. */
export function Results({
  form,
  total,
  page,
  totalPages,
  source,
  sort,
  sorts,
  hasFilters,
  children,
}: {
  form: string;
  total: number;
  page: number;
  totalPages: number;
  source: "meilisearch" | "database";
  sort: string;
  sorts: readonly string[];
  hasFilters: boolean;
  /** One <li> per hit, keyed by id. */
  children: ReactNode[];
}) {
  const { t, number } = useI18n();
  const location = useLocation();
  const hydrated = useHydrated();
  return (
    <section className="search-results" aria-labelledby="results-count">
      <div className="results-head">
        <h2 id="results-count" className="results-head__count" aria-live="polite">
          {t("search.results", { count: number(total) })}
        </h2>
        <div className="results-head__sort">
          <label htmlFor="sort">{t("search.sort")}</label>
          <select id="sort" name="sort" form={form} defaultValue={sort} key={sort} onChange={(e) => submitOnChange(e)}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`search.sort.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          {hydrated ? null : (
            <button type="submit" form={form} className="button button--ghost">
              {t("search.apply")}
            </button>
          )}
        </div>
      </div>
      {source === "database" ? (
        <div className="alert alert--info" role="status">
          <p>{t("search.fallback")}</p>
        </div>
      ) : null}
      {children.length > 0 ? (
        <ol className="result-list">{children}</ol>
      ) : (
        <div className="empty-state">
          <p>{t("search.none")}</p>
          {hasFilters ? (
            <p>
              <Link to={clearFiltersHref(location.pathname, location.search)}>{t("search.clear")}</Link>
            </p>
          ) : null}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} />
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
      <p className="pagination__status">{t("search.page", { page: number(page), pages: number(Math.max(totalPages, 1)) })}</p>
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
