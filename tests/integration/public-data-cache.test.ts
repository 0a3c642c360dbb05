import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { transitionJob } from "~/modules/jobs/jobs.server";
import { clearPublicDataCache, publicDataCacheSize } from "~/modules/search/public-data-cache.server";
import { loader as jobsLoader } from "~/routes/jobs._index";
import { loader as jobLoader } from "~/routes/jobs.$id";

import { createUser } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { cookieFor, responseOf, routeContext, type RouteHandler, routeRequest } from "../setup/routes";
import { countingDatabase } from "../setup/statement-count";

/*
 * The public listing pages' data, kept a few seconds for anonymous visitors
 * (app/modules/search/public-data-cache.server.ts, decision 037): served again to the next anonymous
 * visitor, never to a logged-in one, and dropped at the change, not at the end of its few seconds.
 */
const ctx = setupIntegration({ indexes: true });
const drain = () => drainOutbox(ctx.handle.db, ctx.search);
let counting: ReturnType<typeof countingDatabase>;

/** Requests to Meilisearch, counted on the real fetch (nothing is answered in its place). */
const meiliCalls: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(() => {
  counting = countingDatabase(ctx.handle);
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    meiliCalls.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
  counting.restore();
});
beforeEach(() => clearPublicDataCache());

async function get(handler: unknown, path: string, cookie?: string, params: Record<string, string> = {}) {
  counting.statements.length = 0;
  meiliCalls.length = 0;
  const res = await responseOf(() =>
    (handler as RouteHandler)({ request: routeRequest(path, { cookie }), params, context: routeContext() }),
  );
  return {
    status: res.status,
    body: res.status === 200 ? await res.json() : null,
    statements: [...counting.statements],
  };
}
const jobSelects = (statements: string[]) => statements.filter((s) => /^select "job"\."id"/.test(s));
const hitIds = (body: { result: { hits: { id: string }[] } }) => body.result.hits.map((h) => h.id);

describe("public data cache", () => {
  it("serves a job page's data to the next anonymous visitor without reading the job again", async () => {
    const shop = await createOrgMember("employer", { name: "Tiệm sửa xe Bộ Nhớ" });
    const { id } = await publishJob(shop);
    const first = await get(jobLoader, `/jobs/${id}`, undefined, { id });
    expect(first.status).toBe(200);
    expect(jobSelects(first.statements)).toHaveLength(1);
    const second = await get(jobLoader, `/jobs/${id}`, undefined, { id });
    expect(second.body).toEqual(first.body);
    // Only the version check: the listing still public, unchanged, the index not moved.
    expect(second.statements).toHaveLength(1);
    expect(jobSelects(second.statements)).toEqual([]);
  });

  it("serves a search's data to the next anonymous visitor without asking Meilisearch, whatever the order of its parameters", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, { title: "Thợ hàn khung sắt" });
    await drain();
    const first = await get(jobsLoader, "/jobs?q=han+khung&sort=newest");
    expect(hitIds(first.body)).toContain(id);
    expect(meiliCalls.length).toBeGreaterThan(0);
    const second = await get(jobsLoader, "/jobs?sort=newest&q=han+khung");
    expect(second.body).toEqual(first.body);
    expect(meiliCalls).toEqual([]);
  });

  it("lets anonymous visitors who miss the same page at once share one search", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, { title: "Thợ điện dân dụng" });
    await drain();
    const one = await get(jobsLoader, "/jobs?q=dien+dan+dung");
    const callsOfOne = meiliCalls.length;
    expect(callsOfOne).toBeGreaterThan(0);
    clearPublicDataCache();
    meiliCalls.length = 0;
    // Ten visitors at the same moment, the entry missing (as when it expires under load).
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        responseOf(() =>
          (jobsLoader as RouteHandler)({
            request: routeRequest("/jobs?q=dien+dan+dung"),
            params: {},
            context: routeContext(),
          }),
        ).then((res) => res.json()),
      ),
    );
    expect(meiliCalls.length).toBe(callsOfOne);
    for (const body of answers) {
      expect(body).toEqual(one.body);
      expect(hitIds(body)).toContain(id);
    }
  });

  it("never serves a logged-in visitor from it, nor keeps what was read for one", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop);
    const person = await createUser({ role: "person" });
    const cookie = await cookieFor(person.id);
    await get(jobLoader, `/jobs/${id}`, undefined, { id });
    expect(publicDataCacheSize()).toBe(1);
    const loggedIn = await get(jobLoader, `/jobs/${id}`, cookie, { id });
    expect(loggedIn.status).toBe(200);
    expect(jobSelects(loggedIn.statements)).toHaveLength(1);
    clearPublicDataCache();
    await get(jobLoader, `/jobs/${id}`, cookie, { id });
    await get(jobsLoader, "/jobs?q=sua", cookie);
    expect(publicDataCacheSize()).toBe(0);
  });

  it("drops a closed job at once: its page on the next request, the search as soon as the index has it", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, { title: "Thợ sơn tường nhà" });
    await drain();
    expect((await get(jobLoader, `/jobs/${id}`, undefined, { id })).status).toBe(200);
    expect(hitIds((await get(jobsLoader, "/jobs?q=son+tuong")).body)).toContain(id);
    expect(publicDataCacheSize()).toBe(2);

    expect(await transitionJob(shop, id, "close")).toMatchObject({ ok: true });
    // PostgreSQL has it: the page is gone on the very next request, well within the cache's few seconds.
    expect((await get(jobLoader, `/jobs/${id}`, undefined, { id })).status).toBe(404);
    // The index has it once delivered (here by the test, in the app by the worker): so has the search.
    await drain();
    expect(hitIds((await get(jobsLoader, "/jobs?q=son+tuong")).body)).not.toContain(id);
  });
});
