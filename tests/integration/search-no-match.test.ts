import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseJobSearch, parseTrainingSearch } from "~/modules/search/params";
import { searchJobs, searchTrainings } from "~/modules/search/public-search.server";
import { singleton } from "~/utils/singleton.server";
import { foldText as fold } from "~/utils/text";

import { seedDemoData } from "../../db/seed/demo";
import { initSearch, search, type SearchClient } from "../../search/client.server";
import { createOrgMember, daysFromToday, publishTraining } from "../factories/marketplace";
import { drainOutbox, setupIntegration } from "../setup/integration";

/**
 * Issue 11, "search that finds nothing real", against the demo marketplace (db/seed/marketplace.ts):
 * a query no listing matches says so and offers related listings apart, never as results
 * (docs/decisions/026). The same rules hold in Meilisearch and in the PostgreSQL fallback.
 */
const ctx = setupIntegration({ indexes: true });
const jobs = (query: string) => searchJobs(parseJobSearch(new URLSearchParams(query)));
const trainings = (query: string) => searchTrainings(parseTrainingSearch(new URLSearchParams(query)));
const q = (text: string) => `q=${encodeURIComponent(text)}`;
const breaker = () => singleton("search-breaker", () => ({ openUntil: 0 }));

beforeAll(async () => {
  await seedDemoData(ctx.handle.db);
  const early = await createOrgMember("provider", { name: "Trung tâm dạy nghề Quảng Phước" });
  await publishTraining(early, { title: "Nấu ăn cơ bản", occupationCode: "51200", startsAt: daysFromToday(35) });
  const late = await createOrgMember("provider", { name: "Trung tâm Giáo dục nghề nghiệp Hòa Bắc" });
  await publishTraining(late, {
    title: "Kỹ thuật hàn Quảng Phước",
    occupationCode: "72120",
    startsAt: daysFromToday(60),
  });
  await drainOutbox(ctx.handle.db, ctx.search, 100);
}, 120_000);

/** Every word of the query is a word (or, last, the start of one) of the listing's title, trade, skills, organisation or place. */
function hasEveryWord(query: string, texts: (string | string[] | undefined)[]): boolean {
  const words = (texts.flat().filter(Boolean) as string[]).flatMap((t) => fold(t).match(/[\p{L}\p{N}]+/gu) ?? []);
  const wanted = fold(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  return wanted.every((w, i) => words.some((d) => (i === wanted.length - 1 ? d.startsWith(w) : d === w)));
}

function examples(source: "meilisearch" | "database") {
  it.each(["phi công", "kế toán trưởng"])(
    "“%s” finds no job and no course, and offers related listings apart",
    async (text) => {
      for (const result of [await jobs(q(text)), await trainings(q(text))]) {
        expect(result.source).toBe(source);
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
        expect(result.totalPages).toBe(0);
        expect(result.correctedQuery).toBeUndefined();
        expect(result.related.length).toBeGreaterThan(0);
        expect(result.related.length).toBeLessThanOrEqual(6);
      }
    },
  );

  it("“sua xe mai” (one wrong letter in a 3-letter word) finds the motorbike repair job first, as a result", async () => {
    const result = await jobs(q("sua xe mai"));
    expect(result.source).toBe(source);
    expect(result.hits[0]?.title).toBe("Thợ sửa xe máy");
    expect(result.total).toBeGreaterThan(0);
    expect(result.correctedQuery).toBe("sua xe máy");
    expect(result.related).toEqual([]);
    for (const hit of result.hits)
      expect(
        hasEveryWord("sua xe may", [hit.title, hit.occupationName, hit.skills, hit.organizationName]),
        hit.title,
      ).toBe(true);
    expect((await trainings(q("sua xe mai"))).hits[0]?.title).toMatch(/xe máy/);
  });

  it("real partial queries still find their listings, and every result has every word", async () => {
    for (const [text, title] of [
      ["sua xe", "Thợ sửa xe máy"],
      ["tho han", "Thợ hàn"],
      ["sua xe may", "Thợ sửa xe máy"],
    ]) {
      const result = await jobs(q(text));
      expect(
        result.hits.map((h) => h.title),
        text,
      ).toContain(title);
      expect(result.related).toEqual([]);
      expect(result.correctedQuery).toBeUndefined();
      for (const hit of result.hits)
        expect(
          hasEveryWord(text, [
            hit.title,
            hit.occupationName,
            hit.skills,
            hit.organizationName,
            hit.communeName,
            hit.provinceName,
            hit.occupationNameEn,
          ]),
          `${text}: ${hit.title}`,
        ).toBe(true);
    }
    // A short word is not corrected without a neighbour that vouches for it.
    expect((await jobs(q("phi"))).total).toBe(0);
  });

  it("a course query sorts by relevance unless another order is chosen", async () => {
    // Both match "quang phuoc": the one starting first only through its provider's name, the other by its title.
    const byRelevance = await trainings(q("quang phuoc"));
    expect(byRelevance.hits.map((h) => h.title)).toEqual(["Kỹ thuật hàn Quảng Phước", "Nấu ăn cơ bản"]);
    const byStart = await trainings(`${q("quang phuoc")}&sort=start`);
    expect(byStart.hits.map((h) => h.title)).toEqual(["Nấu ăn cơ bản", "Kỹ thuật hàn Quảng Phước"]);
  });

  it("with filters and no words, nothing changes: every listing is a result, none is 'related'", async () => {
    const result = await jobs("province=68");
    expect(result.total).toBeGreaterThan(0);
    expect(result.related).toEqual([]);
  });
}

describe("with Meilisearch", () => {
  examples("meilisearch");
});

describe("with the PostgreSQL fallback (Meilisearch unreachable)", () => {
  let working: SearchClient;
  beforeAll(() => {
    working = search();
    initSearch({ ...working.config, url: "http://127.0.0.1:9" });
  });
  afterAll(() => {
    initSearch(working.config);
    breaker().openUntil = 0;
  });
  examples("database");
});
