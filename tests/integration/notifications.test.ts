import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  listNotifications,
  markAllRead,
  notify,
  officersOfCommune,
  unreadCount,
  usersOfOrganization,
} from "~/modules/notifications/notifications.server";
import { acceptTransfer, requestTransfer } from "~/modules/persons/lifecycle.server";
import { loader as rootLoader } from "~/root";
import NotificationsPage, { action as listAction, loader as listLoader } from "~/routes/notifications";
import { action as openAction, loader as openLoader } from "~/routes/notifications.$id";

import { db } from "../../db/client.server";
import { notification } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

setupIntegration();

describe("in-app notifications", () => {
  it("counts unread ones in the header, opens one at what changed, and marks all read", async () => {
    const officer = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    const other = await createUser({ role: "officer", communeCodes: [UNITS.luongSon] });
    await notify(db(), [officer.id, officer.id, null], {
      messageKey: "notifications.title",
      link: "/officer/referrals",
    });
    await notify(db(), [officer.id], { messageKey: "notifications.title", link: "/officer/follow-ups" });
    expect(await unreadCount(officer.id)).toBe(2); // a duplicate recipient is notified once
    expect(await unreadCount(other.id)).toBe(0);

    const cookie = await cookieFor(officer.id);
    const root = await callRoute(rootLoader, routeRequest("/", { cookie }));
    expect((await root.json()).user.unread).toBe(2);

    const [newest] = await listNotifications(officer.id);
    // Someone else's notification is not found, and stays unread.
    const stranger = await callRoute(
      openAction,
      routeRequest(`/notifications/${newest!.id}`, { cookie: await cookieFor(other.id), form: {} }),
      { id: String(newest!.id) },
    );
    expect(stranger.status).toBe(404);
    const strangerGet = await callRoute(
      openLoader,
      routeRequest(`/notifications/${newest!.id}`, { cookie: await cookieFor(other.id) }),
      { id: String(newest!.id) },
    );
    expect(strangerGet.status).toBe(404);
    const bad = await callRoute(openLoader, routeRequest("/notifications/abc", { cookie }), { id: "abc" });
    expect(bad.status).toBe(404);

    // A GET (a bookmark, a prefetch) goes there and writes nothing.
    const followed = await callRoute(openLoader, routeRequest(`/notifications/${newest!.id}`, { cookie }), {
      id: String(newest!.id),
    });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe("/officer/follow-ups");
    expect(await unreadCount(officer.id)).toBe(2);
    const [untouched] = await db().select().from(notification).where(eq(notification.id, newest!.id));
    expect(untouched!.readAt).toBeNull();

    // The list's "open" button posts: marked read, then there.
    const list = await (await callRoute(listLoader, routeRequest("/notifications", { cookie }))).json();
    const listHtml = render(NotificationsPage, list);
    expect(listHtml).toMatch(new RegExp(`<form method="post" action="/notifications/${newest!.id}"`));
    expect(listHtml).not.toContain(`href="/notifications/${newest!.id}"`);
    const opened = await callRoute(openAction, routeRequest(`/notifications/${newest!.id}`, { cookie, form: {} }), {
      id: String(newest!.id),
    });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("/officer/follow-ups");
    expect(await unreadCount(officer.id)).toBe(1);

    const page = await (await callRoute(listLoader, routeRequest("/notifications", { cookie }))).json();
    expect(page.items.map((n: { read: boolean }) => n.read)).toEqual([true, false]);

    const refused = await callRoute(
      listAction,
      routeRequest("/notifications", { cookie, form: { intent: "nonsense" } }),
    );
    expect(refused.status).toBe(400);
    const marked = await callRoute(
      listAction,
      routeRequest("/notifications", { cookie, form: { intent: "mark-all" } }),
    );
    expect(marked.headers.get("Location")).toBe("/notifications?marked=1");
    expect(await unreadCount(officer.id)).toBe(0);
  });

  it("needs a login, and refuses links that leave the app", async () => {
    const anonymous = await callRoute(listLoader, routeRequest("/notifications"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    const user = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    await expect(
      notify(db(), [user.id], { messageKey: "notifications.title", link: "//evil.example" }),
    ).rejects.toThrow(/path/);
    await expect(
      notify(db(), [user.id], { messageKey: "notifications.title", link: "https://evil.example" }),
    ).rejects.toThrow(/path/);
    await markAllRead(user.id);
  });

  it("finds the officers of a commune and the staff of an organisation, leaving disabled accounts out", async () => {
    const active = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    const disabled = await createUser({ role: "officer", communeCodes: [UNITS.namDa], disabledAt: new Date() });
    const officers = await officersOfCommune(db(), UNITS.namDa);
    expect(officers).toContain(active.id);
    expect(officers).not.toContain(disabled.id);
    const member = await createOrgMember("employer");
    expect(await usersOfOrganization(db(), member.organizationId)).toEqual([member.actorId]);
  });

  it("names the person in an officer's list by reference, and not once the person has moved away", async () => {
    const referring = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
    const colleague = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
    const receiving = await createOfficerScope([UNITS.krongNo], UNITS.lamDong);
    const employer = await createOrgMember("employer");
    const job = await publishJob(employer, { title: "Thợ sơn" });
    const personId = await createPerson(referring, { fullName: "Lục Văn Chuyển" });
    await giveConsent(referring, personId);
    await refer(referring, personId, "job", job.id);

    // Stored: the person's id, never a copy of the name.
    const stored = await db()
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.recipientId, colleague.actorId),
          eq(notification.messageKey, "notify.referral.officer.referred"),
        ),
      );
    expect(stored.map((n) => n.params)).toEqual([{ title: "Thợ sơn", personId }]);
    expect(JSON.stringify(stored)).not.toContain("Lục Văn Chuyển");

    const cookie = await cookieFor(colleague.actorId);
    const sentence = async () => {
      const data = await (await callRoute(listLoader, routeRequest("/notifications", { cookie }))).json();
      const html = render(NotificationsPage, data);
      return html.match(/[^>]*được giới thiệu đến “Thợ sơn”\./)?.[0]?.trim();
    };
    expect(await sentence()).toBe("Lục Văn Chuyển đã được giới thiệu đến “Thợ sơn”.");

    // The person moves to Krông Nô: the Nam Đà officer's list no longer names them.
    const moved = await requestTransfer(referring, personId, {
      provinceCode: UNITS.lamDong,
      communeCode: UNITS.krongNo,
      note: "",
    });
    if (!moved.ok) throw new Error("requestTransfer failed");
    expect(await acceptTransfer(receiving, moved.transferId)).toEqual({ ok: true });
    expect(await sentence()).toBe("Một người đã được giới thiệu đến “Thợ sơn”.");
    const [item] = (await listNotifications(colleague.actorId)).filter(
      (n) => n.messageKey === "notify.referral.officer.referred",
    );
    expect(item).toMatchObject({ unnamedPerson: true, params: { title: "Thợ sơn" } });
    expect(item!.params).not.toHaveProperty("personId");
  });
});
