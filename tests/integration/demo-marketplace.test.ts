import { and, count, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { jobInputSchema } from "~/modules/jobs/schema";
import { minimumWageFor } from "~/modules/reference/reference.server";
import { parseJobSearch, parseTrainingSearch } from "~/modules/search/params";
import { searchJobs, searchTrainings } from "~/modules/search/public-search.server";
import { trainingInputSchema } from "~/modules/trainings/schema.server";
import { todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { job, organization, outbox, trainingLeadsToJob, trainingSlot } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import {
  DEMO_PLACES,
  type GenEmployer,
  generateJobs,
  generateTrainings,
  MARKETPLACE_ORGANIZATIONS,
} from "../../db/seed/marketplace";
import { pendingCount } from "../../search/outbox.server";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });

async function counts() {
  const n = async (table: typeof job | typeof trainingSlot | typeof organization | typeof trainingLeadsToJob) =>
    Number((await ctx.handle.db.select({ n: count() }).from(table))[0].n);
  // Other demo seeds queue other entities (candidates): only listings are this seed's.
  const [queued] = await ctx.handle.db
    .select({ n: count() })
    .from(outbox)
    .where(inArray(outbox.entity, ["job", "training"]));
  return {
    jobs: await n(job),
    trainings: await n(trainingSlot),
    organizations: await n(organization),
    outbox: Number(queued.n),
    links: await n(trainingLeadsToJob),
  };
}

describe("demo marketplace seed", () => {
  it("seeds at least 200 open jobs and 50 open course intakes from verified organisations, once", async () => {
    expect(await seedDemoData(ctx.handle.db)).toBe(true);
    const first = await counts();
    const [{ n: openJobs }] = await ctx.handle.db.select({ n: count() }).from(job).where(eq(job.status, "open"));
    const [{ n: openTrainings }] = await ctx.handle.db
      .select({ n: count() })
      .from(trainingSlot)
      .where(eq(trainingSlot.status, "open"));
    expect(Number(openJobs)).toBeGreaterThanOrEqual(200);
    expect(Number(openTrainings)).toBeGreaterThanOrEqual(50);
    expect(first.outbox).toBe(first.jobs + first.trainings);
    expect(first.links).toBeGreaterThan(0);

    const orgs = await ctx.handle.db.select().from(organization);
    const employers = orgs.filter((o) => o.role === "employer" && o.verificationStatus === "verified");
    const providers = orgs.filter((o) => o.role === "training_provider" && o.verificationStatus === "verified");
    expect(employers.length).toBeGreaterThanOrEqual(40);
    expect(providers.length).toBeGreaterThanOrEqual(10);
    expect(orgs.length).toBeGreaterThanOrEqual(6 + MARKETPLACE_ORGANIZATIONS);
    expect(orgs.some((o) => o.fairChancePledgedAt)).toBe(true);
    expect(new Set(orgs.map((o) => o.acceptsUnexpunged))).toEqual(new Set(["yes", "case_by_case", "no"]));
    const open = await ctx.handle.db.select({ provinceCode: job.provinceCode }).from(job).where(eq(job.status, "open"));
    expect(new Set(open.map((j) => j.provinceCode))).toEqual(new Set(DEMO_PLACES.keys()));

    // Idempotent: a second run (a restart of the app) adds nothing.
    expect(await seedDemoData(ctx.handle.db)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it("has the repair shop's motorbike mechanic job in xã Nam Đà, linked from a free course", async () => {
    const rows = await ctx.handle.db
      .select({ job, orgName: organization.name })
      .from(job)
      .innerJoin(organization, eq(organization.id, job.organizationId))
      .where(and(eq(organization.name, "Tiệm sửa xe máy Cường Thịnh"), eq(job.occupationCode, "72311")));
    expect(rows).toHaveLength(1);
    expect(rows[0].job).toMatchObject({
      title: "Thợ sửa xe máy",
      provinceCode: "68",
      communeCode: "24697",
      wageMin: 5_000_000,
      wageMax: 7_000_000,
      employmentType: "full_time",
      benefits: ["meals"],
      status: "open",
    });
    const links = await ctx.handle.db
      .select({
        support: trainingSlot.support,
        occupationCode: trainingSlot.occupationCode,
        title: trainingSlot.title,
        stipendVnd: trainingSlot.stipendVnd,
        byShop: sql<boolean>`${trainingSlot.organizationId} = ${rows[0].job.organizationId}`,
      })
      .from(trainingLeadsToJob)
      .innerJoin(trainingSlot, eq(trainingSlot.id, trainingLeadsToJob.trainingSlotId))
      .where(eq(trainingLeadsToJob.jobId, rows[0].job.id))
      .orderBy(trainingSlot.title);
    // The Krông Nô centre's free course, and the shop's own apprenticeship with an allowance (issue 11).
    expect(links).toEqual([
      {
        support: ["free", "meals"],
        occupationCode: "72311",
        title: "Học nghề sửa xe máy tại tiệm",
        stipendVnd: 2_000_000,
        byShop: true,
      },
      {
        support: ["free", "meals"],
        occupationCode: "72311",
        title: "Sửa chữa xe máy – sơ cấp",
        stipendVnd: null,
        byShop: false,
      },
    ]);
  });

  it("pays every open full-time job at least the regional minimum of its place", async () => {
    const rows = await ctx.handle.db
      .select({ provinceCode: job.provinceCode, communeCode: job.communeCode, wageMin: job.wageMin, title: job.title })
      .from(job)
      .where(and(eq(job.status, "open"), inArray(job.employmentType, ["full_time", "apprenticeship"])));
    expect(rows.length).toBeGreaterThan(150);
    const minimums = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.provinceCode}|${r.communeCode}`;
      if (!minimums.has(key)) minimums.set(key, (await minimumWageFor(r.provinceCode, r.communeCode))!.monthlyVnd);
      expect(r.wageMin, `${r.title} in ${r.communeCode}`).toBeGreaterThanOrEqual(minimums.get(key)!);
    }
  });

  it("passes the job and course forms' own rules, with dates 2–90 days ahead", async () => {
    const today = todayIso();
    const jobs = await ctx.handle.db.select().from(job).where(eq(job.status, "open"));
    for (const j of jobs) {
      const parsed = jobInputSchema.safeParse({
        ...j,
        wageMin: String(j.wageMin),
        wageMax: String(j.wageMax),
        openings: String(j.openings),
        skills: j.skills.join(", "),
        startsAt: j.startsAt ?? "",
      });
      expect(parsed.error?.issues, j.title).toBeUndefined();
      expect(j.closesAt >= addDays(today, 2) && j.closesAt <= addDays(today, 90), j.closesAt).toBe(true);
      expect(j.description.split(/(?<=\.) /).length, j.description).toBeGreaterThanOrEqual(2);
    }
    const trainings = await ctx.handle.db.select().from(trainingSlot).where(eq(trainingSlot.status, "open"));
    for (const t of trainings) {
      const parsed = trainingInputSchema.safeParse({
        ...t,
        durationWeeks: String(t.durationWeeks),
        seats: String(t.seats),
        costVnd: String(t.costVnd),
        stipendVnd: t.stipendVnd === null ? "" : String(t.stipendVnd),
        leadsToJobIds: [],
      });
      expect(parsed.error?.issues, t.title).toBeUndefined();
      expect(t.applicationDeadline >= addDays(today, 2) && t.applicationDeadline <= addDays(today, 90)).toBe(true);
    }
    const trades = new Set(trainings.map((t) => t.occupationCode));
    for (const code of ["72311", "72120", "81530", "51200", "74110"]) expect(trades, code).toContain(code);
    expect(trainings.some((t) => t.support.includes("free"))).toBe(true);
    expect(trainings.some((t) => t.support.includes("fee_waiver") && t.costVnd > 0)).toBe(true);
    expect(trainings.some((t) => t.support.includes("boarding"))).toBe(true);
  });

  it("reaches public search once the outbox is delivered", async () => {
    await drainOutbox(ctx.handle.db, ctx.search, 50);
    expect(await pendingCount(ctx.handle.db)).toBe(0);

    const result = await searchJobs(parseJobSearch(new URLSearchParams("q=sua+xe+may")));
    expect(result.source).toBe("meilisearch");
    const repair = result.hits.find(
      (h) => h.organizationName === "Tiệm sửa xe máy Cường Thịnh" && h.communeCode === "24697",
    );
    expect(repair).toMatchObject({ title: "Thợ sửa xe máy", wageMin: 5_000_000, wageMax: 7_000_000 });

    const all = await searchJobs(parseJobSearch(new URLSearchParams("")));
    expect(all.total).toBeGreaterThanOrEqual(200);
    const courses = await searchTrainings(parseTrainingSearch(new URLSearchParams("q=sua+xe+may")));
    expect(courses.hits.some((h) => h.trade === "Thợ sửa xe máy" && h.free)).toBe(true);
    // The repair shop's apprenticeship, found by an unaccented query, says it is given by the business.
    const apprenticeship = await searchTrainings(
      parseTrainingSearch(new URLSearchParams("q=hoc+nghe+sua+xe+may+tai+tiem")),
    );
    expect(apprenticeship.hits).toContainEqual(
      expect.objectContaining({
        title: "Học nghề sửa xe máy tại tiệm",
        organizationName: "Tiệm sửa xe máy Cường Thịnh",
        byBusiness: true,
        stipendVnd: 2_000_000,
        ownJobTitle: "Thợ sửa xe máy",
      }),
    );
  });
});

describe("marketplace generators", () => {
  const employers: GenEmployer[] = [
    {
      id: "00000000-0000-4000-8000-000000000001",
      kind: "company",
      fairChance: true,
      place: DEMO_PLACES.get("01")![0],
      address: "Số 1 đường Lê Lợi",
      trades: ["81530", "93210"],
    },
    {
      id: "00000000-0000-4000-8000-000000000002",
      kind: "household_business",
      fairChance: false,
      place: DEMO_PLACES.get("68")![0],
      address: "Thôn 3",
      trades: ["72311"],
    },
  ];
  const options = {
    employers,
    count: 500,
    seed: 7,
    today: "2026-03-01",
    now: new Date("2026-03-01T03:00:00Z"),
    places: DEMO_PLACES,
    minimumWage: () => 5_310_000,
  };

  it("are deterministic for a seed and differ between seeds", () => {
    expect(generateJobs(options)).toEqual(generateJobs(options));
    expect(generateJobs({ ...options, seed: 8 })[0]).not.toEqual(generateJobs(options)[0]);
    const providers = [
      {
        id: employers[0].id,
        place: DEMO_PLACES.get("25")![0],
        address: "Số 2 đường Hùng Vương",
        courses: ["72311", "51200"],
      },
    ];
    expect(generateTrainings({ ...options, providers, count: 50 })).toEqual(
      generateTrainings({ ...options, providers, count: 50 }),
    );
  });

  it("keep full-time wages at or above the given minimum and dates in the window", () => {
    for (const j of generateJobs(options)) {
      if (j.employmentType === "full_time" || j.employmentType === "apprenticeship")
        expect(j.wageMin).toBeGreaterThanOrEqual(5_310_000);
      expect(j.wageMax).toBeGreaterThanOrEqual(j.wageMin);
      expect(j.closesAt >= "2026-03-03" && j.closesAt <= "2026-05-30").toBe(true);
    }
  });
});
