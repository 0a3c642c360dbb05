import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { EMPLOYMENT_TYPES, JOB_BENEFITS } from "../../db/enums";
import { listingCacheHeaders, listingHeaders } from "../components/search/cache";
import { JobCard } from "../components/search/cards";
import {
  CheckboxFilter,
  FilterPanel,
  SearchForm,
  SelectFilter,
  submitOnChange,
  useHydrated,
  withCounts,
} from "../components/search/filters";
import { metaTranslator, pageTitle } from "../utils/meta";
import { Results } from "../components/search/results";
import { clearFiltersHref } from "../components/search/url";
import { jobCard, searchPlaces } from "../modules/jobs/public.server";
import { OCCUPATION_GROUPS } from "../modules/reference/occupation-groups";
import { parseJobSearch, searchJobs } from "../modules/search/public-search.server";
import type { MessageKey } from "../i18n";
import { useI18n } from "../utils/i18n-react";
import { queryOf } from "../utils/text";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("jobs.public.title")) }, { name: "description", content: t("jobs.public.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseJobSearch(queryOf(request));
  const places = await searchPlaces(parsed.province, parsed.commune);
  const search = { ...parsed, province: places.province, commune: places.commune };
  const result = await searchJobs(search);
  return json(
    {
      search,
      provinces: places.provinces,
      communes: places.communes,
      result: { ...result, hits: result.hits.map(jobCard), related: result.related.map(jobCard) },
    },
    { headers: listingCacheHeaders(request) },
  );
}

const FORM = "job-search";
const SORTS = ["relevance", "newest", "wage", "start"] as const;
/** Monthly amounts offered in the "minimum wage wanted" list (a select is easier than typing on a phone). */
const WAGE_STEPS = [3, 4, 5, 6, 7, 8, 10, 12, 15].map((m) => m * 1_000_000);

export default function Jobs() {
  const { search, provinces, communes, result } = useLoaderData<typeof loader>();
  const { t, vnd, locale } = useI18n();
  const location = useLocation();
  const hydrated = useHydrated();
  const facets = result.facets;
  const active =
    [search.province, search.commune, search.group, search.wage].filter(Boolean).length + search.type.length + search.benefit.length;
  const wages = search.wage && !WAGE_STEPS.includes(search.wage) ? [...WAGE_STEPS, search.wage].sort((a, b) => a - b) : WAGE_STEPS;
  const groups = OCCUPATION_GROUPS.filter((g) => g.code !== "0" || search.group === "0" || facets.occupationGroup?.["0"]);

  return (
    <div className="search-page">
      <h1>{t("jobs.public.title")}</h1>
      <p className="lead search-page__lead">{t("jobs.public.lead")}</p>
      <SearchForm id={FORM} action="/jobs" q={search.q} placeholder="search.q.jobs.placeholder" />
      <div className="search-layout">
        <FilterPanel active={active} open={new URLSearchParams(location.search).get("filters") === "open"}>
          {/* Re-mounted for each search so the controls show what the new URL says. */}
          <div className="search-filters__body" key={location.search}>
            <div className="filter-place">
              <SelectFilter
                form={FORM}
                name="province"
                label="search.province"
                value={search.province}
                options={withCounts(
                  provinces.map((p) => ({ value: p.code, label: p.name })),
                  facets.provinceCode,
                  !search.province,
                )}
                onChange={(e) => submitOnChange(e, ["commune"])}
              />
              {hydrated || communes.length > 0 ? null : (
                <button type="submit" form={FORM} name="filters" value="open" className="button button--secondary">
                  {t("register.loadCommunes")}
                </button>
              )}
              <SelectFilter
                form={FORM}
                name="commune"
                label="search.commune"
                value={search.commune}
                disabled={communes.length === 0}
                anyLabel={communes.length ? t("search.any") : t("register.chooseProvinceFirst")}
                options={communes.map((c) => ({ value: c.code, label: c.name }))}
              />
            </div>
            <SelectFilter
              form={FORM}
              name="group"
              label="search.group"
              value={search.group}
              options={withCounts(
                groups.map((g) => ({ value: g.code, label: g[locale] })),
                facets.occupationGroup,
                !search.group,
              )}
            />
            <SelectFilter
              form={FORM}
              name="wage"
              label="search.wage"
              value={search.wage ? String(search.wage) : undefined}
              options={wages.map((w) => ({ value: String(w), label: t("search.wage.atLeast", { amount: vnd(w) }) }))}
            />
            <CheckboxFilter
              form={FORM}
              name="type"
              label="search.type"
              selected={search.type}
              options={withCounts(
                EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`employmentType.${v}` as MessageKey) })),
                facets.employmentType,
                search.type.length === 0,
              )}
            />
            {/* Benefits combine with AND, so their counts stay true while some are ticked. */}
            <CheckboxFilter
              form={FORM}
              name="benefit"
              label="search.benefits"
              selected={search.benefit}
              options={withCounts(
                JOB_BENEFITS.map((v) => ({ value: v, label: t(`benefit.${v}` as MessageKey) })),
                facets.benefits,
                true,
              )}
            />
            <div className="actions">
              <button type="submit" form={FORM} className="button">
                {t("search.applyFilters")}
              </button>
              {active > 0 ? <Link to={clearFiltersHref(location.pathname, location.search)}>{t("search.clear")}</Link> : null}
            </div>
          </div>
        </FilterPanel>
        <Results
          form={FORM}
          kind="jobs"
          query={search.q}
          correctedQuery={result.correctedQuery}
          total={result.total}
          page={result.page}
          totalPages={result.totalPages}
          source={result.source}
          sort={search.sort ?? (search.q ? "relevance" : "newest")}
          sortChosen={search.sort !== undefined}
          related={result.related.map((hit) => (
            <li key={hit.id}>
              <JobCard job={hit} />
            </li>
          ))}
          sorts={SORTS}
          hasFilters={active > 0}
        >
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <JobCard job={hit} />
            </li>
          ))}
        </Results>
      </div>
    </div>
  );
}
