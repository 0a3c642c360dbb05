import { type Index, Meilisearch, type RecordAny } from "meilisearch";

import { setSingleton, singleton } from "~/utils/singleton.server";

import { INDEX_NAMES, INDEXES, type IndexName } from "./indexes";

export type SearchConfig = { url: string; apiKey?: string; indexPrefix: string };

/** The one wrapped Meilisearch client: index prefixes, no gzip, awaited tasks. */
export class SearchClient {
  readonly raw: Meilisearch;
  constructor(readonly config: SearchConfig) {
    this.raw = new Meilisearch({
      host: config.url,
      apiKey: config.apiKey,
      // gzip over keep-alive costs ~40 ms a call here; these responses are small.
      requestInit: { headers: { "Accept-Encoding": "identity" } },
      timeout: 5_000,
    });
  }

  indexUid(name: IndexName): string {
    return `${this.config.indexPrefix}${name}`;
  }

  index<T extends RecordAny = RecordAny>(name: IndexName): Index<T> {
    return this.raw.index<T>(this.indexUid(name));
  }

  /** Create missing indexes and apply the settings in search/indexes.ts; waits for every task. */
  async ensureIndexes(): Promise<void> {
    for (const name of INDEX_NAMES) {
      const { primaryKey, settings } = INDEXES[name];
      const uid = this.indexUid(name);
      try {
        await this.raw.getIndex(uid);
      } catch {
        await this.raw.createIndex(uid, { primaryKey }).waitTask({ timeout: 30_000 });
      }
      const task = await this.raw.index(uid).updateSettings(settings).waitTask({ timeout: 60_000 });
      if (task.status !== "succeeded") {
        throw new Error(`Applying settings to ${uid} failed: ${JSON.stringify(task.error)}`);
      }
    }
  }

  /** ok when the server answers and every index exists with our settings. */
  async health(): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      const health = await this.raw.health();
      if (health.status !== "available") return { ok: false, reason: `status ${health.status}` };
      for (const name of INDEX_NAMES) {
        const settings = await this.raw.index(this.indexUid(name)).getFilterableAttributes();
        const expected = INDEXES[name].settings.filterableAttributes ?? [];
        const actual = new Set((settings ?? []).map((s) => (typeof s === "string" ? s : JSON.stringify(s))));
        if (expected.some((a) => typeof a === "string" && !actual.has(a))) {
          return { ok: false, reason: `index ${this.indexUid(name)} has stale settings` };
        }
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

const KEY = "search";

export function initSearch(config: SearchConfig): SearchClient {
  const client = new SearchClient(config);
  setSingleton(KEY, client);
  return client;
}

/** The process-wide client; `initSearch` must have run (the server does it at start). */
export function search(): SearchClient {
  const client = singleton<SearchClient | undefined>(KEY, () => undefined);
  if (!client) throw new Error("Search not initialised: call initSearch() at process start");
  return client;
}
