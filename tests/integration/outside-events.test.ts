import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { sendConsentExpiryReminders } from "~/modules/consent/reminders.server";
import { outboxAdapter } from "~/modules/notifications/channels/outbox.server";
import { useChannelAdapters } from "~/modules/notifications/channels/registry.server";
import { deliverDue } from "~/modules/notifications/delivery-worker.server";
import { forbiddenWordsIn } from "~/modules/notifications/forbidden-words";
import { sendOfficerDigests } from "~/modules/notifications/officer-digest.server";
import { decideOrganization } from "~/modules/organizations/organizations.server";
import { requestTransfer } from "~/modules/persons/lifecycle.server";
import { sendCourseStartReminders } from "~/modules/placements/course-reminders.server";
import { sendInterviewReminders } from "~/modules/referrals/interview-reminders.server";
import { moveSchema } from "~/modules/referrals/schema.server";
import { moveReferralAsOrganization } from "~/modules/referrals/status.server";
import { setClock } from "~/utils/clock.server";

import { appUser, contactSetting, delivery, notification } from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, enrolFromReferral, refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";
import { at } from "../setup/routes";

/*
 * Issue 13 §3, what gets sent and to whom: the reminders the worker writes (interview tomorrow, a course
 * starting, a consent about to end), the verification decision, and the officers' daily digest. Each is
 * asserted as the in-app notification and as the delivery rows the dev outbox then sends; a second run
 * writes nothing more, and nothing an organisation or an officer's phone receives names the person.
 */

const ctx = setupIntegration();
const db = () => ctx.handle.db;
const adapters = { sms: outboxAdapter("sms"), email: outboxAdapter("email"), zalo: outboxAdapter("zalo") };

const DAY = "2026-12-07"; // 03:00Z = 10:00 in Vietnam: outside the quiet hours
const PERSON_NAME = "Trịnh Văn Hẹn";
/** Vietnam is UTC+7: `hh:mm` on `day` in Vietnam. */
const vietnam = (day: string, hhmm: string) => setClock({ at: new Date(`${day}T${hhmm}:00+07:00`) });

let officer: StaffScope;
let employer: OrgScope;
let ip = 40;

/** A person of Nam Đà with their own login, told of news by text message (a live contact_sms consent). */
async function reachablePerson(fullName: string, consent: Record<string, string | string[]> = {}) {
  const personId = await createPerson(officer, { fullName });
  const grantId = await giveConsent(officer, personId, {
    purposes: ["matching", "training_referral", "share_contact", "contact_sms"],
    ...consent,
  });
  const userId = await activatePerson(officer, personId, { phone: uniquePhone(), ip: `203.0.113.${ip++}` });
  return { personId, userId, grantId };
}

beforeAll(async () => {
  useChannelAdapters(adapters);
  at(DAY);
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  employer = await createOrgMember("employer");
});
afterEach(() => at(DAY));
afterAll(() => {
  setClock(undefined);
  useChannelAdapters(undefined);
});

const notificationsOf = (userIds: string[], messageKey: string) =>
  db()
    .select()
    .from(notification)
    .where(and(inArray(notification.recipientId, userIds), eq(notification.messageKey, messageKey)));
const deliveriesOf = (userIds: string[], kind: string) =>
  db()
    .select()
    .from(delivery)
    .where(and(inArray(delivery.recipientId, userIds), eq(delivery.kind, kind)))
    .orderBy(delivery.id);

async function interviewAt(referralId: string, when: string) {
  const outcome = await moveReferralAsOrganization(
    employer,
    referralId,
    moveSchema.parse({ intent: "interview", interviewAt: when, interviewPlace: "Tại tiệm", note: "" }),
  );
  expect(outcome.ok).toBe(true);
}

describe("the interview reminder, the day before", () => {
  it("reminds the organisation and the person once per interview time, never naming the person to the organisation", async () => {
    const { personId, userId: personUser } = await reachablePerson(PERSON_NAME);
    const other = await createPerson(officer, { fullName: "Phan Văn Sau" });
    await giveConsent(officer, other);
    const job = await publishJob(employer, { title: "Thợ sửa xe máy" });
    const later = await publishJob(employer, { title: "Thợ rửa xe" });
    const referralId = await refer(officer, personId, "job", job.id);
    const laterId = await refer(officer, other, "job", later.id);
    await interviewAt(referralId, `${daysFromToday(2)}T09:30`);
    await interviewAt(laterId, `${daysFromToday(3)}T08:00`);
    // The referral's own news leaves today (within the day's cap of three text messages).
    await deliverDue(db(), adapters);
    at(daysFromToday(1)); // the day before the first interview, the second is the day after tomorrow

    expect(await sendInterviewReminders(db())).toBe(1);
    const orgNotes = await notificationsOf([employer.actorId], "notify.referral.organization.interviewTomorrow");
    expect(orgNotes).toHaveLength(1);
    expect(orgNotes[0]!.params).toEqual({ time: "09:30", title: "Thợ sửa xe máy" });
    expect(orgNotes[0]!.link).toBe(`/employer/referrals/${referralId}`);
    const personNotes = await notificationsOf([personUser], "notify.referral.person.interviewTomorrow");
    expect(personNotes).toHaveLength(1);
    expect(personNotes[0]!.params).toEqual({ time: "09:30", title: "Thợ sửa xe máy" });
    expect(personNotes[0]!.link).toBe("/me/referrals");

    // Run twice (the worker ticks every minute): nothing more is written.
    expect(await sendInterviewReminders(db())).toBe(0);
    expect(
      await notificationsOf([employer.actorId, personUser], "notify.referral.person.interviewTomorrow"),
    ).toHaveLength(1);

    await deliverDue(db(), adapters);
    const sent = await deliveriesOf([employer.actorId, personUser], "interview_tomorrow");
    expect(sent.map((d) => [d.recipientId, d.channel, d.status])).toEqual([
      [employer.actorId, "email", "sent"],
      [personUser, "sms", "sent"],
    ]);
    for (const d of sent) {
      expect(d.body).toContain("09:30");
      expect(d.body).toContain("Thợ sửa xe máy");
      expect(d.body).not.toContain(PERSON_NAME);
      expect(forbiddenWordsIn(d.body)).toEqual([]);
    }
    expect(sent[0]!.subject).toBeTruthy();

    // Rescheduled to another time tomorrow: reminded again, once.
    await interviewAt(referralId, `${daysFromToday(1)}T14:00`);
    expect(await sendInterviewReminders(db())).toBe(1);
    expect(await sendInterviewReminders(db())).toBe(0);
    const times = (await notificationsOf([personUser], "notify.referral.person.interviewTomorrow")).map(
      (n) => n.params.time,
    );
    expect(times.sort()).toEqual(["09:30", "14:00"]);
    // Tomorrow the other one is due; the first, now today, is not reminded again.
    at(daysFromToday(1));
    expect(await sendInterviewReminders(db())).toBe(1);
    expect(await sendInterviewReminders(db())).toBe(0);
  });

  it("leaves out referrals past the interview stage", async () => {
    const { personId } = await reachablePerson("Vi Văn Xong");
    const job = await publishJob(employer, { title: "Thợ hàn" });
    const referralId = await refer(officer, personId, "job", job.id);
    await interviewAt(referralId, `${daysFromToday(1)}T10:00`);
    await acceptReferral(employer, referralId, officer); // offered, then accepted
    expect(await sendInterviewReminders(db())).toBe(0);
  });
});

describe("a course starting", () => {
  it("tells the enrolled person two days before, once", async () => {
    const { personId, userId: personUser } = await reachablePerson("Mạc Văn Học");
    const provider = await createOrgMember("provider");
    const course = await publishTraining(provider, {
      title: "Điện dân dụng",
      startsAt: daysFromToday(5),
      applicationDeadline: daysFromToday(1),
    });
    const referralId = await refer(officer, personId, "training", course.id);
    await acceptReferral(provider, referralId, officer);
    await enrolFromReferral(officer, personId, referralId);
    await deliverDue(db(), adapters); // the referral's own news

    at(daysFromToday(2)); // starts in three days: not yet
    expect(await sendCourseStartReminders(db())).toBe(0);
    at(daysFromToday(1)); // in two days
    expect(await sendCourseStartReminders(db())).toBe(1);
    expect(await sendCourseStartReminders(db())).toBe(0);
    const [note] = await notificationsOf([personUser], "notify.course.person.starting");
    expect(note!.params.course).toBe("Điện dân dụng");
    expect(note!.params.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await deliverDue(db(), adapters);
    const sent = await deliveriesOf([personUser], "course_starting");
    expect(sent.map((d) => [d.channel, d.status])).toEqual([["sms", "sent"]]);
    expect(sent[0]!.body).toContain("Điện dân dụng");
    expect(sent[0]!.body).toContain(String(note!.params.date));
  });
});

describe("a consent about to end", () => {
  it("tells the person once per grant, within 14 days of its end, unless it was renewed", async () => {
    const { userId: user, grantId } = await reachablePerson("Lò Thị Hạn", { validMonths: "1" });
    const renewed = await reachablePerson("Lò Văn Tiếp", { validMonths: "1" });
    at(daysFromToday(10)); // ends in about 20 days: not yet
    expect(await sendConsentExpiryReminders(db())).toBe(0);
    // The second person signs again (a later grant covering the same purposes): nothing for them to do.
    await giveConsent(officer, renewed.personId, {
      purposes: ["matching", "training_referral", "share_contact", "contact_sms"],
    });
    at(daysFromToday(10)); // about 10 days left
    expect(await sendConsentExpiryReminders(db())).toBe(1);
    expect(await sendConsentExpiryReminders(db())).toBe(0);
    const notes = await notificationsOf([user], "notify.consent.person.expiring");
    expect(notes.map((n) => n.subjectKey)).toEqual([`consent-expiring/${grantId}`]);
    expect(await notificationsOf([renewed.userId], "notify.consent.person.expiring")).toEqual([]);

    await deliverDue(db(), adapters);
    const sent = await deliveriesOf([user], "consent_expiring");
    expect(sent.map((d) => [d.channel, d.status])).toEqual([["sms", "sent"]]);
    expect(sent[0]!.body).toContain(String(notes[0]!.params.date));
    expect(forbiddenWordsIn(sent[0]!.body)).toEqual([]);
  });
});

describe("verification decided", () => {
  it("tells the organisation's staff in the same transaction as the decision", async () => {
    const admin: StaffScope = {
      actorId: (await createUser({ role: "admin", provinceCode: UNITS.lamDong })).id,
      role: "admin",
      provinceCodes: [UNITS.lamDong],
      communeCodes: null,
    };
    const shop = await createOrgMember("employer", { verified: false, name: "Tiệm sửa xe Hùng" });
    const school = await createOrgMember("provider", { verified: false, name: "Trung tâm Nghề Hòa" });
    expect((await decideOrganization(admin, shop.organizationId, { decision: "verify" })).ok).toBe(true);
    expect(
      (await decideOrganization(admin, school.organizationId, { decision: "reject", reason: "Thiếu giấy phép" })).ok,
    ).toBe(true);
    // Deciding again is refused and tells nobody twice.
    expect((await decideOrganization(admin, shop.organizationId, { decision: "verify" })).ok).toBe(false);

    const verified = await notificationsOf([shop.actorId], "notify.organization.verified");
    expect(verified.map((n) => [n.params, n.link])).toEqual([
      [{ organization: "Tiệm sửa xe Hùng" }, "/employer/profile"],
    ]);
    const rejected = await notificationsOf([school.actorId], "notify.organization.rejected");
    expect(rejected.map((n) => [n.params, n.link])).toEqual([
      [{ organization: "Trung tâm Nghề Hòa" }, "/provider/profile"],
    ]);

    await deliverDue(db(), adapters);
    const sent = await deliveriesOf([shop.actorId, school.actorId], "verification_decided");
    expect(sent.map((d) => [d.recipientId, d.channel, d.status])).toEqual([
      [shop.actorId, "email", "sent"],
      [school.actorId, "email", "sent"],
    ]);
    expect(sent[0]!.body).toContain("Tiệm sửa xe Hùng");
    expect(sent[1]!.body).toContain("Trung tâm Nghề Hòa");
  });
});

describe("the officers' daily digest", () => {
  it("sends counts only, once a day after the officer's hour, on the channels they chose", async () => {
    const digestOfficer = await createOfficerScope([UNITS.krongNo], UNITS.lamDong);
    const silent = await createOfficerScope([UNITS.krongNo], UNITS.lamDong);
    await db()
      .insert(contactSetting)
      .values({ userId: silent.actorId, channels: ["email"], digestHour: null });
    const person = await createPerson(digestOfficer, { fullName: "Hà Văn Đếm", communeCode: UNITS.krongNo });
    await giveConsent(digestOfficer, person, { validMonths: "1" }); // ends within 30 days
    // A phone-only officer who chose text messages at 08:00.
    const byText = await createUser({
      role: "officer",
      communeCodes: [UNITS.krongNo],
      email: null,
      phone: uniquePhone(),
    });
    await db()
      .insert(contactSetting)
      .values({ userId: byText.id, channels: ["sms"], digestHour: 8 });
    // A move from Nam Đà waits for Krông Nô's officers.
    const mover = await createPerson(officer, { fullName: "Đặng Văn Dời" });
    const move = await requestTransfer(officer, mover, {
      provinceCode: UNITS.lamDong,
      communeCode: UNITS.krongNo,
      note: "",
    });
    expect(move.ok).toBe(true);
    const digests = () => deliveriesOf([digestOfficer.actorId, silent.actorId, byText.id], "officer_digest");

    // (Other officers of this file get theirs too: only these two are looked at.)
    vietnam(daysFromToday(1), "06:30"); // before the default 07:00
    await sendOfficerDigests(db());
    expect(await digests()).toHaveLength(0);
    vietnam(daysFromToday(1), "07:05");
    await sendOfficerDigests(db());
    await sendOfficerDigests(db());
    expect(await digests()).toHaveLength(1);
    const [first] = await digests();
    expect(first!.recipientId).toBe(digestOfficer.actorId);
    expect(first!.channel).toBe("email");
    expect(first!.subject).toBe("Chung Tay: việc cần làm hôm nay");
    expect(first!.body).toContain(
      "Hôm nay 0 lượt theo dõi đến hạn, 0 quá hạn, 0 yêu cầu giới thiệu, 1 chuyển đến chờ nhận, 1 đồng ý sắp hết hạn.",
    );
    expect(first!.body).toContain(first!.link!);
    expect(first!.body).not.toContain("Hà Văn Đếm");
    expect(first!.body).not.toContain("Đặng Văn Dời");
    expect(forbiddenWordsIn(first!.body.replaceAll(first!.link!, " "))).toEqual([]);
    const [setting] = await db().select().from(contactSetting).where(eq(contactSetting.userId, digestOfficer.actorId));
    expect(setting).toMatchObject({ channels: ["email"], digestHour: 7 });

    await deliverDue(db(), adapters);
    expect((await digests()).map((d) => d.status)).toEqual(["sent"]);

    // The next day, another, and the text-message officer's after 08:00; the one who turned it off gets none.
    vietnam(daysFromToday(2), "09:00");
    await sendOfficerDigests(db());
    await sendOfficerDigests(db());
    const all = await digests();
    const channelsOf = (id: string) => all.filter((d) => d.recipientId === id).map((d) => d.channel);
    expect(channelsOf(digestOfficer.actorId)).toEqual(["email", "email"]);
    expect(channelsOf(byText.id)).toEqual(["sms"]);
    expect(channelsOf(silent.actorId)).toEqual([]);
    const [text] = (await digests()).filter((d) => d.channel === "sms");
    expect(text!.subject).toBeNull();
    expect(text!.body).toMatch(/^Chung Tay: Hôm nay 0 lượt theo dõi đến hạn, .* Xem: http\S+\/n\/[\w-]+$/);
    expect(text!.body).not.toContain("Đặng Văn Dời");
  });
});

describe("what leaves the app", () => {
  it("never names a person to an organisation or on an officer's digest, nor a forbidden word", async () => {
    const names = [
      PERSON_NAME,
      "Phan Văn Sau",
      "Vi Văn Xong",
      "Mạc Văn Học",
      "Lò Thị Hạn",
      "Lò Văn Tiếp",
      "Hà Văn Đếm",
      "Đặng Văn Dời",
    ];
    const rows = await db()
      .select({ body: delivery.body, link: delivery.link, role: appUser.role })
      .from(delivery)
      .innerJoin(appUser, eq(appUser.id, delivery.recipientId));
    expect(rows.filter((r) => r.role !== "person").length).toBeGreaterThan(3);
    for (const row of rows) {
      if (row.role !== "person") for (const name of names) expect(row.body).not.toContain(name);
      expect(forbiddenWordsIn(row.link ? row.body.replaceAll(row.link, " ") : row.body)).toEqual([]);
    }
  });
});
