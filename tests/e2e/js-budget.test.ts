import { gzipSync } from "node:zlib";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { setupBrowser } from "../setup/browser";

/*
 * Issue 14: a public page loads at most 100 KB of gzipped JavaScript, in either language. The figure is what
 * Chromium actually fetched for the page (every script, module preload and dynamic import, the message
 * catalogue's chunks included), each body gzipped at level 9 as the server's compression would send it.
 * Decision 035 explains the split that keeps it there: each language's strings in its own chunks, loaded per
 * route. If the catalogue went back into one chunk (both languages, ~68 KB gzipped), every page would fail.
 * The same visit fails on any console error: a string whose area a page forgot to load says so there.
 */

const e2e = setupBrowser();

const BUDGET_BYTES = 100 * 1024;

type Weight = { total: number; scripts: { url: string; gzipped: number }[] };

async function javascriptOf(page: Page, path: string): Promise<Weight> {
  const scripts = new Map<string, Promise<number>>();
  const onResponse = (response: import("playwright-core").Response) => {
    const request = response.request();
    const url = response.url();
    if (request.resourceType() !== "script" && !url.endsWith(".js")) return;
    if (scripts.has(url)) return;
    scripts.set(
      url,
      response.body().then(
        (body) => gzipSync(body, { level: 9 }).length,
        () => 0,
      ),
    );
  };
  page.on("response", onResponse);
  const answer = await page.goto(path);
  expect(answer?.status(), path).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  // Hydrated: the footer, the document's last part, carries React's fiber.
  await page.waitForFunction(() => {
    const footer = document.querySelector(".site-footer p:last-child");
    return !!footer && Object.keys(footer).some((k) => k.startsWith("__reactFiber"));
  });
  page.off("response", onResponse);
  const list = await Promise.all(
    [...scripts].map(async ([url, size]) => ({ url: new URL(url).pathname, gzipped: await size })),
  );
  return { total: list.reduce((sum, s) => sum + s.gzipped, 0), scripts: list };
}

/** A public page's first link to a detail page of this kind (/jobs/<id>, /trainings/<id>). */
async function firstDetail(page: Page, list: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`main a[href^="${list}/"]`).first().getAttribute("href");
  if (!href) throw new Error(`no detail link on ${list}`);
  return href;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("the JavaScript of every public page stays within 100 KB gzipped", () => {
  it("keeps the bundled code's licence notices at one address, named in the code (app/cli/legal-comments.ts)", async () => {
    const res = await fetch(`${e2e.url}/build/LICENSES.txt`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("@license React");
    expect(text).toContain("@remix-run/router");
  });

  for (const lang of ["vi", "en"] as const) {
    it(`in ${lang === "vi" ? "Vietnamese" : "English"}`, async () => {
      const context = await e2e.context();
      await context.addCookies([{ name: "ct_lang", value: lang, url: e2e.url }]);
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (msg) => {
        // The unknown page's own document answers 404, as it should; Chromium logs that as an error.
        const expected = page.url().endsWith("/no-such-page") && /status of 404/.test(msg.text());
        if (msg.type() === "error" && !expected) consoleErrors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));

      const pages = [
        "/",
        "/jobs",
        await firstDetail(page, "/jobs"),
        "/trainings",
        await firstDetail(page, "/trainings"),
        "/employers",
        "/login",
        "/register",
        "/forgot-password",
        "/reset-password",
        "/reset-password/not-a-real-token",
        "/activate",
        "/no-such-page",
      ];
      const figures: string[] = [];
      const over: string[] = [];
      for (const path of pages) {
        const weight = await javascriptOf(page, path);
        figures.push(`${lang} ${path.padEnd(48)} ${kb(weight.total).padStart(9)} in ${weight.scripts.length} files`);
        if (weight.total > BUDGET_BYTES) {
          over.push(
            `${path}: ${kb(weight.total)}\n` +
              weight.scripts
                .sort((a, b) => b.gzipped - a.gzipped)
                .map((s) => `    ${kb(s.gzipped).padStart(9)} ${s.url}`)
                .join("\n"),
          );
        }
        // Sanity: the figure is a real measurement (React alone is tens of KB).
        expect(weight.total, path).toBeGreaterThan(40 * 1024);
      }
      console.log(`gzipped JavaScript per public page:\n${figures.join("\n")}`);
      expect(over, `over ${kb(BUDGET_BYTES)}`).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }
});
