import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { listSavedSearches, saveSearch } from "~/modules/alerts/saved-searches.server";
import { outboxAdapter } from "~/modules/notifications/channels/outbox.server";
import { useChannelAdapters } from "~/modules/notifications/channels/registry.server";
import { smsAdapterFromEnv } from "~/modules/notifications/channels/sms-config.server";
import { listDeliveries, recordProviderReport, retryDelivery } from "~/modules/notifications/delivery-admin.server";
import { deliverDue } from "~/modules/notifications/delivery-worker.server";
import { forbiddenWordsIn } from "~/modules/notifications/forbidden-words";
import { notify } from "~/modules/notifications/notifications.server";
import { DAILY_CAP } from "~/modules/notifications/schedule";
import { action as shortLinkAction, loader as shortLinkLoader } from "~/routes/n.$code";
import { setClock } from "~/utils/clock.server";

import { db } from "../../db/client.server";
import { appUser, consentWithdrawal, delivery } from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOrgMember } from "../factories/marketplace";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { type EsmsServer, startEsmsServer } from "../fakes/esms-server";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

setupIntegration();

/** 10:00 in Vietnam on a given day (03:00 UTC): inside the hours messages may leave. */
const vnTime = (day: string, hour = 10, minute = 0) =>
  new Date(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+07:00`);

const outbox = { sms: outboxAdapter("sms"), zalo: outboxAdapter("zalo"), email: outboxAdapter("email") };

async function rowsFor(userId: string) {
  return db().select().from(delivery).where(eq(delivery.recipientId, userId)).orderBy(delivery.id);
}

let people = 0;
/** A person with a login and, unless told otherwise, a live consent to text messages. */
async function textablePerson(consent = true) {
  const officer = await createOfficerScope([UNITS.namDa]);
  const personId = await createPerson(officer, { fullName: `Trần Văn ${++people}`, dateOfBirth: "1988-03-04" });
  const phone = uniquePhone();
  if (consent) await giveConsent(officer, personId, { purposes: ["matching", "share_contact", "contact_sms"] });
  else await giveConsent(officer, personId);
  const userId = await activatePerson(officer, personId, { phone, ip: `10.77.${Math.floor(Math.random() * 250)}.1` });
  return { officer, personId, userId, phone };
}

/** An employer's account with an e-mail (the factory's) and a mobile phone, so Zalo and e-mail both reach it. */
async function employerWithPhone() {
  const org = await createOrgMember("employer");
  await db().update(appUser).set({ phone: uniquePhone() }).where(eq(appUser.id, org.actorId));
  return org;
}

afterEach(() => {
  setClock(undefined);
  useChannelAdapters(undefined);
});

describe("outside deliveries: queued with the notification", () => {
  it("an organisation hears of a new referral on Zalo and by e-mail, with a short link and no name", async () => {
    setClock({ at: vnTime("2026-12-07") });
    const org = await employerWithPhone();
    await notify(db(), [org.actorId], {
      messageKey: "notify.referral.organization.referred",
      params: { title: "Thợ sửa xe máy" },
      link: "/employer/referrals/00000000-0000-4000-8000-000000000001",
    });
    const rows = await rowsFor(org.actorId);
    expect(rows.map((r) => r.channel).sort()).toEqual(["email", "zalo"]);
    for (const row of rows) {
      expect(row.status).toBe("queued");
      expect(row.kind).toBe("referral_new");
      expect(row.body).toContain("Thợ sửa xe máy");
      expect(row.link).toMatch(/\/n\/[A-Za-z0-9_-]{8}$/);
      expect(row.body).toContain(row.link!);
      expect(forbiddenWordsIn(row.body.replaceAll(row.link!, ""))).toEqual([]);
    }
    const zalo = rows.find((r) => r.channel === "zalo")!;
    expect(zalo.template).toMatchObject({ data: { title: "Thợ sửa xe máy", link: zalo.link } });
  });

  it("an in-app-only notification and a rolled-back change send nothing outside", async () => {
    const org = await employerWithPhone();
    await notify(db(), [org.actorId], { messageKey: "notifications.title", link: "/employer" });
    await db()
      .transaction(async (tx) => {
        await notify(tx, [org.actorId], {
          messageKey: "notify.referral.organization.referred",
          params: { title: "Phụ bếp" },
          link: "/employer/referrals",
        });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await rowsFor(org.actorId)).toEqual([]);
  });

  it("a person is texted only with a live consent for text messages", async () => {
    const withConsent = await textablePerson(true);
    const without = await textablePerson(false);
    for (const p of [withConsent, without])
      await notify(db(), [p.userId], {
        messageKey: "notify.referral.person.offered",
        params: { title: "Tiệm sửa xe Cường Thịnh" },
        link: "/me/referrals",
      });
    const [sms] = await rowsFor(withConsent.userId);
    expect(sms).toMatchObject({ channel: "sms", kind: "offer_waiting", toAddress: `+84${withConsent.phone.slice(1)}` });
    expect(sms.body).toMatch(/^Chung Tay: “Tiệm sửa xe Cường Thịnh” muốn nhận bạn/);
    expect(await rowsFor(without.userId)).toEqual([]);
  });

  it("a title that names the past falls back to the plain 'you have news'", async () => {
    const org = await employerWithPhone();
    await notify(db(), [org.actorId], {
      messageKey: "notify.referral.organization.referred",
      params: { title: "Nhận người mới ra tù" },
      link: "/employer/referrals",
    });
    for (const row of await rowsFor(org.actorId)) {
      expect(row.body).not.toContain("ra tù");
      expect(row.body).toMatch(/^Chung Tay: Bạn có tin mới\. Xem: /);
      if (row.channel === "zalo") expect(Object.keys(row.template!.data)).toEqual(["link"]);
    }
  });
});

describe("outside deliveries: the worker sends", () => {
  let esms: EsmsServer;
  beforeAll(async () => {
    // A local HTTP server speaking eSMS's documented API stands in for the SMS gateway (outside the machine).
    esms = await startEsmsServer({ apiKey: "k", secretKey: "s", brandnames: ["ChungTay"] });
  });
  afterAll(async () => esms.close());
  const smsAdapter = () =>
    smsAdapterFromEnv(
      { ESMS_URL: esms.url, ESMS_API_KEY: "k", ESMS_SECRET_KEY: "s", ESMS_BRANDNAME: "ChungTay" },
      { timeoutMs: 2_000 },
    )!;

  it("sends through the gateway, keeps messages queued while it is down, and delivers each once when it is back", async () => {
    setClock({ at: vnTime("2026-12-08") });
    const p = await textablePerson(true);
    const before = esms.messages.length;
    await notify(db(), [p.userId], {
      messageKey: "notify.referral.person.referred",
      params: { title: "A" },
      link: "/me/referrals",
    });
    await esms.stop();
    await notify(db(), [p.userId], {
      messageKey: "notify.referral.person.offered",
      params: { title: "B" },
      link: "/me/referrals",
    });
    await deliverDue(db(), { sms: smsAdapter() });
    let rows = await rowsFor(p.userId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["queued", 1],
      ["queued", 1],
    ]);
    expect(rows[0].lastError).toBeTruthy();
    expect(rows[0].nextAttemptAt.getTime()).toBeGreaterThan(vnTime("2026-12-08").getTime());
    // Not due yet: nothing is tried again.
    await esms.start();
    await deliverDue(db(), { sms: smsAdapter() });
    expect((await rowsFor(p.userId)).map((r) => r.attempts)).toEqual([1, 1]);
    setClock({ at: vnTime("2026-12-08", 10, 5) });
    await deliverDue(db(), { sms: smsAdapter() });
    await deliverDue(db(), { sms: smsAdapter() });
    rows = await rowsFor(p.userId);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    const received = esms.messages.slice(before).filter((m) => m.body.Phone === `0${p.phone.slice(1)}`);
    expect(received).toHaveLength(2);
    // Folded for the handset: no diacritics, the same link.
    expect(String(received[0].body.Content)).toMatch(/^Chung Tay: Co mot co hoi moi danh cho ban/);
    expect(received.map((m) => m.smsId).sort()).toEqual(rows.map((r) => r.providerId).sort());
    // The gateway's delivery report marks it delivered.
    expect(await recordProviderReport("esms", { providerId: rows[0].providerId!, delivered: true })).toBe(true);
    expect((await rowsFor(p.userId))[0].status).toBe("delivered");
  });

  it("waits out the quiet hours (21:00–07:00 in Vietnam) for texts, not for e-mail", async () => {
    setClock({ at: vnTime("2026-12-09", 22, 30) });
    const p = await textablePerson(true);
    const org = await employerWithPhone();
    await notify(db(), [p.userId], {
      messageKey: "notify.referral.person.interview",
      params: { title: "C" },
      link: "/me/referrals",
    });
    await notify(db(), [org.actorId], {
      messageKey: "notify.referral.organization.referred",
      params: { title: "C" },
      link: "/employer/referrals",
    });
    await deliverDue(db(), outbox);
    const [sms] = await rowsFor(p.userId);
    expect(sms.status).toBe("queued");
    expect(sms.nextAttemptAt.toISOString()).toBe(vnTime("2026-12-10", 7).toISOString());
    const orgRows = await rowsFor(org.actorId);
    expect(orgRows.find((r) => r.channel === "email")!.status).toBe("sent");
    expect(orgRows.find((r) => r.channel === "zalo")!.status).toBe("queued");
    setClock({ at: vnTime("2026-12-10", 7, 1) });
    await deliverDue(db(), outbox);
    expect((await rowsFor(p.userId))[0].status).toBe("sent");
  });

  it(`sends at most ${DAILY_CAP} notices a day to a person, the rest in one digest the next morning`, async () => {
    setClock({ at: vnTime("2026-12-11", 9) });
    const p = await textablePerson(true);
    for (const title of ["1", "2", "3", "4", "5"])
      await notify(db(), [p.userId], {
        messageKey: "notify.referral.person.referred",
        params: { title },
        link: "/me/referrals",
      });
    await deliverDue(db(), outbox);
    let rows = await rowsFor(p.userId);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(DAILY_CAP);
    const digested = rows.filter((r) => r.status === "digested");
    expect(digested).toHaveLength(2);
    const digest = rows.find((r) => r.kind === "digest")!;
    expect(digested.every((r) => r.digestId === digest.id)).toBe(true);
    expect(digest.nextAttemptAt.toISOString()).toBe(vnTime("2026-12-12", 7).toISOString());
    setClock({ at: vnTime("2026-12-12", 7, 2) });
    await deliverDue(db(), outbox);
    rows = await rowsFor(p.userId);
    expect(rows.find((r) => r.kind === "digest")!.status).toBe("sent");
  });

  it("cancels a queued text when the consent ends before it leaves", async () => {
    setClock({ at: vnTime("2026-12-13") });
    const p = await textablePerson(true);
    await notify(db(), [p.userId], {
      messageKey: "notify.referral.person.referred",
      params: { title: "D" },
      link: "/me/referrals",
    });
    const [row] = await rowsFor(p.userId);
    // The one-tap stop from the message itself: a withdrawal of the text-message purpose, recorded like any other.
    const code = row.link!.split("/n/")[1];
    const stopped = await callRoute(shortLinkAction, routeRequest(`/n/${code}`, { form: { intent: "stop" } }), {
      code,
    });
    expect(stopped.status).toBe(200);
    const [withdrawal] = await db()
      .select()
      .from(consentWithdrawal)
      .where(and(eq(consentWithdrawal.personId, p.personId), eq(consentWithdrawal.purpose, "contact_sms")));
    expect(withdrawal).toMatchObject({ channel: "message_link", actorRole: "person" });
    await deliverDue(db(), outbox);
    expect((await rowsFor(p.userId))[0].status).toBe("cancelled");
  });

  it("gives up after a permanent refusal, and an admin of the province can send it again", async () => {
    setClock({ at: vnTime("2026-12-14") });
    const p = await textablePerson(true);
    await notify(db(), [p.userId], {
      messageKey: "notify.referral.person.referred",
      params: { title: "E" },
      link: "/me/referrals",
    });
    esms.failNext("invalid-phone");
    await deliverDue(db(), { sms: smsAdapter() });
    const [failed] = await rowsFor(p.userId);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/108/);
    const listed = await listDeliveries({ provinceCode: UNITS.lamDong, statuses: ["failed", "dead"] });
    expect(listed.map((l) => l.id)).toContain(failed.id);
    expect(await listDeliveries({ provinceCode: "01", statuses: ["failed"] })).not.toContainEqual(
      expect.objectContaining({ id: failed.id }),
    );
    expect(await retryDelivery("01", failed.id)).toBe(false);
    expect(await retryDelivery(UNITS.lamDong, failed.id)).toBe(true);
    await deliverDue(db(), { sms: smsAdapter() });
    expect((await rowsFor(p.userId))[0].status).toBe("sent");
  });
});

describe("the message's short link", () => {
  it("reveals nothing without the recipient's login, and takes the recipient straight there", async () => {
    const org = await employerWithPhone();
    await notify(db(), [org.actorId], {
      messageKey: "notify.referral.organization.referred",
      params: { title: "Thợ hàn" },
      link: "/employer/referrals/00000000-0000-4000-8000-000000000002",
    });
    const [row] = await rowsFor(org.actorId);
    const code = row.link!.split("/n/")[1];
    const anonymous = await callRoute(shortLinkLoader, routeRequest(`/n/${code}`), { code });
    const body = JSON.stringify(await anonymous.json());
    expect(body).not.toContain("Thợ hàn");
    expect(body).not.toContain("/employer/referrals");
    const someoneElse = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    const other = await callRoute(
      shortLinkLoader,
      routeRequest(`/n/${code}`, { cookie: await cookieFor(someoneElse.id) }),
      { code },
    );
    expect(other.status).toBe(200);
    const own = await callRoute(shortLinkLoader, routeRequest(`/n/${code}`, { cookie: await cookieFor(org.actorId) }), {
      code,
    });
    expect(own.status).toBe(302);
    expect(own.headers.get("Location")).toBe("/employer/referrals/00000000-0000-4000-8000-000000000002");
    // After 30 days the link only leads to the login, even for its recipient.
    setClock({ at: new Date(Date.now() + 31 * 86_400_000) });
    const old = await callRoute(shortLinkLoader, routeRequest(`/n/${code}`, { cookie: await cookieFor(org.actorId) }), {
      code,
    });
    expect(old.status).toBe(200);
    expect((await old.json()).state).toBe("shortlink.expired");
    setClock(undefined);
    const unknown = await callRoute(shortLinkLoader, routeRequest("/n/zzzzzzzz"), { code: "zzzzzzzz" });
    expect((await unknown.json()).state).toBe("shortlink.unknown");
    // An organisation's one-click unsubscribe (RFC 8058) turns its channel off in its settings.
    const emailRow = (await rowsFor(org.actorId)).find((r) => r.channel === "email")!;
    const emailCode = emailRow.link!.split("/n/")[1];
    const oneClick = await callRoute(
      shortLinkAction,
      routeRequest(`/n/${emailCode}`, { form: { "List-Unsubscribe": "One-Click" } }),
      { code: emailCode },
    );
    expect(oneClick.status).toBe(200);
    await notify(db(), [org.actorId], {
      messageKey: "notify.referral.organization.referred",
      params: { title: "Thợ hàn 2" },
      link: "/employer/referrals",
    });
    const after = (await rowsFor(org.actorId)).filter((r) => r.body.includes("Thợ hàn 2"));
    expect(after.map((r) => r.channel)).toEqual(["zalo"]);
  });
});

describe("the stop of a job alert", () => {
  it("stops that saved search only, from the message's link, without a login", async () => {
    const p = await textablePerson(true);
    const saved = await saveSearch(p.userId, "job", { query: "sửa xe", filters: {} });
    if (!saved.ok) throw new Error("saveSearch failed");
    await notify(db(), [p.userId], {
      messageKey: "notify.alert.job",
      params: { count: 2, query: "sửa xe" },
      link: "/jobs?q=s%E1%BB%ADa+xe",
      stopKey: `saved-search:${saved.id}`,
    });
    const [row] = await rowsFor(p.userId);
    expect(row.kind).toBe("job_alert");
    const code = row.link!.split("/n/")[1];
    const page = await (await callRoute(shortLinkLoader, routeRequest(`/n/${code}`), { code })).json();
    expect(page.stop).toBe("shortlink.stop.alert");
    await callRoute(shortLinkAction, routeRequest(`/n/${code}`, { form: { intent: "stop" } }), { code });
    expect((await listSavedSearches(p.userId)).filter((s) => s.id === saved.id)).toEqual([]);
    // The text-message consent is untouched: only the alert stopped.
    expect(await db().select().from(consentWithdrawal).where(eq(consentWithdrawal.personId, p.personId))).toEqual([]);
  });
});
