import crypto from "node:crypto";
import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, inject } from "vitest";

import { wireSearch } from "~/worker/wiring.server";

import {
  type Database,
  type DatabaseHandle,
  openDatabase,
  PGLITE_EXTENSIONS,
  useDatabase,
} from "../../db/client.server";
import { initSearch, type SearchClient } from "../../search/client.server";
import { INDEX_NAMES } from "../../search/indexes";
import { pendingCount } from "../../search/outbox.server";
import { deliverBatch } from "../../search/sync.server";
import { createDatabase, dropDatabase, uniqueName } from "./postgres";

export type TestContext = { handle: DatabaseHandle; search: SearchClient; kind: "pglite" | "postgres" };

/**
 * Call at the top of an integration test file: gives the file its own migrated database (a copy of
 * the run's template or snapshot) and its own Meilisearch index prefix, both removed afterwards.
 * `database: false` gives only the search part (ctx.handle stays unset).
 */
export function setupIntegration(options: { indexes?: boolean; database?: boolean } = {}): TestContext {
  const ctx = {} as TestContext;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // What app/server.ts does through startWorker: search/ gets the modules' document sources.
    wireSearch();
    const serverUrl = inject("pgServerUrl");
    const template = inject("pgTemplate");
    if (options.database === false) {
      // Search-only files skip the database copy (a PGlite costs seconds and ~800 MB).
    } else if (serverUrl && template) {
      const name = uniqueName("ct_t");
      const url = await createDatabase(serverUrl, name, template);
      dropDb = () => dropDatabase(serverUrl, name);
      ctx.handle = await openDatabase({ url, max: 5 });
    } else {
      const snapshot = fs.readFileSync(inject("pgliteSnapshot")!);
      const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: PGLITE_EXTENSIONS });
      ctx.handle = await openDatabase({ pglite });
    }
    if (ctx.handle) {
      ctx.kind = ctx.handle.kind;
      useDatabase(ctx.handle);
    }
    ctx.search = initSearch({
      url: inject("meiliUrl"),
      apiKey: inject("meiliKey"),
      indexPrefix: `${inject("indexPrefix")}${crypto.randomBytes(3).toString("hex")}_`,
    });
    if (options.indexes) await ctx.search.ensureIndexes();
  }, 60_000);

  afterAll(async () => {
    for (const name of INDEX_NAMES) {
      await ctx.search?.raw.deleteIndexIfExists(ctx.search.indexUid(name)).catch(() => {});
    }
    useDatabase(undefined);
    await ctx.handle?.close();
    await dropDb?.();
  }, 60_000);

  return ctx;
}

/** Deliver every pending outbox item to Meilisearch, as the sync worker would (bounded, so a bug cannot hang a test). */
export async function drainOutbox(db: Database, search: SearchClient, maxBatches = 20): Promise<void> {
  for (let i = 0; i < maxBatches && (await pendingCount(db)) > 0; i++) await deliverBatch(db, search);
}
