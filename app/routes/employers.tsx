import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { listingCacheHeaders, listingHeaders } from "~/http/listing-cache";
import { loadDirectory, parseDirectoryQuery } from "~/modules/organizations/directory.server";
import type { PublishedCell } from "~/modules/public-figures/small-numbers";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("directory.title")) }, { name: "description", content: t("directory.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

/** /employers: the public directory of fair-chance employers (decision 045). No login, no JavaScript needed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const directory = await loadDirectory(query);
  return json({ query, directory }, { headers: listingCacheHeaders(request) });
}

/** The same filters on another page. */
function pageHref(query: { province?: string; trade?: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.province) params.set("province", query.province);
  if (query.trade) params.set("trade", query.trade);
  params.set("page", String(page));
  return `/employers?${params}`;
}

function Count({ cell }: { cell: PublishedCell }) {
  const { t, number } = useI18n();
  return <>{cell.value === null ? t("directory.lt5") : number(cell.value)}</>;
}

export default function Employers() {
  const { query, directory } = useLoaderData<typeof loader>();
  const { t, locale, number } = useI18n();
  const filtered = Boolean(query.province || query.trade);
  return (
    <div className="directory-page">
      <h1>{t("directory.title")}</h1>
      <p className="lead">{t("directory.lead")}</p>
      <Form method="get" action="/employers" className="directory-filters">
        <div className="field">
          <label htmlFor="d-province">{t("directory.filter.province")}</label>
          <select id="d-province" name="province" defaultValue={query.province ?? ""}>
            <option value="">{t("directory.filter.any")}</option>
            {directory.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="d-trade">{t("directory.filter.trade")}</label>
          <select id="d-trade" name="trade" defaultValue={query.trade ?? ""}>
            <option value="">{t("directory.filter.any")}</option>
            {directory.trades.map((o) => (
              <option key={o.code} value={o.code}>
                {locale === "en" ? o.nameEn : o.nameVi}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("directory.filter.submit")}
          </button>
          {filtered ? <Link to="/employers">{t("directory.filter.clear")}</Link> : null}
        </div>
      </Form>
      <h2 id="directory-count">{t("directory.count", { count: number(directory.total) })}</h2>
      {directory.entries.length === 0 ? (
        <p className="empty-state">{t(filtered ? "directory.empty.filtered" : "directory.empty")}</p>
      ) : (
        <ol className="result-list" aria-labelledby="directory-count">
          {directory.entries.map((e) => (
            <li key={e.id}>
              <article className="result-card directory-card">
                <h3 className="result-card__title">
                  {e.name} <span className="badge badge--recognised">{t("directory.badge")}</span>
                </h3>
                <p className="result-card__place">
                  {e.communeName}, {e.provinceName}
                </p>
                {e.trades.length ? (
                  <p>
                    <strong>{t("directory.trades")}: </strong>
                    {e.trades.map((o) => (locale === "en" ? o.nameEn : o.nameVi)).join(", ")}
                  </p>
                ) : null}
                <dl className="directory-card__figures">
                  <div>
                    <dt>{t("directory.hired")}</dt>
                    <dd>
                      <Count cell={e.hired} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("directory.kept")}</dt>
                    <dd>
                      <Count cell={e.kept} />
                    </dd>
                  </div>
                </dl>
                <p>
                  <Link to={`/jobs?${new URLSearchParams({ q: e.name })}`}>{t("directory.jobs")}</Link>
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {directory.totalPages > 1 ? (
        <nav aria-label={t("directory.pages")} className="pagination">
          {directory.page > 1 ? (
            <Link to={pageHref(query, directory.page - 1)} rel="prev" className="button button--secondary">
              ← {t("directory.prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="pagination__status">
            {t("directory.page", { page: number(directory.page), pages: number(directory.totalPages) })}
          </span>
          {directory.page < directory.totalPages ? (
            <Link to={pageHref(query, directory.page + 1)} rel="next" className="button button--secondary">
              {t("directory.next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      <section className="card directory-about" aria-labelledby="directory-about">
        <h2 id="directory-about">{t("directory.about.title")}</h2>
        <p>{t("directory.about.earned")}</p>
        <p>{t("directory.about.small")}</p>
      </section>
    </div>
  );
}
