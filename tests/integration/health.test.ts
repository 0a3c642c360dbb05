import { describe, expect, it } from "vitest";

import { loader } from "~/routes/healthz";

import { initSearch, search } from "../../search/client.server";
import { setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });

describe("GET /healthz", () => {
  it("answers 200 with db and search ok when both are up", async () => {
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok", search: "ok" });
  });

  it("answers 503 naming search when Meilisearch cannot be reached", async () => {
    const working = search();
    initSearch({ url: "http://127.0.0.1:9", apiKey: "x", indexPrefix: working.config.indexPrefix });
    try {
      const res = await loader();
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ db: "ok", search: "down" });
    } finally {
      initSearch(working.config);
    }
  });

  it("answers 503 naming search when an index lacks our settings", async () => {
    await ctx.search.raw.deleteIndex(ctx.search.indexUid("jobs")).waitTask();
    const res = await loader();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ db: "ok", search: "down" });
    await ctx.search.ensureIndexes();
    expect((await loader()).status).toBe(200);
  });

  it("asks Meilisearch once per check while its settings were seen good in the last 30 s", async () => {
    expect((await loader()).status).toBe(200);
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      expect((await loader()).status).toBe(200);
      expect(calls.map((url) => new URL(url).pathname)).toEqual(["/health"]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
