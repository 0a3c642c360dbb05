import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { inRequestScope } from "~/auth/request-scope.server";
import * as root from "~/root";
import * as home from "~/routes/_index";
import * as jobs from "~/routes/jobs._index";
import * as jobDetail from "~/routes/jobs.$id";
import * as login from "~/routes/login";
import * as officerHome from "~/routes/officer._index";
import * as officerPersons from "~/routes/officer.persons._index";

import { appUser, job } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { DEMO } from "../setup/browser";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { cookieFor, type RouteHandler } from "../setup/routes";
import { countingDatabase, loadPage } from "../setup/statement-count";

const ctx = setupIntegration({ indexes: true });
let officerCookie = "";
let jobId = "";
const scope = process.env.NO_SCOPE ? <T>(run: () => T) => run() : inRequestScope;
let counting: ReturnType<typeof countingDatabase>;

beforeAll(async () => {
  await seedDemoData(ctx.handle.db);
  await drainOutbox(ctx.handle.db, ctx.search, 50);
  const [officer] = await ctx.handle.db.select().from(appUser).where(eq(appUser.email, DEMO.officerNamDa));
  officerCookie = await cookieFor(officer.id);
  const [open] = await ctx.handle.db.select({ id: job.id }).from(job).where(eq(job.status, "open")).limit(1);
  jobId = open.id;
  counting = countingDatabase(ctx.handle);
}, 120_000);

async function count(path: string, route: RouteHandler, cookie?: string, params?: Record<string, string>) {
  counting.statements.length = 0;
  const responses = await loadPage(scope, path, { root: root.loader as RouteHandler, route, params }, cookie);
  for (const r of responses) expect(r.status, path).toBe(200);
  return [...counting.statements];
}

describe("statements per page", () => {
  it("counts", async () => {
    const pages: [string, RouteHandler, string?, Record<string, string>?][] = [
      ["/", home.loader as RouteHandler],
      ["/login", login.loader as RouteHandler],
      ["/jobs?q=sua+xe+may", jobs.loader as RouteHandler],
      [`/jobs/${jobId}`, jobDetail.loader as RouteHandler, undefined, { id: jobId }],
      ["/officer", officerHome.loader as RouteHandler, officerCookie],
      ["/officer/persons", officerPersons.loader as RouteHandler, officerCookie],
    ];
    const lines: string[] = [];
    for (const [path, loader, cookie, params] of pages) {
      const first = await count(path, loader, cookie, params);
      const second = await count(path, loader, cookie, params);
      lines.push(`${path.padEnd(50)} first ${first.length} then ${second.length}`);
      for (const s of second) lines.push(`    ${s.slice(0, 160).replace(/\s+/g, " ")}`);
    }
    console.log(lines.join("\n"));
  });
});
