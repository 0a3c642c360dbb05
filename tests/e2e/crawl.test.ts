import fs from "node:fs";
import { createRequire } from "node:module";

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO, DESKTOP, PHONE, SESSION_COOKIE, sessionCookie, setupBrowser } from "../setup/browser";
import { isResourceRoute, routeFileFor, routeFileNames, routePattern, routeSource } from "../setup/route-files";

/*
 * The crawl (issue 11 §1): every role, at a phone's width and a desktop's, with JavaScript on, starts from the
 * home page and its own home and follows every same-origin link breadth-first, each route pattern a bounded
 * number of times. Every page must load without a script error, a console error (hydration warnings
 * included), a failed sub-request, the error page or a document wider than the screen; each page's first GET
 * form (search, filters, report periods) is submitted with its defaults and checked the same way; downloads
 * are fetched and must answer 200. At the end every route file must have been reached from a link by some
 * role, except the few listed in REACHED_OTHERWISE. Problems are collected and reported together.
 *
 * Accessibility (issue 14): the first page of each route pattern, per role and width (the two officers count as
 * one role here, as do the two admins), is checked by axe-core (the engine of Lighthouse's accessibility score)
 * once it has hydrated, and any violation is a problem (docs/decisions/038-accessibility-checks.md says which
 * rules and why not every URL).
 *
 * Other e2e files run at the same time against the same app and create data: the crawl reads only, and opens
 * nothing that changes state (see NOT_FOLLOWED), so neither disturbs the other.
 */

const e2e = setupBrowser();

/** `axe`: roles with the same pages share axe-core's checks (each route pattern once per group and width). */
type Role = { name: string; identifier?: string; home: string; axe?: string };
const ROLES: Role[] = [
  { name: "anonymous", home: "/" },
  { name: "person", identifier: DEMO.person, home: "/me" },
  { name: "employer", identifier: DEMO.employer, home: "/employer" },
  { name: "provider", identifier: DEMO.provider, home: "/provider" },
  { name: "officer Nam Đà", identifier: DEMO.officerNamDa, home: "/officer", axe: "officer" },
  { name: "officer Lương Sơn", identifier: DEMO.officerLuongSon, home: "/officer", axe: "officer" },
  { name: "admin Phú Thọ", identifier: DEMO.admin, home: "/admin", axe: "admin" },
  { name: "admin Lâm Đồng", identifier: DEMO.adminLamDong, home: "/admin", axe: "admin" },
  { name: "national", identifier: DEMO.national, home: "/national" },
];
const WIDTHS = [PHONE, DESKTOP];

/** Distinct URLs opened per route pattern, role and width: a list and one or two of its detail pages. */
const PER_PATTERN = 2;
/**
 * Patterns sampled more widely, with why. A person's record links to the consent form's print page only when
 * the person has a consent grant, and their suggestions (matches) link to "refer" only under a live consent
 * for matching: the list is in register order, and its first persons may have none (in xã Lương Sơn's demo
 * data the first two of four do not).
 */
const PER_PATTERN_OVERRIDES: Record<string, number> = {
  "officer.persons.$id.tsx": 4,
  "officer.persons.$id_.matches.tsx": 4,
};

/** Route files no link leads to, each with the reason: the orphan check leaves them out. */
const REACHED_OTHERWISE: Record<string, string> = {
  "$.tsx": "the 404 page for any unknown URL",
  "healthz.ts": "for load balancers and monitoring, not people",
  "api.communes.ts": "fetched by the commune picker's script, not a link",
  "lang.tsx": "the language switch is a POST form in the header",
  "logout.tsx": "logging out is a POST form in the header",
  "notifications.$id.tsx": "opening a notification is a POST form in the list (it marks it read)",
  "n.$code.tsx": "a message's short link, opened from an SMS, a Zalo message or an e-mail",
  "hooks.esms.$token.tsx": "eSMS's delivery reports, called by the gateway",
  "hooks.zns.$token.tsx": "Zalo's webhook, called by Zalo",
  "dev.outbox.tsx": "the demo's outbox, named in the README (it does not exist in production)",
  "reset-password.tsx": "where /forgot-password sends a phone number (the code's form)",
  "reset-password_.$token.tsx": "the link in a password-reset e-mail",
};

/** Linked, but opening them changes something: they count as reached and are not opened. */
const NOT_FOLLOWED: Record<string, string> = {};

const FILES = routeFileNames();
const RESOURCE = new Set(FILES.filter((f) => isResourceRoute(routeSource(f))));
const SUBREQUEST_TYPES = new Set(["document", "fetch", "xhr", "script", "stylesheet", "image", "font"]);

/** Route file → the roles that found a link to it. */
const reached = new Map<string, Set<string>>();
/** Role → widths → the URLs opened, for the report. */
const visitedLog: string[] = [];

type Problem = string;

/**
 * axe-core's minified browser bundle, evaluated through DevTools (Runtime.evaluate is not subject to the page's
 * CSP; a <script> would be, and bypassCSP would hide the CSP errors the crawl looks for).
 */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** "group width route-file" already checked by axe-core: the roles run one after the other. */
const axeChecked = new Set<string>();
/** WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices: what Lighthouse checks and a little more. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** Time spent in axe-core (injecting and running), per crawl, for the report: it must not slow the crawl much. */
const axeLog: string[] = [];

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** The page's axe-core violations, one line each: rule, impact, what it says, the first few elements. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations;
  }, AXE_TAGS);
  return (violations as AxeViolation[]).map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.map(String).join(" "));
    return `axe ${v.id} (${v.impact ?? "?"}): ${v.help}: ${targets.join(", ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`;
  });
}

async function contextFor(role: Role, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await e2e.context({ viewport });
  if (role.identifier) {
    await context.addCookies([
      { name: SESSION_COOKIE, value: await sessionCookie(e2e.url, role.identifier), url: e2e.url },
    ]);
  }
  return context;
}

/** The same-origin links of the page, as paths with their query (no hash), in document order. */
async function linksOf(page: Page): Promise<{ href: string; download: boolean }[]> {
  const origin = new URL(e2e.url).origin;
  const links = await page.$$eval("a[href]", (as) =>
    as.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.hasAttribute("download") })),
  );
  return links
    .map(({ href, download }) => {
      const url = new URL(href);
      return url.origin === origin ? { href: url.pathname + url.search, download } : null;
    })
    .filter((l): l is { href: string; download: boolean } => l !== null);
}

/**
 * Wait until the page has loaded, React has hydrated the whole document (the footer, its last part, carries
 * React's fiber) and the router is idle, then two frames more: hydration errors are reported by then.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as {
          __remixRouter?: { state: { navigation: { state: string }; revalidation: string } };
        };
        const footer = document.querySelector(".site-footer p:last-child");
        const hydrated = !!footer && Object.keys(footer).some((k) => k.startsWith("__reactFiber"));
        return (
          hydrated &&
          w.__remixRouter?.state.navigation.state === "idle" &&
          w.__remixRouter.state.revalidation === "idle"
        );
      },
      undefined,
      { timeout: 10_000, polling: 50 },
    )
    .catch(() => {
      throw new Error("the page did not hydrate within 10 s");
    });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20)))),
  );
}

async function crawl(role: Role, viewport: { width: number; height: number }): Promise<Problem[]> {
  const where = `${role.name} @${viewport.width}px`;
  const problems: Problem[] = [];
  const context = await contextFor(role, viewport);
  const page = await context.newPage();
  let current = "";
  page.on("pageerror", (error) => problems.push(`${where} ${current}: page error: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`${where} ${current}: console error: ${msg.text()}`);
  });
  page.on("response", (res) => {
    const type = res.request().resourceType();
    if (res.status() >= 400 && SUBREQUEST_TYPES.has(type)) {
      problems.push(
        `${where} ${current}: ${type} ${new URL(res.url()).pathname}${new URL(res.url()).search} answered ${res.status()}`,
      );
    }
  });

  const perPattern = new Map<string, number>();
  const seen = new Set<string>();
  const queue: { href: string; from: string }[] = [];
  const formsTried = new Set<string>();
  let axeMs = 0;
  let axePages = 0;
  const enqueue = (href: string, from: string, download = false) => {
    const file = routeFileFor(new URL(href, e2e.url).pathname, FILES);
    if (!file) return;
    if (from !== "start") {
      if (!reached.has(file)) reached.set(file, new Set());
      reached.get(file)!.add(role.name);
    }
    if (seen.has(href)) return;
    if (NOT_FOLLOWED[file]) return;
    const count = perPattern.get(file) ?? 0;
    if (count >= (PER_PATTERN_OVERRIDES[file] ?? PER_PATTERN)) return;
    perPattern.set(file, count + 1);
    seen.add(href);
    queue.push({ href: download || RESOURCE.has(file) ? `download:${href}` : href, from });
  };

  /** What every page must pass, after a visit or a form submission. */
  const check = async (label: string) => {
    if (role.identifier && new URL(page.url()).pathname === "/login")
      problems.push(`${where} ${label}: sent to the login page`);
    if ((await page.locator(".error-page").count()) > 0) {
      const title = await page
        .locator(".error-page h1")
        .first()
        .innerText()
        .catch(() => "");
      problems.push(`${where} ${label}: shows the error page "${title}"`);
    }
    // A name that ends in an initial ("Nguyễn Văn H.") before a sentence's full stop must not read "H..".
    const doubled = (await page.locator("main").innerText()).match(/.{0,30}[^.\s]\.\.(?!\.).{0,10}/);
    if (doubled) problems.push(`${where} ${label}: a doubled full stop: "${doubled[0]}"`);
    // Every required box says so in its label (or its group's legend), the way app/components/forms.tsx marks it.
    const unmarked = await page.$$eval(
      "main input[required], main select[required], main textarea[required]",
      (controls) =>
        controls
          .filter((c) => {
            const label = c.id ? document.querySelector(`label[for="${CSS.escape(c.id)}"]`) : null;
            const text = [label ?? c.closest("label"), c.closest("fieldset")?.querySelector("legend")]
              .map((e) => e?.textContent ?? "")
              .join(" ");
            return !/\((bắt buộc|required)\)/.test(text);
          })
          .map((c) => `${c.tagName.toLowerCase()}[name=${c.getAttribute("name")}]`),
    );
    if (unmarked.length)
      problems.push(`${where} ${label}: required but not marked "(bắt buộc)": ${unmarked.join(", ")}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    if (scrollWidth > clientWidth)
      problems.push(`${where} ${label}: the page is ${scrollWidth}px wide in a ${clientWidth}px window`);
  };

  enqueue("/", "start");
  enqueue(role.home, "start");
  const opened: string[] = [];
  try {
    while (queue.length) {
      const { href, from } = queue.shift()!;
      if (href.startsWith("download:")) {
        const url = href.slice("download:".length);
        const res = await context.request.get(url, { maxRedirects: 0 });
        if (res.status() !== 200)
          problems.push(`${where} ${url} (linked from ${from}): download answered ${res.status()}`);
        opened.push(url);
        continue;
      }
      current = `${href} (linked from ${from})`;
      try {
        await page.goto(href, { waitUntil: "load" });
        await settle(page);
        opened.push(href);
        await check(current);
        const patternFile = routeFileFor(new URL(href, e2e.url).pathname, FILES)!;
        const axeKey = `${role.axe ?? role.name} ${viewport.width} ${patternFile}`;
        if (!axeChecked.has(axeKey)) {
          axeChecked.add(axeKey);
          axePages++;
          const t = performance.now();
          for (const v of await axeViolations(page)) problems.push(`${where} ${href}: ${v}`);
          axeMs += performance.now() - t;
        }
        if (role.identifier && viewport.width === PHONE.width && href === role.home) {
          const height = await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height);
          if (height >= 120)
            problems.push(`${where} ${href}: the header is ${Math.round(height)}px tall (at most 119px on a phone)`);
        }
        for (const link of await linksOf(page)) enqueue(link.href, href, link.download);
      } catch (error) {
        problems.push(`${where} ${current}: ${(error as Error).message.split("\n")[0]}`);
        continue;
      }

      // The first GET form in the page's main region, submitted as it comes (search, filters, periods).
      const file = routeFileFor(new URL(href, e2e.url).pathname, FILES)!;
      if (formsTried.has(file)) continue;
      formsTried.add(file);
      current = `${href} → its first GET form`;
      try {
        const form = page.locator('main form:not([method]), main form[method="get" i]').first();
        if ((await form.count()) === 0) continue;
        const action = await form.evaluate((f) => (f as HTMLFormElement).action);
        const actionFile = routeFileFor(new URL(action).pathname, FILES);
        if (actionFile && RESOURCE.has(actionFile)) continue; // a download form: its links are fetched instead
        const submit = form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first();
        if ((await submit.count()) === 0) continue;
        // A form folded into a <details> (filters on a phone) is unfolded first, as a person would.
        await form.evaluate((f) => {
          for (let e: Element | null = f; e; e = e.parentElement) if (e instanceof HTMLDetailsElement) e.open = true;
        });
        const before = page.url();
        await submit.click();
        // The client-side navigation starts after the click returns; the URL changes unless it was already the form's.
        await page.waitForURL((url) => url.href !== before, { timeout: 2_000 }).catch(() => {});
        await settle(page);
        await check(current);
      } catch (error) {
        problems.push(`${where} ${current}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
  } finally {
    visitedLog.push(`${where}: ${opened.length} URLs\n  ${opened.join("\n  ")}`);
    axeLog.push(`${where}: axe-core on ${axePages} pages, ${(axeMs / 1000).toFixed(1)} s`);
    await context.close();
  }
  return problems;
}

describe("the crawl of every page a link leads to", () => {
  beforeAll(async () => {
    // The demo data holds no job fair, so nothing would link to a fair's pages: the crawl brings one of its own,
    // in xã Lương Sơn, long past (no report period other tests read includes it).
    const cookie = await sessionCookie(e2e.url, DEMO.officerLuongSon);
    const res = await fetch(`${e2e.url}/officer/job-fairs`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: e2e.url,
        Cookie: `${SESSION_COOKIE}=${cookie}`,
      },
      body: new URLSearchParams({
        title: "Phiên giao dịch việc làm (kiểm thử duyệt trang)",
        heldOn: "2025-03-14",
        communeCode: "04924",
        place: "Nhà văn hóa xã Lương Sơn",
      }),
    });
    expect(res.status, "the crawl's job fair could not be created").toBe(302);
  });

  afterAll(() => {
    if (process.env.CRAWL_LOG) console.log(visitedLog.join("\n"));
    console.log(axeLog.join("\n"));
  });

  it.each(ROLES)(
    "$name: every page at 360 px and 1280 px loads cleanly",
    async (role) => {
      const problems = (await Promise.all(WIDTHS.map((w) => crawl(role, w)))).flat();
      expect(problems, problems.join("\n")).toEqual([]);
    },
    600_000,
  );

  it("reaches every page from a link, except the few reached otherwise", () => {
    const orphans = FILES.filter((f) => !reached.has(f) && !REACHED_OTHERWISE[f]).map(
      (f) => `${f} (${routePattern(f)})`,
    );
    expect(orphans, `No link leads to:\n${orphans.join("\n")}`).toEqual([]);
  });
});
