import ExcelJS from "exceljs";

import { formatDate, type Translate, translator } from "~/i18n";
import { type Actor, audit } from "~/modules/audit/audit.server";
import { neutralise, toCsv as writeCsv } from "~/utils/csv.server";
import { foldText } from "~/utils/text";

import { db, type Executor } from "../../../db/client.server";
import { COUNT_KEYS, formatOf, type IndicatorKey, type Indicators, numberedLines, RATIO_KEYS } from "./indicator-keys";
import type { CommuneIndicators } from "./indicators.server";
import { loadReportTables, type ReportRequest } from "./report.server";

/**
 * The report as a spreadsheet: CSV (UTF-8 with a BOM so Excel reads the Vietnamese headers) and XLSX
 * (ExcelJS; numbers stay numbers with a number format). Aggregates only: no person is named. Every text
 * cell is neutralised against formula injection (a model's name is typed by users).
 */

type Cell = string | number | null;

export type ExportContent = {
  meta: [string, string][];
  /** The indicator table: number, label, value (the total), and one value per commune for a province. */
  head: string[];
  rows: Cell[][];
  /** Per commune (sheet 2 of the workbook): code, name, every indicator. */
  communeHead: string[];
  communeRows: Cell[][];
  formats: (IndicatorKey | null)[];
};

const ALL_KEYS: IndicatorKey[] = [...COUNT_KEYS, ...RATIO_KEYS];

/** What an export is about: a unit's name, a period, perhaps a model (an officer's report or a national one). */
export type ExportSubject = {
  unit: { name: string };
  period: { from: string; to: string };
  model?: { name: string };
};

/**
 * `byCommune` are the rows one level down: communes for a province, provinces for the country
 * (`rowLabel` names that column: "Xã, phường" unless told).
 */
export function exportContent(
  request: ExportSubject,
  indicators: Indicators,
  byCommune: Pick<CommuneIndicators, "name" | "indicators">[],
  t: Translate,
  rowLabel: string = t("reports.byCommune.commune"),
): ExportContent {
  const meta: [string, string][] = [
    [t("reports.unit"), request.unit.name],
    [
      t("reports.periodLabel"),
      t("reports.periodRange", {
        from: formatDate(request.period.from, "vi"),
        to: formatDate(request.period.to, "vi"),
      }),
    ],
  ];
  if (request.model) meta.push([t("reports.model"), request.model.name]);
  const head = [
    t("reports.table.number"),
    t("reports.table.indicator"),
    byCommune.length ? t("reports.byCommune.total") : t("reports.table.value"),
    ...byCommune.map((c) => c.name),
  ];
  const rows: Cell[][] = [];
  const formats: (IndicatorKey | null)[] = [];
  for (const line of numberedLines()) {
    if (line.kind === "section") {
      rows.push([line.number, t(`reports.section.${line.id}`), null, ...byCommune.map(() => null)]);
      formats.push(null);
    } else {
      rows.push([
        line.number,
        t(`reports.indicator.${line.key}`),
        indicators[line.key],
        ...byCommune.map((c) => c.indicators[line.key]),
      ]);
      formats.push(line.key);
    }
  }
  const communeHead = [rowLabel, ...ALL_KEYS.map((k) => t(`reports.indicator.${k}`))];
  const communeRows: Cell[][] = byCommune.map((c) => [c.name, ...ALL_KEYS.map((k) => c.indicators[k])]);
  if (byCommune.length) communeRows.push([t("reports.byCommune.total"), ...ALL_KEYS.map((k) => indicators[k])]);
  return { meta, head, rows, communeHead, communeRows, formats };
}

/** CSV: the unit and period first, a blank line, then the indicator table (communes as extra columns); ratios to 4 decimals. */
export function toCsv(content: ExportContent): string {
  const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4));
  return writeCsv([...content.meta, [], content.head, ...content.rows], { formatNumber });
}

const NUMBER_FORMAT = { count: "#,##0", vnd: "#,##0", share: "0.0%" } as const;

function writeCell(cell: ExcelJS.Cell, value: Cell, key: IndicatorKey | null) {
  if (value === null) return;
  if (typeof value === "number") {
    cell.value = value;
    if (key) cell.numFmt = NUMBER_FORMAT[formatOf(key)];
  } else {
    cell.value = neutralise(value);
  }
}

export async function toXlsx(content: ExportContent, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chung Tay";
  const sheet = workbook.addWorksheet(t("reports.export.sheetIndicators"));
  content.meta.forEach(([label, value]) => {
    const row = sheet.addRow([]);
    writeCell(row.getCell(1), label, null);
    writeCell(row.getCell(2), value, null);
    row.getCell(1).font = { bold: true };
  });
  sheet.addRow([]);
  const headRow = sheet.addRow([]);
  content.head.forEach((h, i) => writeCell(headRow.getCell(i + 1), h, null));
  headRow.font = { bold: true };
  content.rows.forEach((cells, r) => {
    const row = sheet.addRow([]);
    cells.forEach((v, i) => writeCell(row.getCell(i + 1), v, content.formats[r] ?? null));
    if (content.formats[r] === null) row.font = { bold: true };
  });
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 60;
  for (let i = 3; i <= content.head.length; i++) sheet.getColumn(i).width = 16;

  if (content.communeRows.length) {
    const communes = workbook.addWorksheet(t("reports.export.sheetCommunes"));
    const head = communes.addRow([]);
    content.communeHead.forEach((h, i) => writeCell(head.getCell(i + 1), h, null));
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: "top" };
    for (const cells of content.communeRows) {
      const row = communes.addRow([]);
      cells.forEach((v, i) => writeCell(row.getCell(i + 1), v, i === 0 ? null : ALL_KEYS[i - 1]!));
    }
    communes.getColumn(1).width = 28;
    communes.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "bao-cao_xa-nam-da_2025-01-01_2025-03-31": ASCII only, safe in any header and file system. */
export function exportFileName(request: ExportSubject, prefix: string, extension: "csv" | "xlsx"): string {
  const slug = foldText(request.unit.name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${prefix}_${slug || "don-vi"}_${request.period.from}_${request.period.to}.${extension}`;
}

export type ReportFile = { body: string | Uint8Array<ArrayBuffer>; fileName: string; contentType: string };

/** The export a route answers with: computed from the records, always in Vietnamese, and audit-logged. */
export async function reportExport(
  actor: Actor,
  request: ReportRequest,
  format: "csv" | "xlsx",
  executor: Executor = db(),
): Promise<ReportFile> {
  const { indicators, byCommune } = await loadReportTables(request, executor);
  const t = translator("vi");
  const content = exportContent(request, indicators, byCommune, t);
  const body = format === "csv" ? toCsv(content) : new Uint8Array(await toXlsx(content, t));
  // No person is named in a report, so the event has no person id: what was exported is in the details.
  await audit(executor, actor, null, "export", "report", {
    format,
    unit: request.unit.name,
    communeCodes: request.unit.communeCodes,
    from: request.period.from,
    to: request.period.to,
    modelId: request.model?.id ?? null,
  });
  return {
    body,
    fileName: exportFileName(request, t("reports.export.filePrefix"), format),
    contentType:
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

export function fileResponse(file: ReportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
