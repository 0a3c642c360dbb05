import { Link } from "@remix-run/react";
import { COMMUNE_TABLE_KEYS, numberedLines, type Indicators } from "../../modules/reports/indicator-keys";
import { useI18n } from "../../utils/i18n-react";
import { useFigureFormat } from "./format";

/** The numbered indicator table, in the order of the HCD-12/13 forms. */
export function IndicatorTable({ indicators, caption }: { indicators: Indicators; caption: string }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  return (
    <div className="table-scroll">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.table.number")}</th>
            <th scope="col">{t("reports.table.indicator")}</th>
            <th scope="col" className="num">
              {t("reports.table.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {numberedLines().map((line) =>
            line.kind === "section" ? (
              <tr key={line.id} className="report-table__section">
                <th scope="rowgroup">{line.number}</th>
                <th scope="rowgroup" colSpan={2}>
                  {t(`reports.section.${line.id}`)}
                </th>
              </tr>
            ) : (
              <tr key={line.key} className={line.sub ? "report-table__sub" : undefined} data-indicator={line.key}>
                <td>{line.number}</td>
                <th scope="row">{t(`reports.indicator.${line.key}`)}</th>
                <td className="num">{format(line.key, indicators[line.key])}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export type CommuneRow = { code: string; name: string; indicators: Indicators };

/** The province's drill-down: one row per commune, the name linking to that commune's own report. */
export function CommuneTable({ rows, total, linkQuery }: { rows: CommuneRow[]; total: Indicators; linkQuery: string }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  return (
    <div className="table-scroll">
      <table className="report-table report-table--communes">
        <caption>{t("reports.byCommune.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.byCommune.commune")}</th>
            {COMMUNE_TABLE_KEYS.map((k) => (
              <th scope="col" key={k} className="num">
                {t(`reports.indicator.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-commune={row.code}>
              <th scope="row">
                <Link to={`/officer/reports?${linkQuery}${linkQuery ? "&" : ""}commune=${row.code}`}>{row.name}</Link>
              </th>
              {COMMUNE_TABLE_KEYS.map((k) => (
                <td key={k} className="num">
                  {format(k, row.indicators[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("reports.byCommune.total")}</th>
            {COMMUNE_TABLE_KEYS.map((k) => (
              <td key={k} className="num">
                {format(k, total[k])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
