import fs from "node:fs";
import path from "node:path";

import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";

import { type RunningApp, startApp } from "./app-server";

/** Debian's Chromium; playwright's own browser downloads are never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const DEMO_PASSWORD = "ChungTay@2026";
export const DEMO = {
  admin: "admin@chungtay.test",
  adminLamDong: "admin.lamdong@chungtay.test",
  officerLuongSon: "officer.luongson@chungtay.test",
  officerNamDa: "officer.namda@chungtay.test",
  employer: "employer.suaxe@chungtay.test",
  provider: "provider.nghe@chungtay.test",
  person: "0900000001",
  national: "national@chungtay.test",
} as const;

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export const ARTIFACTS = path.resolve(import.meta.dirname, "../.artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (never \`npx playwright install\`).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type E2E = {
  /** The app's base URL, e.g. http://localhost:41234 (one app for the whole run). */
  url: string;
  browser: Browser;
  /** A fresh, isolated context (its own cookies) with the app as base URL; closed after the file. */
  context: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a fresh context. */
  page: (options?: BrowserContextOptions) => Promise<Page>;
  /**
   * A page in a fresh context that is already logged in (see `sessionCookie`): for tests about what
   * comes after login. Tests about logging in use the real form (`login`).
   */
  pageAs: (identifier: string, options?: BrowserContextOptions) => Promise<Page>;
};

/**
 * Call at the top of an e2e test file: one Chromium per file, against the run's one app
 * (started in tests/setup/e2e-global.ts).
 */
export function setupBrowser(options: { ownApp?: { env?: Record<string, string> } } = {}): E2E {
  let ownApp: RunningApp | undefined;
  const contexts: BrowserContext[] = [];
  // Uncaught exceptions and React errors (e.g. hydration) in any page fail the test that caused them.
  const pageErrors: string[] = [];
  const e2e = {
    context: async (options: BrowserContextOptions = {}) => {
      const context = await e2e.browser.newContext({ baseURL: e2e.url, locale: "vi-VN", ...options });
      context.on("page", (page) => {
        // With JavaScript on, a page is ready for typing and clicking once React has hydrated it (the root
        // marks <html data-hydrated>): since decision 035 hydration waits for the page's strings.
        if (options.javaScriptEnabled !== false) {
          const goto = page.goto.bind(page);
          page.goto = async (url, gotoOptions) => {
            const response = await goto(url, gotoOptions);
            await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 5_000 }).catch(() => {});
            return response;
          };
        }
        page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
        page.on("console", (msg) => {
          if (msg.type() === "error" && /hydrat|Uncaught|is not a function|Minified React error/i.test(msg.text())) {
            pageErrors.push(`${page.url()}: ${msg.text()}`);
          }
        });
      });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(20_000);
      contexts.push(context);
      return context;
    },
    page: async (options?: BrowserContextOptions) => (await e2e.context(options)).newPage(),
    pageAs: async (identifier: string, options?: BrowserContextOptions) => {
      const context = await e2e.context(options);
      await context.addCookies([
        { name: SESSION_COOKIE, value: await sessionCookie(e2e.url, identifier), url: e2e.url },
      ]);
      return context.newPage();
    },
  } as E2E;

  beforeAll(async () => {
    // A file that moves the app's clock gets an app of its own, so other files keep today's date.
    if (options.ownApp) ownApp = await startApp({ env: options.ownApp.env });
    e2e.url = ownApp?.url ?? inject("appUrl");
    e2e.browser = await launchBrowser();
  }, 120_000);

  afterEach(() => {
    const errors = pageErrors.splice(0);
    if (errors.length) throw new Error(`Errors in the browser:\n${errors.join("\n")}`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await e2e.browser?.close();
    await ownApp?.stop();
  }, 30_000);

  return e2e;
}

export const SESSION_COOKIE = "ct_session";

/**
 * A session for a user, obtained the way the login form obtains it (a same-origin POST to /login)
 * but without a browser: quicker, and a shortcut only for tests that are not about logging in.
 */
export async function sessionCookie(appUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${appUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: appUrl },
    body: new URLSearchParams({ identifier, password }),
  });
  const value = res.headers
    .getSetCookie()
    .map((c) => c.match(new RegExp(`^${SESSION_COOKIE}=([^;]+)`))?.[1])
    .find(Boolean);
  if (res.status !== 302 || !value) throw new Error(`Could not log in as ${identifier}: HTTP ${res.status}`);
  return value;
}

/** Log in through the real form, as a person would, and wait until the page after login has loaded. */
export async function login(page: Page, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/login") await page.goto("/login");
  await fillLogin(page, identifier, password);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page
    .locator("main h1")
    .filter({ hasNotText: /^\s*(Đăng nhập|Log in)\s*$/ })
    .waitFor();
}

/**
 * After a client-side navigation the URL changes before React has painted the new page: wait for the
 * URL and for the page's own heading before reading anything.
 */
export async function waitForPage(page: Page, pathname: string, heading: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  await page.locator("main h1").filter({ hasText: heading }).waitFor();
}

/** Type into the login form and press its button (whatever the language); does not wait. */
export async function fillLogin(page: Page, identifier: string, password: string): Promise<void> {
  await page.locator('main input[name="identifier"]').fill(identifier);
  await page.locator('main input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
}

/**
 * Press the header's language button. It posts a plain form (reloadDocument), so the new
 * document streams in: the header can be visible before <main> has arrived. Wait for the
 * button of the other language and then for the document's load event.
 */
export async function switchLanguage(page: Page, to: "English" | "Tiếng Việt"): Promise<void> {
  await page.getByRole("button", { name: to }).click();
  await page.getByRole("button", { name: to === "English" ? "Tiếng Việt" : "English" }).waitFor();
  await page.waitForLoadState("load");
}

/** Wait until the main region shows this text (for pages still arriving or rendering). */
export async function waitForMainText(page: Page, text: string): Promise<void> {
  await page.locator("main").getByText(text).first().waitFor();
}

/** The visible text of the main region (header and footer left out). */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
