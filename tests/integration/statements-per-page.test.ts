import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { inRequestScope } from "~/auth/request-scope.server";
import { endAllSessions, getOptionalUser, touchEveryMs } from "~/auth/session.server";
import * as root from "~/root";
import * as home from "~/routes/_index";
import * as jobs from "~/routes/jobs._index";
import * as jobDetail from "~/routes/jobs.$id";
import * as login from "~/routes/login";
import * as officerHome from "~/routes/officer._index";
import * as officerPersons from "~/routes/officer.persons._index";

import { appUser, job, userSession } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { DEMO } from "../setup/browser";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { cookieFor, type RouteHandler, routeRequest } from "../setup/routes";
import { countingDatabase, loadPage } from "../setup/statement-count";

/*
 * Issue 14: the statements a document GET sends, root loader and route loader together as Remix runs them
 * inside app/server.ts's request scope. One session check per request, no write on a GET but the audit
 * event privacy asks for, reference data from memory.
 */
const ctx = setupIntegration({ indexes: true });
let officerId = "";
let officerCookie = "";
let jobId = "";
let counting: ReturnType<typeof countingDatabase>;

beforeAll(async () => {
  await seedDemoData(ctx.handle.db);
  await drainOutbox(ctx.handle.db, ctx.search, 50);
  const [officer] = await ctx.handle.db.select().from(appUser).where(eq(appUser.email, DEMO.officerNamDa));
  officerId = officer.id;
  officerCookie = await cookieFor(officer.id);
  const [open] = await ctx.handle.db.select({ id: job.id }).from(job).where(eq(job.status, "open")).limit(1);
  jobId = open.id;
  counting = countingDatabase(ctx.handle);
}, 120_000);

type Page = { path: string; route: RouteHandler; cookie?: () => string; params?: () => Record<string, string> };
const PAGES: Page[] = [
  { path: "/", route: home.loader as RouteHandler },
  { path: "/login", route: login.loader as RouteHandler },
  { path: "/jobs?q=sua+xe+may", route: jobs.loader as RouteHandler },
  { path: "/jobs/:id", route: jobDetail.loader as RouteHandler, params: () => ({ id: jobId }) },
  { path: "/officer", route: officerHome.loader as RouteHandler, cookie: () => officerCookie },
  { path: "/officer/persons", route: officerPersons.loader as RouteHandler, cookie: () => officerCookie },
];

async function statementsOf(page: Page): Promise<string[]> {
  counting.statements.length = 0;
  const params = page.params?.() ?? {};
  const path = page.path.replace(":id", params.id ?? "");
  const responses = await loadPage(
    inRequestScope,
    path,
    { root: root.loader as RouteHandler, route: page.route, params },
    page.cookie?.(),
  );
  for (const r of responses) expect(r.status, path).toBe(200);
  return [...counting.statements];
}

const isWrite = (s: string) => /^\s*(insert|update|delete)\b/i.test(s);
const readsSession = (s: string) => /from "user_session"/.test(s);

describe("statements per document request", () => {
  it("each page, twice: the second visit is what a busy site pays", async () => {
    const lines: string[] = [];
    for (const page of PAGES) {
      const first = await statementsOf(page);
      const again = await statementsOf(page);
      lines.push(`${page.path.padEnd(22)} first visit ${first.length}, next ${again.length}`);
      // No write on a GET, except the audit event of a list of persons (privacy: who saw whom).
      const writes = again.filter(isWrite);
      if (page.path === "/officer/persons")
        expect(writes.map((s) => s.slice(0, 25))).toEqual(['insert into "audit_event"']);
      else expect(writes, page.path).toEqual([]);
      // One session check per request, in one statement (the officer's communes come with it).
      expect(again.filter(readsSession), page.path).toHaveLength(page.cookie ? 1 : 0);
      expect(
        again.filter((s) => /from "officer_commune"/.test(s) && !readsSession(s)),
        page.path,
      ).toEqual([]);
      // Provinces and communes come from memory once loaded.
      expect(
        again.filter((s) => /from "(province|commune)"/.test(s) && !/order by "commune"."name"/.test(s)),
        page.path,
      ).toEqual([]);
    }
    console.log(`[statements per page]\n${lines.join("\n")}`);
    const byPath: Record<string, number> = {};
    for (const page of PAGES) byPath[page.path] = (await statementsOf(page)).length;
    // The public pages of an anonymous visitor: nothing for the home page and the login page, the cache's
    // one version check for the listings (data served from memory).
    expect(byPath).toMatchObject({ "/": 0, "/login": 0, "/jobs?q=sua+xe+may": 1, "/jobs/:id": 1 });
    // An officer's list of persons: the session, the unread count, the page with its count and each listed
    // person's details in one statement, the audit event (it was 9 with a statement per detail).
    expect(byPath["/officer/persons"]).toBe(4);
  });

  it("writes last_seen_at once when it is due, then not again in the same window", async () => {
    const [{ id: sessionId }] = await ctx.handle.db
      .select({ id: userSession.id })
      .from(userSession)
      .where(eq(userSession.userId, officerId));
    const due = new Date(Date.now() - touchEveryMs("officer") - 1_000);
    await ctx.handle.db.update(userSession).set({ lastSeenAt: due }).where(eq(userSession.id, sessionId));
    const officerPage = PAGES.find((p) => p.path === "/officer")!;
    const first = await statementsOf(officerPage);
    expect(first.filter((s) => /^update "user_session"/.test(s))).toHaveLength(1);
    const next = await statementsOf(officerPage);
    expect(next.filter(isWrite)).toEqual([]);
  });

  it("a request's check is shared by its loaders but forgotten when sessions end in it", async () => {
    const user = await ctx.handle.db.select().from(appUser).where(eq(appUser.email, DEMO.officerLuongSon));
    const cookie = await cookieFor(user[0].id);
    await inRequestScope(async () => {
      counting.statements.length = 0;
      expect((await getOptionalUser(routeRequest("/officer", { cookie })))?.id).toBe(user[0].id);
      expect((await getOptionalUser(routeRequest("/officer", { cookie })))?.id).toBe(user[0].id);
      expect(counting.statements.filter(readsSession)).toHaveLength(1);
      // An action ends the sessions (a password change, "log out everywhere"): the loaders after it see that.
      await endAllSessions(user[0].id);
      expect(await getOptionalUser(routeRequest("/officer", { cookie }))).toBeNull();
    });
    // Outside a scope nothing is shared: each Request is checked.
    const other = await cookieFor(user[0].id);
    counting.statements.length = 0;
    await getOptionalUser(routeRequest("/officer", { cookie: other }));
    await getOptionalUser(routeRequest("/officer", { cookie: other }));
    expect(counting.statements.filter(readsSession)).toHaveLength(2);
  });

  it("an action checks afresh, and the loaders after it do not reuse what it saw", async () => {
    const [user] = await ctx.handle.db.select().from(appUser).where(eq(appUser.email, DEMO.officerLuongSon));
    const cookie = await cookieFor(user.id);
    await inRequestScope(async () => {
      expect((await getOptionalUser(routeRequest("/account", { cookie })))?.id).toBe(user.id);
      // The POST of the same request (Remix: action first) ends every session by the database's hand.
      const post = routeRequest("/account", { cookie, form: { intent: "x" } });
      expect((await getOptionalUser(post))?.id).toBe(user.id);
      await ctx.handle.db.delete(userSession).where(eq(userSession.userId, user.id));
      expect(await getOptionalUser(routeRequest("/account", { cookie }))).toBeNull();
    });
  });
});
