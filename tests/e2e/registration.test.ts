import crypto from "node:crypto";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, login, mainText, sessionCookie, setupBrowser } from "../setup/browser";

const e2e = setupBrowser();

const LUONG_SON = "04924"; // a commune of Phú Thọ (25)

/** A valid employer registration; unique per call so runs and files never collide. */
function newEmployer() {
  const id = crypto.randomBytes(3).toString("hex");
  const digits = String(crypto.randomInt(10_000_000, 99_999_999));
  return {
    orgName: `Xưởng mộc Thử Nghiệm ${id}`,
    taxCode: `26${digits}`,
    address: "Khu 3, đường Trần Phú",
    contactName: "Bùi Văn Toàn",
    contactPhone: `09${digits}`,
    email: `xuongmoc.${id}@chungtay.test`,
    password: "SongXanh2026",
  };
}
type Employer = ReturnType<typeof newEmployer>;

const field = (page: Page, name: string) => page.locator(`main [name="${name}"]`).first();

/**
 * Fill the registration form as a person would. Without JavaScript, "Tải danh sách xã, phường" posts
 * the form and comes back with the province's communes and everything typed so far, except passwords.
 */
async function fillRegistration(page: Page, org: Employer, js: boolean) {
  await page.goto("/register");
  if (js) await page.getByRole("button", { name: "Tải danh sách xã, phường" }).waitFor({ state: "detached" });
  await page.getByLabel("Nơi tuyển dụng").check();
  await field(page, "kind").selectOption({ label: "Cơ sở sản xuất, xưởng" });
  await field(page, "orgName").fill(org.orgName);
  await field(page, "taxCode").fill(org.taxCode);
  await field(page, "provinceCode").selectOption({ label: "Tỉnh Phú Thọ" });
  await field(page, "address").fill(org.address);
  await field(page, "contactName").fill(org.contactName);
  await field(page, "contactPhone").fill(org.contactPhone);
  await field(page, "email").fill(org.email);
  const luongSon = page.locator(`main select[name="communeCode"] option[value="${LUONG_SON}"]`);
  if (js) {
    await luongSon.waitFor({ state: "attached" });
    // Changing one's mind about the role must not lose the communes loaded in the browser.
    await page.getByLabel("Cơ sở đào tạo nghề").check();
    await page.getByLabel("Nơi tuyển dụng").check();
    expect(await luongSon.count()).toBe(1);
  } else {
    await page.getByRole("button", { name: "Tải danh sách xã, phường" }).click();
    await luongSon.waitFor({ state: "attached" });
    // The round trip kept what was typed.
    expect(await field(page, "orgName").inputValue()).toBe(org.orgName);
    expect(await field(page, "email").inputValue()).toBe(org.email);
    expect(await field(page, "provinceCode").inputValue()).toBe("25");
    expect(await page.getByLabel("Nơi tuyển dụng").isChecked()).toBe(true);
  }
  await field(page, "communeCode").selectOption(LUONG_SON);
  await field(page, "password").fill(org.password);
  await field(page, "passwordConfirm").fill(org.password);
}

const submit = (page: Page) => page.getByRole("button", { name: "Đăng ký", exact: true }).click();

describe("registering an employer", () => {
  it("works without JavaScript, and the organisation is verified by the province's admin", async () => {
    const org = newEmployer();
    const employer = await e2e.page({ javaScriptEnabled: false });
    await fillRegistration(employer, org, false);
    await submit(employer);
    await employer.waitForURL((url) => url.pathname === "/employer");
    let text = await mainText(employer);
    expect(text).toContain("Đang chờ xác minh");
    expect(text).toContain(org.orgName);
    expect(text).toContain("Xã Lương Sơn, Tỉnh Phú Thọ");

    // An officer of another province does not see it.
    const otherOfficer = await e2e.pageAs(DEMO.officerNamDa);
    await otherOfficer.goto("/organizations/review");
    expect(await mainText(otherOfficer)).not.toContain(org.orgName);

    const admin = await e2e.pageAs(DEMO.admin);
    await admin.goto("/organizations/review");
    const card = admin.locator("main li.card").filter({ has: admin.getByRole("heading", { name: org.orgName }) });
    expect(await card.count()).toBe(1);
    expect(await card.innerText()).toContain(org.email);
    await card.getByRole("button", { name: "Xác nhận" }).click();
    const done = admin.getByRole("status");
    await done.waitFor();
    expect(await done.innerText()).toContain(`Đã xác minh ${org.orgName}`);
    await admin.reload();
    expect(await mainText(admin)).not.toContain(org.orgName);

    await employer.reload();
    text = await mainText(employer);
    expect(text).toContain("Đã xác minh");
    expect(text).not.toContain("Đang chờ xác minh");

    // And the new account logs in like any other, from a fresh browser.
    const again = await e2e.page({ javaScriptEnabled: false });
    await login(again, org.email, org.password);
    expect(new URL(again.url()).pathname).toBe("/employer");
  });

  it.each([false, true])(
    "a bad tax code shows the Vietnamese message and keeps what was typed (JavaScript %s)",
    async (js) => {
      const org = { ...newEmployer(), taxCode: "123" };
      const page = await e2e.page({ javaScriptEnabled: js });
      await fillRegistration(page, org, js);
      await submit(page);
      const error = page.locator("#f-taxCode-error");
      await error.waitFor();
      expect(await error.innerText()).toBe("Mã số thuế gồm 10 hoặc 13 chữ số.");
      expect(await page.getByRole("alert").innerText()).toContain("Mã số thuế");
      expect(new URL(page.url()).pathname).toBe("/register");
      expect(await field(page, "taxCode").getAttribute("aria-invalid")).toBe("true");
      for (const name of ["orgName", "taxCode", "address", "contactName", "contactPhone", "email"] as const) {
        expect(await field(page, name).inputValue()).toBe(org[name]);
      }
      expect(await field(page, "kind").inputValue()).toBe("workshop");
      expect(await field(page, "provinceCode").inputValue()).toBe("25");
      expect(await field(page, "communeCode").inputValue()).toBe(LUONG_SON);
      expect(await page.getByLabel("Nơi tuyển dụng").isChecked()).toBe(true);
      // Passwords are never sent back.
      await expect.poll(() => field(page, "password").inputValue()).toBe("");
      // Nothing was registered: that account cannot log in.
      await expect(sessionCookie(e2e.url, org.email, org.password)).rejects.toThrow("HTTP 400");
    },
  );
});

describe("without JavaScript", () => {
  it("a person can log in and see the home page", async () => {
    const page = await e2e.page({ javaScriptEnabled: false });
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Đăng nhập" }).click();
    await login(page, DEMO.person);
    expect(new URL(page.url()).pathname).toBe("/me");
    expect(await mainText(page)).toContain("Xin chào, Nguyễn Văn H.");
  });
});
