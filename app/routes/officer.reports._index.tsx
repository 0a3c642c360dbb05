import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ChartFigure } from "~/components/reports/charts";
import { periodName } from "~/components/reports/format";
import { CommuneTable, IndicatorCards, IndicatorTable } from "~/components/reports/indicator-table";
import { PeriodPicker } from "~/components/reports/period-picker";
import { requireReport } from "~/http/report-request.server";
import { translator } from "~/i18n";
import { formatViDateTime } from "~/i18n/format-more";
import { renderReportCharts } from "~/modules/reports/charts.server";
import { formOfPeriod, periodQuery } from "~/modules/reports/periods";
import { loadReportFigures } from "~/modules/reports/report.server";
import { todayIso } from "~/utils/clock.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("reports.pageTitle")) }];

/**
 * The commune report (an officer's communes) or the province report (a provincial admin) for a period.
 * Read on a phone first: after the period picker come the headline figures as cards, the charts, the row
 * per commune to drill down (a province), then the numbered indicators with the exports and the printable
 * HCD-12/13 forms. See docs/decisions/025-reports-on-a-phone.md.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { report, locale, scope } = await requireReport(request);
  const { indicators, byCommune, monthly, computedAt } = await loadReportFigures(report);
  const charts = await renderReportCharts(
    { indicators, monthly, from: report.period.from, to: report.period.to },
    translator(locale),
    locale,
  );
  const params = new URL(request.url).searchParams;
  return json({
    report,
    indicators,
    byCommune,
    charts,
    // A province's standard periods come from the report summary (decision 043): say when it was computed.
    computedAt: computedAt ? formatViDateTime(computedAt) : null,
    form: formOfPeriod(report.period),
    // The picker fills in a preset's dates in the browser (JavaScript), relative to the report's today.
    today: todayIso(),
    commune: params.get("commune"),
    canDrillUp: scope.communeCodes === null || scope.communeCodes.length > 1,
    // The drill-down links keep the period and the model, and add the commune.
    linkQuery: [periodQuery(report.period), report.model ? `model=${report.model.id}` : ""].filter(Boolean).join("&"),
  });
}

/** "Xã Nam Đà" → "xã Nam Đà", as it reads inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

export default function ReportPage() {
  const { report, indicators, byCommune, charts, form, commune, canDrillUp, linkQuery, today, computedAt } =
    useLoaderData<typeof loader>();
  const { t, date, locale } = useI18n();
  const { unit, period, model } = report;
  const range = t("reports.periodRange", { from: date(period.from), to: date(period.to) });
  const name = periodName(period, locale);
  return (
    <>
      {commune && canDrillUp ? (
        <p className="persons-back no-print">
          <Link to={`/officer/reports?${linkQuery}`}>{t("reports.backToProvince")}</Link>
        </p>
      ) : null}
      <h1>{t(`reports.title.${unit.level}`, { unit: lowerFirst(unit.name) })}</h1>
      <p className="lead">{t("reports.lead")}</p>
      <dl className="report-facts">
        <div>
          <dt>{t("reports.unit")}</dt>
          <dd>{unit.level === "province" ? unit.name : `${unit.name} (${unit.provinceName})`}</dd>
        </div>
        <div>
          <dt>{t("reports.periodLabel")}</dt>
          <dd>
            {t(`reports.period.${period.preset}`)}: {name === range ? range : `${name} (${range})`}
          </dd>
        </div>
        {model ? (
          <div>
            <dt>{t("reports.model")}</dt>
            <dd>{model.name}</dd>
          </div>
        ) : null}
      </dl>
      {report.notice ? (
        <p className="alert alert--info" role="status">
          {t(report.notice)}
        </p>
      ) : null}
      {model ? <p className="hint">{t("reports.modelNote", { name: model.name })}</p> : null}
      {computedAt ? (
        <p className="hint" data-computed="summary">
          {t("reports.computedAt", { time: computedAt })}
        </p>
      ) : null}
      <PeriodPicker period={period} commune={commune} model={model?.id} today={today} />

      <IndicatorCards indicators={indicators} />

      <section className="report-charts">
        <h2>{t("reports.charts.title")}</h2>
        <div className="report-charts__grid">
          {charts.map((chart) => (
            <ChartFigure key={chart.id} chart={chart} dataLabel={t("reports.charts.data")} />
          ))}
        </div>
      </section>

      {byCommune.length ? (
        <section className="report-communes">
          <h2>{t("reports.byCommune.title")}</h2>
          <p className="hint no-print">{t("reports.byCommune.hint")}</p>
          <CommuneTable rows={byCommune} total={indicators} linkQuery={linkQuery} />
        </section>
      ) : null}

      <div className="report-layout">
        <section className="report-main">
          <IndicatorTable indicators={indicators} caption={`${t("reports.table.caption")} (${range})`} />
        </section>
        <aside className="report-side no-print">
          <section className="card">
            <h2>{t("reports.export.title")}</h2>
            <ul className="list report-actions">
              <li>
                <a href={`/officer/reports/export.xlsx?${report.query}`} download>
                  {t("reports.export.xlsx")}
                </a>
              </li>
              <li>
                <a href={`/officer/reports/export.csv?${report.query}`} download>
                  {t("reports.export.csv")}
                </a>
              </li>
            </ul>
            <p className="hint">{t("reports.export.hint")}</p>
          </section>
          <section className="card">
            <h2>{t("reports.print.title")}</h2>
            <ul className="list report-actions">
              <li className={form === "hcd12" ? "report-actions__suggested" : undefined}>
                <Link to={`/officer/reports/hcd12?${report.query}`}>{t("reports.print.hcd12")}</Link>
              </li>
              <li className={form === "hcd13" ? "report-actions__suggested" : undefined}>
                <Link to={`/officer/reports/hcd13?${report.query}`}>{t("reports.print.hcd13")}</Link>
              </li>
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}
