import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { DEMO, login, mainText, setupBrowser, waitForPage } from "../setup/browser";

const e2e = setupBrowser();

describe("the provincial admin creates an officer", () => {
  it("shows the temporary password once, and the officer can log in with it", async () => {
    const id = crypto.randomBytes(3).toString("hex");
    const officer = { fullName: `Đỗ Thị Thử ${id}`, email: `canbo.${id}@chungtay.test` };

    const admin = await e2e.pageAs(DEMO.admin);
    await admin.goto("/admin/officers");
    const form = admin.locator("main form").filter({ has: admin.locator('[name="communeCodes"]') });
    await form.locator('[name="fullName"]').fill(officer.fullName);
    await form.locator('[name="email"]').fill(officer.email);
    // Two communes of Phú Thọ: Xã Thanh Sơn and Xã Lương Sơn.
    await form.locator('[name="communeCodes"]').selectOption(["08542", "04924"]);
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();

    const created = admin.getByRole("status");
    await created.waitFor();
    const message = await created.innerText();
    expect(message).toContain(`Đã tạo tài khoản cho ${officer.fullName}`);
    const password = message.match(/:\s*(\S+)\s*$/)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9-]{10,}$/);

    // Listed with both communes; the form is empty again for the next officer.
    const listed = admin.locator("main li.card").filter({ hasText: officer.email });
    expect(await listed.innerText()).toContain("Xã Lương Sơn, Xã Thanh Sơn");
    expect(await form.locator('[name="fullName"]').inputValue()).toBe("");
    // Shown once: not on the next visit.
    await admin.reload();
    expect(await mainText(admin)).not.toContain(password!);
    expect(await mainText(admin)).toContain(officer.fullName);

    const newOfficer = await e2e.page();
    await login(newOfficer, officer.email, password!);
    expect(new URL(newOfficer.url()).pathname).toBe("/officer");
    const text = await mainText(newOfficer);
    expect(text).toContain("Xã Thanh Sơn");
    expect(text).toContain("Xã Lương Sơn");
    expect(await newOfficer.locator(".user-bar").innerText()).toContain(officer.fullName);
  });

  it("refuses a commune outside the admin's province and keeps what was typed", async () => {
    const admin = await e2e.pageAs(DEMO.admin);
    await admin.goto("/admin/officers");
    // Xã Nam Đà is in Lâm Đồng: the page does not offer it, so a crafted submission must be refused.
    expect(await admin.locator('option[value="24697"]').count()).toBe(0);
    const email = `canbo.${crypto.randomBytes(3).toString("hex")}@chungtay.test`;
    const form = admin.locator("main form").filter({ has: admin.locator('[name="communeCodes"]') });
    await form.locator('[name="fullName"]').fill("Người Ngoài Tỉnh");
    await form.locator('[name="email"]').fill(email);
    await form.locator('[name="communeCodes"]').evaluate((select: HTMLSelectElement) => {
      select.add(new Option("Xã Nam Đà", "24697", true, true));
    });
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    const error = admin.locator("#f-communeCodes-error");
    await error.waitFor();
    expect(await error.innerText()).toBe("Chỉ được chọn xã, phường trong tỉnh của bạn.");
    expect(await form.locator('[name="email"]').inputValue()).toBe(email);
    expect(await mainText(admin)).not.toContain("Đã tạo tài khoản");
  });
});

describe("the provincial admin reads the access log", () => {
  it("opens it from the admin home with JavaScript on: the table of reads, no error page", async () => {
    // A read to find: the officer of xã Lương Sơn (Phú Thọ) opens one of the commune's records.
    const officer = await e2e.pageAs(DEMO.officerLuongSon);
    await officer.goto("/officer/persons");
    const record = officer.locator('main a[href^="/officer/persons/"]').filter({ hasNotText: /^\s*$/ });
    const href = (
      await record.evaluateAll((as) =>
        as.map((a) => a.getAttribute("href")!).filter((h) => /^\/officer\/persons\/[0-9a-f-]{36}$/.test(h)),
      )
    )[0];
    expect(href).toBeDefined();
    await officer.goto(href!);

    const admin = await e2e.pageAs(DEMO.admin);
    await admin.goto("/");
    await admin.locator("header").getByRole("link", { name: "Trang của tôi" }).click();
    await waitForPage(admin, "/admin", "Trang quản trị cấp tỉnh");
    await admin.locator("main").getByRole("link", { name: "Nhật ký truy cập hồ sơ" }).click();
    await waitForPage(admin, "/admin/audit", "Nhật ký truy cập hồ sơ");
    const table = admin.locator("main table.log-table");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await table.innerText()).toContain("Nguyễn Thị Lan");
    // The filter works in the browser too (it lists every action, from a module the browser can load).
    expect(await admin.locator('select[name="action"] option').count()).toBeGreaterThan(10);
    await admin.locator('select[name="action"]').selectOption("view");
    await admin.getByRole("button", { name: "Lọc", exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get("action") === "view");
    await table.waitFor();
    expect(await admin.locator(".error-page").count()).toBe(0);
  });
});
