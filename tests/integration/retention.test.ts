import { and, count, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { ANONYMISED_NAME, anonymisePerson } from "~/modules/persons/data-rights.server";
import { closePerson } from "~/modules/persons/lifecycle.server";
import { applyRetention, type RetentionPolicy } from "~/modules/retention/retention.server";
import { setClock } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";
import { WORKER_TASKS } from "~/worker/tasks.server";

import { appUser, auditEvent, conviction, delivery, passwordReset, releasedPerson, userSession } from "../../db/schema";
import { uniquePhone } from "../factories";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

const ctx = setupIntegration({ indexes: true });
afterEach(() => setClock(undefined));

const DAY = 86_400_000;
const closedOn = new Date("2026-03-02T03:00:00Z");
// Five years (the default period) and an hour after the first files closed.
const runAt = new Date(closedOn.getTime() + 1826 * DAY + 3_600_000);
const policy: RetentionPolicy = { closedFileDays: 1826, auditDays: 1826, deliveryDays: 180, batchSize: 1 };

const personRow = async (id: string) =>
  (await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, id)))[0];

describe("retention.apply: data past its period goes, the rest stays", () => {
  it("anonymises closed files past the period, deletes old audit events and finished deliveries, reports it, and then has nothing left to do", async () => {
    const db = ctx.handle.db;
    const officer = await createOfficerScope();

    // Two files closed five years ago (one with an account, signed in), one closed a day later,
    // one still active, one an officer already deleted.
    setClock({ at: closedOn });
    const phone = uniquePhone();
    const past = await createPerson(officer, {
      fullName: "Lò Văn Quá Hạn",
      citizenId: "068090010202",
      phone,
    });
    const userId = await activatePerson(officer, past, { phone, ip: "10.42.0.1" });
    await giveConsent(officer, past);
    const pastToo = await createPerson(officer, { fullName: "Hà Thị Cũ" });
    const active = await createPerson(officer, { fullName: "Vi Văn Đang", citizenId: "068090010303" });
    const deleted = await createPerson(officer, { fullName: "Đã Xóa Trước" });
    for (const id of [past, pastToo, deleted])
      expect(await closePerson(officer, id, { reason: "moved_away", note: "Chuyển vào Nam" })).toMatchObject({
        ok: true,
      });
    expect(await anonymisePerson(officer, deleted, "data_request:test")).toEqual({ ok: true });
    setClock({ at: daysAfter(closedOn, 1) });
    const dayShort = await createPerson(officer, { fullName: "Mã Văn Sát" });
    expect(await closePerson(officer, dayShort, { reason: "moved_away", note: "" })).toMatchObject({ ok: true });
    const deletedBefore = await personRow(deleted);
    const convictionsOf = async (id: string) =>
      Number((await db.select({ n: count() }).from(conviction).where(eq(conviction.personId, id)))[0].n);
    const pastConvictions = await convictionsOf(past);
    expect(pastConvictions).toBeGreaterThan(0);

    setClock({ at: runAt });
    await cookieFor(userId); // a live session of the person's account
    const auditCutoff = daysAfter(runAt, -policy.auditDays);
    const [oldEvent, oldEvent2, newEvent] = await db
      .insert(auditEvent)
      .values([
        { actorRole: "officer", action: "view", purpose: "retention-test", at: daysAfter(auditCutoff, -1) },
        { actorRole: "officer", action: "view", purpose: "retention-test", at: daysAfter(auditCutoff, -400) },
        { actorRole: "officer", action: "view", purpose: "retention-test", at: daysAfter(auditCutoff, 1) },
      ])
      .returning({ id: auditEvent.id });
    const deliveryCutoff = daysAfter(runAt, -policy.deliveryDays);
    const message = (status: "sent" | "failed" | "queued" | "sending" | "delivered", createdAt: Date) => ({
      recipientId: userId,
      channel: "sms" as const,
      kind: "referral_new",
      toAddress: phone,
      body: "Bạn có tin mới",
      status,
      createdAt,
    });
    const deliveries = await db
      .insert(delivery)
      .values([
        message("sent", daysAfter(deliveryCutoff, -1)),
        message("failed", daysAfter(deliveryCutoff, -30)),
        message("queued", daysAfter(deliveryCutoff, -30)),
        message("sending", daysAfter(deliveryCutoff, -30)),
        message("delivered", daysAfter(deliveryCutoff, 1)),
      ])
      .returning({ id: delivery.id, status: delivery.status });
    const resets = await db
      .insert(passwordReset)
      .values([
        { channel: "sms", address: phone, expiresAt: daysAfter(runAt, -31) },
        { channel: "sms", address: phone, expiresAt: daysAfter(runAt, -1) },
      ])
      .returning({ id: passwordReset.id });

    const report = await applyRetention(db, policy);
    expect(report).toEqual({
      anonymisedPersons: 2,
      deletedAuditEvents: 2,
      deletedDeliveries: 2,
      deletedPasswordResets: 1,
    });

    // The closed files past the period: name, phone, citizen id gone; the record and its counts stay.
    const anonymised = await personRow(past);
    expect(anonymised).toMatchObject({ fullName: ANONYMISED_NAME, phone: null, citizenId: null, status: "closed" });
    expect(anonymised.anonymizedAt).not.toBeNull();
    expect(anonymised.closedAt).toEqual(closedOn);
    expect(await convictionsOf(past)).toBe(pastConvictions);
    expect((await personRow(pastToo)).fullName).toBe(ANONYMISED_NAME);
    const [account] = await db.select().from(appUser).where(eq(appUser.id, userId));
    expect(account).toMatchObject({ fullName: ANONYMISED_NAME, phone: null });
    expect(account.disabledAt).not.toBeNull();
    expect(await db.select().from(userSession).where(eq(userSession.userId, userId))).toHaveLength(0);
    // Done by the system, in the audit log.
    const [anonymiseEvent] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, past), eq(auditEvent.action, "anonymise")));
    expect(anonymiseEvent).toMatchObject({ actorId: null, actorRole: "system", purpose: "retention" });

    // A day short of the period, active, or already deleted: untouched.
    expect((await personRow(dayShort)).fullName).toBe("Mã Văn Sát");
    expect(await personRow(active)).toMatchObject({ fullName: "Vi Văn Đang", citizenId: "068090010303" });
    expect(await personRow(deleted)).toEqual(deletedBefore);
    const deletedEvents = await db
      .select({ id: auditEvent.id })
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, deleted), eq(auditEvent.action, "anonymise")));
    expect(deletedEvents).toHaveLength(1);

    // Audit events and finished deliveries past their periods are gone; newer ones and unsent messages stay.
    const eventsLeft = await db
      .select({ id: auditEvent.id })
      .from(auditEvent)
      .where(inArray(auditEvent.id, [oldEvent.id, oldEvent2.id, newEvent.id]));
    expect(eventsLeft.map((e) => e.id)).toEqual([newEvent.id]);
    const deliveriesLeft = await db
      .select({ status: delivery.status })
      .from(delivery)
      .where(
        inArray(
          delivery.id,
          deliveries.map((d) => d.id),
        ),
      )
      .orderBy(delivery.id);
    expect(deliveriesLeft.map((d) => d.status)).toEqual(["queued", "sending", "delivered"]);
    const resetsLeft = await db
      .select({ id: passwordReset.id })
      .from(passwordReset)
      .where(
        inArray(
          passwordReset.id,
          resets.map((r) => r.id),
        ),
      );
    expect(resetsLeft).toEqual([{ id: resets[1].id }]);

    // The run itself, counts only.
    const runs = await db.select().from(auditEvent).where(eq(auditEvent.action, "retention"));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorId: null, actorRole: "system", personId: null });
    expect(runs[0].details).toMatchObject(report);

    // Again, through the worker's task (default periods, the same as above): nothing left to do.
    const task = WORKER_TASKS.find((t) => t.name === "retention.apply")!;
    expect(task.everyMs).toBe(DAY);
    expect(await task.run(db, { search: ctx.search, stopped: () => false })).toBe(0);
    expect(await db.select().from(auditEvent).where(eq(auditEvent.action, "retention"))).toHaveLength(1);
    expect((await personRow(dayShort)).fullName).toBe("Mã Văn Sát");

    // A day later the file closed a day later is due too.
    setClock({ at: daysAfter(runAt, 1) });
    expect(await applyRetention(db, policy)).toMatchObject({ anonymisedPersons: 1 });
    expect((await personRow(dayShort)).fullName).toBe(ANONYMISED_NAME);
    expect((await personRow(active)).fullName).toBe("Vi Văn Đang");
  });

  it("deletes a backlog in several statements in one run, and stops between them when the worker stops", async () => {
    const db = ctx.handle.db;
    setClock({ at: runAt });
    const old = daysAfter(runAt, -policy.auditDays - 10);
    const backlog = Array.from({ length: 25 }, () => ({
      actorRole: "officer",
      action: "view",
      purpose: "retention-backlog",
      at: old,
    }));
    await db.insert(auditEvent).values(backlog);
    const left = async () =>
      Number(
        (await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.purpose, "retention-backlog")))[0].n,
      );
    // batchSize 1: ten rows a statement. Stopped after the first statement's check: one statement ran.
    let checks = 0;
    const stopping = await applyRetention(db, policy, () => ++checks > 2);
    expect(stopping.deletedAuditEvents).toBe(10);
    expect(await left()).toBe(15);
    expect((await applyRetention(db, policy)).deletedAuditEvents).toBe(15);
    expect(await left()).toBe(0);
  });
});
