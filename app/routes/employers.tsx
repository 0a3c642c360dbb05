import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { Pagination } from "~/components/search/results";
import { listingCacheHeaders, listingHeaders } from "~/http/listing-cache";
import { loadDirectory } from "~/modules/organizations/directory.server";
import type { PublishedCell } from "~/modules/public-figures/small-numbers";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("directory.title")) }, { name: "description", content: t("directory.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

/** Shared and hand-edited like the other public URLs: a bad parameter is dropped, never an error page. */
const querySchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  trade: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

/** /employers: the public directory of fair-chance employers (decision 045). No login, no JavaScript needed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = querySchema.parse({
    province: params.get("province") || undefined,
    trade: params.get("trade") || undefined,
    page: params.get("page") ?? 1,
  });
  const directory = await loadDirectory(query);
  return json({ query, directory }, { headers: listingCacheHeaders(request) });
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
      <Pagination page={directory.page} totalPages={directory.totalPages} />
      <section className="card directory-about" aria-labelledby="directory-about">
        <h2 id="directory-about">{t("directory.about.title")}</h2>
        <p>{t("directory.about.earned")}</p>
        <p>{t("directory.about.small")}</p>
      </section>
    </div>
  );
}
