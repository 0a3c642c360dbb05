import type { SearchParams } from "meilisearch";
import { describe, expect, it } from "vitest";

import { INDEX_NAMES, INDEXES, TRADE_SYNONYMS } from "../../search/indexes";
import { setupIntegration } from "../setup/integration";

// Search only: no database copy needed.
const ctx = setupIntegration({ indexes: true, database: false });

const sorted = (values: readonly unknown[] | null | undefined) => [...(values ?? [])].map(String).sort();

describe("ensureIndexes", () => {
  it("creates the jobs, trainings and candidates indexes under this run's prefix", async () => {
    const { results } = await ctx.search.raw.getIndexes({ limit: 1000 });
    const ours = results.filter((i) => i.uid.startsWith(ctx.search.config.indexPrefix));
    expect(sorted(ours.map((i) => i.uid))).toEqual(
      sorted(["jobs", "trainings", "candidates"].map((n) => `${ctx.search.config.indexPrefix}${n}`)),
    );
    for (const index of ours) expect(index.primaryKey).toBe("id");
  });

  it.each(INDEX_NAMES)("gives %s the settings written in search/indexes.ts", async (name) => {
    const expected = INDEXES[name].settings;
    const actual = await ctx.search.index(name).getSettings();
    expect(sorted(actual.filterableAttributes)).toEqual(sorted(expected.filterableAttributes));
    expect(sorted(actual.sortableAttributes)).toEqual(sorted(expected.sortableAttributes));
    // Order matters for searchable attributes: it is their ranking weight.
    expect(actual.searchableAttributes).toEqual(expected.searchableAttributes);
    expect(actual.synonyms).toEqual(TRADE_SYNONYMS);
    expect(actual.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } });
    expect(actual.pagination).toEqual({ maxTotalHits: 100_000 });
    // Public listings: a chosen order comes before relevance (docs/decisions/026).
    if (name !== "candidates") expect(actual.rankingRules?.[0]).toBe("sort");
  });

  it("never lets a candidate be filtered or found by a name", () => {
    const candidate = INDEXES.candidates.settings;
    for (const attribute of ["fullName", "name", "idNumber", "offence", "sentence"]) {
      expect(candidate.searchableAttributes).not.toContain(attribute);
      expect(candidate.filterableAttributes).not.toContain(attribute);
    }
  });

  it("puts drifted settings back when run again", async () => {
    await ctx.search.index("jobs").updateFilterableAttributes(["provinceCode"]).waitTask();
    await ctx.search.index("trainings").resetSynonyms().waitTask();
    expect(await ctx.search.index("jobs").getFilterableAttributes()).toEqual(["provinceCode"]);
    await ctx.search.ensureIndexes();
    expect(sorted(await ctx.search.index("jobs").getFilterableAttributes())).toEqual(
      sorted(INDEXES.jobs.settings.filterableAttributes),
    );
    expect(await ctx.search.index("trainings").getSynonyms()).toEqual(TRADE_SYNONYMS);
  });
});

describe("searching Vietnamese job titles", () => {
  const jobs = [
    {
      id: "j1",
      title: "Thợ sửa xe máy",
      organizationName: "Tiệm sửa xe Cường Thịnh",
      provinceCode: "68",
      communeCode: "24697",
    },
    {
      id: "j2",
      title: "Thợ may công nghiệp",
      organizationName: "Xưởng may Thanh Sơn",
      provinceCode: "25",
      communeCode: "08542",
    },
    {
      id: "j3",
      title: "Phụ bếp nhà hàng",
      organizationName: "Nhà hàng Hương Sen",
      provinceCode: "25",
      communeCode: "04924",
    },
    {
      id: "j4",
      title: "Lái xe giao hàng",
      organizationName: "Công ty Vận tải Đồng Nai",
      provinceCode: "68",
      communeCode: "24688",
    },
    { id: "j5", title: "Thợ hàn điện", organizationName: "Cơ khí Phú Thọ", provinceCode: "25", communeCode: "04924" },
  ];

  const ids = async (query: string, options: SearchParams = {}) =>
    (await ctx.search.index("jobs").search(query, options)).hits.map((h) => h.id as string);

  it("indexes the documents", async () => {
    const task = await ctx.search.index("jobs").addDocuments(jobs).waitTask();
    expect(task.status).toBe("succeeded");
    expect((await ctx.search.index("jobs").getStats()).numberOfDocuments).toBe(jobs.length);
  });

  it("finds “Thợ sửa xe máy” typed without accents", async () => {
    expect((await ids("sua xe may"))[0]).toBe("j1");
    expect((await ids("thợ sửa xe máy"))[0]).toBe("j1");
  });

  it("finds it despite a typo", async () => {
    // "mya" is under the 4 letters a typo needs: it is found because Meilisearch drops the last word.
    expect((await ids("sua xe mya"))[0]).toBe("j1");
    expect((await ids("sưa xe máy"))[0]).toBe("j1");
    // A real typo, with every word required.
    expect((await ids("suaa xe may", { matchingStrategy: "all" }))[0]).toBe("j1");
  });

  it("tolerates one typo in a longer word", async () => {
    expect(await ids("nha hagn")).toContain("j3");
    expect(await ids("congg nghiep")).toContain("j2");
  });

  it("does not match an unrelated trade", async () => {
    expect((await ids("phu bep"))[0]).toBe("j3");
    expect(await ids("phu bep", { matchingStrategy: "all" })).toEqual(["j3"]);
    expect(await ids("tho han", { matchingStrategy: "all" })).toEqual(["j5"]);
  });

  it("uses the trade synonyms", async () => {
    expect(await ids("tai xe")).toContain("j4");
    expect(await ids("tài xế")).toContain("j4");
  });

  it("filters by province and commune", async () => {
    expect(sorted(await ids("", { filter: "provinceCode = 25" }))).toEqual(["j2", "j3", "j5"]);
    expect(await ids("tho", { filter: 'communeCode = "04924"' })).toEqual(["j5"]);
  });
});
