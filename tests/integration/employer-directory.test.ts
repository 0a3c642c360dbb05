import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import {
  getDirectoryStatus,
  loadDirectory,
  onPlacementRecorded,
  setDirectoryListing,
} from "~/modules/organizations/directory.server";
import { jobFallback } from "~/modules/search/fallback.server";
import { parseJobSearch } from "~/modules/search/params";
import { todayIso } from "~/utils/clock.server";
import { addDays, addMonths } from "~/utils/dates";

import * as profilePage from "../../app/routes/employer.profile";
import { loader as employersLoader } from "../../app/routes/employers";
import { appUser, auditEvent, followUp, job, organization, outbox, placement, releasedPerson } from "../../db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "../../db/seed/demo";
import { REPAIR_SHOP_HIRES } from "../../db/seed/directory";
import { REPAIR_SHOP } from "../../db/seed/marketplace";
import type { JobDocument } from "../../search/documents";
import { touch } from "../../search/facade.server";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { call, cookieFor } from "../setup/routes";

/*
 * The public directory of fair-chance employers (issue 16 §3, decision 045): who is listed (verified, hired
 * through the programme, opted in), what is shown (small numbers hidden), the one-click opt-in and opt-out,
 * and the badge on the employer's jobs in public search (Meilisearch and the PostgreSQL fallback).
 */

const ctx = setupIntegration({ indexes: true });
const db = () => ctx.handle.db;

let shopId: string;
let shopScope: OrgScope;
let personId: string;
/** Distinct demo persons: the directory counts people, not placements. */
let personIds: string[];

async function jobDocs(organizationId: string): Promise<JobDocument[]> {
  const res = await ctx.search
    .index("jobs")
    .search("", { filter: [`organizationId = "${organizationId}"`], limit: 100 });
  return res.hits as unknown as JobDocument[];
}

async function openJobIds(organizationId: string): Promise<string[]> {
  const rows = await db()
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.organizationId, organizationId), eq(job.status, "open")));
  return rows.map((r) => r.id);
}

async function pendingJobItems(ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db()
    .select({ id: outbox.entityId })
    .from(outbox)
    .where(and(eq(outbox.entity, "job"), inArray(outbox.entityId, ids), isNull(outbox.deliveredAt)));
  return rows.map((r) => r.id);
}

/** A Lâm Đồng employer with a user, in the state a test needs. */
async function employer(
  name: string,
  state: { verified: boolean; listed: boolean; hires: number; keptYear?: number },
): Promise<OrgScope> {
  const [org] = await db()
    .insert(organization)
    .values({
      role: "employer",
      kind: "household_business",
      name,
      provinceCode: "68",
      communeCode: "24697",
      verificationStatus: state.verified ? "verified" : "pending",
      directoryListedAt: state.listed ? new Date() : null,
    })
    .returning({ id: organization.id });
  const [user] = await db()
    .insert(appUser)
    .values({
      email: `${org.id.slice(0, 8)}@directory.test`,
      fullName: name,
      role: "employer",
      organizationId: org.id,
      passwordHash: "x",
    })
    .returning({ id: appUser.id });
  const start = addMonths(todayIso(), -14);
  for (let i = 0; i < state.hires; i++) {
    const [p] = await db()
      .insert(placement)
      .values({
        personId: personIds[i],
        organizationId: org.id,
        employerName: name,
        position: "Thợ phụ",
        wage: 5_000_000,
        contractKind: "labour_contract",
        startDate: addDays(start, i),
      })
      .returning({ id: placement.id });
    if (i < (state.keptYear ?? 0)) {
      await db()
        .insert(followUp)
        .values({
          placementId: p.id,
          personId: personIds[i],
          monthOffset: 12,
          dueOn: addMonths(addDays(start, i), 12),
          doneAt: new Date(),
          stillEmployed: true,
        });
    }
  }
  return { actorId: user.id, organizationId: org.id, role: "employer" };
}

/** A published open job of an organisation (for the badge). */
async function openJob(organizationId: string): Promise<string> {
  const [row] = await db()
    .insert(job)
    .values({
      organizationId,
      title: "Thợ phụ sửa xe",
      occupationCode: "72311",
      description: "Phụ giúp sửa xe máy.",
      provinceCode: "68",
      communeCode: "24697",
      workplaceAddress: "Thôn Nam Hợp",
      wageMin: 5_000_000,
      wageMax: 6_000_000,
      employmentType: "full_time",
      openings: 1,
      closesAt: addDays(todayIso(), 30),
      status: "open",
      publishedAt: new Date(),
    })
    .returning({ id: job.id });
  await touch(db(), "job", [row.id]);
  return row.id;
}

const names = async () => (await loadDirectory({ page: 1 })).entries.map((e) => e.name);

beforeAll(async () => {
  expect(await seedDemoData(db())).toBe(true);
  const [shop] = await db()
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.name, REPAIR_SHOP));
  shopId = shop.id;
  const [user] = await db()
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.email, DEMO_ACCOUNTS.employer.email));
  shopScope = { actorId: user.id, organizationId: shopId, role: "employer" };
  personIds = (await db().select({ id: releasedPerson.id }).from(releasedPerson).limit(10)).map((p) => p.id);
  personId = personIds[0];
  await drainOutbox(db(), ctx.search, 50);
}, 180_000);

describe("the repair shop in the demo data", () => {
  it("is listed with its hires and its one-year retention, both 5 or more", async () => {
    const directory = await loadDirectory({ page: 1 });
    const shop = directory.entries.find((e) => e.name === REPAIR_SHOP);
    expect(shop).toBeDefined();
    // The earlier hires of the seed step, and Y Thành Niê (db/seed/outcomes.ts), placed there a month ago.
    const kept = REPAIR_SHOP_HIRES.filter((h) => !h.leftAfterMonths).length;
    expect(shop!.hired).toEqual({ value: REPAIR_SHOP_HIRES.length + 1, flag: null });
    expect(shop!.kept).toEqual({ value: kept, flag: null });
    expect(kept).toBeGreaterThanOrEqual(5);
    expect(shop!.communeName).toMatch(/Nam Đà/);
    expect(shop!.trades.map((t) => t.code)).toContain("72311");
    // Nothing about a person: an entry has exactly these keys.
    expect(Object.keys(shop!).sort()).toEqual(
      ["communeName", "hired", "id", "kept", "name", "provinceName", "trades"].sort(),
    );
    // No other demo employer has opted in.
    expect(directory.entries.map((e) => e.name)).toEqual([REPAIR_SHOP]);
  });

  it("is found by its province and trade, not by others", async () => {
    const listed = async (province?: string, trade?: string) =>
      (await loadDirectory({ province, trade, page: 1 })).entries.map((e) => e.name);
    expect(await listed("68", "72311")).toContain(REPAIR_SHOP);
    expect(await listed("25")).not.toContain(REPAIR_SHOP);
    expect(await listed(undefined, "81530")).not.toContain(REPAIR_SHOP);
    const choices = await loadDirectory({ page: 1 });
    expect(choices.provinces.map((p) => p.code)).toEqual(["68"]);
    expect(choices.trades.map((t) => t.code)).toContain("72311");
  });

  it("is on the public page /employers, cached like the other public pages, bad parameters dropped", async () => {
    const res = await employersLoader({
      request: new Request("http://localhost/employers?province=68&trade=abc&page=-3"),
      params: {},
      context: { requestId: "t", cspNonce: "", clientIp: "127.0.0.1" },
    });
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30");
    const body = (await res.json()) as {
      directory: { entries: { name: string }[] };
      query: { province?: string; trade?: string; page: number };
    };
    expect(body.query).toEqual({ province: "68", page: 1 });
    expect(body.directory.entries.map((e) => e.name)).toContain(REPAIR_SHOP);
  });

  it("carries the badge on its open jobs in the index and in the PostgreSQL fallback", async () => {
    const ids = await openJobIds(shopId);
    expect(ids.length).toBeGreaterThan(0);
    const docs = await jobDocs(shopId);
    expect(docs.map((d) => d.id).sort()).toEqual(ids.sort());
    expect(docs.every((d) => d.recognised === true)).toBe(true);
    const fallback = await jobFallback(parseJobSearch(new URLSearchParams("province=68")), todayIso()).page(
      undefined,
      1,
    );
    const shopHits = fallback.hits.filter((h) => h.organizationId === shopId);
    expect(shopHits.length).toBeGreaterThan(0);
    expect(shopHits.every((h) => h.recognised === true)).toBe(true);
    expect(fallback.hits.filter((h) => h.organizationId !== shopId).every((h) => h.recognised === false)).toBe(true);
  });
});

describe("who is listed", () => {
  it("leaves out the unverified, those who never hired through the programme, and those not opted in", async () => {
    await employer("Tiệm A chưa xác minh", { verified: false, listed: true, hires: 6 });
    await employer("Tiệm B chưa nhận ai", { verified: true, listed: true, hires: 0 });
    await employer("Tiệm C chưa đồng ý", { verified: true, listed: false, hires: 6 });
    await employer("Tiệm D đủ điều kiện", { verified: true, listed: true, hires: 2, keptYear: 1 });
    const listed = await names();
    expect(listed).not.toContain("Tiệm A chưa xác minh");
    expect(listed).not.toContain("Tiệm B chưa nhận ai");
    expect(listed).not.toContain("Tiệm C chưa đồng ý");
    expect(listed).toContain("Tiệm D đủ điều kiện");
  });

  it("hides counts below 5 as '< 5'", async () => {
    await employer("Tiệm E năm người", { verified: true, listed: true, hires: 5, keptYear: 4 });
    const entries = (await loadDirectory({ page: 1 })).entries;
    const d = entries.find((e) => e.name === "Tiệm D đủ điều kiện")!;
    expect(d.hired).toEqual({ value: null, flag: "lt5" });
    expect(d.kept).toEqual({ value: null, flag: "lt5" });
    const e = entries.find((x) => x.name === "Tiệm E năm người")!;
    expect(e.hired).toEqual({ value: 5, flag: null });
    expect(e.kept).toEqual({ value: null, flag: "lt5" });
  });

  it("refuses to list an employer that is not eligible, and says why", async () => {
    const unverified = await employer("Tiệm F chưa xác minh", { verified: false, listed: false, hires: 0 });
    expect(await setDirectoryListing(unverified, true)).toEqual({ ok: false, blockers: ["not_verified", "no_hire"] });
    const noHire = await employer("Tiệm G chưa nhận ai", { verified: true, listed: false, hires: 0 });
    expect(await setDirectoryListing(noHire, true)).toEqual({ ok: false, blockers: ["no_hire"] });
    expect((await getDirectoryStatus(noHire))?.blockers).toEqual(["no_hire"]);
    const [row] = await db()
      .select({ at: organization.directoryListedAt })
      .from(organization)
      .where(eq(organization.id, noHire.organizationId));
    expect(row.at).toBeNull();
    // A training provider has no place in it.
    expect(await setDirectoryListing({ ...noHire, role: "provider" }, true)).toEqual({ ok: false, notFound: true });
  });

  it("lists an eligible employer in one click, audited", async () => {
    const scope = await employer("Tiệm H vừa đồng ý", { verified: true, listed: false, hires: 1 });
    expect(await names()).not.toContain("Tiệm H vừa đồng ý");
    expect(await setDirectoryListing(scope, true)).toEqual({ ok: true, listed: true });
    expect(await names()).toContain("Tiệm H vừa đồng ý");
    const status = await getDirectoryStatus(scope);
    expect(status?.shown).toBe(true);
    const events = await db()
      .select({ action: auditEvent.action, purpose: auditEvent.purpose, details: auditEvent.details })
      .from(auditEvent)
      .where(eq(auditEvent.actorId, scope.actorId));
    expect(events).toEqual([
      {
        action: "edit",
        purpose: "directory_listing",
        details: { organizationId: scope.organizationId, listed: true },
      },
    ]);
  });
});

describe("leaving the directory", () => {
  it("removes the shop at once and takes the badge off its jobs; coming back puts both back", async () => {
    const ids = await openJobIds(shopId);
    expect(await setDirectoryListing(shopScope, false)).toEqual({ ok: true, listed: false });
    // At once: the very next read of the directory no longer has it.
    expect(await names()).not.toContain(REPAIR_SHOP);
    expect((await getDirectoryStatus(shopScope))?.shown).toBe(false);
    // Its open jobs were queued for re-indexing in the same transaction.
    expect((await pendingJobItems(ids)).sort()).toEqual([...ids].sort());
    await drainOutbox(db(), ctx.search);
    expect((await jobDocs(shopId)).every((d) => d.recognised === false)).toBe(true);
    const fallback = await jobFallback(parseJobSearch(new URLSearchParams("province=68")), todayIso()).page(
      undefined,
      1,
    );
    expect(fallback.hits.filter((h) => h.organizationId === shopId).every((h) => h.recognised === false)).toBe(true);
    const [left] = await db()
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.actorId, shopScope.actorId), eq(auditEvent.purpose, "directory_listing")));
    expect(left.details).toEqual({ organizationId: shopId, listed: false });

    expect(await setDirectoryListing(shopScope, true)).toEqual({ ok: true, listed: true });
    await drainOutbox(db(), ctx.search);
    expect(await names()).toContain(REPAIR_SHOP);
    expect((await jobDocs(shopId)).every((d) => d.recognised === true)).toBe(true);
  });

  it("a first hire of an opted-in employer queues its open jobs (the badge appears); later hires do not", async () => {
    const scope = await employer("Tiệm K chờ người đầu tiên", { verified: true, listed: true, hires: 0 });
    const jobId = await openJob(scope.organizationId);
    await drainOutbox(db(), ctx.search);
    expect((await jobDocs(scope.organizationId)).map((d) => d.recognised)).toEqual([false]);
    const hire = async () =>
      db().transaction(async (tx) => {
        await tx.insert(placement).values({
          personId,
          organizationId: scope.organizationId,
          employerName: "Tiệm K",
          position: "Thợ phụ",
          wage: 5_000_000,
          contractKind: "labour_contract",
          startDate: todayIso(),
        });
        await onPlacementRecorded(tx, scope.organizationId);
      });
    await hire();
    expect(await pendingJobItems([jobId])).toEqual([jobId]);
    await drainOutbox(db(), ctx.search);
    expect((await jobDocs(scope.organizationId)).map((d) => d.recognised)).toEqual([true]);
    await hire();
    expect(await pendingJobItems([jobId])).toEqual([]);
  });
});

describe("the employer's one-click form on /employer/profile", () => {
  type Status = { shown: boolean; blockers: string[]; hired: unknown; answer?: string } | null;
  const statusOn = async (cookie: string, path = "/employer/profile") =>
    ((await (await call(profilePage.loader, path, cookie)).json()) as { directory: Status }).directory;

  it("leaves and joins in one click each, and says so", async () => {
    const cookie = await cookieFor(shopScope.actorId);
    expect(await statusOn(cookie)).toMatchObject({ shown: true, blockers: [], hired: { flag: null } });
    const left = await call(profilePage.action, "/employer/profile", cookie, {}, { intent: "directory-leave" });
    expect(left.status).toBe(302);
    expect(left.headers.get("Location")).toBe("/employer/profile?directory=left#directory");
    expect(await names()).not.toContain(REPAIR_SHOP);
    expect(await statusOn(cookie, "/employer/profile?directory=left")).toMatchObject({ shown: false, answer: "left" });
    const joined = await call(profilePage.action, "/employer/profile", cookie, {}, { intent: "directory-join" });
    expect(joined.headers.get("Location")).toBe("/employer/profile?directory=joined#directory");
    expect(await names()).toContain(REPAIR_SHOP);
  });

  it("tells an employer that has hired nobody yet why it cannot join", async () => {
    const scope = await employer("Tiệm L mới đăng ký", { verified: true, listed: false, hires: 0 });
    const cookie = await cookieFor(scope.actorId);
    expect(await statusOn(cookie)).toMatchObject({ shown: false, blockers: ["no_hire"] });
    const refused = await call(profilePage.action, "/employer/profile", cookie, {}, { intent: "directory-join" });
    expect(refused.headers.get("Location")).toBe("/employer/profile?directory=refused#directory");
    expect(await names()).not.toContain("Tiệm L mới đăng ký");
  });
});
