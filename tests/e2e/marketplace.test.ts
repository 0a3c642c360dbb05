import { describe, expect, it } from "vitest";

import { DEMO, login, mainText, PHONE, screenshot, setupBrowser } from "../setup/browser";

const e2e = setupBrowser();

/** An ISO date some days ahead (the form's <input type="date"> takes YYYY-MM-DD). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("an employer posts a job and an anonymous visitor on a phone finds it", () => {
  it("publishes through the form, then a no-JavaScript phone visitor finds it by an unaccented, misspelled query", async () => {
    const employer = await e2e.page();
    await login(employer, DEMO.employer);
    await employer.goto("/employer/jobs/new");
    const form = employer.locator("main form").filter({ has: employer.locator('input[name="title"]') });
    await form.locator('input[name="title"]').fill("Thợ sửa phanh xe tay ga");
    await form.locator('select[name="occupationCode"]').selectOption("72311");
    await form
      .locator('textarea[name="description"]')
      .fill("Sửa phanh, thay má phanh, bảo dưỡng xe tay ga tại tiệm. Có người hướng dẫn.");
    await form.locator('input[name="employmentType"][value="full_time"]').check();
    await form.locator('input[name="openings"]').fill("1");
    await form.locator('textarea[name="skills"]').fill("sửa phanh, xe tay ga");
    await form.locator('input[name="workplaceAddress"]').fill("Thôn Nam Thanh, Quốc lộ 28");
    await form.locator('input[name="wageMin"]').fill("6.000.000");
    await form.locator('input[name="wageMax"]').fill("8.000.000");
    await form.locator('input[name="benefits"][value="meals"]').check();
    await form.locator('input[name="closesAt"]').fill(inDays(20));
    await form.locator('button[name="intent"][value="publish"]').click();
    await employer.waitForURL((url) => url.pathname === "/employer/jobs");
    // With JavaScript the URL changes a moment before React renders the next page: wait for the content.
    await employer.locator("main").getByText("Thợ sửa phanh xe tay ga").first().waitFor();
    expect(await mainText(employer)).toContain("Thợ sửa phanh xe tay ga");

    const visitor = await e2e.page({ viewport: PHONE, javaScriptEnabled: false });
    await visitor.goto("/");
    // "phan" for "phanh", and no accents: the way people type on a cheap phone.
    await visitor.locator('main input[name="q"]').first().fill("tho sua phan xe tay ga");
    await visitor.locator('main input[name="q"]').first().press("Enter");
    await visitor.waitForURL((url) => url.pathname === "/jobs");
    // Indexing is asynchronous (the outbox worker): it is searchable within seconds.
    const link = visitor.locator("main a", { hasText: "Thợ sửa phanh xe tay ga" }).first();
    for (let attempt = 0; attempt < 20 && !(await link.count()); attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      await visitor.reload();
    }
    await screenshot(visitor, "marketplace-phone-search");
    await link.click();
    await visitor.waitForURL((url) => url.pathname.startsWith("/jobs/"));
    const detail = await mainText(visitor);
    expect(detail).toContain("Thợ sửa phanh xe tay ga");
    expect(detail).toContain("Tiệm sửa xe máy Cường Thịnh");
    expect(detail).toContain("6.000.000");
    await screenshot(visitor, "marketplace-phone-detail");
  });
});
