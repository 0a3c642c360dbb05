import { readFile } from "node:fs/promises";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, DESKTOP, PHONE, screenshot, setupBrowser } from "../setup/browser";

/*
 * Issue 16 §1, "done when": the national account drills from the country to a commune in Chromium and cannot
 * reach a person. The 5+1 pilot of xã Nam Đà (db/seed/five-plus-one-plan.ts) gives the commune figures the
 * officer's own report shows (tests/e2e/reports.test.ts): the same numbers must arrive by the national road.
 */

const e2e = setupBrowser({ ownApp: {} });

const PILOT = "2019-01-01";
const ARTICLE = "2022-04-08";
/** Xã Nam Đà's published figures over the pilot (the article), as the officer's report has them. */
const PUBLISHED = { received: 35, reoffended: 0, referredToTraining: 2, placed: 4 } as const;
/** Demo persons' names: none may appear on any page the national account sees. */
const PERSONS = ["Nguyễn Văn H", "Lê Văn Toàn", "Y Thành Niê", "Bùi Thị Thu", "Trần Thị Hằng"];

const digits = (text: string) => Number(text.replace(/\D/g, ""));

async function indicatorTable(page: Page): Promise<Record<string, number | null>> {
  const rows = await page
    .locator("table.report-table tr[data-indicator]")
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-indicator")!, tr.querySelector("td.num")?.textContent ?? ""] as const),
    );
  return Object.fromEntries(rows.map(([key, text]) => [key, /\d/.test(text) ? digits(text) : null]));
}

/** Every link of the page's main content, and that none leads to a person's page or names one. */
async function expectNoPerson(page: Page) {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const toPersons = hrefs.filter((h) => !/^\/national([/?]|$)/.test(h));
  expect(toPersons, `links out of the national view on ${page.url()}`).toEqual([]);
  const text = await page.locator("body").innerText();
  for (const name of PERSONS) expect(text, page.url()).not.toContain(name);
}

describe("the national account drills from the country to a commune", () => {
  it("country → Lâm Đồng → xã Nam Đà, the pilot's figures on arrival, no person anywhere", async () => {
    const page = await e2e.pageAs(DEMO.national, { viewport: DESKTOP });
    await page.goto("/");
    await page.goto("/national");
    await page.locator("main h1").filter({ hasText: "toàn quốc" }).waitFor();
    // Every province side by side, with both rates.
    const provinces = page.locator("table[data-compare] tbody tr[data-area]");
    expect(await provinces.count()).toBe(34);
    expect(await page.locator("table[data-compare] thead th").allInnerTexts()).toEqual(
      expect.arrayContaining(["Tỷ lệ có việc làm (trên người được quản lý)"]),
    );
    await expectNoPerson(page);

    // The pilot's period, typed in the picker (a custom period), kept by every link below.
    const picker = page.locator("form.report-picker");
    await picker.locator('select[name="period"]').selectOption("custom");
    await picker.locator('input[name="from"]').fill(PILOT);
    await picker.locator('input[name="to"]').fill(ARTICLE);
    await picker.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get("from") === PILOT && url.searchParams.get("to") === ARTICLE);

    // Sorting by a rate is a link (works without JavaScript) and keeps the period.
    await page.locator('table[data-compare] thead a[href*="sort=placedPer100"]').click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "placedPer100");
    // The table re-rendered in its new order: the sorted column's heading says so.
    await page.locator('table[data-compare] thead th[aria-sort="descending"] a[href*="sort=placedPer100"]').waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe(PILOT);
    // Highest rate first, provinces without one ("—") last.
    const rates = (await page.locator('table[data-compare] tbody td[data-rate="placedPer100"]').allInnerTexts()).map(
      (text) => (/\d/.test(text) ? Number(text.replace(/[^\d,]/g, "").replace(",", ".")) : -1),
    );
    expect(rates.some((r) => r > 0)).toBe(true);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    await screenshot(page, "national-country-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "national-country-phone");
    await page.setViewportSize(DESKTOP);

    await provinces
      .filter({ has: page.locator('a:text-is("Tỉnh Lâm Đồng")') })
      .locator("a")
      .click();
    await page.waitForURL((url) => url.searchParams.get("province") === "68");
    await page.locator("main h1").filter({ hasText: "Lâm Đồng" }).waitFor();
    expect(await page.locator("nav.breadcrumb").innerText()).toContain("Việt Nam");
    const communes = page.locator("table[data-compare] tbody tr[data-area]");
    expect(await communes.count()).toBeGreaterThan(100);
    await expectNoPerson(page);

    await communes
      .filter({ has: page.locator('a:text-is("Xã Nam Đà")') })
      .locator("a")
      .click();
    await page.waitForURL((url) => url.searchParams.get("commune") === "24697");
    await page.locator("main h1").filter({ hasText: "Nam Đà" }).waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe(PILOT);
    // A commune is the bottom: no table of anything below it, the pilot's figures as the officer has them.
    expect(await page.locator("table[data-compare]").count()).toBe(0);
    expect(await indicatorTable(page)).toMatchObject(PUBLISHED);
    await expectNoPerson(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, "national-commune-phone");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);

    // The commune's export: figures, in Vietnamese.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('main a[href^="/national/export.csv?"]').click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("Xã Nam Đà");
    for (const name of PERSONS) expect(csv).not.toContain(name);

    // Person pages stay closed, whatever is typed.
    for (const path of ["/officer/persons", "/officer/reports?commune=24697", "/officer/candidates"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
  });
});
