import { parse } from "csv-parse/sync";
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { listCommunes } from "~/modules/admin-units/admin-units.server";
import { COUNT_KEYS, zeroIndicators } from "~/modules/reports/indicator-keys";
import { computeIndicators, computeIndicatorsByCommune } from "~/modules/reports/indicators.server";
import * as reportPage from "~/routes/officer.reports._index";
import * as csvExport from "~/routes/officer.reports.export[.]csv";
import * as xlsxExport from "~/routes/officer.reports.export[.]xlsx";
import * as hcd12 from "~/routes/officer.reports.hcd12";
import * as hcd13 from "~/routes/officer.reports.hcd13";
import { setClock } from "~/utils/clock.server";

import { auditEvent, reintegrationModel } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { type Generated, generateReportData, OUTSIDE_COMMUNE, REPORT_COMMUNES } from "../factories/report-data";
import { expectedIndicators } from "../factories/report-oracle";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, type RouteHandler, routeRequest } from "../setup/routes";

const ctx = setupIntegration();
const db = () => ctx.handle.db;

let data: Generated;
beforeAll(async () => {
  data = await generateReportData(db());
}, 120_000);

const PERIODS = [
  { from: "2024-03-01", to: "2024-03-31" }, // a month (HCD-12)
  { from: "2024-04-01", to: "2024-06-30" }, // a quarter
  { from: "2025-01-01", to: "2025-06-30" }, // a half-year
  { from: "2025-01-01", to: "2025-12-31" }, // a year
  { from: "2023-06-01", to: "2026-06-30" }, // since a model's launch
  { from: "2024-07-14", to: "2024-07-14" }, // one day
];

describe("honest figures: every indicator equals its recomputation from the raw rows", () => {
  it("the data is varied enough for the comparison to mean something", () => {
    const all = expectedIndicators(data, { communeCodes: [...REPORT_COMMUNES], from: "2023-01-01", to: "2026-06-30" });
    // Every count is non-zero over the whole span, so a broken filter cannot hide behind a 0 = 0.
    for (const key of COUNT_KEYS) expect.soft(all[key], key).toBeGreaterThan(0);
  });

  for (const period of PERIODS) {
    it(`both communes together, ${period.from} – ${period.to}`, async () => {
      const input = { communeCodes: [...REPORT_COMMUNES], ...period };
      expect(await computeIndicators(db(), input)).toEqual(expectedIndicators(data, input));
    });

    it(`each commune alone and the drill-down rows, ${period.from} – ${period.to}`, async () => {
      const rows = await computeIndicatorsByCommune(db(), { communeCodes: [...REPORT_COMMUNES], ...period });
      expect(rows.map((r) => r.code).sort()).toEqual([...REPORT_COMMUNES].sort());
      for (const row of rows) {
        const input = { communeCodes: [row.code], ...period };
        const expected = expectedIndicators(data, input);
        expect(row.indicators, row.code).toEqual(expected);
        expect(await computeIndicators(db(), input), row.code).toEqual(expected);
      }
    });

    it(`filtered to the model's persons, ${period.from} – ${period.to}`, async () => {
      const input = { communeCodes: [...REPORT_COMMUNES], ...period, modelId: data.models[0]!.id };
      const expected = expectedIndicators(data, input);
      expect(await computeIndicators(db(), input)).toEqual(expected);
      expect(expected).not.toEqual(expectedIndicators(data, { ...input, modelId: undefined }));
    });
  }

  it("a commune outside the scope never leaks in, and an empty scope is all zeros", async () => {
    const period = { from: "2023-01-01", to: "2026-06-30" };
    const outside = await computeIndicators(db(), { communeCodes: [OUTSIDE_COMMUNE], ...period });
    expect(outside.received).toBeGreaterThan(0);
    expect(outside).toEqual(expectedIndicators(data, { communeCodes: [OUTSIDE_COMMUNE], ...period }));
    expect(await computeIndicators(db(), { communeCodes: [], ...period })).toEqual(zeroIndicators());
    expect(await computeIndicatorsByCommune(db(), { communeCodes: [], ...period })).toEqual([]);
  });
});

describe("report pages and exports", () => {
  const call = async (handler: RouteHandler, path: string, cookie: string) =>
    callRoute(handler, routeRequest(path, { cookie }));
  let namDaOfficer: string;
  let namDaOfficerId: string;
  let otherOfficer: string;
  let admin: string;
  let trickyModelId: string;

  beforeAll(async () => {
    const a = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    namDaOfficerId = a.id;
    namDaOfficer = await cookieFor(a.id);
    otherOfficer = await cookieFor((await createUser({ role: "officer", communeCodes: [UNITS.luongSon] })).id);
    admin = await cookieFor((await createUser({ role: "admin", provinceCode: UNITS.lamDong })).id);
    // A name typed by a user that a spreadsheet would run as a formula.
    const [model] = await db()
      .insert(reintegrationModel)
      .values({
        name: '=HYPERLINK("http://example.com/x","Bấm vào")',
        provinceCode: UNITS.lamDong,
        communeCode: UNITS.namDa,
        launchedOn: "2024-01-01",
      })
      .returning();
    trickyModelId = model!.id;
  });

  it("an officer's commune report shows the period, the unit, the computed figures and three SVG charts with text alternatives", async () => {
    setClock({ at: new Date("2025-05-20T03:00:00Z") });
    try {
      const res = await call(reportPage.loader as RouteHandler, "/officer/reports?period=last_quarter", namDaOfficer);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        report: { period: { from: string; to: string }; unit: { name: string; level: string } };
        indicators: Record<string, number>;
        byCommune: unknown[];
        charts: { svg: string; svgNarrow: string; title: string; table: { rows: unknown[] } }[];
      };
      expect(body.report.period).toMatchObject({ from: "2025-01-01", to: "2025-03-31" });
      expect(body.report.unit).toMatchObject({ level: "commune", name: "Xã Nam Đà" });
      expect(body.indicators).toEqual(
        expectedIndicators(data, { communeCodes: [UNITS.namDa], from: "2025-01-01", to: "2025-03-31" }),
      );
      expect(body.byCommune).toEqual([]);
      expect(body.charts).toHaveLength(3);
      for (const chart of body.charts) {
        // Each chart is drawn wide (desktop) and narrow (phone): both accessible, both without styles.
        for (const svg of [chart.svg, chart.svgNarrow]) {
          expect(svg).toMatch(/^<svg[^>]* role="img"[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
          // The CSP forbids inline styles and scripts: the markup has neither.
          expect(svg).not.toMatch(/style=|<style|<script|on[a-z]+=/i);
        }
        expect(chart.table.rows.length).toBeGreaterThan(0);
      }
    } finally {
      setClock(undefined);
    }
  });

  it("typed dates choose a custom period by themselves, in the page, the exports and the printable form", async () => {
    // What the picker sends without JavaScript when only the dates were typed over (the list still on
    // "This month"), and a bare URL with the dates only.
    const typed = "period=this_month&from=2024-10-01&to=2024-12-31&shownFrom=2026-12-01&shownTo=2026-12-31";
    for (const q of [typed, "from=2024-10-01&to=2024-12-31"]) {
      const res = await call(reportPage.loader as RouteHandler, `/officer/reports?${q}`, namDaOfficer);
      const body = (await res.json()) as { report: { notice?: string; period: unknown; query: string } };
      expect(body.report.period, q).toEqual({ preset: "custom", from: "2024-10-01", to: "2024-12-31" });
      expect(body.report.notice).toBeUndefined();
      // The links to the exports and the forms carry the custom period.
      expect(body.report.query).toBe("from=2024-10-01&to=2024-12-31");
    }
    const form = await call(hcd13.loader as RouteHandler, `/officer/reports/hcd13?${typed}`, namDaOfficer);
    expect(((await form.json()) as { report: { period: unknown } }).report.period).toEqual({
      preset: "custom",
      from: "2024-10-01",
      to: "2024-12-31",
    });
  });

  it("a bad period falls back to this month with a notice, never a 500", async () => {
    for (const q of [
      "from=2025-02-30&to=2025-03-01",
      "from=2025-05-01&to=2025-01-01",
      "from=2000-01-01&to=2025-01-01",
      "period=decade",
      "from=abc&to=",
    ]) {
      const res = await call(reportPage.loader as RouteHandler, `/officer/reports?${q}`, namDaOfficer);
      expect(res.status, q).toBe(200);
      const body = (await res.json()) as { report: { notice?: string; period: { preset: string } } };
      expect(body.report.notice, q).toMatch(/^reports\.period\./);
      expect(body.report.period.preset).toBe("this_month");
    }
  });

  it("another commune's officer gets 404 for ?commune and for a model outside their reach; malformed values too", async () => {
    for (const path of [
      `/officer/reports?commune=${UNITS.namDa}`,
      `/officer/reports?model=${data.models[0]!.id}`,
      "/officer/reports?commune=abc",
      "/officer/reports?model=not-a-uuid",
    ]) {
      expect((await call(reportPage.loader as RouteHandler, path, otherOfficer)).status, path).toBe(404);
      expect(
        (
          await call(
            csvExport.loader as RouteHandler,
            path.replace("/officer/reports", "/officer/reports/export.csv"),
            otherOfficer,
          )
        ).status,
        path,
      ).toBe(404);
    }
    // The Nam Đà officer may not narrow to Krông Nô either, though it is in the same province.
    expect(
      (await call(reportPage.loader as RouteHandler, `/officer/reports?commune=${UNITS.krongNo}`, namDaOfficer)).status,
    ).toBe(404);
  });

  it("the provincial admin sees the province with a row per commune, and drills down to one commune", async () => {
    const period = "from=2024-01-01&to=2024-12-31";
    const res = await call(reportPage.loader as RouteHandler, `/officer/reports?${period}`, admin);
    const body = (await res.json()) as {
      report: { unit: { level: string; name: string; communeCodes: string[] } };
      indicators: unknown;
      byCommune: { code: string; indicators: unknown }[];
    };
    expect(body.report.unit).toMatchObject({ level: "province", name: "Tỉnh Lâm Đồng" });
    const province = await listCommunes(UNITS.lamDong);
    expect(body.byCommune.map((r) => r.code).sort()).toEqual(province.map((c) => c.code).sort());
    expect(body.byCommune.find((r) => r.code === UNITS.namDa)!.indicators).toEqual(
      expectedIndicators(data, { communeCodes: [UNITS.namDa], from: "2024-01-01", to: "2024-12-31" }),
    );
    // The province's total is the sum of its communes, except persons counselled, counted once.
    expect(body.indicators).toEqual(
      expectedIndicators(data, { communeCodes: province.map((c) => c.code), from: "2024-01-01", to: "2024-12-31" }),
    );

    const drill = (await (
      await call(reportPage.loader as RouteHandler, `/officer/reports?${period}&commune=${UNITS.namDa}`, admin)
    ).json()) as { report: { unit: { level: string } }; indicators: unknown; byCommune: unknown[] };
    expect(drill.report.unit.level).toBe("commune");
    expect(drill.byCommune).toEqual([]);
    expect(drill.indicators).toEqual(
      expectedIndicators(data, { communeCodes: [UNITS.namDa], from: "2024-01-01", to: "2024-12-31" }),
    );
    // A commune of another province is outside the admin's reach.
    expect(
      (await call(reportPage.loader as RouteHandler, `/officer/reports?commune=${UNITS.luongSon}`, admin)).status,
    ).toBe(404);
  });

  it("the XLSX export reads back with Vietnamese headers, numbers as numbers, a neutralised formula, and is audit-logged", async () => {
    const res = await call(
      xlsxExport.loader as RouteHandler,
      `/officer/reports/export.xlsx?from=2024-01-01&to=2025-12-31&model=${trickyModelId}`,
      namDaOfficer,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe(
      'attachment; filename="bao-cao_xa-nam-da_2024-01-01_2025-12-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const cells = rows.map((r) => r.slice(1));
    expect(cells[0]).toEqual(["Đơn vị", "Xã Nam Đà"]);
    expect(cells[2]).toEqual(["Mô hình", `'=HYPERLINK("http://example.com/x","Bấm vào")`]);
    const head = cells.find((r) => r[0] === "STT")!;
    expect(head).toEqual(["STT", "Chỉ tiêu", "Số liệu"]);
    const received = cells.find((r) => r[1] === "Người chấp hành xong án phạt tù về địa phương trong kỳ")!;
    expect(typeof received[2]).toBe("number");
    // No cell anywhere holds a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorId, namDaOfficerId), eq(auditEvent.action, "export")))
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(event).toMatchObject({
      personId: null,
      purpose: "report",
      details: expect.objectContaining({ format: "xlsx", from: "2024-01-01", to: "2025-12-31" }),
    });
  });

  it("the CSV export parses, starts with a BOM, carries the figures and a neutralised formula; the province's has a column per commune", async () => {
    const res = await call(
      csvExport.loader as RouteHandler,
      `/officer/reports/export.csv?from=2025-01-01&to=2025-06-30&model=${trickyModelId}`,
      namDaOfficer,
    );
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const records = parse(new TextDecoder().decode(bytes), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(records[2]).toEqual(["Mô hình", `'=HYPERLINK("http://example.com/x","Bấm vào")`]);
    expect(records[3]).toEqual(["STT", "Chỉ tiêu", "Số liệu"]);
    const expected = expectedIndicators(data, {
      communeCodes: [UNITS.namDa],
      from: "2025-01-01",
      to: "2025-06-30",
      modelId: trickyModelId,
    });
    const counselling = records.find((r) => r[1] === "Buổi tư vấn")!;
    expect(Number(counselling[2])).toBe(expected.counselling);

    const province = parse(
      await (
        await call(csvExport.loader as RouteHandler, "/officer/reports/export.csv?from=2025-01-01&to=2025-06-30", admin)
      ).text(),
      { relax_column_count: true, skip_empty_lines: true },
    ) as string[][];
    const head = province.find((r) => r[0] === "STT")!;
    expect(head.slice(0, 3)).toEqual(["STT", "Chỉ tiêu", "Tổng cộng"]);
    expect(head).toContain("Xã Nam Đà");
    const received = province.find((r) => r[1] === "Người chấp hành xong án phạt tù về địa phương trong kỳ")!;
    const all = expectedIndicators(data, {
      communeCodes: (await listCommunes(UNITS.lamDong)).map((c) => c.code),
      from: "2025-01-01",
      to: "2025-06-30",
    });
    expect(Number(received[2])).toBe(all.received);
    expect(Number(received[head.indexOf("Xã Nam Đà")])).toBe(
      expectedIndicators(data, { communeCodes: [UNITS.namDa], from: "2025-01-01", to: "2025-06-30" }).received,
    );
  });

  it("the printable HCD-12 and HCD-13 pages carry the same figures", async () => {
    for (const page of [hcd12, hcd13]) {
      const body = (await (
        await call(page.loader as RouteHandler, "/officer/reports/hcd12?from=2024-03-01&to=2024-03-31", namDaOfficer)
      ).json()) as { indicators: unknown };
      expect(body.indicators).toEqual(
        expectedIndicators(data, { communeCodes: [UNITS.namDa], from: "2024-03-01", to: "2024-03-31" }),
      );
    }
    expect(
      (await call(hcd13.loader as RouteHandler, `/officer/reports/hcd13?commune=${UNITS.namDa}`, otherOfficer)).status,
    ).toBe(404);
  });
});
