import { Link, useLoaderData } from "@remix-run/react";

import { TableScroll } from "~/components/table-scroll";
import type { reportFormLoader } from "~/http/report-request.server";
import { formatDate, formatNumber, formatVnd, translator } from "~/i18n";
import { formatPercent } from "~/i18n/format-more";
import {
  COMMUNE_TABLE_KEYS,
  formatOf,
  type IndicatorKey,
  type Indicators,
  numberedLines,
} from "~/modules/reports/indicator-keys";
import type { Period } from "~/modules/reports/periods";
import { useI18n } from "~/utils/i18n-react";

import { periodName } from "./format";
import type { CommuneRow } from "./indicator-table";

/** The page of a printable form (the routes officer.reports.hcd12 and hcd13): the loader's report on the form. */
export function ReportFormPage({ form }: { form: ReportFormProps["form"] }) {
  const { report, indicators, byCommune, today } = useLoaderData<typeof reportFormLoader>();
  return (
    <ReportForm
      form={form}
      unit={report.unit}
      period={report.period}
      model={report.model}
      indicators={indicators}
      byCommune={byCommune}
      today={today}
      backQuery={report.query}
    />
  );
}

export type ReportFormProps = {
  form: "hcd12" | "hcd13";
  unit: { level: "commune" | "communes" | "province"; name: string; provinceName: string };
  period: Period;
  model?: { name: string };
  indicators: Indicators;
  byCommune: CommuneRow[];
  today: string;
  backQuery: string;
};

// The form is always in Vietnamese (it goes upward on paper); only the toolbar speaks the reader's language.
const t = translator("vi");
const upper = (s: string) => s.toLocaleUpperCase("vi");
function figure(key: IndicatorKey, value: number | null): string {
  if (value === null) return "—";
  const f = formatOf(key);
  if (f === "vnd") return formatVnd(value, "vi");
  if (f === "share") return formatPercent(value, "vi");
  return formatNumber(value, "vi");
}

/** A printable page laid out like the HCD-12 (monthly) and HCD-13 (quarter, half-year, year) forms. */
export function ReportForm({ form, unit, period, model, indicators, byCommune, today, backQuery }: ReportFormProps) {
  const ui = useI18n().t;
  const periodText = periodName(period, "vi");
  return (
    <>
      <div className="no-print print-toolbar">
        <Link to={`/officer/reports?${backQuery}`}>{ui("reports.backToReport")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {ui("reports.print.button")}
        </button>
        <p className="hint">{ui("reports.print.howTo")}</p>
      </div>
      <article className="report-form" lang="vi">
        <p className="report-form__code">{t(form === "hcd12" ? "reports.form.code12" : "reports.form.code13")}</p>
        <header className="report-form__head">
          <div>
            {unit.level !== "province" ? (
              <p>{upper(t("reports.form.authority", { unit: unit.provinceName }))}</p>
            ) : null}
            <p>
              <strong>
                {upper(
                  t("reports.form.authority", { unit: unit.level === "province" ? unit.provinceName : unit.name }),
                )}
              </strong>
            </p>
            <p>{t("reports.form.number")}</p>
          </div>
          <div>
            <p>
              <strong>{t("reports.form.nation")}</strong>
            </p>
            <p>
              <strong>{t("reports.form.motto")}</strong>
            </p>
          </div>
        </header>
        <h1>{t(form === "hcd12" ? "reports.form.title12" : "reports.form.title13")}</h1>
        <p className="report-form__period">{periodText}</p>
        <p>{t("reports.form.unitLine", { unit: unit.name })}</p>
        {model ? <p>{t("reports.form.modelLine", { name: model.name })}</p> : null}
        <table className="report-form__table">
          <thead>
            <tr>
              <th scope="col">{t("reports.table.number")}</th>
              <th scope="col">{t("reports.table.indicator")}</th>
              <th scope="col">{t("reports.table.value")}</th>
            </tr>
          </thead>
          <tbody>
            {numberedLines().map((line) =>
              line.kind === "section" ? (
                <tr key={line.id} className="report-form__section">
                  <td>{line.number}</td>
                  <td colSpan={2}>{t(`reports.section.${line.id}`)}</td>
                </tr>
              ) : (
                <tr key={line.key} className={line.sub ? "report-form__sub" : undefined} data-indicator={line.key}>
                  <td>{line.number}</td>
                  <td>{t(`reports.indicator.${line.key}`)}</td>
                  <td className="num">{figure(line.key, indicators[line.key])}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        {byCommune.length ? (
          <>
            <h2>{t("reports.form.communeTable")}</h2>
            {/* One column per indicator: wider than a phone, so it scrolls on its own (printed, it fits the page). */}
            <TableScroll label={t("reports.form.communeTable")}>
              <table className="report-form__table report-form__table--communes">
                <thead>
                  <tr>
                    <th scope="col">{t("reports.table.number")}</th>
                    <th scope="col">{t("reports.byCommune.commune")}</th>
                    {COMMUNE_TABLE_KEYS.map((k) => (
                      <th scope="col" key={k}>
                        {t(`reports.indicator.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {byCommune.map((row, i) => (
                    <tr key={row.code}>
                      <td>{i + 1}</td>
                      <td>{row.name}</td>
                      {COMMUNE_TABLE_KEYS.map((k) => (
                        <td key={k} className="num">
                          {figure(k, row.indicators[k])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : null}
        <p className="report-form__source">{t("reports.form.source", { date: formatDate(today, "vi") })}</p>
        <p className="report-form__place">{t("reports.form.place")}</p>
        <div className="report-form__signatures">
          <div className="report-form__recipients">
            <p>
              <strong>
                <em>{t("reports.form.recipients")}</em>
              </strong>
            </p>
            <p>{t("reports.form.recipientUp")}</p>
            <p>{t("reports.form.recipientCommittee")}</p>
            <p>{t("reports.form.recipientFile")}</p>
          </div>
          <div>
            <p>
              <strong>{t("reports.form.preparer")}</strong>
            </p>
            <p className="hint">{t("reports.form.signHint")}</p>
          </div>
          <div>
            <p>
              <strong>{t("reports.form.head")}</strong>
            </p>
            <p className="hint">{t("reports.form.headHint")}</p>
          </div>
        </div>
      </article>
    </>
  );
}
