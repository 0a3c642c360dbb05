import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO, login, mainText, setupBrowser } from "../setup/browser";

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
