import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { parseJobSearch } from "~/modules/search/params";
import { searchJobs } from "~/modules/search/public-search.server";
import { singleton } from "~/utils/singleton.server";

import { job } from "../../db/schema";
import { initSearch, search } from "../../search/client.server";
import { type LaunchedMeilisearch, launchMeilisearch } from "../../search/launcher";
import { pendingCount } from "../../search/outbox.server";
import { deliverBatch } from "../../search/sync.server";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-restart-"));
let meili: LaunchedMeilisearch | undefined;
afterAll(async () => {
  await meili?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const q = (s: string) => parseJobSearch(new URLSearchParams(s));
const closeBreaker = () => (singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0);

describe("a real Meilisearch stopped and started again", () => {
  it("public search falls back while it is down, writes succeed, and the backlog drains after the restart", async () => {
    // Our own server (not the run's shared one), so this test can really stop it.
    meili = await launchMeilisearch({ dataDir });
    const client = initSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: search().config.indexPrefix });
    await client.ensureIndexes();
    const shop = await createOrgMember("employer");
    const before = await publishJob(shop, { title: "Thợ hàn cổng sắt trước khi dừng", occupationCode: "72120" });
    await deliverBatch(ctx.handle.db, client);
    expect((await searchJobs(q("q=han+cong+sat"))).hits.map((h) => h.id)).toContain(before.id);

    await meili.stop();
    const during = await searchJobs(q("q=han+cong+sat"));
    expect(during.source).toBe("database");
    expect(during.hits.map((h) => h.id)).toContain(before.id);
    const written = await publishJob(shop, { title: "Thợ sơn cổng sắt trong lúc dừng", occupationCode: "71310" });
    const attempt = await deliverBatch(ctx.handle.db, client);
    expect(attempt.failed).toBeGreaterThan(0);
    expect(await pendingCount(ctx.handle.db)).toBeGreaterThan(0);

    // Same data directory and master key, a new port: what a restart of the app's Meilisearch looks like.
    meili = await launchMeilisearch({ dataDir });
    const restarted = initSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: client.config.indexPrefix });
    const { outbox } = await import("../../db/schema");
    await ctx.handle.db.update(outbox).set({ nextAttemptAt: new Date(0) }); // skip the back-off wait
    await drainOutbox(ctx.handle.db, restarted, 10);
    expect(await pendingCount(ctx.handle.db)).toBe(0);

    closeBreaker();
    const after = await searchJobs(q("q=son+cong+sat"));
    expect(after.source).toBe("meilisearch");
    expect(after.hits.map((h) => h.id)).toContain(written.id);
    // The index equals the database: every open job is there, nothing else.
    const open = await ctx.handle.db.select({ id: job.id }).from(job).where(eq(job.status, "open"));
    const indexed = await restarted.index("jobs").getDocuments({ limit: 1000, fields: ["id"] });
    expect(indexed.results.map((d) => d.id).sort()).toEqual(open.map((j) => j.id).sort());
  });
});
