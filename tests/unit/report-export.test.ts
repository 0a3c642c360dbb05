import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { translator } from "~/i18n";
import { exportContent, exportFileName, toCsv, toXlsx } from "~/modules/reports/export.server";
import { COUNT_KEYS, numberedLines, zeroIndicators } from "~/modules/reports/indicator-keys";
import type { ReportRequest } from "~/modules/reports/report.server";
import { neutralise } from "~/utils/csv.server";

const t = translator("vi");
const request = (overrides: Partial<ReportRequest> = {}): ReportRequest => ({
  unit: { level: "commune", name: "Xã Nam Đà", provinceName: "Tỉnh Lâm Đồng", communeCodes: ["24697"] },
  period: { preset: "custom", from: "2023-06-01", to: "2025-05-20" },
  drillDown: false,
  query: "from=2023-06-01&to=2025-05-20",
  ...overrides,
});
const figures = () => ({
  ...zeroIndicators(),
  received: 35,
  counselling: 379,
  loanAmount: 250_000_000,
  averageWage: 5_350_000,
  reoffendingRate: 0,
  stillEmployed6m: 0.75,
});

describe("formula injection", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])("neutralises %j", (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });
  it.each(["Xã Nam Đà", "5+1", "1-2", "a=b", "'=already"])("leaves %j alone", (text) => {
    expect(neutralise(text)).toBe(text);
  });
});

describe("the export's content", () => {
  it("has a numbered row for every indicator, in the form's order, with the unit, period and model first", () => {
    const content = exportContent(
      request({ model: { id: "m", name: "=cmd|' /C calc'!A0", launchedOn: "2023-06-01" } }),
      figures(),
      [],
      t,
    );
    expect(content.meta).toEqual([
      ["Đơn vị", "Xã Nam Đà"],
      ["Kỳ báo cáo", "Từ ngày 01/06/2023 đến ngày 20/05/2025"],
      ["Mô hình", "=cmd|' /C calc'!A0"],
    ]);
    expect(content.head).toEqual(["STT", "Chỉ tiêu", "Số liệu"]);
    expect(content.rows).toHaveLength(numberedLines().length);
    const keys = content.formats.filter(Boolean);
    for (const key of COUNT_KEYS) expect(keys).toContain(key);
    expect(content.rows[0]).toEqual(["I", "Tình hình tiếp nhận, quản lý", null]);
    expect(content.rows[1]).toEqual(["1", "Người chấp hành xong án phạt tù về địa phương trong kỳ", 35]);
    expect(content.rows[2]![0]).toBe("a");
  });

  it("writes CSV with a BOM, CRLF, quoted fields and neutralised text; null figures are empty", () => {
    const csv = toCsv(
      exportContent(
        request({ model: { id: "m", name: '=HYPERLINK("http://x","y")', launchedOn: "2023-06-01" } }),
        figures(),
        [],
        t,
      ),
    );
    expect(csv.startsWith("\uFEFFĐơn vị,Xã Nam Đà\r\n")).toBe(true);
    const rows = parse(csv.slice(1), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[2]).toEqual(["Mô hình", `'=HYPERLINK("http://x","y")`]);
    expect(rows.find((r) => r[1] === "Buổi tư vấn")![2]).toBe("379");
    expect(rows.find((r) => r[1] === "Tỷ lệ còn làm việc sau 12 tháng")![2]).toBe("");
    expect(rows.find((r) => r[1] === "Tỷ lệ còn làm việc sau 6 tháng")![2]).toBe("0.7500");
  });

  it("writes XLSX with numbers as numbers (formatted) and the per-commune sheet for a province", async () => {
    const a = { code: "24697", name: "Xã Nam Đà", indicators: { ...zeroIndicators(), received: 30 } };
    const b = { code: "24688", name: "@Xã lạ", indicators: { ...zeroIndicators(), received: 5 } };
    const province = request({
      unit: {
        level: "province",
        name: "Tỉnh Lâm Đồng",
        provinceName: "Tỉnh Lâm Đồng",
        communeCodes: ["24697", "24688"],
      },
      drillDown: true,
    });
    const buffer = await toXlsx(exportContent(province, figures(), [a, b], t), t);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Theo xã"]);
    const sheet = workbook.worksheets[0]!;
    const head = sheet.getRow(4);
    expect([
      head.getCell(1).value,
      head.getCell(2).value,
      head.getCell(3).value,
      head.getCell(4).value,
      head.getCell(5).value,
    ]).toEqual(["STT", "Chỉ tiêu", "Tổng cộng", "Xã Nam Đà", "'@Xã lạ"]);
    const received = sheet.getRow(6);
    expect([received.getCell(3).value, received.getCell(4).value, received.getCell(5).value]).toEqual([35, 30, 5]);
    expect(received.getCell(3).numFmt).toBe("#,##0");
    const communes = workbook.worksheets[1]!;
    expect(communes.getRow(1).getCell(1).value).toBe("Xã, phường");
    expect(communes.getRow(1).getCell(2).value).toBe("Người chấp hành xong án phạt tù về địa phương trong kỳ");
    expect(communes.getRow(2).getCell(2).value).toBe(30);
    expect(communes.getRow(4).getCell(1).value).toBe("Tổng cộng");
  });

  it("names the file after the unit and the period, in ASCII", () => {
    expect(exportFileName(request(), "bao-cao", "xlsx")).toBe("bao-cao_xa-nam-da_2023-06-01_2025-05-20.xlsx");
    expect(
      exportFileName(
        request({ unit: { level: "province", name: "Tỉnh Lâm Đồng", provinceName: "", communeCodes: [] } }),
        "bao-cao",
        "csv",
      ),
    ).toBe("bao-cao_tinh-lam-dong_2023-06-01_2025-05-20.csv");
  });
});
