import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { createJob, transitionJob } from "~/modules/jobs/jobs.server";
import { decideOrganization } from "~/modules/organizations/organizations.server";
import { parseJobSearch, parseTrainingSearch } from "~/modules/search/params";
import { searchJobs, searchTrainings } from "~/modules/search/public-search.server";
import { setClock } from "~/utils/clock.server";
import { singleton } from "~/utils/singleton.server";
import { sweepExpired } from "~/worker/tasks.server";

import { job, outbox } from "../../db/schema";
import { initSearch, search } from "../../search/client.server";
import { pendingCount } from "../../search/outbox.server";
import { deliverBatch, reindexAll } from "../../search/sync.server";
import { createOrganization, createUser, UNITS } from "../factories";
import { createOrgMember, jobInput, publishJob, publishTraining } from "../factories/marketplace";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });
const q = (s: string) => parseJobSearch(new URLSearchParams(s));

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

afterEach(() => {
  setClock(undefined);
  // Close the breaker a test may have opened by pointing search at a dead port.
  singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0;
});

describe("jobs reach public search through the outbox", () => {
  it("writes an outbox row in the same transaction and finds the job by an unaccented, misspelled query", async () => {
    const shop = await createOrgMember("employer", { name: "Tiệm sửa xe Thử Nghiệm" });
    const { id } = await publishJob(shop);
    const rows = await ctx.handle.db.select().from(outbox).where(eq(outbox.entityId, id));
    expect(rows).toHaveLength(1);
    expect((await searchJobs(q("q=sua+xe+may"))).hits.map((h) => h.id)).not.toContain(id);

    await drain();
    for (const text of ["sua xe may", "Thợ sửa xe máy", "sua xe mya", "tho sua xe"]) {
      const result = await searchJobs(q(`q=${encodeURIComponent(text)}`));
      expect(result.source).toBe("meilisearch");
      expect(
        result.hits.map((h) => h.id),
        text,
      ).toContain(id);
    }
    const hit = (await searchJobs(q("q=sua+xe+may"))).hits.find((h) => h.id === id)!;
    expect(hit).toMatchObject({
      title: "Thợ sửa xe máy",
      communeName: "Xã Nam Đà",
      provinceName: "Tỉnh Lâm Đồng",
      wageMin: 5_000_000,
    });
    // Officer-only fields never reach the public index.
    expect(Object.keys(hit)).not.toContain("excludedOffenceCategories");
    expect(JSON.stringify(hit)).not.toContain("exclusion");
  });

  it("filters and counts facets", async () => {
    const coop = await createOrgMember("employer", { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon });
    await publishJob(coop, {
      title: "Công nhân may công nghiệp",
      occupationCode: "81530",
      provinceCode: UNITS.phuTho,
      communeCode: UNITS.luongSon,
      wageMin: "4.500.000",
      wageMax: "6.500.000",
      benefits: ["accommodation", "social_insurance"],
      employmentType: "full_time",
    });
    await publishJob(coop, {
      title: "Phụ hồ công trình",
      occupationCode: "93130",
      provinceCode: UNITS.phuTho,
      communeCode: UNITS.luongSon,
      wageMin: "4.200.000",
      wageMax: "4.800.000",
      benefits: [],
      employmentType: "seasonal",
    });
    await drain();
    const inPhuTho = await searchJobs(q(`province=${UNITS.phuTho}`));
    expect(inPhuTho.hits.every((h) => h.provinceCode === UNITS.phuTho)).toBe(true);
    expect(inPhuTho.total).toBe(2);
    expect(inPhuTho.facets.employmentType).toEqual({ full_time: 1, seasonal: 1 });
    expect(inPhuTho.facets.benefits).toMatchObject({ accommodation: 1, social_insurance: 1 });

    const withRoom = await searchJobs(q(`province=${UNITS.phuTho}&benefit=accommodation`));
    expect(withRoom.hits.map((h) => h.title)).toEqual(["Công nhân may công nghiệp"]);
    const wellPaid = await searchJobs(q(`province=${UNITS.phuTho}&wage=6000000`));
    expect(wellPaid.hits.map((h) => h.title)).toEqual(["Công nhân may công nghiệp"]);
    const seasonal = await searchJobs(q(`type=seasonal&province=${UNITS.phuTho}`));
    expect(seasonal.hits.map((h) => h.title)).toEqual(["Phụ hồ công trình"]);
    const byWage = await searchJobs(q(`province=${UNITS.phuTho}&sort=wage`));
    expect(byWage.hits.map((h) => h.wageMax)).toEqual([6_500_000, 4_800_000]);
    // Facet counts are computed once per query and filters, and refreshed as soon as the index changes.
    const typesBefore = (await searchJobs(q(`province=${UNITS.phuTho}&sort=newest&page=2`))).facets.employmentType;
    expect(typesBefore).toEqual({ full_time: 1, seasonal: 1 });
    await publishJob(coop, {
      title: "Thợ xây bán thời gian",
      occupationCode: "71120",
      provinceCode: UNITS.phuTho,
      communeCode: UNITS.luongSon,
      employmentType: "part_time",
      wageMin: "2.500.000",
      wageMax: "3.000.000",
    });
    await drain();
    expect((await searchJobs(q(`province=${UNITS.phuTho}&sort=newest&page=2`))).facets.employmentType).toEqual({
      full_time: 1,
      seasonal: 1,
      part_time: 1,
    });
    // A bad parameter is ignored, never an error.
    expect((await searchJobs(q(`province=${UNITS.phuTho}&wage=lots&page=-3&type=bogus`))).total).toBe(3);
  });

  it("an unverified organisation cannot publish: the job stays a draft and is never indexed", async () => {
    const pending = await createOrgMember("employer", { verified: false });
    const outcome = await createJob(pending, jobInput({ title: "Thợ hàn chưa xác minh", occupationCode: "72120" }), {
      publish: true,
    });
    expect(outcome).toMatchObject({ ok: true, status: "draft", notice: "saved_as_draft" });
    if (!outcome.ok) return;
    expect(await transitionJob(pending, outcome.id, "publish")).toEqual({ ok: false, reason: "not_verified" });
    await drain();
    expect((await searchJobs(q("q=tho+han+chua+xac+minh"))).hits.map((h) => h.id)).not.toContain(outcome.id);
  });

  it("a job hidden by its organisation's rejection leaves the index; closing and filling remove it too", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, { title: "Thợ điện lạnh Bảo Lộc", occupationCode: "71270" });
    await drain();
    expect((await searchJobs(q("q=dien+lanh+bao+loc"))).hits.map((h) => h.id)).toContain(id);
    expect(await transitionJob(shop, id, "fill")).toEqual({ ok: true, status: "filled" });
    await drain();
    expect((await searchJobs(q("q=dien+lanh+bao+loc"))).hits.map((h) => h.id)).not.toContain(id);
    expect(await transitionJob(shop, id, "reopen")).toEqual({ ok: true, status: "open" });
    await drain();
    expect((await searchJobs(q("q=dien+lanh+bao+loc"))).hits.map((h) => h.id)).toContain(id);
  });

  it("verifying an organisation publishes nothing by itself, but its listings follow its status", async () => {
    const org = await createOrganization({
      role: "employer",
      kind: "workshop",
      provinceCode: UNITS.lamDong,
      communeCode: UNITS.namDa,
    });
    const member = await createUser({ role: "employer", organizationId: org.id });
    const officer = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    const scope = { actorId: member.id, organizationId: org.id, role: "employer" as const };
    const draft = await createJob(scope, jobInput({ title: "Thợ mộc đồ gỗ Nam Đà", occupationCode: "75220" }), {
      publish: false,
    });
    expect(draft.ok).toBe(true);
    const officerScope = {
      actorId: officer.id,
      role: "officer" as const,
      provinceCodes: [UNITS.lamDong],
      communeCodes: [UNITS.namDa],
    };
    expect(await decideOrganization(officerScope, org.id, { decision: "verify" })).toMatchObject({ ok: true });
    if (!draft.ok) return;
    expect(await transitionJob(scope, draft.id, "publish")).toEqual({ ok: true, status: "open" });
    await drain();
    expect((await searchJobs(q("q=tho+moc+do+go+nam+da"))).hits.map((h) => h.id)).toContain(draft.id);
  });

  it("expiry hides a job at its closing date even before the sweeper runs, and the sweeper closes it", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, {
      title: "Lái xe tải đường dài",
      occupationCode: "83320",
      closesAt: (await import("../factories/marketplace")).daysFromToday(2),
    });
    await drain();
    expect((await searchJobs(q("q=lai+xe+tai+duong+dai"))).hits.map((h) => h.id)).toContain(id);

    setClock({ offsetMs: 3 * 86_400_000 });
    expect((await searchJobs(q("q=lai+xe+tai+duong+dai"))).hits.map((h) => h.id)).not.toContain(id);
    expect(await sweepExpired(ctx.handle.db)).toBeGreaterThanOrEqual(1);
    const [row] = await ctx.handle.db.select().from(job).where(eq(job.id, id));
    expect(row).toMatchObject({ status: "closed", closedReason: "expired" });
    await drain();
    setClock(undefined);
    expect((await searchJobs(q("q=lai+xe+tai+duong+dai"))).hits.map((h) => h.id)).not.toContain(id);
  });
});

describe("when Meilisearch is down", () => {
  it("public search answers from PostgreSQL, writes succeed, and the backlog drains when it returns", async () => {
    const shop = await createOrgMember("employer");
    await publishJob(shop, { title: "Thợ hàn khung sắt", occupationCode: "72120" });
    await drain();
    const working = search();
    initSearch({ ...working.config, url: "http://127.0.0.1:9" });
    let writtenId = "";
    try {
      const fallback = await searchJobs(q("q=tho+han+khung+sat"));
      expect(fallback.source).toBe("database");
      expect(fallback.hits.map((h) => h.title)).toContain("Thợ hàn khung sắt");
      // Accents never matter in the fallback either.
      expect((await searchJobs(q("q=THO+HAN+khung"))).hits.map((h) => h.title)).toContain("Thợ hàn khung sắt");
      expect(fallback.facets.occupationGroup).toMatchObject({ "7": expect.any(Number) });

      const written = await publishJob(shop, { title: "Thợ sơn nhà trong lúc mất kết nối", occupationCode: "71310" });
      writtenId = written.id;
      const result = await deliverBatch(ctx.handle.db, search());
      expect(result.failed).toBeGreaterThan(0);
      expect(await pendingCount(ctx.handle.db)).toBeGreaterThan(0);
      expect((await searchJobs(q("q=son+nha+mat+ket+noi"))).hits.map((h) => h.id)).toContain(written.id);
    } finally {
      initSearch(working.config);
    }
    // Back-off may delay the retry a little: let it come due, then drain.
    await ctx.handle.db.update(outbox).set({ nextAttemptAt: new Date(0) });
    await drain();
    expect(await pendingCount(ctx.handle.db)).toBe(0);
    singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0;
    const back = await searchJobs(q("q=son+nha+mat+ket+noi"));
    expect(back.source).toBe("meilisearch");
    expect(back.hits[0]?.id).toBe(writtenId);
  });
});

describe("trainings", () => {
  it("are searchable with level, free-only and support filters", async () => {
    const centre = await createOrgMember("provider");
    const free = await publishTraining(centre);
    const paid = await publishTraining(centre, {
      title: "Hàn điện cơ bản",
      occupationCode: "72120",
      levelCode: "short_course",
      durationWeeks: "8",
      costVnd: "3.000.000",
      support: ["fee_waiver"],
    });
    await drain();
    const t = (s: string) => searchTrainings(parseTrainingSearch(new URLSearchParams(s)));
    expect((await t("q=sua+xe+may")).hits.map((h) => h.id)).toContain(free.id);
    expect((await t("free=1")).hits.map((h) => h.id)).toEqual(expect.arrayContaining([free.id]));
    expect((await t("free=1")).hits.map((h) => h.id)).not.toContain(paid.id);
    expect((await t("level=short_course")).hits.map((h) => h.id)).toEqual([paid.id]);
    expect((await t("support=fee_waiver")).hits.map((h) => h.id)).toEqual([paid.id]);
  });
});

describe("reindex", () => {
  it("rebuilds the indexes from the database so the index equals the public rows", async () => {
    await ctx.search.raw.index(ctx.search.indexUid("jobs")).deleteAllDocuments().waitTask();
    expect((await searchJobs(q(""))).total).toBe(0);
    const counts = await reindexAll(ctx.handle.db, ctx.search);
    const publicJobs = await ctx.handle.db.select({ id: job.id }).from(job).where(eq(job.status, "open"));
    expect(counts.jobs).toBe(publicJobs.length);
    expect((await searchJobs(q(""))).total).toBe(publicJobs.length);
  });
});
