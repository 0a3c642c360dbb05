import { describe, expect, it } from "vitest";

import { DEMO, fillLogin, login, mainText, setupBrowser, waitForPage } from "../setup/browser";

const e2e = setupBrowser();

const ROLES = [
  {
    role: "admin",
    identifier: DEMO.admin,
    home: "/admin",
    h1: "Trang quản trị cấp tỉnh",
    sees: ["Tỉnh Phú Thọ"],
    notSees: [],
  },
  {
    role: "officer (Nam Đà)",
    identifier: DEMO.officerNamDa,
    home: "/officer",
    h1: "Trang cán bộ công an xã",
    sees: ["Xã Nam Đà"],
    notSees: ["Xã Lương Sơn"],
  },
  {
    role: "officer (Lương Sơn)",
    identifier: DEMO.officerLuongSon,
    home: "/officer",
    h1: "Trang cán bộ công an xã",
    sees: ["Xã Lương Sơn"],
    notSees: ["Xã Nam Đà"],
  },
  {
    role: "employer",
    identifier: DEMO.employer,
    home: "/employer",
    h1: "Trang nhà tuyển dụng",
    sees: ["Tiệm sửa xe máy Cường Thịnh", "Đã xác minh"],
    notSees: ["Đang chờ xác minh"],
  },
  {
    role: "provider",
    identifier: DEMO.provider,
    home: "/provider",
    h1: "Trang cơ sở đào tạo",
    sees: ["Trung tâm Giáo dục nghề nghiệp Krông Nô", "Đã xác minh"],
    notSees: [],
  },
  {
    role: "person (by phone)",
    identifier: DEMO.person,
    home: "/me",
    h1: "Xin chào, Nguyễn Văn H.",
    sees: [],
    notSees: [],
  },
] as const;

describe("logging in through the real form", () => {
  it.each(ROLES)(
    "$role lands on $home, sees its own content, and can log out",
    async ({ identifier, home, h1, sees, notSees }) => {
      const page = await e2e.page();
      await page.goto("/login");
      await fillLogin(page, identifier, "ChungTay@2026");
      await waitForPage(page, home, h1);
      const text = await mainText(page);
      for (const s of sees) expect(text).toContain(s);
      for (const s of notSees) expect(text).not.toContain(s);
      expect(await page.locator(".user-bar").innerText()).toContain("Đang đăng nhập");

      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.getByRole("navigation").getByRole("link", { name: "Đăng nhập" }).waitFor();
      expect(await page.locator(".user-bar").count()).toBe(0);
      // The session is really gone on the server, not just hidden.
      await page.goto(home);
      expect(new URL(page.url()).pathname).toBe("/login");
    },
  );

  it.each([true, false])(
    "a wrong password shows the Vietnamese error and keeps the identifier (JavaScript %s)",
    async (javaScriptEnabled) => {
      const page = await e2e.page({ javaScriptEnabled });
      await page.goto("/login");
      await fillLogin(page, "  officer.namda@chungtay.test ", "mat-khau-sai-2026");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toContain("Email, số điện thoại hoặc mật khẩu không đúng");
      expect(new URL(page.url()).pathname).toBe("/login");
      expect(await page.locator('input[name="identifier"]').inputValue()).toContain("officer.namda@chungtay.test");
      // The password is never sent back, and the box is emptied with JavaScript too.
      await expect.poll(() => page.locator('input[name="password"]').inputValue()).toBe("");
      expect(await page.content()).not.toContain("mat-khau-sai-2026");
    },
  );
});

describe("cross-site requests", () => {
  const post = (origin: string | null, body: Record<string, string>) =>
    fetch(`${e2e.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(origin ? { Origin: origin } : {}) },
      body: new URLSearchParams(body),
    });
  const rightCredentials = { identifier: DEMO.employer, password: "ChungTay@2026" };

  it("refuses a POST from a foreign origin, or with no origin, with 403 and no session", async () => {
    for (const origin of ["https://evil.example", null]) {
      const res = await post(origin, rightCredentials);
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("Yêu cầu bị từ chối");
    }
  });

  it("accepts the same POST from the app's own origin", async () => {
    const wrong = await post(e2e.url, { identifier: "khongco@chungtay.test", password: "sai-mat-khau-1" });
    expect(wrong.status).toBe(400);
    const right = await post(e2e.url, rightCredentials);
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/employer");
    expect(right.headers.get("set-cookie")).toContain("ct_session=");
  });
});

describe("pages a user cannot reach", () => {
  it("an unknown URL shows the friendly Vietnamese 404 page", async () => {
    const page = await e2e.page();
    const res = await page.goto("/trang-nay-khong-co/123");
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Không tìm thấy trang");
    expect(await mainText(page)).toContain("Trang bạn tìm không tồn tại");
    expect(await page.getByRole("link", { name: "Về trang chủ" }).getAttribute("href")).toBe("/");
  });

  it("a person visiting /admin gets the 403 page", async () => {
    const page = await e2e.pageAs(DEMO.person);
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
    expect(await page.locator("h1").innerText()).toBe("Không có quyền truy cập");
    expect(await mainText(page)).not.toContain("Tỉnh Phú Thọ");
  });

  it("an anonymous visit to /officer goes to the login page and comes back after login", async () => {
    const page = await e2e.page();
    await page.goto("/officer");
    expect(page.url()).toBe(`${e2e.url}/login?redirectTo=%2Fofficer`);
    await login(page, DEMO.officerNamDa);
    expect(new URL(page.url()).pathname).toBe("/officer");
    expect(await mainText(page)).toContain("Xã Nam Đà");
  });
});
