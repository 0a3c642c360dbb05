import { describe, expect, it } from "vitest";

import { DEMO, login, mainText, setupBrowser, switchLanguage, waitForMainText, waitForPage } from "../setup/browser";

const e2e = setupBrowser();

describe("the language switch", () => {
  it("shows English, keeps it across pages, and switches back to Vietnamese", async () => {
    const page = await e2e.page();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.locator("h1").innerText()).toBe("Đăng nhập");

    await switchLanguage(page, "English");
    // It stays on the page it was pressed on.
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").innerText()).toBe("Log in");
    expect(await mainText(page)).toContain("Email or phone number");

    // Persists across a client-side navigation and a full page load.
    await page.getByRole("link", { name: "Chung Tay" }).click();
    await waitForPage(page, "/", "Joining hands to reopen the door to work");
    await page.goto("/register");
    expect(await page.locator("h1").innerText()).toBe("Register an organisation");
    expect(await mainText(page)).not.toContain("Đăng ký tài khoản tổ chức");

    // Messages from the server are in English too.
    await login(page, DEMO.employer);
    expect(new URL(page.url()).pathname).toBe("/employer");
    await waitForMainText(page, "Verified");
    expect(await mainText(page)).toContain("Verified");

    await switchLanguage(page, "Tiếng Việt");
    expect(new URL(page.url()).pathname).toBe("/employer");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await waitForMainText(page, "Đã xác minh");
    expect(await mainText(page)).not.toContain("Verified");
    await page.goto("/");
    expect(await page.locator("h1").innerText()).toBe("Chung tay mở lại cánh cửa việc làm");
  });

  it("works without JavaScript", async () => {
    const page = await e2e.page({ javaScriptEnabled: false });
    await page.goto("/");
    await switchLanguage(page, "English");
    expect(await page.getByRole("navigation").getByRole("link", { name: "Log in" }).count()).toBe(1);
    await page.goto("/login");
    expect(await page.locator("h1").innerText()).toBe("Log in");
  });
});
