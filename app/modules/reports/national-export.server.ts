import { translator } from "~/i18n";
import { type Actor, audit } from "~/modules/audit/audit.server";

import { db, type Executor } from "../../../db/client.server";
import type { AreaReport } from "./area-report.server";
import { exportContent, exportFileName, type ReportFile, toCsv, toXlsx } from "./export.server";
import type { NationalRequest } from "./national.server";

/**
 * The national report as CSV or XLSX (issue 16): the area's indicators, and a row per province (the
 * country) or per commune (a province). Figures only, always in Vietnamese, audit-logged like every export.
 */
export async function nationalExport(
  actor: Actor,
  request: NationalRequest,
  report: AreaReport,
  format: "csv" | "xlsx",
  executor: Executor = db(),
): Promise<ReportFile> {
  const t = translator("vi");
  const unitName = report.area.level === "nation" ? t("national.country") : report.area.name;
  const subject = { unit: { name: unitName }, period: request.period };
  const rowLabel = report.area.level === "nation" ? t("national.province") : t("reports.byCommune.commune");
  const content = exportContent(subject, report.indicators, report.rows, t, rowLabel);
  const body = format === "csv" ? toCsv(content) : new Uint8Array(await toXlsx(content, t));
  await audit(executor, actor, null, "export", "report", {
    format,
    unit: unitName,
    level: report.area.level,
    areaCode: report.area.code,
    from: request.period.from,
    to: request.period.to,
  });
  return {
    body,
    fileName: exportFileName(subject, t("reports.export.filePrefix"), format),
    contentType:
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}
