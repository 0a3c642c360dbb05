import { TableScroll } from "~/components/table-scroll";
import { formatPercent } from "~/i18n/format-more";
import type { FairReport } from "~/modules/job-fairs/report.server";
import { useI18n } from "~/utils/i18n-react";

const TOTALS = [
  "employers",
  "openings",
  "registered",
  "attended",
  "absent",
  "pending",
  "interviews",
  "hires",
  "placements",
] as const;

/** The session's figures, then one line per employer; a share is shown as a percentage ("—" when nobody came). */
export function FairReportTable({ report }: { report: FairReport }) {
  const { t, number, locale } = useI18n();
  const percent = (v: number | null) => (v === null ? "—" : formatPercent(v, locale === "vi" ? "vi" : "en"));
  const { totals, employers } = report;
  return (
    <>
      <table className="figures-table fair-report__totals">
        <caption>{t("events.report.totals")}</caption>
        <tbody>
          {TOTALS.map((k) => (
            <tr key={k} data-figure={k}>
              <th scope="row">{t(`events.report.total.${k}`)}</th>
              <td>{number(totals[k])}</td>
            </tr>
          ))}
          <tr data-figure="hireRate">
            <th scope="row">{t("events.report.total.hireRate")}</th>
            <td>{percent(totals.hireRate)}</td>
          </tr>
        </tbody>
      </table>
      <TableScroll label={t("events.report.byEmployer")}>
        <table className="figures-table figures-table--communes fair-report__employers">
          <caption>{t("events.report.byEmployer")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("events.fair.employer")}</th>
              <th scope="col">{t("events.fair.openings")}</th>
              <th scope="col">{t("events.report.total.interviews")}</th>
              <th scope="col">{t("events.report.total.hires")}</th>
              <th scope="col">{t("events.report.total.placements")}</th>
            </tr>
          </thead>
          <tbody>
            {employers.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("events.fair.employers.empty")}</td>
              </tr>
            ) : (
              employers.map((e) => (
                <tr key={e.organizationId} data-organization={e.organizationId}>
                  <th scope="row">{e.name}</th>
                  <td>{number(e.openings)}</td>
                  <td data-figure="interviews">{number(e.interviews)}</td>
                  <td data-figure="hires">{number(e.hires)}</td>
                  <td data-figure="placements">{number(e.placements)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
