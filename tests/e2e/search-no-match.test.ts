import { describe, expect, it } from "vitest";

import { DESKTOP, mainText, PHONE, screenshot, setupBrowser, switchLanguage, waitForMainText } from "../setup/browser";

/**
 * Issue 11, "search that finds nothing real" (docs/decisions/026), on a 360 px phone with and without
 * JavaScript, against the demo marketplace the app seeds.
 */
const e2e = setupBrowser();

describe.each([
  ["without JavaScript", false],
  ["with JavaScript", true],
])("public search %s", (_label, javaScriptEnabled) => {
  const tag = javaScriptEnabled ? "js" : "nojs";

  it("says plainly that no job matches “phi công” and shows related jobs under their own heading", async () => {
    const page = await e2e.page({ viewport: PHONE, javaScriptEnabled });
    await page.goto("/jobs?q=phi+c%C3%B4ng");
    const text = await mainText(page);
    expect(text).toContain("Không có tin nào khớp với “phi công”.");
    expect(text).toContain("0 kết quả");
    const related = page.getByRole("heading", { name: "Có thể bạn quan tâm" });
    expect(await related.isVisible()).toBe(true);
    // The related jobs are listed apart from the (empty) results, never in the results list.
    expect(await page.locator("section.related-listings li").count()).toBeGreaterThan(0);
    expect(await page.locator(".search-results > ol.result-list").count()).toBe(0);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `search-no-match-phone-${tag}`);
    if (!javaScriptEnabled) {
      await page.setViewportSize(DESKTOP);
      await screenshot(page, "search-no-match-desktop");
    }
  });

  it("finds the motorbike repair job for “sua xe mai” and says which words it searched", async () => {
    const page = await e2e.page({ viewport: PHONE, javaScriptEnabled });
    await page.goto("/jobs");
    await page.locator('main input[name="q"]').first().fill("sua xe mai");
    await page.locator('main input[name="q"]').first().press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "sua xe mai");
    await page.locator(".search-corrected").waitFor();
    expect(await page.locator(".search-corrected").innerText()).toContain("“sua xe máy”");
    expect(await page.locator(".search-results > ol.result-list li").first().innerText()).toContain("Thợ sửa xe máy");
    expect(await page.getByRole("heading", { name: "Có thể bạn quan tâm" }).count()).toBe(0);
    await screenshot(page, `search-corrected-phone-${tag}`);
  });

  it("a query typed on the course list is sorted by relevance, not by the list's default start date", async () => {
    const page = await e2e.page({ viewport: PHONE, javaScriptEnabled });
    await page.goto("/trainings");
    expect(await page.locator("#sort option:checked").innerText()).toBe("Sắp bắt đầu");
    await page.locator('main input[name="q"]').first().fill("han dien");
    await page.locator('main input[name="q"]').first().press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "han dien");
    await page.locator("#sort option:checked", { hasText: "Phù hợp nhất" }).waitFor({ state: "attached" });
    // Without JavaScript the browser sends "sort=" (no order chosen); with it, no sort at all.
    expect(new URL(page.url()).searchParams.get("sort") ?? "").toBe("");
    // An order the visitor chose is kept for the next query.
    await page.locator("#sort").selectOption({ label: "Sắp bắt đầu" });
    if (!javaScriptEnabled) await page.getByRole("button", { name: "Áp dụng", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "start");
    await page.locator('main input[name="q"]').first().fill("sua xe");
    await page.locator('main input[name="q"]').first().press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "sua xe");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("start");
  });
});

it("a course query that matches nothing says so in English too", async () => {
  const page = await e2e.page({ viewport: PHONE, javaScriptEnabled: false });
  await page.goto("/trainings?q=k%E1%BA%BF+to%C3%A1n+tr%C6%B0%E1%BB%9Fng");
  expect(await mainText(page)).toContain("Không có khóa học nào khớp với “kế toán trưởng”.");
  await switchLanguage(page, "English");
  await waitForMainText(page, "No course matches “kế toán trưởng”.");
  expect(await page.getByRole("heading", { name: "You may be interested in" }).count()).toBe(1);
});
