import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { listNotifications, unreadCount } from "~/modules/notifications/notifications.server";
import { employerReminderKey, officerReminderKey } from "~/modules/placements/reminders.server";
import * as employerPage from "~/routes/employer.placements";
import * as officerHome from "~/routes/officer._index";
import * as tasksPage from "~/routes/officer.follow-ups._index";
import * as followUpPage from "~/routes/officer.follow-ups.$id";
import * as placementPage from "~/routes/officer.placements.$id";
import { setClock } from "~/utils/clock.server";
import { followUpRemindersTask } from "~/worker/tasks.server";

import { followUp, notification } from "../../db/schema";
import { UNITS } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, placeFromReferral, refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";
import { at, call, cookieFor } from "../setup/routes";

/*
 * Issue 11, defect 6: after all four follow-ups of a placement were recorded, the officer and the employer
 * still had the reminders for them as unread. Reminders are written by the background task only (never by a
 * page being read), once per party per follow-up, and doing the task resolves every party's copy.
 */

const ctx = setupIntegration();
const db = () => ctx.handle.db;

const HIRED = "2026-03-02";
const TODAY = "2027-03-05"; // all four follow-ups (2 Apr, 2 Jun, 2 Sep 2026, 2 Mar 2027) are due or overdue

const notificationRows = async () => Number((await db().select({ n: count() }).from(notification))[0]!.n);

let officer: StaffScope & { cookie: string };
let employer: OrgScope & { cookie: string };
let placementId: string;
let followUpIds: string[];

beforeAll(async () => {
  at(HIRED);
  const scope = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  officer = { ...scope, cookie: await cookieFor(scope.actorId) };
  const org = await createOrgMember("employer");
  employer = { ...org, cookie: await cookieFor(org.actorId) };
  const job = await publishJob(employer);
  const personId = await createPerson(officer, { fullName: "Đinh Văn Nhắc" });
  await giveConsent(officer, personId);
  const referralId = await refer(officer, personId, "job", job.id);
  await acceptReferral(employer, referralId);
  placementId = await placeFromReferral(officer, personId, referralId, { startDate: HIRED });
  const rows = await db()
    .select({ id: followUp.id })
    .from(followUp)
    .where(eq(followUp.placementId, placementId))
    .orderBy(followUp.monthOffset);
  followUpIds = rows.map((r) => r.id);
  expect(followUpIds).toHaveLength(4);
}, 120_000);

afterAll(() => setClock(undefined));

describe("follow-up reminders", () => {
  let officerBefore: number;
  let employerBefore: number;

  it("are not written by the officer's pages: GET /officer and /officer/follow-ups write no notification", async () => {
    at(TODAY);
    officerBefore = await unreadCount(officer.actorId);
    employerBefore = await unreadCount(employer.actorId);
    const before = await notificationRows();
    const home = await call(officerHome.loader, "/officer", officer.cookie);
    expect(home.status).toBe(200);
    expect((await home.json()).followUps).toMatchObject({ due: 1, overdue: 3 }); // the pages still show the work
    const tasks = await call(tasksPage.loader, "/officer/follow-ups", officer.cookie);
    expect(
      (await tasks.json()).items.filter((i: { placementId: string }) => i.placementId === placementId),
    ).toHaveLength(4);
    expect(await notificationRows()).toBe(before);
  });

  it("are written by the named background task: one per party per follow-up, however often it runs", async () => {
    at(TODAY);
    expect(followUpRemindersTask.name).toBe("placements.follow-up-reminders");
    expect(await followUpRemindersTask.run(db())).toBeGreaterThanOrEqual(4);
    const mine = (recipientId: string) =>
      db()
        .select({ subjectKey: notification.subjectKey, messageKey: notification.messageKey })
        .from(notification)
        .where(
          and(
            eq(notification.recipientId, recipientId),
            inArray(notification.subjectKey, [
              ...followUpIds.map(officerReminderKey),
              ...followUpIds.map(employerReminderKey),
            ]),
          ),
        );
    expect((await mine(officer.actorId)).map((r) => r.subjectKey).sort()).toEqual(
      followUpIds.map(officerReminderKey).sort(),
    );
    expect((await mine(employer.actorId)).map((r) => r.subjectKey).sort()).toEqual(
      followUpIds.map(employerReminderKey).sort(),
    );
    expect(await unreadCount(officer.actorId)).toBe(officerBefore + 4);
    expect(await unreadCount(employer.actorId)).toBe(employerBefore + 4);

    // Twice, and even with its claim undone (a crash between two runs), nobody gets a second copy.
    const rows = await notificationRows();
    expect(await followUpRemindersTask.run(db())).toBe(0);
    await db().update(followUp).set({ dueNotifiedAt: null }).where(eq(followUp.placementId, placementId));
    expect(await followUpRemindersTask.run(db())).toBe(4);
    expect(await notificationRows()).toBe(rows);
  });

  it("the employer's confirmation resolves its own reminder only; the officer's visits resolve everyone's", async () => {
    at(TODAY);
    const confirmed = await call(
      employerPage.action,
      "/employer/placements",
      employer.cookie,
      {},
      { followUpId: followUpIds[3]!, note: "Vẫn làm tốt" },
    );
    expect(confirmed.status).toBe(302);
    expect(await unreadCount(employer.actorId)).toBe(employerBefore + 3);
    expect(await unreadCount(officer.actorId)).toBe(officerBefore + 4);

    for (const [i, id] of followUpIds.entries()) {
      const form: Record<string, string> = {
        stillEmployed: "yes",
        currentWage: "5.500.000",
        stable: "yes",
        livingSituation: "with_family",
        violation: "no",
        violationNote: "",
        note: `Lần ${i + 1}`,
      };
      if (i === 3) form.outcome = "stable";
      const posted = await call(followUpPage.action, `/officer/follow-ups/${id}`, officer.cookie, { id }, form);
      expect(posted.status).toBe(302);
    }
    // Back to what it was before the reminders: nothing stale for either party.
    expect(await unreadCount(officer.actorId)).toBe(officerBefore);
    expect(await unreadCount(employer.actorId)).toBe(employerBefore);
    // The list still shows them, marked done rather than unread.
    const listed = (await listNotifications(officer.actorId, { limit: 100 })).filter(
      (n) => n.messageKey === "notify.followUp.due.officer",
    );
    expect(listed).toHaveLength(4);
    expect(listed.every((n) => n.done && n.read)).toBe(true);
    const open = await db()
      .select({ n: count() })
      .from(notification)
      .where(
        and(
          inArray(notification.subjectKey, [
            ...followUpIds.map(officerReminderKey),
            ...followUpIds.map(employerReminderKey),
          ]),
          isNull(notification.resolvedAt),
        ),
      );
    expect(Number(open[0]!.n)).toBe(0);
    // The task has nothing left to say about them.
    expect(await followUpRemindersTask.run(db())).toBe(0);
  });

  it("ending a placement resolves the reminders of the follow-ups it cancels and the employer's confirmations", async () => {
    at("2026-04-01");
    const personId = await createPerson(officer, { fullName: "Đinh Văn Nghỉ" });
    await giveConsent(officer, personId);
    const job = await publishJob(employer);
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(employer, referralId);
    const ended = await placeFromReferral(officer, personId, referralId, { startDate: "2026-03-01" });
    await followUpRemindersTask.run(db()); // the 1-month follow-up (1 April) is due
    const [first] = await db()
      .select({ id: followUp.id })
      .from(followUp)
      .where(and(eq(followUp.placementId, ended), eq(followUp.monthOffset, 1)));
    const subjects = [officerReminderKey(first!.id), employerReminderKey(first!.id)];
    const unresolved = async (keys: string[]) =>
      Number(
        (
          await db()
            .select({ n: count() })
            .from(notification)
            .where(and(inArray(notification.subjectKey, keys), isNull(notification.resolvedAt)))
        )[0]!.n,
      );
    expect(await unresolved(subjects)).toBe(2);
    const posted = await call(
      placementPage.action,
      `/officer/placements/${ended}`,
      officer.cookie,
      { id: ended },
      { intent: "end", endDate: "2026-03-31", endReason: "quit", endNote: "" },
    );
    expect(posted.status).toBe(302);
    // The 1-month visit is still the officer's to record (it fell due before the end); the employer has nothing left to confirm.
    expect(await unresolved([officerReminderKey(first!.id)])).toBe(1);
    expect(await unresolved([employerReminderKey(first!.id)])).toBe(0);
  });
});
