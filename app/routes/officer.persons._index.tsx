import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";

import { can } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { searchHref } from "~/components/search/url";
import { formatQuarter } from "~/i18n";
import { listPersons, personListFiltersSchema } from "~/modules/persons/list.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { queryOf } from "~/utils/text";

import { CLASSIFICATION_GROUPS, PERSON_NEEDS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.list.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const params = Object.fromEntries(queryOf(request));
  // Empty boxes of the filter form ("q=&group=") mean "no filter".
  const filters = personListFiltersSchema.parse(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "")));
  const { persons, total, page, pageCount } = await listPersons(scope, filters);
  return json({ persons, total, page, pageCount, filters, canRegister: can(user, "register:person:commune") });
}

/** The pages to link: the first, the last, and two either side of the current one; null is a gap ("…"). */
export function pageLinks(page: number, pageCount: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Plain links (no JavaScript needed) that keep the filters of the URL: previous, the pages, next. */
function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const { t, number } = useI18n();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (p: number) => searchHref(location.pathname, location.search, { page: p });
  return (
    <nav className="pager" aria-label={t("persons.list.pages")}>
      <ul className="pager__links">
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev" className="pager__step">
              ← {t("search.prev")}
            </Link>
          </li>
        ) : null}
        {pageLinks(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="pager__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className="pager__current" aria-current="page">
                  {number(p)}
                </span>
              ) : (
                <Link to={href(p)} aria-label={t("persons.list.pageN", { page: p })}>
                  {number(p)}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} rel="next" className="pager__step">
              {t("search.next")} →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export default function PersonsList() {
  const { persons, total, page, pageCount, filters, canRegister } = useLoaderData<typeof loader>();
  const { t, number, locale } = useI18n();
  const filtered = Object.entries(filters).some(([k, v]) => k !== "page" && v !== undefined);
  return (
    <>
      <div className="page-head">
        <h1>{t("persons.list.title")}</h1>
        {canRegister ? (
          <Link to="/officer/persons/new" className="button">
            {t("persons.list.new")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("persons.list.lead")}</p>

      <section className="filter-box filter-box--open" aria-labelledby="persons-filters-title">
        <h2 id="persons-filters-title" className="filter-box__title">
          {t("persons.list.filters")}
        </h2>
        <Form method="get" className="filter-box__body" key={JSON.stringify(filters)}>
          <div className="field">
            <label htmlFor="f-q">{t("persons.list.q")}</label>
            <p className="hint" id="f-q-hint">
              {t("persons.list.q.hint")}
            </p>
            <input
              id="f-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              aria-describedby="f-q-hint"
              autoComplete="off"
            />
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="f-status">{t("persons.list.status")}</label>
              <select id="f-status" name="status" defaultValue={filters.status ?? "active"}>
                <option value="active">{t("persons.status.active")}</option>
                <option value="closed">{t("persons.status.closed")}</option>
                <option value="all">{t("persons.list.any")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-group">{t("persons.list.group")}</label>
              <select id="f-group" name="group" defaultValue={filters.group ?? ""}>
                <option value="">{t("persons.list.any")}</option>
                {CLASSIFICATION_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`persons.group.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-need">{t("persons.list.need")}</label>
              <select id="f-need" name="need" defaultValue={filters.need ?? ""}>
                <option value="">{t("persons.list.any")}</option>
                {PERSON_NEEDS.map((n) => (
                  <option key={n} value={n}>
                    {t(`persons.need.${n}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label className="check">
            <input type="checkbox" name="due" value="1" defaultChecked={filters.due === "1"} />
            <span>{t("persons.list.due")}</span>
          </label>
          <label className="check">
            <input type="checkbox" name="expiring" value="1" defaultChecked={filters.expiring === "1"} />
            <span>{t("persons.list.expiring")}</span>
          </label>
          <div className="actions">
            <button type="submit" className="button">
              {t("persons.list.apply")}
            </button>
            {filtered ? <Link to="/officer/persons">{t("persons.list.clear")}</Link> : null}
          </div>
        </Form>
      </section>

      <p className="results-head__count" role="status">
        {t("persons.list.count", { count: number(total) })}
        {pageCount > 1 ? ` · ${t("search.page", { page: number(page), pages: number(pageCount) })}` : ""}
      </p>
      {persons.length === 0 ? (
        <p className="empty-state">{t("persons.list.none")}</p>
      ) : (
        <table className="persons-table">
          <thead>
            <tr>
              <th scope="col">{t("persons.col.name")}</th>
              <th scope="col">{t("persons.col.age")}</th>
              <th scope="col">{t("persons.col.commune")}</th>
              <th scope="col">{t("persons.col.classification")}</th>
              <th scope="col">{t("persons.col.consents")}</th>
              <th scope="col">{t("persons.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => (
              <tr key={p.id}>
                <th scope="row" data-label={t("persons.col.name")}>
                  <Link to={`/officer/persons/${p.id}`}>{p.fullName}</Link>
                  {p.expungementDue ? (
                    <>
                      {" "}
                      <span className="badge badge--pending">{t("persons.dueBadge")}</span>
                    </>
                  ) : null}
                </th>
                <td data-label={t("persons.col.age")} data-col="age">
                  {t("persons.page.age", { age: p.age })}
                </td>
                <td data-label={t("persons.col.commune")} data-col="commune">
                  {p.communeName}
                </td>
                <td data-label={t("persons.col.classification")} data-col="group">
                  {p.latestGroup ? (
                    <span>
                      <span
                        className={`group-badge group-badge--${p.latestGroup}`}
                        title={t(`persons.group.${p.latestGroup}`)}
                      >
                        {p.latestGroup}
                      </span>{" "}
                      <span className="hint">{formatQuarter(p.latestQuarter ?? "", locale)}</span>
                    </span>
                  ) : (
                    <span className="hint">{t("persons.notClassified")}</span>
                  )}
                </td>
                <td data-label={t("persons.col.consents")} data-col="consents">
                  {p.livePurposes.length ? (
                    <ul className="badges badges--tight">
                      {p.livePurposes.map((purpose) => (
                        <li key={purpose} className="badge badge--soft">
                          {t(`consent.purpose.${purpose}`)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="hint">{t("persons.noConsent")}</span>
                  )}
                </td>
                <td data-label={t("persons.col.status")} data-col="status">
                  {t(`persons.status.${p.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pageCount={pageCount} />
    </>
  );
}
