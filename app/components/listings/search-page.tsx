import type { SerializeFrom } from "@remix-run/node";
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { EMPLOYMENT_TYPES, JOB_BENEFITS, TRAINING_SUPPORT } from "../../../db/enums";
import type { listingSearchLoader } from "../../http/listings.server";
import type { MessageKey } from "../../i18n";
import { LISTING_KINDS } from "../../modules/listings/kinds";
import { OCCUPATION_GROUPS } from "../../modules/reference/occupation-groups";
import { useI18n } from "../../utils/i18n-react";
import { JobCard, TrainingCard } from "../search/cards";
import { CheckboxFilter, FilterPanel, SearchForm, SelectFilter, submitOnChange, useHydrated, withCounts } from "../search/filters";
import { Results } from "../search/results";
import { clearFiltersHref } from "../search/url";

/*
 * /jobs and /trainings: one search page. The place, the occupation group, the result list and the
 * sorts are the same for both kinds; the kind's own filters and its card come from KIND_PAGES below.
 */

type JobData = SerializeFrom<typeof listingSearchLoader<"job">>;
type TrainingData = SerializeFrom<typeof listingSearchLoader<"training">>;

/** Monthly amounts offered in the "minimum wage wanted" list (a select is easier than typing on a phone). */
const WAGE_STEPS = [3, 4, 5, 6, 7, 8, 10, 12, 15].map((m) => m * 1_000_000);

type KindPage<D> = {
  /** How many of the kind's own filters are set (next to place and group). */
  active: (search: D extends { search: infer S } ? S : never) => number;
  Filters: (props: { data: D; form: string }) => ReactNode;
  /** The result cards, with the names they need from the loader. */
  useCard: (data: D) => (hit: D extends { result: { hits: (infer H)[] } } ? H : never) => ReactNode;
};

const JOB_PAGE: KindPage<JobData> = {
  active: (search) => (search.wage ? 1 : 0) + search.type.length + search.benefit.length,
  Filters: function JobFilters({ data: { search, result }, form }) {
    const { t, vnd } = useI18n();
    const wages = search.wage && !WAGE_STEPS.includes(search.wage) ? [...WAGE_STEPS, search.wage].sort((a, b) => a - b) : WAGE_STEPS;
    return (
      <>
        <SelectFilter
          form={form}
          name="wage"
          label="search.wage"
          value={search.wage ? String(search.wage) : undefined}
          options={wages.map((w) => ({ value: String(w), label: t("search.wage.atLeast", { amount: vnd(w) }) }))}
        />
        <CheckboxFilter
          form={form}
          name="type"
          label="search.type"
          selected={search.type}
          options={withCounts(
            EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`employmentType.${v}` as MessageKey) })),
            result.facets.employmentType,
            search.type.length === 0,
          )}
        />
        {/* Benefits combine with AND, so their counts stay true while some are ticked. */}
        <CheckboxFilter
          form={form}
          name="benefit"
          label="search.benefits"
          selected={search.benefit}
          options={withCounts(
            JOB_BENEFITS.map((v) => ({ value: v, label: t(`benefit.${v}` as MessageKey) })),
            result.facets.benefits,
            true,
          )}
        />
      </>
    );
  },
  useCard: () =>
    function Card(hit) {
      return <JobCard job={hit} />;
    },
};

const TRAINING_PAGE: KindPage<TrainingData> = {
  active: (search) => [search.level, search.free].filter(Boolean).length + search.support.length,
  Filters: function TrainingFilters({ data: { search, result, levels }, form }) {
    const { t, locale } = useI18n();
    return (
      <>
        <SelectFilter
          form={form}
          name="level"
          label="search.level"
          value={search.level}
          options={withCounts(
            levels.map((l) => ({ value: l.code, label: locale === "en" ? l.nameEn : l.nameVi })),
            result.facets.levelCode,
            !search.level,
          )}
        />
        <fieldset className="filter-group">
          <legend className="sr-only">{t("search.free")}</legend>
          <label className="check">
            <input type="checkbox" form={form} name="free" value="1" defaultChecked={search.free === "1"} />
            <span>{t("search.free")}</span>
          </label>
        </fieldset>
        {/* Support options combine with AND, so their counts stay true while some are ticked. */}
        <CheckboxFilter
          form={form}
          name="support"
          label="search.support"
          selected={search.support}
          options={withCounts(
            TRAINING_SUPPORT.map((v) => ({ value: v, label: t(`support.${v}` as MessageKey) })),
            result.facets.support,
            true,
          )}
        />
      </>
    );
  },
  useCard: ({ levels }) => {
    const { locale } = useI18n();
    const levelName = (code: string) => {
      const level = levels.find((l) => l.code === code);
      return level ? (locale === "en" ? level.nameEn : level.nameVi) : code;
    };
    return function Card(hit) {
      return <TrainingCard training={hit} levelName={levelName(hit.levelCode)} />;
    };
  },
};

export function ListingSearchPage(props: { kind: "job"; data: JobData } | { kind: "training"; data: TrainingData }) {
  const page = (props.kind === "job" ? JOB_PAGE : TRAINING_PAGE) as unknown as KindPage<JobData | TrainingData>;
  const data = props.data;
  const { search, provinces, communes, result } = data;
  const config = LISTING_KINDS[props.kind];
  const form = config.search.form;
  const { t, locale } = useI18n();
  const location = useLocation();
  const hydrated = useHydrated();
  const facets = result.facets;
  const card = page.useCard(data);
  const active = [search.province, search.commune, search.group].filter(Boolean).length + page.active(search as never);
  const groups = OCCUPATION_GROUPS.filter((g) => g.code !== "0" || search.group === "0" || facets.occupationGroup?.["0"]);
  const cards = (hits: typeof result.hits) =>
    hits.map((hit) => <li key={hit.id}>{card(hit as never)}</li>);

  return (
    <div className="search-page">
      <h1>{t(config.words.title)}</h1>
      <p className="lead search-page__lead">{t(config.words.lead)}</p>
      <SearchForm id={form} action={config.path} q={search.q} placeholder={config.words.placeholder} />
      <div className="search-layout">
        <FilterPanel active={active} open={new URLSearchParams(location.search).get("filters") === "open"}>
          {/* Re-mounted for each search so the controls show what the new URL says. */}
          <div className="search-filters__body" key={location.search}>
            <div className="filter-place">
              <SelectFilter
                form={form}
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
                <button type="submit" form={form} name="filters" value="open" className="button button--secondary">
                  {t("register.loadCommunes")}
                </button>
              )}
              <SelectFilter
                form={form}
                name="commune"
                label="search.commune"
                value={search.commune}
                disabled={communes.length === 0}
                anyLabel={communes.length ? t("search.any") : t("register.chooseProvinceFirst")}
                options={communes.map((c) => ({ value: c.code, label: c.name }))}
              />
            </div>
            <SelectFilter
              form={form}
              name="group"
              label="search.group"
              value={search.group}
              options={withCounts(
                groups.map((g) => ({ value: g.code, label: g[locale] })),
                facets.occupationGroup,
                !search.group,
              )}
            />
            <page.Filters data={data} form={form} />
            <div className="actions">
              <button type="submit" form={form} className="button">
                {t("search.applyFilters")}
              </button>
              {active > 0 ? <Link to={clearFiltersHref(location.pathname, location.search)}>{t("search.clear")}</Link> : null}
            </div>
          </div>
        </FilterPanel>
        <Results
          form={form}
          kind={config.search.results}
          query={search.q}
          correctedQuery={result.correctedQuery}
          total={result.total}
          page={result.page}
          totalPages={result.totalPages}
          source={result.source}
          sort={search.sort ?? (search.q ? "relevance" : config.search.defaultSort)}
          sortChosen={search.sort !== undefined}
          related={cards(result.related)}
          sorts={config.search.sorts}
          hasFilters={active > 0}
        >
          {cards(result.hits)}
        </Results>
      </div>
    </div>
  );
}
