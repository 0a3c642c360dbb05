import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ChartFigure } from "~/components/reports/charts";
import { CompareTable } from "~/components/reports/compare-table";
import { periodName } from "~/components/reports/format";
import { IndicatorCards, IndicatorTable } from "~/components/reports/indicator-table";
import { PeriodPicker } from "~/components/reports/period-picker";
import { requireNationalReport } from "~/http/national-report.server";
import { translator } from "~/i18n";
import { formatViDateTime } from "~/i18n/format-more";
import { renderReportCharts } from "~/modules/reports/charts.server";
import type { CompareSort } from "~/modules/reports/rates";
import { todayIso } from "~/utils/clock.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("national.pageTitle")) },
];

/**
 * The country's view (issue 16 §1): the national figures for a period, the provinces side by side with rates
 * per 100, then one province with its communes side by side, then one commune. Figures only: no page below
 * links to a person, and the role holds no permission that reads one (app/auth/permissions.server.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { national, report, locale } = await requireNationalReport(request, { series: true });
  const charts = await renderReportCharts(
    { indicators: report.indicators, monthly: report.monthly, from: national.period.from, to: national.period.to },
    translator(locale),
    locale,
  );
  return json({
    national,
    indicators: report.indicators,
    rows: report.rows,
    level: report.area.level,
    charts,
    computedAt: report.computedAt ? formatViDateTime(report.computedAt) : null,
    today: todayIso(),
  });
}

export default function NationalPage() {
  const { national, indicators, rows, level, charts, computedAt, today } = useLoaderData<typeof loader>();
  const { t, date, locale } = useI18n();
  const { period, province, commune, sort } = national;
  const range = t("reports.periodRange", { from: date(period.from), to: date(period.to) });
  const name = periodName(period, locale);
  const pq = national.periodQuery;
  const provinceQuery = province ? `&province=${province.code}` : "";
  const hrefOf = (code: string) =>
    level === "nation" ? `/national?${pq}&province=${code}` : `/national?${pq}${provinceQuery}&commune=${code}`;
  const sortHref = (s: CompareSort) => `/national?${pq}${provinceQuery}${s === "name" ? "" : `&sort=${s}`}`;
  const title =
    level === "nation"
      ? t("national.title.nation")
      : level === "province"
        ? t("national.title.province", { unit: province!.name })
        : t("national.title.commune", { unit: commune!.name, province: province!.name });
  return (
    <>
      <nav aria-label={t("national.breadcrumb")} className="breadcrumb no-print">
        <ol>
          <li>
            {level === "nation" ? (
              <span aria-current="page">{t("national.country")}</span>
            ) : (
              <Link to={`/national?${pq}`}>{t("national.country")}</Link>
            )}
          </li>
          {province ? (
            <li>
              {level === "province" ? (
                <span aria-current="page">{province.name}</span>
              ) : (
                <Link to={`/national?${pq}&province=${province.code}`}>{province.name}</Link>
              )}
            </li>
          ) : null}
          {commune ? (
            <li>
              <span aria-current="page">{commune.name}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{t("national.lead")}</p>
      <dl className="report-facts">
        <div>
          <dt>{t("reports.periodLabel")}</dt>
          <dd>
            {t(`reports.period.${period.preset}`)}: {name === range ? range : `${name} (${range})`}
          </dd>
        </div>
      </dl>
      <p className="hint" data-computed={computedAt ? "summary" : "live"}>
        {computedAt ? t("reports.computedAt", { time: computedAt }) : t("reports.live")}
      </p>
      {national.notice ? (
        <p className="alert alert--info" role="status">
          {t(national.notice)}
        </p>
      ) : null}
      <PeriodPicker
        period={period}
        commune={commune?.code ?? null}
        province={province?.code ?? null}
        today={today}
        action="/national"
      />

      <IndicatorCards indicators={indicators} />

      {rows.length ? (
        <section className="report-communes">
          <h2>{t(level === "nation" ? "national.compare.title.nation" : "national.compare.title.province")}</h2>
          <p className="hint no-print">{t("national.compare.hint")}</p>
          <CompareTable
            rows={rows}
            total={indicators}
            sort={sort}
            caption={t(level === "nation" ? "national.compare.title.nation" : "national.compare.title.province")}
            areaLabel={level === "nation" ? t("national.province") : t("reports.byCommune.commune")}
            hrefOf={hrefOf}
            sortHref={sortHref}
          />
          <p className="hint">{t("national.rate.hint")}</p>
        </section>
      ) : null}

      <section className="report-charts">
        <h2>{t("reports.charts.title")}</h2>
        <div className="report-charts__grid">
          {charts.map((chart) => (
            <ChartFigure key={chart.id} chart={chart} dataLabel={t("reports.charts.data")} />
          ))}
        </div>
      </section>

      <div className="report-layout">
        <section className="report-main">
          <IndicatorTable indicators={indicators} caption={`${t("reports.table.caption")} (${range})`} />
        </section>
        <aside className="report-side no-print">
          <section className="card">
            <h2>{t("reports.export.title")}</h2>
            <ul className="list report-actions">
              <li>
                <a href={`/national/export.xlsx?${national.query}`} download>
                  {t("reports.export.xlsx")}
                </a>
              </li>
              <li>
                <a href={`/national/export.csv?${national.query}`} download>
                  {t("reports.export.csv")}
                </a>
              </li>
            </ul>
            <p className="hint">{t("reports.export.hint")}</p>
          </section>
        </aside>
      </div>
    </>
  );
}
