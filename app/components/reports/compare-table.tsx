import { Link } from "@remix-run/react";

import { formatPercent } from "~/i18n/format-more";
import type { Indicators } from "~/modules/reports/indicator-keys";
import { COMPARE_COUNT_KEYS, type CompareSort, RATE_KEYS, rateOf, sortCompareRows } from "~/modules/reports/rates";
import { useI18n } from "~/utils/i18n-react";

export type CompareRow = { code: string; name: string; indicators: Indicators };

/**
 * Areas side by side (the country's provinces, or a province's communes): what each has, and the rates per
 * 100 that make large and small places comparable. Column headings are links that sort (works without
 * JavaScript); the area's name opens its own figures. The name stays in view while the figures scroll.
 */
export function CompareTable({
  rows,
  total,
  sort,
  caption,
  areaLabel,
  hrefOf,
  sortHref,
}: {
  rows: CompareRow[];
  total: Indicators;
  sort: CompareSort;
  caption: string;
  areaLabel: string;
  hrefOf: (code: string) => string;
  sortHref: (sort: CompareSort) => string;
}) {
  const { t, number, locale } = useI18n();
  const rate = (value: number | null) =>
    value === null ? t("reports.table.none") : formatPercent(value / 100, locale === "vi" ? "vi" : "en");
  const heading = (key: CompareSort, label: string, className?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort === key ? (key === "name" ? "ascending" : "descending") : undefined}
    >
      <Link to={sortHref(key)} preventScrollReset>
        {label}
      </Link>
      {sort === key ? <span className="sr-only"> ({t("national.compare.sortedBy")})</span> : null}
    </th>
  );
  return (
    <div
      className="table-scroll report-communes__scroll-box"
      tabIndex={0}
      role="region"
      aria-labelledby="compare-caption"
    >
      <table className="report-table report-table--communes" data-compare>
        <caption id="compare-caption">{caption}</caption>
        <thead>
          <tr>
            {heading("name", areaLabel)}
            {COMPARE_COUNT_KEYS.map((k) => heading(k, t(`reports.indicator.${k}`), "num"))}
            {RATE_KEYS.map((k) => heading(k, t(`national.rate.${k}`), "num"))}
          </tr>
        </thead>
        <tbody>
          {sortCompareRows(rows, sort).map((row) => (
            <tr key={row.code} data-area={row.code}>
              <th scope="row">
                <Link to={hrefOf(row.code)}>{row.name}</Link>
              </th>
              {COMPARE_COUNT_KEYS.map((k) => (
                <td key={k} className="num">
                  {number(row.indicators[k])}
                </td>
              ))}
              {RATE_KEYS.map((k) => (
                <td key={k} className="num" data-rate={k}>
                  {rate(rateOf(k, row.indicators))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("national.compare.total")}</th>
            {COMPARE_COUNT_KEYS.map((k) => (
              <td key={k} className="num">
                {number(total[k])}
              </td>
            ))}
            {RATE_KEYS.map((k) => (
              <td key={k} className="num">
                {rate(rateOf(k, total))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
