import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator, type MessageKey } from "../../app/i18n";
import { DEMO, DESKTOP, PHONE, screenshot, setupBrowser } from "../setup/browser";

/*
 * Issue 6, done when: the Nam Đà officer opens the commune report for the demo period and sees the 5+1
 * model's figures (db/seed/five-plus-one.ts), exports them to an Excel file with Vietnamese headers, and
 * the provincial admin of Lâm Đồng drills down from the province to that commune. An app of its own, so
 * persons other browser tests register in Nam Đà do not change the figures.
 */

const e2e = setupBrowser({ ownApp: {} });
const vi = translator("vi");
const en = translator("en");

const LAUNCH = "2023-06-01";
const ADMIN_LAM_DONG = "admin.lamdong@chungtay.test";
/** Vietnam's calendar date: the report's "today". */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const PUBLISHED = { received: 35, counselling: 379, procedureHelps: 156, placed: 14, referredToTraining: 22, reoffended: 0 } as const;

const digits = (text: string) => Number(text.replace(/\D/g, ""));

/** Every figure of the report's indicator table, by indicator key (as printed, digits only; "—" is null). */
async function indicatorTable(page: Page): Promise<Record<string, number | null>> {
  const rows = await page.locator("table.report-table tr[data-indicator]").evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute("data-indicator")!, tr.querySelector("td.num")?.textContent ?? ""] as const),
  );
  return Object.fromEntries(rows.map(([key, text]) => [key, /\d/.test(text) ? digits(text) : null]));
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
}

describe("the 5+1 figures of xã Nam Đà in the reports", () => {
  let officerFigures: Record<string, number | null> = {};

  it("the Nam Đà officer picks the demo period and reads the published figures", async () => {
    const page = await e2e.pageAs(DEMO.officerNamDa, { viewport: DESKTOP });
    await page.goto("/officer/reports");
    await page.locator("main h1").filter({ hasText: "Báo cáo xã Nam Đà" }).waitFor();

    // The period picker: a custom period from the model's launch until today.
    const picker = page.locator("form.report-picker");
    await picker.locator('select[name="period"]').selectOption("custom");
    await picker.locator('input[name="from"]').fill(LAUNCH);
    await picker.locator('input[name="to"]').fill(today());
    await picker.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get("from") === LAUNCH && url.searchParams.get("to") === today());
    await page.locator("table.report-table caption").filter({ hasText: `${LAUNCH.split("-").reverse().join("/")}` }).waitFor();

    officerFigures = await indicatorTable(page);
    expect(officerFigures).toMatchObject(PUBLISHED);
    expect(officerFigures.apprenticeships).toBe(2);
    expect(officerFigures.localBusiness).toBe(4);
    expect(officerFigures.averageWage).toBeGreaterThan(5_000_000);
    expect(officerFigures.meetingAttendances).toBe(560);
    // The labels are Vietnamese, and the figure is on the row it belongs to.
    const received = page.locator('tr[data-indicator="received"]');
    expect(await received.locator("th").innerText()).toBe(vi("reports.indicator.received"));
    await shoot(page, "reports-commune-5plus1");

    // The Excel export of the same report.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('main a[href^="/officer/reports/export.xlsx?"]').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao_xa-nam-da_${LAUNCH}_${today()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(vi("reports.export.sheetIndicators"));
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === vi("reports.table.number"));
    const headerKeys: MessageKey[] = ["reports.table.number", "reports.table.indicator", "reports.table.value"];
    expect(header).toEqual(headerKeys.map((k) => vi(k)));
    // Vietnamese, not the English catalogue: "Chỉ tiêu", "Số liệu".
    expect(header).not.toEqual(headerKeys.map((k) => en(k)));
    expect(rows.find((r) => r[0] === vi("reports.unit"))?.[1]).toBe("Xã Nam Đà");
    const valueOf = (key: keyof typeof PUBLISHED) => rows.find((r) => r[1] === vi(`reports.indicator.${key}`))?.[2];
    for (const [key, value] of Object.entries(PUBLISHED)) expect(valueOf(key as keyof typeof PUBLISHED), key).toBe(value);
  });

  it("the provincial admin of Lâm Đồng drills down from the province to xã Nam Đà and sees the same figures", async () => {
    const page = await e2e.pageAs(ADMIN_LAM_DONG, { viewport: DESKTOP });
    await page.goto(`/officer/reports?from=${LAUNCH}&to=${today()}`);
    await page.locator("main h1").filter({ hasText: "Lâm Đồng" }).waitFor();

    // The commune table: Nam Đà's row carries the model's figures under the matching column headings.
    const table = page.locator("table.report-table--communes");
    const headings = await table.locator("thead th").allInnerTexts();
    const namDa = table.locator('tbody tr[data-commune="24697"]');
    const cells = await namDa.locator("th, td").allInnerTexts();
    const column = (key: string) => digits(cells[headings.indexOf(vi(`reports.indicator.${key}` as MessageKey))] ?? "x");
    for (const [key, value] of Object.entries(PUBLISHED)) expect(column(key), key).toBe(value);
    await shoot(page, "reports-province-lam-dong");

    await namDa.locator("a").click();
    await page.waitForURL((url) => url.searchParams.get("commune") === "24697");
    await page.locator("main h1").filter({ hasText: "Báo cáo xã Nam Đà" }).waitFor();
    expect(await page.locator("main").innerText()).toContain(vi("reports.backToProvince"));
    const drilled = await indicatorTable(page);
    expect(drilled).toMatchObject(PUBLISHED);
    // Everything the officer saw, figure for figure (the same rows, the same period).
    expect(Object.keys(officerFigures).length).toBeGreaterThan(30);
    expect(drilled).toEqual(officerFigures);
    await shoot(page, "reports-province-drilldown-nam-da");
  });
});
