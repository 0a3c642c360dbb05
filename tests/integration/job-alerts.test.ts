import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { sendJobAlerts, stopSavedSearch } from "~/modules/alerts/saved-searches.server";
import { outboxAdapter } from "~/modules/notifications/channels/outbox.server";
import { useChannelAdapters } from "~/modules/notifications/channels/registry.server";
import JobsPage from "~/routes/jobs._index";
import { loader as jobsLoader } from "~/routes/jobs._index";
import MySaved, { action as savedAction, loader as savedLoader } from "~/routes/me.saved";
import { setClock } from "~/utils/clock.server";
import { singleton } from "~/utils/singleton.server";

import { db } from "../../db/client.server";
import { delivery, notification, savedSearch, shortLink } from "../../db/schema";
import { initSearch, search as searchClient } from "../../search/client.server";
import { uniquePhone, UNITS } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, cookieFor, getRequest, postRequest } from "../setup/routes";

/*
 * Issue 13 §5: a person saves the search of /jobs (or /trainings) and gets one message a day at most when new
 * matching listings are posted. Real PostgreSQL/PGlite and a real Meilisearch; the SMS goes to the dev outbox
 * adapter (nothing leaves the machine), so the delivery rows are what a phone would receive.
 */

const ctx = setupIntegration({ indexes: true });
const drain = () => drainOutbox(ctx.handle.db, ctx.search);
const HOUR = 3_600_000;
/** The app's clock `hours` from the real now (publication times, the 24-hour rule and "today" all follow it). */
const atHour = (hours: number) => setClock({ offsetMs: hours * HOUR });

let officer: StaffScope;
let serial = 0;

beforeAll(async () => {
  useChannelAdapters({ sms: outboxAdapter("sms") });
  officer = await createOfficerScope([UNITS.namDa]);
});
afterAll(() => useChannelAdapters(undefined));
afterEach(() => setClock(undefined));

/** A person with their own login and a live consent to be texted (contact_sms). */
async function texter() {
  const phone = uniquePhone();
  const personId = await createPerson(officer, { phone, fullName: `Trần Văn Báo Tin ${++serial}` });
  await giveConsent(officer, personId, { purposes: ["matching", "share_contact", "contact_sms"] });
  const userId = await activatePerson(officer, personId, { phone, ip: `10.71.0.${serial}` });
  return { userId, personId, cookie: await cookieFor(userId) };
}

const save = (cookie: string, form: Record<string, string | string[]>) =>
  callRoute(savedAction, postRequest("/me/saved", cookie, { intent: "saveSearch", kind: "job", ...form }));

const searchesOf = (userId: string) => db().select().from(savedSearch).where(eq(savedSearch.userId, userId));
const alertsOf = (userId: string) =>
  db()
    .select()
    .from(notification)
    .where(and(eq(notification.recipientId, userId), eq(notification.messageKey, "notify.alert.job")));
const deliveriesOf = (userId: string) => db().select().from(delivery).where(eq(delivery.recipientId, userId));

describe("saved searches and daily job alerts", () => {
  it("saves from the page, announces a matching job posted after once, and again only the next day", async () => {
    const shop = await createOrgMember("employer", { name: "Xưởng Cửa Sáng" });
    const p = await texter();
    atHour(-1);
    await publishJob(shop, { title: "Thợ lắp khung nhôm cũ", skills: "" }); // before saving: never announced
    atHour(0);
    const saved = await save(p.cookie, { q: "  khung   nhôm ", province: UNITS.lamDong, page: "3", sort: "wage" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/me/saved?alert=saved#alerts");
    // The same search again (other spacing and case, filters in another order) is the same one search.
    const again = await save(p.cookie, { province: UNITS.lamDong, q: "Khung Nhôm" });
    expect(again.headers.get("Location")).toBe("/me/saved?alert=already#alerts");
    const [search] = await searchesOf(p.userId);
    expect(await searchesOf(p.userId)).toHaveLength(1);
    expect(search).toMatchObject({ kind: "job", query: "khung nhôm", filters: { province: UNITS.lamDong } });

    // The list on /me/saved shows it with a link to its results, newest first.
    const page = await (await callRoute(savedLoader, getRequest("/me/saved?alert=saved", p.cookie))).json();
    expect(page.alerts).toEqual([
      expect.objectContaining({
        id: search!.id,
        query: "khung nhôm",
        href: "/jobs?q=khung+nh%C3%B4m&province=68&sort=newest",
      }),
    ]);
    expect(render(MySaved, page)).toContain("Thông báo việc mới");

    atHour(1);
    const fresh = await publishJob(shop, { title: "Thợ hàn khung nhôm kính", skills: "" });
    await publishJob(shop, { title: "Phụ bếp nhà hàng chay", skills: "" }); // does not match the words
    await publishJob(shop, {
      title: "Thợ khung nhôm Phú Thọ",
      skills: "",
      provinceCode: UNITS.phuTho,
      communeCode: UNITS.luongSon,
    }); // other province
    await drain();

    atHour(2);
    await sendJobAlerts(db());
    const alerts = await alertsOf(p.userId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      params: { count: 1, query: "khung nhôm" },
      link: "/jobs?q=khung+nh%C3%B4m&province=68&sort=newest",
    });
    const sent = await deliveriesOf(p.userId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "sms", kind: "job_alert", status: "queued" });
    expect(sent[0]!.body).toContain("Có 1 việc làm mới hợp với tìm kiếm “khung nhôm”");
    // Its short link stops this search in one tap (the short-link page calls stopSavedSearch).
    const [link] = await db().select().from(shortLink).where(eq(shortLink.userId, p.userId));
    expect(link!.stopKey).toBe(`saved-search:${search!.id}`);
    expect(fresh.id).toBeTruthy();

    // A second run the same day sends nothing, even with another matching job.
    atHour(3);
    await publishJob(shop, { title: "Thợ khung nhôm cửa cuốn", skills: "" });
    await drain();
    atHour(5);
    expect(await sendJobAlerts(db())).toBe(0);
    expect(await alertsOf(p.userId)).toHaveLength(1);
    expect(await deliveriesOf(p.userId)).toHaveLength(1);

    // The next day the one posted meanwhile is announced, and only it.
    atHour(27);
    await sendJobAlerts(db());
    const next = await alertsOf(p.userId);
    expect(next).toHaveLength(2);
    expect(next.map((n) => n.params.count)).toEqual([1, 1]);
    expect(await deliveriesOf(p.userId)).toHaveLength(2);
  });

  it("sends nothing for a job that does not match, nor for one posted before saving", async () => {
    const shop = await createOrgMember("employer", { name: "Kho Hàng Đông Nam" });
    const p = await texter();
    atHour(-2);
    await publishJob(shop, { title: "Lái xe nâng trong kho", skills: "" });
    atHour(0);
    await save(p.cookie, { q: "xe nâng" });
    atHour(1);
    await publishJob(shop, { title: "Thợ sơn tường nhà", skills: "" });
    await drain();
    atHour(3);
    await sendJobAlerts(db());
    expect(await alertsOf(p.userId)).toHaveLength(0);
    expect(await deliveriesOf(p.userId)).toHaveLength(0);
    // It was looked at: the next run starts from here.
    const [search] = await searchesOf(p.userId);
    expect(search!.lastCheckedAt.getTime()).toBeGreaterThan(Date.now() + 2 * HOUR);
    expect(search!.lastSentAt).toBeNull();
  });

  it("announces a course search with the course message, and an empty query as «tất cả»", async () => {
    const school = await createOrgMember("provider", { name: "Trường Nghề Đức Trọng" });
    const p = await texter();
    atHour(0);
    const saved = await callRoute(
      savedAction,
      postRequest("/me/saved", p.cookie, {
        intent: "saveSearch",
        kind: "training",
        group: "7",
        province: UNITS.phuTho,
      }),
    );
    expect(saved.status).toBe(302);
    atHour(1);
    await publishTraining(school, { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon });
    await drain();
    atHour(2);
    await sendJobAlerts(db());
    const [alert] = await db().select().from(notification).where(eq(notification.recipientId, p.userId));
    expect(alert).toMatchObject({ messageKey: "notify.alert.training", params: { query: "tất cả" } });
    expect((await deliveriesOf(p.userId))[0]!.body).toContain("khóa học mới hợp với tìm kiếm “tất cả”");
  });

  it("finds the same new jobs through the PostgreSQL fallback while Meilisearch is down", async () => {
    const shop = await createOrgMember("employer", { name: "Cơ Sở Gốm Bát Tràng" });
    const p = await texter();
    atHour(0);
    await save(p.cookie, { q: "nặn gốm" });
    atHour(1);
    await publishJob(shop, { title: "Thợ nặn gốm thủ công", skills: "" });
    await publishJob(shop, { title: "Thợ vẽ tranh sơn mài", skills: "" });
    const working = searchClient();
    initSearch({ ...working.config, url: "http://127.0.0.1:9" }); // nothing listens there
    try {
      atHour(2);
      await sendJobAlerts(db());
    } finally {
      initSearch(working.config);
      singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0;
    }
    const alerts = await alertsOf(p.userId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.params).toEqual({ count: 1, query: "nặn gốm" });
  });

  it("a stopped search sends nothing, and nobody else can stop yours", async () => {
    const shop = await createOrgMember("employer", { name: "Xưởng Sơn Tân Phú" });
    const p = await texter();
    const other = await texter();
    atHour(0);
    await save(p.cookie, { q: "sơn tĩnh điện" });
    const [search] = await searchesOf(p.userId);

    const stranger = await callRoute(
      savedAction,
      postRequest("/me/saved", other.cookie, { intent: "stopSearch", id: search!.id }),
    );
    expect(stranger.status).toBe(400);
    expect(await stopSavedSearch(db(), other.userId, search!.id)).toBe(false);
    expect((await searchesOf(p.userId))[0]!.stoppedAt).toBeNull();

    const stopped = await callRoute(
      savedAction,
      postRequest("/me/saved", p.cookie, { intent: "stopSearch", id: search!.id }),
    );
    expect(stopped.headers.get("Location")).toBe("/me/saved?alert=stopped#alerts");
    expect((await searchesOf(p.userId))[0]!.stoppedAt).not.toBeNull();
    const page = await (await callRoute(savedLoader, getRequest("/me/saved", p.cookie))).json();
    expect(page.alerts).toEqual([]);

    atHour(1);
    await publishJob(shop, { title: "Thợ sơn tĩnh điện", skills: "" });
    await drain();
    atHour(3);
    await sendJobAlerts(db());
    expect(await alertsOf(p.userId)).toHaveLength(0);
    expect(await deliveriesOf(p.userId)).toHaveLength(0);
  });

  it("refuses bad input with 400 and a Vietnamese message, and keeps at most 10 active searches", async () => {
    const p = await texter();
    const loaderData = await (await callRoute(savedLoader, getRequest("/me/saved", p.cookie))).json();
    for (const form of [
      { intent: "saveSearch", kind: "bogus" } as Record<string, string>,
      { intent: "saveSearch" },
      { intent: "stopSearch", id: "không-phải-mã" },
    ]) {
      const refused = await callRoute(savedAction, postRequest("/me/saved", p.cookie, form));
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect(render(MySaved, loaderData, await refused.json())).toContain("Không lưu được: trang đã cũ");
    }
    expect(await searchesOf(p.userId)).toHaveLength(0);

    for (let i = 1; i <= 10; i++) expect((await save(p.cookie, { q: `thợ mộc ${i}` })).status).toBe(302);
    const eleventh = await save(p.cookie, { q: "thợ mộc 11" });
    expect(eleventh.status).toBe(400);
    expect(render(MySaved, loaderData, await eleventh.json())).toContain("Bạn đã có 10 thông báo");
    expect(await searchesOf(p.userId)).toHaveLength(10);
  });

  it("shows the save button on /jobs to a person, with the page's query, and a login link to a visitor", async () => {
    const p = await texter();
    const data = await (
      await callRoute(
        jobsLoader,
        getRequest(`/jobs?q=khung+nh%C3%B4m&province=${UNITS.lamDong}&page=2&wage=bad`, p.cookie),
      )
    ).json();
    const asPerson = render(JobsPage, data, undefined, {
      root: { user: { role: "person", fullName: "T", home: "/me", unread: 0 } },
    });
    expect(asPerson).toContain('action="/me/saved"');
    expect(asPerson).toContain('name="intent" value="saveSearch"');
    expect(asPerson).toContain('name="q" value="khung nhôm"');
    expect(asPerson).toContain(`name="province" value="${UNITS.lamDong}"`);
    expect(asPerson).not.toContain('name="page"');
    expect(asPerson).toContain("Nhận thông báo khi có việc mới phù hợp");

    const asVisitor = render(JobsPage, data, undefined, { root: { user: null } });
    expect(asVisitor).not.toContain('action="/me/saved"');
    expect(asVisitor).toContain(
      `/login?redirectTo=${encodeURIComponent(`/jobs?q=khung+nh%C3%B4m&province=${UNITS.lamDong}`)}`,
    );
    const asEmployer = render(JobsPage, data, undefined, {
      root: { user: { role: "employer", fullName: "E", home: "/employer", unread: 0 } },
    });
    expect(asEmployer).not.toContain("Nhận thông báo khi có việc mới phù hợp");
  });
});
