import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { JobCard, TrainingCard } from "~/components/search/cards";
import {
  CheckboxFilter,
  FilterPanel,
  SearchForm,
  SelectFilter,
  submitOnChange,
  useHydrated,
  withCounts,
} from "~/components/search/filters";
import { Results } from "~/components/search/results";
import { clearFiltersHref } from "~/components/search/url";
import type { listingSearchLoader } from "~/http/listings.server";
import type { MessageKey } from "~/i18n";
import { LISTING_KINDS } from "~/modules/listings/kinds";
import { OCCUPATION_GROUPS } from "~/modules/reference/occupation-groups";
import { useI18n } from "~/utils/i18n-react";

import { EMPLOYMENT_TYPES, JOB_BENEFITS, TRAINING_SUPPORT } from "../../../db/enums";

/*
 * /jobs and /trainings: one search page. The place, the occupation group, the result list and the
 * sorts are the same for both kinds; the kind's own filters and its card come from KIND_PAGES below.
 */

type JobData = SerializeFrom<typeof listingSearchLoader<"job">>;
type TrainingData = SerializeFrom<typeof listingSearchLoader<"training">>;

/** Monthly amounts offered in the "minimum wage wanted" list (a select is easier than typing on a phone). */
const WAGE_STEPS = [3, 4, 5, 6, 7, 8, 10, 12, 15].map((m) => m * 1_000_000);

/** One of a kind's own filters, as data: a select, a group of checkboxes, or a single "only …" box. */
type FilterSpec = { name: string; label: MessageKey } & (
  | { type: "select"; value: string | undefined; options: { value: string; label: string }[] }
  | { type: "checkbox"; selected: string[]; options: { value: string; label: string }[] }
  | { type: "flag"; checked: boolean }
);

type KindPage<D> = {
  filters: (data: D, i18n: ReturnType<typeof useI18n>) => FilterSpec[];
  /** The result cards, with the names they need from the loader. */
  useCard: (data: D) => (hit: D extends { result: { hits: (infer H)[] } } ? H : never) => ReactNode;
};

const JOB_PAGE: KindPage<JobData> = {
  filters: ({ search, result: { facets } }, { t, vnd }) => {
    const wages =
      search.wage && !WAGE_STEPS.includes(search.wage)
        ? [...WAGE_STEPS, search.wage].sort((a, b) => a - b)
        : WAGE_STEPS;
    return [
      {
        type: "select",
        name: "wage",
        label: "search.wage",
        value: search.wage ? String(search.wage) : undefined,
        options: wages.map((w) => ({ value: String(w), label: t("search.wage.atLeast", { amount: vnd(w) }) })),
      },
      {
        type: "checkbox",
        name: "type",
        label: "search.type",
        selected: search.type,
        options: withCounts(
          EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`employmentType.${v}` as MessageKey) })),
          facets.employmentType,
          search.type.length === 0,
        ),
      },
      // Benefits combine with AND, so their counts stay true while some are ticked.
      {
        type: "checkbox",
        name: "benefit",
        label: "search.benefits",
        selected: search.benefit,
        options: withCounts(
          JOB_BENEFITS.map((v) => ({ value: v, label: t(`benefit.${v}` as MessageKey) })),
          facets.benefits,
          true,
        ),
      },
    ];
  },
  useCard: () =>
    function Card(hit) {
      return <JobCard job={hit} />;
    },
};

const TRAINING_PAGE: KindPage<TrainingData> = {
  filters: ({ search, result: { facets }, levels }, { t, locale }) => [
    {
      type: "select",
      name: "level",
      label: "search.level",
      value: search.level,
      options: withCounts(
        levels.map((l) => ({ value: l.code, label: locale === "en" ? l.nameEn : l.nameVi })),
        facets.levelCode,
        !search.level,
      ),
    },
    { type: "flag", name: "free", label: "search.free", checked: search.free === "1" },
    // Support options combine with AND, so their counts stay true while some are ticked.
    {
      type: "checkbox",
      name: "support",
      label: "search.support",
      selected: search.support,
      options: withCounts(
        TRAINING_SUPPORT.map((v) => ({ value: v, label: t(`support.${v}` as MessageKey) })),
        facets.support,
        true,
      ),
    },
  ],
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

/** How many of the filters are set: a chosen value, a ticked flag, each ticked checkbox. */
function activeCount(filters: FilterSpec[]): number {
  return filters.reduce(
    (n, f) =>
      n + (f.type === "select" ? (f.value ? 1 : 0) : f.type === "flag" ? (f.checked ? 1 : 0) : f.selected.length),
    0,
  );
}

/**
 * "Nhận thông báo khi có việc mới phù hợp": a logged-in person saves the search as it stands (words and
 * filters, a plain POST to /me/saved); a visitor gets a link to log in and come back; other roles see nothing.
 */
function SaveSearch({ kind, search }: { kind: "job" | "training"; search: Record<string, unknown> }) {
  const { t } = useI18n();
  const root = useRouteLoaderData("root") as { user: { role: string } | null } | undefined;
  const user = root?.user ?? null;
  if (user && user.role !== "person") return null;
  // The search as the page understood it (bad parameters already dropped), without its page and order.
  const fields = Object.entries(search).flatMap(([key, value]) =>
    key === "page" || key === "sort" || value === undefined || value === null || value === ""
      ? []
      : (Array.isArray(value) ? value : [value]).map((v) => [key, String(v)] as const),
  );
  if (!user) {
    const query = new URLSearchParams(fields.map(([k, v]) => [k, v])).toString();
    const here = `${LISTING_KINDS[kind].path}${query ? `?${query}` : ""}`;
    return (
      <p className="save-search">
        <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t(`alerts.save.login.${kind}`)}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action="/me/saved" className="save-search">
      <input type="hidden" name="intent" value="saveSearch" />
      <input type="hidden" name="kind" value={kind} />
      {fields.map(([key, value], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" className="button button--secondary">
        {t(`alerts.save.${kind}`)}
      </button>
      <span className="hint">{t("alerts.save.hint")}</span>
    </Form>
  );
}

function KindFilter({ filter, form }: { filter: FilterSpec; form: string }) {
  const { t } = useI18n();
  if (filter.type === "select")
    return (
      <SelectFilter form={form} name={filter.name} label={filter.label} value={filter.value} options={filter.options} />
    );
  if (filter.type === "checkbox") {
    return (
      <CheckboxFilter
        form={form}
        name={filter.name}
        label={filter.label}
        selected={filter.selected}
        options={filter.options}
      />
    );
  }
  return (
    <fieldset className="filter-group">
      <legend className="sr-only">{t(filter.label)}</legend>
      <label className="check">
        <input type="checkbox" form={form} name={filter.name} value="1" defaultChecked={filter.checked} />
        <span>{t(filter.label)}</span>
      </label>
    </fieldset>
  );
}

export function ListingSearchPage(props: { kind: "job"; data: JobData } | { kind: "training"; data: TrainingData }) {
  const page = (props.kind === "job" ? JOB_PAGE : TRAINING_PAGE) as unknown as KindPage<JobData | TrainingData>;
  const data = props.data;
  const { search, provinces, communes, result } = data;
  const config = LISTING_KINDS[props.kind];
  const form = config.search.form;
  const location = useLocation();
  const hydrated = useHydrated();
  const facets = result.facets;
  const i18n = useI18n();
  const { t, locale } = i18n;
  const card = page.useCard(data);
  const filters = page.filters(data, i18n);
  const active = [search.province, search.commune, search.group].filter(Boolean).length + activeCount(filters);
  const groups = OCCUPATION_GROUPS.filter(
    (g) => g.code !== "0" || search.group === "0" || facets.occupationGroup?.["0"],
  );
  const cards = (hits: typeof result.hits) => hits.map((hit) => <li key={hit.id}>{card(hit as never)}</li>);

  return (
    <div className="search-page">
      <h1>{t(config.words.title)}</h1>
      <p className="lead search-page__lead">{t(config.words.lead)}</p>
      <SearchForm id={form} action={config.path} q={search.q} placeholder={config.words.placeholder} />
      <SaveSearch kind={props.kind} search={search} />
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
            {filters.map((filter) => (
              <KindFilter key={filter.name} filter={filter} form={form} />
            ))}
            <div className="actions">
              <button type="submit" form={form} className="button">
                {t("search.applyFilters")}
              </button>
              {active > 0 ? (
                <Link to={clearFiltersHref(location.pathname, location.search)}>{t("search.clear")}</Link>
              ) : null}
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
