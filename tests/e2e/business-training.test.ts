import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, DESKTOP, login, mainText, PHONE, screenshot, setupBrowser, waitForPage } from "../setup/browser";

const e2e = setupBrowser();

/** An ISO date some days ahead (the form's <input type="date"> takes YYYY-MM-DD). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Nothing sticks out sideways: the page is no wider than the phone (the old job list did). */
async function fitsWidth(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page, JSON.stringify(widths)).toBeLessThanOrEqual(widths.viewport);
}

describe("a business offers training at its workplace and a visitor finds it", () => {
  it("the repair shop posts a slot through the form on a phone; it is found at /trainings by an unaccented query", async () => {
    const shop = await e2e.page({ viewport: PHONE });
    await login(shop, DEMO.employer);
    await fitsWidth(shop);
    await screenshot(shop, "business-training-employer-home-phone");
    await shop.locator("main a", { hasText: "Đào tạo tại doanh nghiệp" }).first().click();
    await waitForPage(shop, "/employer/trainings", "Đào tạo tại doanh nghiệp");
    // The demo apprenticeship is already there (db/seed/business-training.ts).
    expect(await mainText(shop)).toContain("Học nghề sửa xe máy tại tiệm");
    await fitsWidth(shop);
    await screenshot(shop, "business-training-list-phone");

    await shop.locator("main a", { hasText: "Đăng chỗ học nghề mới" }).click();
    await waitForPage(shop, "/employer/trainings/new", "Đăng chỗ học nghề tại doanh nghiệp");
    const form = shop.locator("main form").filter({ has: shop.locator('input[name="title"]') });
    // The place is the workplace unless changed.
    expect(await form.locator('input[name="address"]').inputValue()).not.toBe("");
    await form.locator('input[name="title"]').fill("Học việc sơn sửa dàn áo xe máy tại tiệm");
    await form.locator('select[name="occupationCode"]').selectOption("72311");
    await form.locator('select[name="levelCode"]').selectOption("short_course");
    await form
      .locator('textarea[name="description"]')
      .fill("Anh Cường kèm cặp: tháo lắp, sơn sửa dàn áo nhựa xe tay ga. Vừa học vừa làm.");
    await form.locator('input[name="startsAt"]').fill(inDays(30));
    await form.locator('input[name="applicationDeadline"]').fill(inDays(20));
    await form.locator('input[name="durationWeeks"]').fill("8");
    await form.locator('input[name="seats"]').fill("1");
    await form.locator('input[name="stipendVnd"]').fill("1.500.000");
    await form.locator('input[name="support"][value="meals"]').check();
    // The job it leads to: one of the shop's own open jobs, as a wrapping radio list.
    await form.locator("label", { hasText: "Thợ sửa xe máy" }).locator('input[name="leadsToJobIds"]').check();
    await fitsWidth(shop);
    await screenshot(shop, "business-training-form-phone");
    expect(await form.locator('button[name="intent"][value="publish"]').innerText()).toBe("Đăng chỗ học nghề");
    await form.locator('button[name="intent"][value="publish"]').click();
    await shop.waitForURL((url) => url.pathname === "/employer/trainings");
    await shop.locator("main").getByText("Đã đăng chỗ học nghề.").waitFor();
    expect(await mainText(shop)).toContain("Học việc sơn sửa dàn áo xe máy tại tiệm");

    const visitor = await e2e.page({ viewport: PHONE, javaScriptEnabled: false });
    // No accents, as people type on a cheap phone.
    const link = visitor.locator("main a", { hasText: "Học việc sơn sửa dàn áo xe máy tại tiệm" }).first();
    await visitor.goto("/trainings?q=hoc+viec+son+sua+dan+ao+xe+may");
    // Indexing is asynchronous (the outbox worker): it is searchable within seconds.
    for (let attempt = 0; attempt < 20 && !(await link.count()); attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      await visitor.reload();
    }
    // The result card around the link (a `has` locator is relative to the card).
    const card = visitor.locator("main article", {
      has: visitor.locator("a", { hasText: "Học việc sơn sửa dàn áo xe máy tại tiệm" }),
    });
    const cardText = (await card.innerText()).replace(/\s+/g, " ");
    expect(cardText).toContain("Doanh nghiệp đào tạo");
    expect(cardText).toContain("1.500.000");
    expect(cardText).toContain("Học xong làm Thợ sửa xe máy tại chính doanh nghiệp");
    await fitsWidth(visitor);
    await screenshot(visitor, "business-training-search-phone");
    await link.click();
    await visitor.waitForURL((url) => url.pathname.startsWith("/trainings/"));
    const detail = await mainText(visitor);
    expect(detail).toContain("Tiệm sửa xe máy Cường Thịnh");
    expect(detail).toContain("Doanh nghiệp đào tạo");
    expect(detail).toContain("Phụ cấp");
    expect(detail).toContain("Học xong làm Thợ sửa xe máy tại chính doanh nghiệp");
    await fitsWidth(visitor);
    await screenshot(visitor, "business-training-detail-phone");

    // The same pages on a desktop, for the record.
    const desk = await e2e.pageAs(DEMO.employer, { viewport: DESKTOP });
    await desk.goto("/employer/trainings");
    await screenshot(desk, "business-training-list-desktop");
    await desk.goto("/employer/trainings/new");
    await screenshot(desk, "business-training-form-desktop");
    await desk.goto(new URL(visitor.url()).pathname);
    await screenshot(desk, "business-training-detail-desktop");
  });

  it("the provider's course form lists partner jobs in a list that fits a phone", async () => {
    const provider = await e2e.pageAs(DEMO.provider, { viewport: PHONE });
    await provider.goto("/provider/trainings/new");
    const choices = provider.locator('main input[name="leadsToJobIds"]');
    expect(await choices.count()).toBeGreaterThan(0);
    await fitsWidth(provider);
    await screenshot(provider, "provider-course-form-phone");
  });
});
