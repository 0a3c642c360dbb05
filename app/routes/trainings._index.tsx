import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { TRAINING_SUPPORT } from "../../db/enums";
import { listingCacheHeaders, listingHeaders } from "../components/search/cache";
import { TrainingCard } from "../components/search/cards";
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
import { searchPlaces } from "../modules/jobs/public.server";
import { listTrainingLevels } from "../modules/reference/reference.server";
import { OCCUPATION_GROUPS } from "../modules/reference/occupation-groups";
import { parseTrainingSearch, searchTrainings } from "../modules/search/public-search.server";
import { trainingCard } from "../modules/trainings/public.server";
import type { MessageKey } from "../i18n";
import { useI18n } from "../utils/i18n-react";
import { queryOf } from "../utils/text";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("trainings.public.title")) }, { name: "description", content: t("trainings.public.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseTrainingSearch(queryOf(request));
  const [places, levels] = await Promise.all([searchPlaces(parsed.province, parsed.commune), listTrainingLevels()]);
  const search = { ...parsed, province: places.province, commune: places.commune };
  const result = await searchTrainings(search);
  return json(
    {
      search,
      provinces: places.provinces,
      communes: places.communes,
      levels,
      result: { ...result, hits: result.hits.map(trainingCard), related: result.related.map(trainingCard) },
    },
    { headers: listingCacheHeaders(request) },
  );
}

const FORM = "training-search";
const SORTS = ["relevance", "start", "newest", "cost"] as const;

export default function Trainings() {
  const { search, provinces, communes, levels, result } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const location = useLocation();
  const hydrated = useHydrated();
  const facets = result.facets;
  const active = [search.province, search.commune, search.group, search.level, search.free].filter(Boolean).length + search.support.length;
  const groups = OCCUPATION_GROUPS.filter((g) => g.code !== "0" || search.group === "0" || facets.occupationGroup?.["0"]);
  const levelName = (code: string) => {
    const level = levels.find((l) => l.code === code);
    return level ? (locale === "en" ? level.nameEn : level.nameVi) : code;
  };

  return (
    <div className="search-page">
      <h1>{t("trainings.public.title")}</h1>
      <p className="lead search-page__lead">{t("trainings.public.lead")}</p>
      <SearchForm id={FORM} action="/trainings" q={search.q} placeholder="search.q.trainings.placeholder" />
      <div className="search-layout">
        <FilterPanel active={active} open={new URLSearchParams(location.search).get("filters") === "open"}>
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
              name="level"
              label="search.level"
              value={search.level}
              options={withCounts(
                levels.map((l) => ({ value: l.code, label: locale === "en" ? l.nameEn : l.nameVi })),
                facets.levelCode,
                !search.level,
              )}
            />
            <fieldset className="filter-group">
              <legend className="sr-only">{t("search.free")}</legend>
              <label className="check">
                <input type="checkbox" form={FORM} name="free" value="1" defaultChecked={search.free === "1"} />
                <span>{t("search.free")}</span>
              </label>
            </fieldset>
            {/* Support options combine with AND, so their counts stay true while some are ticked. */}
            <CheckboxFilter
              form={FORM}
              name="support"
              label="search.support"
              selected={search.support}
              options={withCounts(
                TRAINING_SUPPORT.map((v) => ({ value: v, label: t(`support.${v}` as MessageKey) })),
                facets.support,
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
          kind="trainings"
          query={search.q}
          correctedQuery={result.correctedQuery}
          total={result.total}
          page={result.page}
          totalPages={result.totalPages}
          source={result.source}
          sort={search.sort ?? (search.q ? "relevance" : "start")}
          sortChosen={search.sort !== undefined}
          related={result.related.map((hit) => (
            <li key={hit.id}>
              <TrainingCard training={hit} levelName={levelName(hit.levelCode)} />
            </li>
          ))}
          sorts={SORTS}
          hasFilters={active > 0}
        >
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <TrainingCard training={hit} levelName={levelName(hit.levelCode)} />
            </li>
          ))}
        </Results>
      </div>
    </div>
  );
}
