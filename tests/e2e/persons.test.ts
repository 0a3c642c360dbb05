import { describe, expect, it } from "vitest";

import { DEMO, mainText, screenshot, setupBrowser } from "../setup/browser";

const e2e = setupBrowser();

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // Vietnam's date

describe("an officer registers a person with consent, finds them as a candidate, and withdrawal removes them at once", () => {
  it("goes through intake, consent, candidate search and withdrawal in the browser", async () => {
    const page = await e2e.pageAs(DEMO.officerNamDa);
    await page.goto("/officer/persons/new");
    const form = page.locator("main form").filter({ has: page.locator('input[name="fullName"]') });
    await form.locator('input[name="fullName"]').fill("Trịnh Văn Khải");
    await form.locator('input[name="gender"][value="male"]').check();
    await form.locator('input[name="dateOfBirth"]').fill("1992-06-15");
    await form.locator('input[name="address"]').fill("Thôn Nam Dao");
    await form.locator('input[name="releaseDate"]').fill("2025-10-01");
    await form.locator('select[name="releaseType"]').selectOption("completed");
    await form.locator('input[name="offenceDate"]').fill("2023-02-01");
    await form.locator('select[name="offenceCategory"]').selectOption("property");
    await form.locator('select[name="penalty"]').selectOption("prison");
    await form.locator('input[name="sentenceMonths"]').fill("30");
    await form.locator('input[name="mainCompletedOn"]').fill("2025-10-01");
    await form.locator('input[name="skills"]').fill("hàn điện, hàn khung sắt, cắt sắt");
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await form.locator('input[name="trades"][value="72120"]').check();
    await form.locator('input[name="desiredOccupations"][value="72120"]').check();
    await form.locator('button[type="submit"]').last().click();
    await page.waitForURL((url) => /^\/officer\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
    const personUrl = new URL(page.url()).pathname;
    // With JavaScript the URL changes a moment before React renders the next page: wait for the content.
    await page.locator("main h1").getByText("Trịnh Văn Khải").waitFor();
    expect(await mainText(page)).toContain("Trịnh Văn Khải");

    // Not a candidate without a consent for matching.
    await page.goto("/officer/candidates?q=han+dien");
    expect(await mainText(page)).not.toContain("Trịnh Văn Khải");

    await page.goto(personUrl);
    const consent = page
      .locator("main form")
      .filter({ has: page.locator('input[name="intent"][value="grant-consent"]') });
    await consent.locator('input[name="purposes"][value="matching"]').check();
    await consent.locator('input[name="shareableFields"][value="skills"]').check();
    await consent.locator('input[name="givenOn"]').fill(today());
    await consent.locator('input[name="evidenceKind"][value="paper_form"]').check();
    await consent.locator('input[name="paperFormNumber"]').fill("HCD-02/2026/099");
    await consent.locator('button[type="submit"]').click();
    await page.locator("main").getByText("HCD-02/2026/099").first().waitFor();
    await screenshot(page, "persons-consent-recorded");

    // The worker indexes the candidate within seconds.
    let found = false;
    for (let attempt = 0; attempt < 20 && !found; attempt++) {
      await page.goto("/officer/candidates?q=han+dien");
      found = (await mainText(page)).includes("Trịnh Văn Khải");
      if (!found) await new Promise((r) => setTimeout(r, 500));
    }
    expect(found).toBe(true);
    await screenshot(page, "persons-candidate-found");

    await page.goto(personUrl);
    // Withdrawal asks for confirmation first (issue 11): open it, then confirm.
    await page.locator('main li.grant-purpose[data-purpose="matching"] details.withdraw summary').click();
    await page.locator('main form:has(input[name="intent"][value="withdraw-consent"]) button[type="submit"]').click();
    await page.waitForLoadState("networkidle");
    // At once: no waiting, no retries.
    await page.goto("/officer/candidates?q=han+dien");
    expect(await mainText(page)).not.toContain("Trịnh Văn Khải");

    // Another commune's officer cannot open the record: a plain 404.
    const other = await e2e.pageAs(DEMO.officerLuongSon);
    const response = await other.goto(personUrl);
    expect(response?.status()).toBe(404);
  });
});
