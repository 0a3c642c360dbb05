import http from "node:http";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, DEMO_PASSWORD, launchBrowser, SESSION_COOKIE, sessionCookie } from "../setup/browser";

/*
 * Hardening headers and cookies, read from the running app (npm run build, then the real server with its
 * helmet configuration, as production runs it): a public page, the login page, an officer page, the CSV and
 * XLSX exports and the 404 page. Then Chromium loads pages under that policy and must hydrate them with no
 * policy violation. docs/decisions/017-sessions-lockout-and-logs.md; docs/RELIABILITY.md section 3.
 */

let app: RunningApp;
let officer = "";
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startApp();
  officer = `${SESSION_COOKIE}=${await sessionCookie(app.url, DEMO.officerNamDa)}`;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const get = (path: string, cookie?: string) =>
  fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

/** "script-src 'self' 'nonce-x'; object-src 'none'" → { "script-src": ["'self'", "'nonce-x'"], ... } */
function policy(res: Response): Record<string, string[]> {
  const header = res.headers.get("content-security-policy") ?? "";
  return Object.fromEntries(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function exportLinks(): Promise<{ csv: string; xlsx: string }> {
  const html = await (await get("/officer/reports", officer)).text();
  const link = (ext: string) =>
    html.match(new RegExp(`href="(/officer/reports/export\\.${ext}\\?[^"]*)"`))?.[1]?.replace(/&amp;/g, "&");
  const csv = link("csv");
  const xlsx = link("xlsx");
  if (!csv || !xlsx) throw new Error("no export links on /officer/reports");
  return { csv, xlsx };
}

/** cache: "no-store" for anything a logged-in user gets; "public" where an anonymous listing may be cached. */
type Page = {
  name: string;
  path: () => Promise<string>;
  cookie?: () => string;
  status: number;
  html: boolean;
  cache?: "no-store" | "public";
};
const PAGES: Page[] = [
  { name: "a public page", path: async () => "/jobs", status: 200, html: true, cache: "public" },
  { name: "the login page", path: async () => "/login", status: 200, html: true },
  {
    name: "an officer page",
    path: async () => "/officer/persons",
    cookie: () => officer,
    status: 200,
    html: true,
    cache: "no-store",
  },
  {
    name: "the CSV export",
    path: async () => (await exportLinks()).csv,
    cookie: () => officer,
    status: 200,
    html: false,
    cache: "no-store",
  },
  {
    name: "the XLSX export",
    path: async () => (await exportLinks()).xlsx,
    cookie: () => officer,
    status: 200,
    html: false,
    cache: "no-store",
  },
  { name: "the 404 page", path: async () => "/khong-co-trang-nay", status: 404, html: true },
  {
    name: "the 404 page, logged in",
    path: async () => "/khong-co-trang-nay",
    cookie: () => officer,
    status: 404,
    html: true,
    cache: "no-store",
  },
  {
    name: "a public page, logged in",
    path: async () => "/jobs",
    cookie: () => officer,
    status: 200,
    html: true,
    cache: "no-store",
  },
];

describe.each(PAGES)("$name", (page) => {
  let res: Response;
  let body = "";
  beforeAll(async () => {
    res = await get(await page.path(), page.cookie?.());
    body = page.html ? await res.text() : "";
  });

  it("answers as expected", () => {
    expect(res.status).toBe(page.status);
    expect(res.headers.get("content-type") ?? "").toMatch(
      page.html ? /^text\/html/ : /^(text\/csv|application\/vnd\.openxmlformats)/,
    );
  });

  it("has a strict Content-Security-Policy: scripts only from here or with this response's nonce", () => {
    const csp = policy(res);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]![0]).toBe("'self'");
    expect(csp["script-src"]!.slice(1)).toEqual([expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==?'$/)]);
    expect(csp["script-src-attr"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    const all = Object.values(csp).flat();
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"]) expect(all).not.toContain(loose);
  });

  it.runIf(page.html)("puts that nonce on every script, and only that nonce", () => {
    const nonce = policy(res)["script-src"]![1]!.slice("'nonce-".length, -1);
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(body).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });

  it("sets the other hardening headers", () => {
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it.runIf(page.cache === "no-store")(
    "is never stored by a browser or a proxy (it carries the user's name at least)",
    () => {
      expect(res.headers.get("cache-control")).toMatch(/\bno-store\b/);
    },
  );

  it.runIf(page.cache === "public")("may be cached, but never served from a cache to someone with cookies", () => {
    expect(res.headers.get("cache-control")).toMatch(/^public\b/);
    expect(res.headers.get("vary") ?? "").toMatch(/\bCookie\b/i);
  });
});

describe("nonces", () => {
  it("are new for every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add(policy(await get("/login"))["script-src"]![1]!);
    expect(nonces.size).toBe(5);
  });
});

describe("the session cookie from the real login", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, Secure in production, host-only, and the answer is no-store", async () => {
    const res = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
      body: new URLSearchParams({ identifier: DEMO.employer, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const attributes = cookie
      .split(";")
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    expect(res.headers.get("cache-control")).toMatch(/\bno-store\b/);
  });
});

describe("the running app's own output", () => {
  it("holds no email or phone number after failed logins up to a lock and a search with a phone number", async () => {
    const login = (identifier: string) =>
      fetch(`${app.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
        body: new URLSearchParams({ identifier, password: "SaiMatKhau1" }),
      });
    for (let i = 0; i < 6; i++) await login(DEMO.provider);
    for (let i = 0; i < 3; i++) await login("0987654321");
    await get("/jobs?q=0987654321", officer);
    const output = app.output();
    expect(output).toContain("[auth] login locked after repeated failures"); // the lock was logged...
    expect(output).not.toContain(DEMO.provider); // ...without the account's email
    expect(output).not.toMatch(/@chungtay\.test|0987654321|987654321/);
  });
});

describe("in Chromium, under this policy", () => {
  it("pages hydrate and navigate on the client with no policy violation", async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: app.url, locale: "vi-VN" });
    await context.addCookies([{ name: SESSION_COOKIE, value: officer.split("=")[1]!, url: app.url }]);
    const problems: string[] = [];
    context.on("page", (p) => {
      p.on("pageerror", (e) => problems.push(`${p.url()}: ${e.message}`));
      p.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy|Refused to/i.test(m.text()))
          problems.push(`${p.url()}: ${m.text()}`);
      });
    });
    const tab = await context.newPage();
    for (const path of ["/", "/jobs", "/officer", "/officer/persons", "/account"]) {
      await tab.goto(path);
      await tab.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    }
    // A client-side navigation keeps the page's JavaScript state: proof that React took over the page.
    await tab.evaluate(() => ((window as unknown as { ctMarker: number }).ctMarker = 42));
    await tab.locator("header").getByRole("link", { name: "Việc làm" }).first().click();
    await tab.waitForURL((url) => url.pathname === "/jobs");
    expect(await tab.evaluate(() => (window as unknown as { ctMarker?: number }).ctMarker)).toBe(42);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("body size", () => {
  /**
   * Declare a large body but send only its first bytes, then wait for the answer: a server that reads
   * before refusing would wait for the rest and never answer (the test times out).
   */
  const declareLarge = (path: string, declared: number, contentType: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${app.url}${path}`, {
        method: "POST",
        headers: { "Content-Type": contentType, "Content-Length": String(declared), Origin: app.url },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      // The server closes the connection after refusing: a write after that is expected to fail.
      req.on("error", (error) =>
        (error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET"
          ? undefined
          : reject(error),
      );
      req.write("identifier=a&password=" + "x".repeat(1024));
    });

  it("refuses a form body larger than any form sends with 413 and a message, before reading it", async () => {
    const res = await declareLarge("/login", 2 * 1024 * 1024, "application/x-www-form-urlencoded");
    expect(res.status).toBe(413);
    expect(res.body).toContain("quá lớn");
  });

  it("refuses a multipart body far beyond the largest scan, before reading it", async () => {
    const res = await declareLarge("/login", 30 * 1024 * 1024, "multipart/form-data; boundary=x");
    expect(res.status).toBe(413);
  });

  it("lets an ordinary form through", async () => {
    const res = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
      body: "identifier=khong-co%40chungtay.test&password=sai-mat-khau-1",
    });
    expect(res.status).toBe(400);
  });
});
