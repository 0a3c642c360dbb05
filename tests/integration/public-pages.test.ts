import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { cleanSearchParams, clearFiltersHref, searchHref } from "~/components/search/url";
import { createJob, transitionJob } from "~/modules/jobs/jobs.server";
import { loader as jobsLoader } from "~/routes/jobs._index";
import { loader as jobLoader } from "~/routes/jobs.$id";
import { loader as trainingsLoader } from "~/routes/trainings._index";
import { loader as trainingLoader } from "~/routes/trainings.$id";
import { setClock } from "~/utils/clock.server";
import { singleton } from "~/utils/singleton.server";

import { job, organization } from "../../db/schema";
import { initSearch, search } from "../../search/client.server";
import { UNITS } from "../factories";
import { createOrgMember, daysFromToday, jobInput, publishJob, publishTraining } from "../factories/marketplace";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

/** Loader arguments as Remix would pass them for a GET of `path`. */
function get(
  path: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): LoaderFunctionArgs {
  return {
    request: new Request(`http://localhost${path}`, { headers }),
    params,
    context: { requestId: "test-req", cspNonce: "", clientIp: "127.0.0.1" },
  } as LoaderFunctionArgs;
}

/** The HTTP status a loader answers with, whether it returns a response or throws one. */
async function statusOf(run: () => Promise<Response>): Promise<number> {
  try {
    return (await run()).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const listJobs = async (qs: string) => {
  const res = await jobsLoader(get(`/jobs${qs ? `?${qs}` : ""}`));
  expect(res.status).toBe(200);
  return res.json();
};
const showJob = (id: string) => jobLoader(get(`/jobs/${id}`, { id }));
const showTraining = (id: string) => trainingLoader(get(`/trainings/${id}`, { id }));

afterEach(() => {
  setClock(undefined);
  // Close the breaker a test may have opened by pointing search at a dead port.
  singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0;
});

describe("/jobs and /jobs/:id", () => {
  it("lists a published job for an unaccented query and shows it on its own page", async () => {
    const shop = await createOrgMember("employer", { name: "Tiệm sửa xe Công Khai" });
    const { id } = await publishJob(shop);
    await drain();

    const res = await jobsLoader(get("/jobs?q=sua+xe+may"));
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30");
    expect(res.headers.get("Vary")).toBe("Cookie");
    const data = await res.json();
    expect(data.result.source).toBe("meilisearch");
    const hit = data.result.hits.find((h: { id: string }) => h.id === id);
    expect(hit).toMatchObject({
      title: "Thợ sửa xe máy",
      organizationName: "Tiệm sửa xe Công Khai",
      communeName: "Xã Nam Đà",
      provinceName: "Tỉnh Lâm Đồng",
      wageMin: 5_000_000,
      wageMax: 7_000_000,
      employmentType: "full_time",
      benefits: ["meals"],
      closesAt: daysFromToday(30),
    });
    expect(data.search.q).toBe("sua xe may");

    const page = await showJob(id);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("public, max-age=30");
    const { job: shown } = await page.json();
    expect(shown).toMatchObject({
      id,
      title: "Thợ sửa xe máy",
      workplaceAddress: "Thôn Nam Thanh, Quốc lộ 28",
      skills: ["thay nhớt", "sửa phanh", "vá săm"],
      closesAt: daysFromToday(30),
      organization: { name: "Tiệm sửa xe Công Khai", acceptsUnexpunged: "case_by_case", fairChancePledgedAt: null },
    });
    expect(shown.description).toContain("Sửa chữa, bảo dưỡng xe máy");
  });

  it("is not cached publicly for a signed-in visitor", async () => {
    const res = await jobsLoader(get("/jobs", {}, { Cookie: "ct_lang=vi; ct_session=abc" }));
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("answers 404 for a draft, closed, filled or expired job and for one whose organisation is not verified", async () => {
    const shop = await createOrgMember("employer");
    const draft = await createJob(shop, jobInput({ title: "Thợ hàn bản nháp" }), { publish: false });
    const closed = await publishJob(shop, { title: "Thợ hàn đã đóng" });
    const filled = await publishJob(shop, { title: "Thợ hàn đã đủ người" });
    const expiring = await publishJob(shop, { title: "Thợ hàn sắp hết hạn", closesAt: daysFromToday(1) });
    if (!draft.ok) throw new Error("draft not created");
    expect(await transitionJob(shop, closed.id, "close")).toMatchObject({ ok: true });
    expect(await transitionJob(shop, filled.id, "fill")).toMatchObject({ ok: true });
    for (const id of [draft.id, closed.id, filled.id]) expect(await statusOf(() => showJob(id))).toBe(404);

    // The closing day itself is still open; the day after, the page is gone even before the sweeper runs.
    expect(await statusOf(() => showJob(expiring.id))).toBe(200);
    setClock({ offsetMs: 2 * 86_400_000 });
    expect(await statusOf(() => showJob(expiring.id))).toBe(404);
    setClock(undefined);

    const pending = await createOrgMember("employer", { verified: false });
    const pendingJob = await createJob(pending, jobInput({ title: "Thợ hàn chưa xác minh" }), { publish: true });
    if (!pendingJob.ok) throw new Error("job not created");
    expect(await statusOf(() => showJob(pendingJob.id))).toBe(404);

    // An organisation whose verification is withdrawn takes its open jobs off the public pages at once.
    const withdrawn = await createOrgMember("employer");
    const open = await publishJob(withdrawn, { title: "Thợ hàn bị rút xác minh" });
    expect(await statusOf(() => showJob(open.id))).toBe(200);
    await ctx.handle.db
      .update(organization)
      .set({ verificationStatus: "rejected" })
      .where(eq(organization.id, withdrawn.organizationId));
    expect(await statusOf(() => showJob(open.id))).toBe(404);

    expect(await statusOf(() => showJob("6f1c1d5e-8a4b-4c36-9d0e-3b8a1f2c4d5e"))).toBe(404);
  });

  it("answers 404, never 500, for a malformed id", async () => {
    const bad = [
      "abc",
      "123",
      "' or 1=1 --",
      "6f1c1d5e-8a4b-4c36-9d0e-3b8a1f2c4d5",
      "6f1c1d5e-8a4b-4c36-9d0e-3b8a1f2c4d5ez",
      "%00",
      "",
    ];
    for (const id of bad) {
      expect(await statusOf(() => showJob(id)), id).toBe(404);
      expect(await statusOf(() => showTraining(id)), id).toBe(404);
    }
  });

  it("never puts the officer-only exclusions in loader data", async () => {
    const shop = await createOrgMember("employer");
    const reason = "Làm việc tại nhà khách hàng có trẻ nhỏ, cần thận trọng đặc biệt";
    const { id } = await publishJob(shop, {
      title: "Thợ điện dân dụng tại nhà",
      occupationCode: "74110",
      excludedOffenceCategories: ["sexual", "violence"],
      exclusionReason: reason,
    });
    const [stored] = await ctx.handle.db.select().from(job).where(eq(job.id, id));
    expect(stored).toMatchObject({ excludedOffenceCategories: ["sexual", "violence"], exclusionReason: reason });
    await drain();
    const detail = JSON.stringify(await (await showJob(id)).json());
    const list = JSON.stringify(await listJobs("q=tho+dien+dan+dung"));
    expect(list).toContain(id);
    for (const text of [detail, list]) {
      expect(text).not.toContain(reason);
      expect(text).not.toMatch(/exclu|offence|sexual|violence/i);
    }
  });

  it("never throws on bad query parameters", async () => {
    const queries = [
      "page=-3&wage=lots&type=bogus&benefit=x&sort=drop+table",
      "page=abc&province=999&commune=1&group=77",
      "page=999999999999&wage=99999999999999",
      "q=%E0%A4%A&q=second",
      `q=${"á".repeat(5000)}`,
      "province=68&commune=04924", // a commune of another province: dropped
      "commune=abc&province=",
      "q=%22%5C%22)+OR+1%3D1",
      "filters=open&page=",
    ];
    for (const qs of queries) {
      const data = await listJobs(qs);
      expect(Array.isArray(data.result.hits), qs).toBe(true);
      const trainings = await trainingsLoader(get(`/trainings?${qs}&free=2&level=NOT+A+LEVEL&support=x`));
      expect(trainings.status, qs).toBe(200);
    }
    const mismatched = await listJobs("province=68&commune=04924");
    expect(mismatched.search).toMatchObject({ province: "68" });
    expect(mismatched.search.commune).toBeUndefined();
    // A commune alone implies its province, so the commune list can be shown.
    const communeOnly = await listJobs(`commune=${UNITS.namDa}`);
    expect(communeOnly.search).toMatchObject({ province: UNITS.lamDong, commune: UNITS.namDa });
    expect(communeOnly.communes.map((c: { code: string }) => c.code)).toContain(UNITS.namDa);
  });

  it("pages through results and keeps every other parameter in the links", async () => {
    const coop = await createOrgMember("employer", { provinceCode: UNITS.phuTho, communeCode: UNITS.thanhSon });
    for (let i = 1; i <= 23; i++) {
      await publishJob(coop, {
        title: `Công nhân đóng gói số ${i}`,
        occupationCode: "93290",
        provinceCode: UNITS.phuTho,
        communeCode: UNITS.thanhSon,
      });
    }
    await drain();
    const first = await listJobs(`commune=${UNITS.thanhSon}&sort=newest`);
    const second = await listJobs(`commune=${UNITS.thanhSon}&sort=newest&page=2`);
    expect(first.result).toMatchObject({ total: 23, page: 1, totalPages: 2 });
    expect(first.result.hits).toHaveLength(20);
    expect(second.result).toMatchObject({ total: 23, page: 2, totalPages: 2 });
    expect(second.result.hits).toHaveLength(3);
    const ids = [...first.result.hits, ...second.result.hits].map((h: { id: string }) => h.id);
    expect(new Set(ids).size).toBe(23);
    expect((await listJobs(`commune=${UNITS.thanhSon}&page=9`)).result.hits).toEqual([]);
    expect((await listJobs(`commune=${UNITS.thanhSon}&page=0`)).result.page).toBe(1);

    expect(searchHref("/jobs", "q=han&type=full_time&type=seasonal&page=2", { page: 3 })).toBe(
      "/jobs?q=han&type=full_time&type=seasonal&page=3",
    );
    expect(searchHref("/jobs", "?q=han&page=2&province=", { page: 1 })).toBe("/jobs?q=han");
    expect(clearFiltersHref("/jobs", "?q=han&province=68&benefit=meals&sort=wage&page=3")).toBe(
      "/jobs?q=han&sort=wage",
    );
    expect(
      cleanSearchParams([
        ["q", ""],
        ["province", "68"],
        ["type", "seasonal"],
        ["type", "full_time"],
      ]).toString(),
    ).toBe("province=68&type=seasonal&type=full_time");
  });

  it("answers from PostgreSQL with the fallback flag while Meilisearch is down", async () => {
    const shop = await createOrgMember("employer");
    const { id } = await publishJob(shop, { title: "Thợ sơn tường dự phòng", occupationCode: "71310" });
    const working = search();
    initSearch({ ...working.config, url: "http://127.0.0.1:9" });
    try {
      const data = await listJobs("q=son+tuong+du+phong");
      expect(data.result.source).toBe("database");
      expect(data.result.hits.map((h: { id: string }) => h.id)).toContain(id);
    } finally {
      initSearch(working.config);
    }
  });
});

describe("/trainings and /trainings/:id", () => {
  it("lists an open course, shows it with the open jobs it leads to, and links back from the job", async () => {
    const shop = await createOrgMember("employer");
    const partnerJob = await publishJob(shop, { title: "Thợ sửa xe sau khóa học" });
    const closedJob = await publishJob(shop, { title: "Thợ sửa xe đã đóng" });
    const centre = await createOrgMember("provider", { name: "Trung tâm nghề Thử Nghiệm" });
    const course = await publishTraining(centre, { leadsToJobIds: [partnerJob.id, closedJob.id] });
    expect(await transitionJob(shop, closedJob.id, "close")).toMatchObject({ ok: true });
    await drain();

    const list = await trainingsLoader(get("/trainings?q=sua+xe+may&free=1"));
    expect(list.headers.get("Cache-Control")).toBe("public, max-age=30");
    const data = await list.json();
    const hit = data.result.hits.find((h: { id: string }) => h.id === course.id);
    expect(hit).toMatchObject({
      title: "Sửa chữa xe máy – sơ cấp",
      free: true,
      levelCode: "so_cap",
      durationWeeks: 12,
      startsAt: daysFromToday(40),
    });
    expect(data.levels.map((l: { code: string }) => l.code)).toContain("so_cap");

    const { training } = await (await showTraining(course.id)).json();
    expect(training).toMatchObject({
      id: course.id,
      levelNameVi: "Sơ cấp",
      address: "Tổ dân phố 3, đường Hùng Vương",
      free: true,
    });
    expect(training.leadsTo.map((j: { id: string }) => j.id)).toEqual([partnerJob.id]);

    const { job: partner } = await (await showJob(partnerJob.id)).json();
    expect(partner.relatedTrainings.map((c: { id: string }) => c.id)).toEqual([course.id]);
  });

  it("answers 404 for a course that is not public", async () => {
    const pending = await createOrgMember("provider", { verified: false });
    const draft = await publishTraining(pending, { title: "Khóa may chưa xác minh" });
    expect(draft.status).toBe("draft");
    expect(await statusOf(() => showTraining(draft.id))).toBe(404);

    const centre = await createOrgMember("provider");
    const soon = await publishTraining(centre, { applicationDeadline: daysFromToday(1), startsAt: daysFromToday(5) });
    expect(await statusOf(() => showTraining(soon.id))).toBe(200);
    setClock({ offsetMs: 2 * 86_400_000 });
    expect(await statusOf(() => showTraining(soon.id))).toBe(404);
  });
});
