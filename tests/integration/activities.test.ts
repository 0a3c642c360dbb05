import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closePerson } from "~/modules/persons/lifecycle.server";
import * as meetingsPage from "~/routes/officer.meetings._index";
import * as meetingPage from "~/routes/officer.meetings.$id";
import * as personPage from "~/routes/officer.persons.$id";
import * as activitiesPage from "~/routes/officer.persons.$id_.activities";
import { setClock } from "~/utils/clock.server";

import { activity, auditEvent, meeting, meetingAttendance } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createPerson } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { at, call, cookieFor, type LoggedInOfficer as Officer, loggedInOfficer as officer } from "../setup/routes";

/*
 * The activity log and the commune's periodic meetings, through the routes as the browser calls them:
 * recorded and listed newest first with counts, refused input kept and nothing written, other communes
 * not found, attendance counted.
 */

// Indexes too: closing a record removes it from the candidates index.
const ctx = setupIntegration({ indexes: true });
const db = () => ctx.handle.db;

const TODAY = "2026-03-20";
const RELEASE = "2025-05-20";

const activityCount = async (personId: string) =>
  Number((await db().select({ n: count() }).from(activity).where(eq(activity.personId, personId)))[0]!.n);

let officerA: Officer;
let officerB: Officer;
let adminA: { id: string; cookie: string };
let adminB: { id: string; cookie: string };
let personId: string;
const NAME = "Lò Văn Nhật Ký";
const OFFICER_NAME = "Trung úy Hoàng Văn Ghi";

beforeAll(async () => {
  at(TODAY);
  const user = await createUser({ role: "officer", communeCodes: [UNITS.namDa], fullName: OFFICER_NAME });
  officerA = {
    actorId: user.id,
    role: "officer",
    provinceCodes: [UNITS.lamDong],
    communeCodes: [UNITS.namDa],
    cookie: await cookieFor(user.id),
  };
  officerB = await officer([UNITS.luongSon], UNITS.phuTho);
  const a = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  const b = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
  adminA = { id: a.id, cookie: await cookieFor(a.id) };
  adminB = { id: b.id, cookie: await cookieFor(b.id) };
  personId = await createPerson(officerA, { fullName: NAME, releaseDate: RELEASE, mainCompletedOn: RELEASE });
}, 120_000);

afterAll(() => setClock(undefined));

describe("the activity log of a person", () => {
  const path = () => `/officer/persons/${personId}/activities`;
  const post = (form: Record<string, string>) =>
    call(activitiesPage.action, path(), officerA.cookie, { id: personId }, form);

  it("records each kind with its fields, attributed to the officer, in the person's commune", async () => {
    at(TODAY);
    const saved: Record<string, string>[] = [
      { kind: "encouragement_visit", occurredOn: "2026-01-05", note: "Thăm tại nhà, gia đình phấn khởi." },
      { kind: "counselling", topic: "psychological", mode: "individual", occurredOn: "2026-02-10", note: "" },
      { kind: "procedure_help", topic: "id_card", occurredOn: "2026-03-01", note: "Làm CCCD gắn chip." },
      { kind: "counselling", topic: "career", mode: "group", occurredOn: "2026-03-20", note: "" },
      { kind: "education_review", occurredOn: RELEASE, note: "" },
    ];
    for (const form of saved) {
      const res = await post(form);
      expect(res.status, JSON.stringify(form)).toBe(302);
      expect(res.headers.get("Location")).toBe(`${path()}?done=saved`);
    }
    const rows = await db().select().from(activity).where(eq(activity.personId, personId));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.recordedBy === officerA.actorId && r.communeCode === UNITS.namDa)).toBe(true);
    expect(rows.find((r) => r.kind === "counselling" && r.topic === "career")).toMatchObject({
      mode: "group",
      occurredOn: "2026-03-20",
    });
    expect(rows.find((r) => r.kind === "procedure_help")).toMatchObject({ topic: "id_card", mode: null });
    expect(rows.find((r) => r.kind === "encouragement_visit")).toMatchObject({ topic: "", mode: null });
    // Each write is on the person's audit trail.
    const writes = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "activity")));
    expect(writes).toHaveLength(5);
  });

  it("lists them newest first, with counts by kind and the recording officer's name; the read is audited", async () => {
    at(TODAY);
    const before = (
      await db()
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "view")))
    ).length;
    const res = await call(activitiesPage.loader, path(), officerA.cookie, { id: personId });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.activities.map((a: { occurredOn: string }) => a.occurredOn)).toEqual([
      "2026-03-20",
      "2026-03-01",
      "2026-02-10",
      "2026-01-05",
      RELEASE,
    ]);
    expect(data.counts).toEqual({ encouragement_visit: 1, education_review: 1, counselling: 2, procedure_help: 1 });
    expect(data.activities[0].recordedByName).toBe(OFFICER_NAME);
    const after = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "view")));
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actorId: officerA.actorId, purpose: "case_management" });

    const html = render(activitiesPage.default, data);
    expect(html).toContain(`Nhật ký hỗ trợ: ${NAME}`);
    expect(html).toContain("Tư vấn");
    expect(html).toContain("Nghề nghiệp, việc làm · Theo nhóm");
    expect(html).toContain("Căn cước công dân");
    expect(html).toContain(OFFICER_NAME);
    // Newest first on the page too.
    expect(html.indexOf("20/03/2026")).toBeLessThan(html.indexOf("05/01/2026"));
  });

  it.each([
    [
      "counselling without topic or mode",
      { kind: "counselling", occurredOn: "2026-03-02", note: "giữ lại" },
      { topic: "support.activity.error.counsellingTopic", mode: "support.activity.error.mode" },
    ],
    [
      "procedure help without a procedure",
      { kind: "procedure_help", occurredOn: "2026-03-02", note: "giữ lại" },
      { topic: "support.activity.error.procedureTopic" },
    ],
    [
      "a counselling topic on procedure help",
      { kind: "procedure_help", topic: "career", occurredOn: "2026-03-02", note: "giữ lại" },
      { topic: "support.activity.error.topicKind" },
    ],
    [
      "a topic and a mode on a visit",
      { kind: "encouragement_visit", topic: "id_card", mode: "phone", occurredOn: "2026-03-02", note: "giữ lại" },
      { topic: "support.activity.error.topicForbidden", mode: "support.activity.error.modeForbidden" },
    ],
    ["no kind", { kind: "", occurredOn: "2026-03-02", note: "giữ lại" }, { kind: "validation.choose" }],
    ["an unknown kind", { kind: "meeting", occurredOn: "2026-03-02", note: "giữ lại" }, { kind: "validation.choose" }],
    [
      "an unreadable date",
      { kind: "encouragement_visit", occurredOn: "32/13/2026", note: "giữ lại" },
      { occurredOn: "validation.date" },
    ],
    [
      "a date in the future",
      { kind: "encouragement_visit", occurredOn: "2026-03-21", note: "giữ lại" },
      { occurredOn: "support.activity.error.future" },
    ],
    [
      "a date before the release",
      { kind: "encouragement_visit", occurredOn: "2025-05-19", note: "giữ lại" },
      { occurredOn: "support.activity.error.beforeRelease" },
    ],
  ])("refuses %s with 400, keeps what was typed and writes nothing", async (_label, form, expected) => {
    at(TODAY);
    const before = await activityCount(personId);
    const res = await post(form as Record<string, string>);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, (v as { key: string }).key]))).toEqual(
      expected,
    );
    expect(body.values).toMatchObject(form);
    expect(await activityCount(personId)).toBe(before);
  });

  it("shows the refusal in Vietnamese, in a form that keeps what was typed", async () => {
    at(TODAY);
    const form = { kind: "encouragement_visit", occurredOn: "2025-05-01", note: "Ghi chú giữ nguyên" };
    const refused = await (await post(form)).json();
    const data = await (await call(activitiesPage.loader, path(), officerA.cookie, { id: personId })).json();
    const html = render(activitiesPage.default, data, refused);
    expect(html).toContain("Ngày thực hiện không được trước ngày chấp hành xong án (20/05/2025).");
    expect(html).toContain("Ghi chú giữ nguyên");
    expect(html).toContain('value="2025-05-01"');
    expect(html).toMatch(/<input type="radio" name="kind"[^>]*checked=""[^>]*value="encouragement_visit"/);
  });

  it("refuses activities after the record was closed, but accepts earlier ones", async () => {
    at(TODAY);
    const closedId = await createPerson(officerA, {
      fullName: "Đinh Văn Đã Chuyển",
      releaseDate: RELEASE,
      mainCompletedOn: RELEASE,
    });
    at("2026-03-10");
    expect(await closePerson(officerA, closedId, { reason: "moved_away", note: "" })).toEqual({ ok: true });
    at(TODAY);
    const p = `/officer/persons/${closedId}/activities`;
    const late = await call(
      activitiesPage.action,
      p,
      officerA.cookie,
      { id: closedId },
      { kind: "encouragement_visit", occurredOn: "2026-03-15" },
    );
    expect(late.status).toBe(400);
    expect((await late.json()).errors.occurredOn.key).toBe("support.activity.error.afterClosed");
    const earlier = await call(
      activitiesPage.action,
      p,
      officerA.cookie,
      { id: closedId },
      { kind: "encouragement_visit", occurredOn: "2026-03-09" },
    );
    expect(earlier.status).toBe(302);
  });

  it("another commune's officer and province get 404; the province's admin reads but cannot write", async () => {
    at(TODAY);
    const before = await activityCount(personId);
    const form = { kind: "encouragement_visit", occurredOn: "2026-03-02" };
    expect((await call(activitiesPage.loader, path(), officerB.cookie, { id: personId })).status).toBe(404);
    expect((await call(activitiesPage.action, path(), officerB.cookie, { id: personId }, form)).status).toBe(404);
    expect((await call(activitiesPage.loader, path(), adminB.cookie, { id: personId })).status).toBe(404);
    expect((await call(activitiesPage.loader, path(), adminA.cookie, { id: personId })).status).toBe(200);
    expect((await call(activitiesPage.action, path(), adminA.cookie, { id: personId }, form)).status).toBe(403);
    // A malformed id is simply not found.
    expect(
      (await call(activitiesPage.loader, "/officer/persons/x/activities", officerA.cookie, { id: "x" })).status,
    ).toBe(404);
    expect(await activityCount(personId)).toBe(before);
  });
});

describe("periodic meetings with attendance", () => {
  let attendee2: string;
  let closed: string;
  let otherCommune: string;
  let meetingId: string;

  beforeAll(async () => {
    at(TODAY);
    attendee2 = await createPerson(officerA, {
      fullName: "Vàng Thị Dự Họp",
      releaseDate: RELEASE,
      mainCompletedOn: RELEASE,
    });
    closed = await createPerson(officerA, {
      fullName: "Mã Văn Đã Đóng",
      releaseDate: RELEASE,
      mainCompletedOn: RELEASE,
    });
    expect(await closePerson(officerA, closed, { reason: "moved_away", note: "" })).toEqual({ ok: true });
    otherCommune = await createPerson(officerB, {
      fullName: "Hà Văn Xã Khác",
      communeCode: UNITS.luongSon,
      releaseDate: RELEASE,
      mainCompletedOn: RELEASE,
    });
  });

  const meetingForm = (overrides: Record<string, string | string[]> = {}) => ({
    communeCode: UNITS.namDa,
    title: "Sinh hoạt định kỳ tháng 3",
    heldOn: "2026-03-15",
    place: "Hội trường thôn 3",
    guestCount: "3",
    attendees: [personId, attendee2],
    note: "",
    ...overrides,
  });

  it("offers the commune's active persons to tick, and no one else", async () => {
    at(TODAY);
    const data = await (await call(meetingsPage.loader, "/officer/meetings", officerA.cookie)).json();
    const ids = data.form.persons.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([personId, attendee2]));
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(otherCommune);
    expect(data.form.communes).toEqual([{ code: UNITS.namDa, name: expect.any(String) }]);
  });

  it("records a meeting: attendance counted, guests apart, each attendee's trail notes it", async () => {
    at(TODAY);
    const res = await call(meetingsPage.action, "/officer/meetings", officerA.cookie, {}, meetingForm());
    expect(res.status).toBe(302);
    meetingId = res.headers.get("Location")!.match(/\/officer\/meetings\/([0-9a-f-]{36})\?done=saved$/)![1]!;
    const [row] = await db().select().from(meeting).where(eq(meeting.id, meetingId));
    expect(row).toMatchObject({
      communeCode: UNITS.namDa,
      guestCount: 3,
      heldOn: "2026-03-15",
      recordedBy: officerA.actorId,
    });
    const attendance = await db().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
    expect(attendance.map((a) => a.personId).sort()).toEqual([personId, attendee2].sort());
    const trail = await db().select().from(auditEvent).where(eq(auditEvent.action, "meeting"));
    expect(trail.map((e) => e.personId).sort()).toEqual([personId, attendee2].sort());

    const list = await (await call(meetingsPage.loader, "/officer/meetings", officerA.cookie)).json();
    expect(list.meetings).toMatchObject([{ id: meetingId, attendance: 2, guestCount: 3 }]);
    expect(list.totals).toEqual({ meetings: 1, attendance: 2, guests: 3 });
    const html = render(meetingsPage.default, list);
    expect(html).toContain("1 buổi · 2 lượt người tham dự · 3 lượt người nhà, khách mời");

    const detail = await (
      await call(meetingPage.loader, `/officer/meetings/${meetingId}`, officerA.cookie, { id: meetingId })
    ).json();
    expect(detail.meeting.attendees.map((a: { fullName: string }) => a.fullName).sort()).toEqual(
      [NAME, "Vàng Thị Dự Họp"].sort(),
    );
    expect(render(meetingPage.default, detail)).toContain("Người tham dự (2)");
  });

  it("shows the meeting on the attendee's log and in the person page's counts", async () => {
    at(TODAY);
    const log = await (
      await call(activitiesPage.loader, `/officer/persons/${personId}/activities`, officerA.cookie, { id: personId })
    ).json();
    expect(log.meetings).toMatchObject([{ id: meetingId, heldOn: "2026-03-15" }]);
    const page = await (
      await call(personPage.loader, `/officer/persons/${personId}`, officerA.cookie, { id: personId })
    ).json();
    expect(page.support).toEqual({
      counts: { encouragement_visit: 1, education_review: 1, counselling: 2, procedure_help: 1 },
      meetings: 1,
      loans: 0,
    });
    const html = render(personPage.default, page);
    expect(html).toContain(`href="/officer/persons/${personId}/activities"`);
    expect(html).toContain(`href="/officer/persons/${personId}/loans"`);
  });

  it.each([
    [
      "a person of another commune",
      () => meetingForm({ attendees: [personId, otherCommune] }),
      { attendees: "support.meeting.error.attendees" },
    ],
    ["a closed person", () => meetingForm({ attendees: [closed] }), { attendees: "support.meeting.error.attendees" }],
    ["a forged id", () => meetingForm({ attendees: ["not-a-uuid"] }), { attendees: "validation.invalid" }],
    [
      "another officer's commune",
      () => meetingForm({ communeCode: UNITS.luongSon, attendees: [] }),
      { communeCode: "validation.choose" },
    ],
    [
      "a future date and no title",
      () => meetingForm({ heldOn: "2026-03-21", title: " " }),
      { title: "validation.required" },
    ],
    ["a future date", () => meetingForm({ heldOn: "2026-03-21" }), { heldOn: "support.meeting.error.future" }],
    ["a negative guest count", () => meetingForm({ guestCount: "-2" }), { guestCount: "validation.wholeNumber" }],
  ])("refuses %s with 400, keeping what was typed, writing nothing", async (_label, form, expected) => {
    at(TODAY);
    const before = (await db().select().from(meeting)).length;
    const res = await call(meetingsPage.action, "/officer/meetings", officerA.cookie, {}, form());
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, (v as { key: string }).key]))).toEqual(
      expected,
    );
    expect(body.values.title).toBe(form().title);
    expect((await db().select().from(meeting)).length).toBe(before);
  });

  it("is the officers' own: another commune's officer sees none and gets 404; admins are refused", async () => {
    at(TODAY);
    const b = await (await call(meetingsPage.loader, "/officer/meetings", officerB.cookie)).json();
    expect(b.meetings).toEqual([]);
    expect(b.form.persons.map((p: { id: string }) => p.id)).toEqual([otherCommune]);
    expect(
      (await call(meetingPage.loader, `/officer/meetings/${meetingId}`, officerB.cookie, { id: meetingId })).status,
    ).toBe(404);
    expect((await call(meetingsPage.loader, "/officer/meetings", adminA.cookie)).status).toBe(403);
    expect(
      (await call(meetingPage.loader, `/officer/meetings/${meetingId}`, adminA.cookie, { id: meetingId })).status,
    ).toBe(403);
    expect((await call(meetingPage.loader, "/officer/meetings/nope", officerA.cookie, { id: "nope" })).status).toBe(
      404,
    );
  });
});
