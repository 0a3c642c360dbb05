import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, DESKTOP, fillLogin, PHONE, screenshot, setupBrowser } from "../setup/browser";

const e2e = setupBrowser();

/*
 * Every page at phone (360×740) and desktop (1280×800) widths, saved to tests/.artifacts/ for a person
 * to look at (git-ignored). Nothing here compares pixels; each shot only checks it caught the right page.
 */
async function shoot(page: Page, name: string) {
  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${label}-${name}`);
  }
}

const ROLE_PAGES: [string, string, [string, string][]][] = [
  [
    "person",
    DEMO.person,
    [
      ["me", "/me"],
      ["me-saved", "/me/saved"],
      ["account-person", "/account"],
      ["403", "/admin"],
    ],
  ],
  [
    "officer",
    DEMO.officerNamDa,
    [
      ["officer", "/officer"],
      ["officer-review", "/organizations/review"],
      ["officer-referrals", "/officer/referrals"],
      ["officer-hcd12", "/officer/reports/hcd12"],
      ["account-officer", "/account"],
      ["notifications-officer", "/notifications"],
    ],
  ],
  [
    "employer",
    DEMO.employer,
    [
      ["employer", "/employer"],
      ["employer-jobs", "/employer/jobs"],
      ["employer-jobs-new", "/employer/jobs/new"],
      ["employer-trainings", "/employer/trainings"],
      ["employer-trainings-new", "/employer/trainings/new"],
      ["employer-referrals", "/employer/referrals"],
      ["employer-profile", "/employer/profile"],
    ],
  ],
  [
    "provider",
    DEMO.provider,
    [
      ["provider", "/provider"],
      ["provider-trainings", "/provider/trainings"],
      ["provider-trainings-new", "/provider/trainings/new"],
    ],
  ],
  [
    "admin",
    DEMO.admin,
    [
      ["admin", "/admin"],
      ["admin-officers", "/admin/officers"],
      ["admin-review", "/organizations/review"],
    ],
  ],
  ["admin of Lâm Đồng", DEMO.adminLamDong, [["admin-deliveries", "/admin/deliveries?show=all"]]],
];

describe("screenshots", () => {
  it("public pages, form errors and the 404 page", async () => {
    const page = await e2e.page({ viewport: PHONE });
    await page.goto("/");
    await shoot(page, "home");

    await page.goto("/login");
    await fillLogin(page, "khongco@chungtay.test", "sai-mat-khau-1");
    await page.getByRole("alert").waitFor();
    await shoot(page, "login-error");

    await page.goto("/register");
    await page.locator('input[name="taxCode"]').fill("123");
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await page.getByRole("alert").waitFor();
    await shoot(page, "register-errors");

    // Account recovery and a message's short link, as anyone opening them sees them.
    await page.goto("/forgot-password");
    await shoot(page, "forgot-password");
    await page.goto("/reset-password?to=090****001");
    await shoot(page, "reset-password");
    await page.goto("/n/AbCdEf12");
    await shoot(page, "short-link-unknown");
    // The demo's outbox exists only in the embedded setup (DEV_OUTBOX), not on the PostgreSQL run.
    if (!process.env.TEST_DATABASE_URL) {
      await page.goto("/dev/outbox");
      await shoot(page, "dev-outbox");
    }

    const res = await page.goto("/khong-co-trang-nay");
    expect(res?.status()).toBe(404);
    await shoot(page, "404");

    await page.context().addCookies([{ name: "ct_lang", value: "en", url: e2e.url }]);
    await page.goto("/");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await shoot(page, "home-en");
  });

  it("the public listing pages: search and detail of a job and of a course (one shared set of pages)", async () => {
    const page = await e2e.page({ viewport: PHONE });
    for (const kind of ["jobs", "trainings"] as const) {
      await page.goto(`/${kind}?q=sua+xe`);
      await shoot(page, `${kind}-search`);
      const first = page.locator(`main a[href^="/${kind}/"]`).first();
      const href = await first.getAttribute("href");
      expect(href).toMatch(new RegExp(`^/${kind}/[0-9a-f-]{36}`));
      await page.goto(href!);
      expect(new URL(page.url()).pathname).toBe(href!.split("?")[0]);
      await shoot(page, `${kind}-detail`);
    }
  });

  it("a referral as the employer and as the officer see it (one shared action for both sides)", async () => {
    for (const [who, list] of [
      [DEMO.employer, "/employer/referrals"],
      [DEMO.officerNamDa, "/officer/referrals"],
    ] as const) {
      const page = await e2e.pageAs(who, { viewport: PHONE });
      await page.goto(list);
      const href = await page.locator(`main a[href^="${list}/"]`).first().getAttribute("href");
      expect(href).toMatch(new RegExp(`^${list}/[0-9a-f-]{36}`));
      await page.goto(href!);
      await shoot(page, `${list.split("/")[1]}-referral`);
    }
  });

  it("the registration form without JavaScript, communes loaded", async () => {
    const page = await e2e.page({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto("/register");
    await page.locator('select[name="provinceCode"]').selectOption("25");
    await page.getByRole("button", { name: "Tải danh sách xã, phường" }).click();
    await page.locator('select[name="communeCode"]:not([disabled])').waitFor();
    await shoot(page, "register-nojs");
  });

  it.each(ROLE_PAGES)("%s pages", async (_role, identifier, pages) => {
    const page = await e2e.pageAs(identifier, { viewport: PHONE });
    for (const [name, path] of pages) {
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe(path.split("?")[0]);
      await shoot(page, name);
    }
  });
});
