import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

import { DEMO, PHONE, screenshot, setupBrowser } from "../setup/browser";

/*
 * Issue 11, defect 6, as the demo tells it: the Nam Đà officer records all four follow-ups of the apprentice
 * at the repair shop (Y Thành Niê, db/seed/outcomes.ts), and neither he nor the shop is left with reminders
 * for work already done. Reminders come from the app's background task (moving the clock makes them due);
 * this file moves the app's clock, so it runs an app of its own.
 */

const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-clock-")), "offset-days");
const e2e = setupBrowser({ ownApp: { env: { TEST_CLOCK_FILE: clockFile } } });
afterAll(() => fs.rmSync(path.dirname(clockFile), { recursive: true, force: true }));

const NAME = "Y Thành Niê";
const POSITION = "Thợ phụ sửa xe máy (học việc)";
// He started 29 days before the seed day: 345 days on, his 12-month follow-up (day 336) is due and the others overdue.
const DAYS_ON = 345;

/** The unread count in the header (0 when the badge is absent). */
async function unread(page: Page): Promise<number> {
  await page.goto("/notifications");
  const badge = page.locator("header .nav-count");
  return (await badge.count()) ? Number((await badge.first().innerText()).replace(/\D/g, "")) : 0;
}

type Item = { text: string; unread: boolean; done: boolean };

/** Every notification in the list, following "older" links. */
async function allNotifications(page: Page): Promise<Item[]> {
  const items: Item[] = [];
  await page.goto("/notifications");
  for (let i = 0; i < 20; i++) {
    for (const li of await page.locator("ul.notification-list > li").all()) {
      const text = await li.innerText();
      const badges = await li.locator(".badge").allInnerTexts();
      items.push({ text, unread: badges.includes("Chưa đọc"), done: badges.includes("Đã xong") });
    }
    const older = page.locator("main a", { hasText: "Thông báo cũ hơn" });
    if (!(await older.count())) break;
    await older.click();
    await page.waitForLoadState();
  }
  return items;
}

/** Polls the list until `pick` finds `n` items: the background task runs a moment after the clock moves. */
async function waitForItems(page: Page, pick: (item: Item) => boolean, n: number): Promise<Item[]> {
  for (let attempt = 0; ; attempt++) {
    const found = (await allNotifications(page)).filter(pick);
    if (found.length >= n || attempt >= 40) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const officerReminder = (month: number) => (item: Item) =>
  item.text.includes(`Đến kỳ theo dõi ${month} tháng: ${NAME}`);
const anyOfficerReminder = (item: Item) => [1, 3, 6, 12].some((m) => officerReminder(m)(item));
const shopReminder = (item: Item) => item.text.includes(`vẫn làm ${POSITION}`);

describe("reminders of the follow-ups, in the demo", () => {
  it(
    "records all four follow-ups of the apprentice: no stale reminder is left for the officer or the shop",
    { timeout: 240_000 },
    async () => {
      const officer = await e2e.pageAs(DEMO.officerNamDa);
      const shop = await e2e.pageAs(DEMO.employer);

      // At start the 1-month follow-up is due: the background task told the officer and the shop.
      expect(await waitForItems(officer, officerReminder(1), 1)).toHaveLength(1);
      expect(await waitForItems(shop, shopReminder, 1)).toHaveLength(1);

      // Almost a year on, all four are due: one reminder per follow-up for each party, nothing twice.
      fs.writeFileSync(clockFile, String(DAYS_ON));
      const officerReminders = await waitForItems(officer, anyOfficerReminder, 4);
      expect(officerReminders).toHaveLength(4);
      expect(officerReminders.every((r) => r.unread)).toBe(true);
      expect(await waitForItems(shop, shopReminder, 4)).toHaveLength(4);
      const officerBefore = await unread(officer);
      const shopBefore = await unread(shop);
      expect(officerBefore).toBeGreaterThanOrEqual(4);
      expect(shopBefore).toBeGreaterThanOrEqual(4);

      // The officer records the four visits (the reminders are not even opened).
      for (const months of [1, 3, 6, 12]) {
        await officer.goto("/officer/follow-ups");
        const row = officer
          .locator("table.follow-up-tasks tbody tr")
          .filter({ hasText: NAME })
          .filter({ has: officer.locator("td", { hasText: new RegExp(`^\\s*${months} tháng\\s*$`) }) });
        expect(await row.count()).toBe(1);
        await row.locator("a", { hasText: NAME }).click();
        const form = officer.locator("main form").filter({ has: officer.locator('input[name="stillEmployed"]') });
        await form.waitFor();
        await form.locator('input[name="stillEmployed"][value="yes"]').check();
        await form.locator('input[name="currentWage"]').fill("4500000");
        await form.locator('input[name="stable"][value="yes"]').check();
        await form.locator('input[name="livingSituation"][value="with_family"]').check();
        await form.locator('input[name="violation"][value="no"]').check();
        if (months === 12) await form.locator('input[name="outcome"][value="stable"]').check();
        await form.locator('button[type="submit"]').click();
        await officer.waitForURL((url) => !/^\/officer\/follow-ups\/[0-9a-f-]{36}$/.test(url.pathname));
        await form.waitFor({ state: "detached" });
      }

      // Nothing stale: each party's unread count dropped by exactly his four reminders, shown as done.
      expect(await unread(officer)).toBe(officerBefore - 4);
      expect(await unread(shop)).toBe(shopBefore - 4);
      const after = (await allNotifications(officer)).filter(anyOfficerReminder);
      expect(after).toHaveLength(4);
      expect(after.filter((r) => r.unread)).toEqual([]);
      expect(after.every((r) => r.done)).toBe(true);
      const shopAfter = (await allNotifications(shop)).filter(shopReminder);
      expect(shopAfter.filter((r) => r.unread)).toEqual([]);
      await officer.goto("/notifications");
      await screenshot(officer, "reminders-done-desktop");
      await officer.setViewportSize(PHONE);
      await screenshot(officer, "reminders-done-phone");
    },
  );
});
