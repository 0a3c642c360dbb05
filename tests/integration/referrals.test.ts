import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { translator } from "~/i18n";
import { withdrawConsent } from "~/modules/consent/consent.server";
import { acceptTransfer, closePerson, requestTransfer } from "~/modules/persons/lifecycle.server";
import { requestReferral } from "~/modules/persons/self-service.server";
import { createReferral } from "~/modules/referrals/referrals.server";
import { referSchema } from "~/modules/referrals/schema.server";
import { eraseReferralsOfPerson } from "~/modules/referrals/status.server";
import * as employerReferrals from "~/routes/employer.referrals._index";
import * as employerReferral from "~/routes/employer.referrals.$id";
import * as myReferrals from "~/routes/me.referrals";
import * as referPage from "~/routes/officer.persons.$id_.refer";
import * as officerReferrals from "~/routes/officer.referrals._index";
import * as officerReferral from "~/routes/officer.referrals.$id";
import * as providerReferral from "~/routes/provider.referrals.$id";
import { setClock } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";
import { sweepExpired } from "~/worker/tasks.server";

import {
  auditEvent,
  notification,
  organization,
  referral,
  referralEvent,
  referralMessage,
  referralRequest,
} from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob } from "../factories/marketplace";
import { activatePerson, createPerson, giveConsent } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, getRequest as get, postRequest as post, type RouteHandler as Handler } from "../setup/routes";

const ctx = setupIntegration({ indexes: true });

const vi = translator("vi");
const COMMUNE_NAME = "Xã Nam Đà";

type Who = { id: string; cookie: string };
type FormAnswer = { values: FormValues; errors: Record<string, { key: string }>; exclusions?: { code: string }[] };

const cookieFor = async (userId: string): Promise<Who> => ({
  id: userId,
  cookie: (await startSession(userId)).split(";")[0],
});

/** A loader's or action's answer, whether returned or thrown (redirects, 403 and 404 are thrown Responses). */
const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  callRoute(handler, request, params, undefined, { responseOnly: true });

// The cast: JSON of a loader, read for assertions only.
const jsonOf = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

let officerScope: StaffScope;
let officer: Who;
let otherOfficer: Who;
let employer: OrgScope;
let employerWho: Who;
let otherEmployerWho: Who;
let providerWho: Who;

beforeAll(async () => {
  const officerUser = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
  officerScope = {
    actorId: officerUser.id,
    role: "officer",
    provinceCodes: [UNITS.lamDong],
    communeCodes: [UNITS.namDa],
  };
  officer = await cookieFor(officerUser.id);
  otherOfficer = await cookieFor((await createUser({ role: "officer", communeCodes: [UNITS.luongSon] })).id);
  employer = await createOrgMember("employer", { name: "Tiệm sửa xe Cường Thịnh" });
  employerWho = await cookieFor(employer.actorId);
  otherEmployerWho = await cookieFor((await createOrgMember("employer")).actorId);
  providerWho = await cookieFor((await createOrgMember("provider")).actorId);
}, 120_000);

afterEach(() => setClock(undefined));

let personCount = 0;
/** A person of Nam Đà with a phone and an activated account (so they can be notified), consent as given. */
async function person(consent: FormValues | null = {}) {
  personCount += 1;
  const fullName = `Nguyễn Văn Giới Thiệu ${personCount}`;
  const phone = uniquePhone();
  const personId = await createPerson(officerScope, {
    fullName,
    phone,
    dateOfBirth: `1990-08-${String(personCount).padStart(2, "0")}`,
  });
  const userId = await activatePerson(officerScope, personId, { phone, ip: `10.50.0.${personCount}` });
  const grantId = consent ? await giveConsent(officerScope, personId, consent) : null;
  return { personId, fullName, phone, userId, grantId };
}

const referPath = (personId: string, listingId: string, extra = "") =>
  `/officer/persons/${personId}/refer?kind=job&listing=${listingId}${extra}`;

/** The officer refers through the page's action; returns the answer. */
function refer(who: Who, personId: string, listingId: string, fields: string[], extra: FormValues = {}) {
  return call(
    referPage.action as Handler,
    post(referPath(personId, listingId), who, { kind: "job", listingId, fields, note: "Anh ấy chăm chỉ.", ...extra }),
    { id: personId },
  );
}

async function referOk(personId: string, listingId: string, fields: string[], extra: FormValues = {}): Promise<string> {
  const res = await refer(officer, personId, listingId, fields, extra);
  expect(res.status, await res.clone().text()).toBe(302);
  const match = res.headers.get("Location")!.match(/^\/officer\/referrals\/([0-9a-f-]{36})\?done=referred$/);
  expect(match).not.toBeNull();
  return match![1];
}

const orgMove = (who: Who, id: string, body: FormValues) =>
  call(employerReferral.action as Handler, post(`/employer/referrals/${id}`, who, body), { id });
const officerMove = (who: Who, id: string, body: FormValues) =>
  call(officerReferral.action as Handler, post(`/officer/referrals/${id}`, who, body), { id });
const orgOpen = (who: Who, id: string) =>
  call(employerReferral.loader as Handler, get(`/employer/referrals/${id}`, who), { id });

async function notificationsOf(userId: string) {
  return ctx.handle.db.select().from(notification).where(eq(notification.recipientId, userId));
}
const keysOf = async (userId: string) => (await notificationsOf(userId)).map((n) => n.messageKey);

describe("referring a person", () => {
  it("refer → seen → interview → offered → accepted, with history, audit and each party told", async () => {
    const p = await person();
    const job = await publishJob(employer);

    // The form: the listing, why it suits, and the consented fields all ticked with today's values.
    const form = await call(referPage.loader as Handler, get(referPath(p.personId, job.id), officer), {
      id: p.personId,
    });
    expect(form.status).toBe(200);
    const formData = await jsonOf<{ form: { fields: string[]; hasConsent: boolean; eligibility: { ok: boolean } } }>(
      form.clone(),
    );
    expect(formData.form.fields).toEqual(["full_name", "age", "commune", "skills", "trades", "phone"]);
    expect(formData.form).toMatchObject({ hasConsent: true, eligibility: { ok: true } });
    const formHtml = render(referPage.default, await form.json());
    expect(formHtml).toContain(p.phone);
    expect(formHtml).toContain('name="fields" checked="" value="phone"');

    const id = await referOk(p.personId, job.id, ["full_name", "age", "skills", "phone"]);
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({
      status: "referred",
      kind: "job",
      jobId: job.id,
      organizationId: employer.organizationId,
      consentGrantId: p.grantId,
      createdBy: officer.id,
    });
    expect(row.sharedFields).toEqual(["full_name", "age", "skills", "phone"]);
    expect(row.sharedSnapshot).toEqual({
      full_name: p.fullName,
      age: expect.any(Number),
      skills: ["sửa xe máy", "thay nhớt", "vá săm"],
      phone: p.phone,
    });
    expect(row.matchScore).not.toBeNull();
    expect(row.matchWeightsVersion).toBeTruthy();
    expect(row.matchReasons.length).toBeGreaterThan(0);
    const referAudit = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, p.personId), eq(auditEvent.action, "refer")));
    expect(referAudit).toEqual([expect.objectContaining({ actorId: officer.id, purpose: "matching" })]);
    // The organisation and the person are told, each with their own link; the organisation gets the title only.
    const orgNote = (await notificationsOf(employer.actorId)).find((n) => n.link === `/employer/referrals/${id}`);
    expect(orgNote).toMatchObject({
      messageKey: "notify.referral.organization.referred",
      params: { title: "Thợ sửa xe máy" },
    });
    expect(
      (await notificationsOf(p.userId)).find((n) => n.messageKey === "notify.referral.person.referred")?.link,
    ).toBe("/me/referrals");
    expect(await keysOf(officer.id)).not.toContain("notify.referral.officer.referred");

    // The employer opens it: seen, audited as a referral view by the employer.
    const opened = await orgOpen(employerWho, id);
    expect(opened.status).toBe(200);
    const openedData = await jsonOf<{ referral: { status: string }; moves: string[] }>(opened.clone());
    expect(openedData.referral.status).toBe("seen");
    expect(openedData.moves).toEqual(["interview", "offer", "decline"]);
    const html = render(employerReferral.default, await opened.json());
    expect(html).toContain(p.fullName);
    expect(html).toContain(p.phone);
    const viewAudit = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, p.personId), eq(auditEvent.action, "view_referral")));
    expect(viewAudit).toEqual([
      expect.objectContaining({ actorId: employer.actorId, actorRole: "employer", purpose: "referral" }),
    ]);
    expect(await keysOf(officer.id)).toContain("notify.referral.officer.seen");
    // Opening again does not add another "seen".
    await orgOpen(employerWho, id);

    const at = `${daysFromToday(3)}T09:30`;
    const interview = await orgMove(employerWho, id, {
      intent: "interview",
      interviewAt: at,
      interviewPlace: "Tiệm sửa xe, Quốc lộ 28",
      note: "",
    });
    expect(interview.status, await interview.clone().text()).toBe(302);
    expect(await keysOf(p.userId)).toContain("notify.referral.person.interview");
    expect(await keysOf(officer.id)).toContain("notify.referral.officer.interview");
    const offer = await orgMove(employerWho, id, { intent: "offer", note: "Lương 5,5 triệu" });
    expect(offer.status).toBe(302);
    expect(await keysOf(p.userId)).toContain("notify.referral.person.offered");

    // The person's page: plain words and the interview, no notes.
    const mine = await call(myReferrals.loader as Handler, get("/me/referrals", await cookieFor(p.userId)));
    const mineHtml = render(myReferrals.default, await mine.json());
    expect(mineHtml).toContain(vi("referrals.me.status.offered"));
    expect(mineHtml).toContain("Tiệm sửa xe, Quốc lộ 28");
    expect(mineHtml).toContain("09:30");
    expect(mineHtml).not.toContain("Anh ấy chăm chỉ.");
    expect(mineHtml).not.toContain("Lương 5,5 triệu");

    const accepted = await officerMove(officer, id, { intent: "person_accepted", channel: "phone", note: "" });
    expect(accepted.status).toBe(302);
    expect(await keysOf(employer.actorId)).toContain("notify.referral.organization.accepted");
    expect(await keysOf(p.userId)).toContain("notify.referral.person.accepted");

    const events = await ctx.handle.db
      .select()
      .from(referralEvent)
      .where(eq(referralEvent.referralId, id))
      .orderBy(referralEvent.id);
    expect(events.map((e) => [e.status, e.actorRole])).toEqual([
      ["referred", "officer"],
      ["seen", "employer"],
      ["interview", "employer"],
      ["offered", "employer"],
      ["accepted", "officer"],
    ]);
    expect(events.at(-1)?.channel).toBe("phone");
    const [done] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(done.status).toBe("accepted");
    expect(done.interviewPlace).toBe("Tiệm sửa xe, Quốc lộ 28");
    expect(done.interviewAt?.toISOString()).toBe(new Date(`${at}:00+07:00`).toISOString());

    // The officer's page links to recording the job.
    const officerPage = await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id });
    const officerHtml = render(officerReferral.default, await officerPage.json());
    expect(officerHtml).toContain(`/officer/persons/${p.personId}/placement?referral=${id}`);
    expect(officerHtml).toContain(vi("referrals.detail.recordPlacement"));

    // Final: nobody moves it any more, and a wrong move is a 400 with a message, never a 500.
    const late = await orgMove(employerWho, id, { intent: "decline", note: "Hết chỗ" });
    expect(late.status).toBe(400);
    expect((await jsonOf<FormAnswer>(late)).errors._form.key).toBe("referrals.error.transition");
    const withdraw = await officerMove(officer, id, { intent: "withdraw", note: "Thử" });
    expect(withdraw.status).toBe(400);
    // A move of the other party's is refused too.
    const wrongActor = await officerMove(officer, id, { intent: "offer", note: "" });
    expect(wrongActor.status).toBe(400);
  });

  it("shows the organisation only the shared fields", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ rửa xe" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    const opened = await orgOpen(employerWho, id);
    const body = await opened.clone().text();
    const html = render(employerReferral.default, await opened.json());
    for (const text of [body, html]) {
      expect(text).toContain("sửa xe máy");
      expect(text).not.toContain(p.fullName);
      expect(text).not.toContain(p.phone);
      expect(text).not.toContain(COMMUNE_NAME);
      expect(text).not.toContain(p.personId);
    }
    const list = await call(employerReferrals.loader as Handler, get("/employer/referrals", employerWho));
    const listText = await list.clone().text();
    expect(listText).toContain(id);
    expect(listText).not.toContain(p.fullName);
    expect(render(employerReferrals.default, await list.json())).toContain(vi("referrals.list.candidate"));
  });

  it("shares the phone only under a share_contact consent, and refers only with a live grant", async () => {
    const noContact = await person({ purposes: ["matching"], shareableFields: ["full_name", "skills"] });
    const job = await publishJob(employer, { title: "Thợ thay nhớt" });
    const form = await jsonOf<{ form: { fields: string[] } }>(
      await call(referPage.loader as Handler, get(referPath(noContact.personId, job.id), officer), {
        id: noContact.personId,
      }),
    );
    expect(form.form.fields).toEqual(["full_name", "skills"]);
    const phone = await refer(officer, noContact.personId, job.id, ["skills", "phone"]);
    expect(phone.status).toBe(400);
    expect((await jsonOf<FormAnswer>(phone)).errors.fields.key).toBe("referrals.error.phoneNeedsContact");

    const none = await person(null);
    const refused = await refer(officer, none.personId, job.id, ["skills"]);
    expect(refused.status).toBe(400);
    expect((await jsonOf<FormAnswer>(refused)).errors._form.key).toBe("referrals.error.noConsent");
    const trainingOnly = await person({ purposes: ["training_referral"], shareableFields: ["skills"] });
    expect(
      (await jsonOf<FormAnswer>(await refer(officer, trainingOnly.personId, job.id, ["skills"]))).errors._form.key,
    ).toBe("referrals.error.noConsent");
    expect(await ctx.handle.db.select().from(referral).where(eq(referral.jobId, job.id))).toEqual([]);
  });

  it("refuses a person outside the officer's communes, and another organisation's referral, as not found", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ vá săm" });
    const outside = await refer(otherOfficer, p.personId, job.id, ["skills"]);
    expect(outside.status).toBe(404);
    expect(
      (await call(referPage.loader as Handler, get(referPath(p.personId, job.id), otherOfficer), { id: p.personId }))
        .status,
    ).toBe(404);

    const id = await referOk(p.personId, job.id, ["skills"]);
    expect(
      (await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, otherOfficer), { id })).status,
    ).toBe(404);
    expect((await officerMove(otherOfficer, id, { intent: "withdraw", note: "Không" })).status).toBe(404);
    expect((await officerMove(otherOfficer, id, { intent: "message", body: "Chào" })).status).toBe(404);

    expect((await orgOpen(otherEmployerWho, id)).status).toBe(404);
    expect((await orgMove(otherEmployerWho, id, { intent: "decline", note: "Không" })).status).toBe(404);
    expect(
      (await call(providerReferral.loader as Handler, get(`/provider/referrals/${id}`, providerWho), { id })).status,
    ).toBe(404);
    expect((await orgOpen(employerWho, "not-a-uuid")).status).toBe(404);
    // Nobody else's look counted as the organisation having seen it.
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row.status).toBe("referred");
  });

  it("answers a second live referral to the same listing with a clear message, even when two race", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ sơn xe" });
    await referOk(p.personId, job.id, ["skills"]);
    const again = await refer(officer, p.personId, job.id, ["skills"]);
    expect(again.status).toBe(400);
    expect((await jsonOf<FormAnswer>(again)).errors._form.key).toBe("referrals.error.duplicate");

    const q = await person();
    const job2 = await publishJob(employer, { title: "Thợ điện xe" });
    const input = referSchema.parse({ kind: "job", listingId: job2.id, fields: ["skills"], note: "" });
    const both = await Promise.all([
      createReferral(officerScope, q.personId, input),
      createReferral(officerScope, q.personId, input),
    ]);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
    expect(both.find((o) => !o.ok)).toMatchObject({ errors: { _form: { key: "referrals.error.duplicate" } } });
  });

  it("refuses a listing the hard rules exclude, listing the rules in Vietnamese", async () => {
    const p = await person();
    const strict = await createOrgMember("employer", { name: "Xưởng không nhận" });
    await ctx.handle.db
      .update(organization)
      .set({ acceptsUnexpunged: "no" })
      .where(eq(organization.id, strict.organizationId));
    const job = await publishJob(strict, { title: "Thợ cơ khí" });
    const form = await call(referPage.loader as Handler, get(referPath(p.personId, job.id), officer), {
      id: p.personId,
    });
    expect(render(referPage.default, await form.json())).toContain(vi("match.exclusion.rejectsUnexpunged"));
    const refused = await refer(officer, p.personId, job.id, ["skills"]);
    expect(refused.status).toBe(400);
    const answer = await jsonOf<FormAnswer>(refused);
    expect(answer.errors._form.key).toBe("referrals.error.excluded");
    expect(answer.exclusions?.map((e) => e.code)).toContain("rejectsUnexpunged");
    expect(await ctx.handle.db.select().from(referral).where(eq(referral.jobId, job.id))).toEqual([]);
  });

  it("needs a reason to decline or withdraw, a date-time and place for an interview", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ hàn khung" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    const noReason = await orgMove(employerWho, id, { intent: "decline", note: "" });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<FormAnswer>(noReason)).errors.note.key).toBe("referrals.error.reasonRequired");
    const noPlace = await orgMove(employerWho, id, { intent: "interview", interviewAt: "", interviewPlace: "" });
    expect(Object.keys((await jsonOf<FormAnswer>(noPlace)).errors).sort()).toEqual(["interviewAt", "interviewPlace"]);
    const past = await orgMove(employerWho, id, {
      intent: "interview",
      interviewAt: "2020-01-01T09:00",
      interviewPlace: "Tiệm",
    });
    expect((await jsonOf<FormAnswer>(past)).errors.interviewAt.key).toBe("referrals.error.interviewPast");
    expect((await orgMove(employerWho, id, { intent: "fly" })).status).toBe(400);

    const declined = await orgMove(employerWho, id, { intent: "decline", note: "Cần người có bằng lái" });
    expect(declined.status).toBe(302);
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({ status: "declined", declinedBy: "organization", closeReason: "Cần người có bằng lái" });
    expect(await keysOf(p.userId)).toContain("notify.referral.person.declined");
    // Declined is not live: the officer may refer the person to the same job again.
    await referOk(p.personId, job.id, ["skills"]);
  });
});

describe("the person's answer (issue 11, defect 5)", () => {
  const answer = (who: Who, body: FormValues) => call(myReferrals.action as Handler, post("/me/referrals", who, body));
  const statusOf = async (id: string) => (await ctx.handle.db.select().from(referral).where(eq(referral.id, id)))[0];
  const eventsOf = (id: string) =>
    ctx.handle.db.select().from(referralEvent).where(eq(referralEvent.referralId, id)).orderBy(referralEvent.id);

  it("the employer cannot take a person on by itself: its offer waits for the worker's answer, the person's yes in /me/referrals accepts", async () => {
    const p = await person();
    const me = await cookieFor(p.userId);
    const job = await publishJob(employer, { title: "Thợ phụ sửa xe chờ trả lời" });
    const id = await referOk(p.personId, job.id, ["full_name", "skills"]);
    await orgOpen(employerWho, id);

    // The old one-step "accept" is not a move any more: refused with a message, nothing changes.
    const oldAccept = await orgMove(employerWho, id, { intent: "accept", note: "" });
    expect(oldAccept.status).toBe(400);
    expect((await statusOf(id)).status).toBe("seen");

    expect((await orgMove(employerWho, id, { intent: "offer", note: "Nhận, lương 5 triệu" })).status).toBe(302);
    expect((await statusOf(id)).status).toBe("offered");
    // The employer's page says it waits for the worker, and offers no way to accept on their behalf.
    const waiting = await orgOpen(employerWho, id);
    const waitingData = await jsonOf<{ moves: string[] }>(waiting.clone());
    expect(waitingData.moves).toEqual(["decline"]);
    const waitingHtml = render(employerReferral.default, await waiting.json());
    expect(waitingHtml).toContain("Đang chờ người lao động trả lời");
    expect(waitingHtml).not.toContain('value="person_accepted"');
    // The person is told they can answer in the app or through their officer.
    const offered = (await notificationsOf(p.userId)).find((n) => n.messageKey === "notify.referral.person.offered");
    expect(offered?.link).toBe("/me/referrals");
    expect(vi("notify.referral.person.offered", { title: "x" })).toMatch(/trong mục Giới thiệu.*hoặc báo cán bộ xã/);

    // Their page shows the question with "Tôi đồng ý" and "Tôi không nhận" forms (plain posts).
    const page = await call(myReferrals.loader as Handler, get("/me/referrals", me));
    const pageHtml = render(myReferrals.default, await page.json());
    expect(pageHtml).toContain(vi("referrals.me.answer.yes"));
    expect(pageHtml).toContain('name="intent" value="person_accepted"');
    expect(pageHtml).toContain('name="intent" value="person_declined"');

    const before = { officer: (await keysOf(officer.id)).length, org: (await keysOf(employer.actorId)).length };
    const yes = await answer(me, { intent: "person_accepted", referralId: id });
    expect(yes.status, await yes.clone().text()).toBe(302);
    expect(yes.headers.get("Location")).toMatch(/^\/me\/referrals\?done=person_accepted/);
    expect((await statusOf(id)).status).toBe("accepted");
    const last = (await eventsOf(id)).at(-1)!;
    expect(last).toMatchObject({ status: "accepted", actorId: p.userId, actorRole: "person", channel: "in_app" });
    // The officer and the organisation are told; the person, who acted, is not.
    expect((await keysOf(officer.id)).slice(before.officer)).toContain("notify.referral.officer.accepted");
    expect((await keysOf(employer.actorId)).slice(before.org)).toContain("notify.referral.organization.accepted");
    expect(await keysOf(p.userId)).not.toContain("notify.referral.person.accepted");
    const audited = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.personId, p.personId),
          eq(auditEvent.action, "referral_update"),
          eq(auditEvent.actorId, p.userId),
        ),
      );
    expect(audited).toHaveLength(1);
    // The officer's history says who answered and how.
    const officerHtml = render(
      officerReferral.default,
      await (await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id })).json(),
    );
    expect(officerHtml).toContain(vi("referrals.history.answer", { channel: vi("referrals.channel.in_app") }));
    // Answering again is refused politely (400), never a 500.
    const again = await answer(me, { intent: "person_declined", referralId: id });
    expect(again.status).toBe(400);
    expect((await jsonOf<FormAnswer>(again)).errors._form.key).toBe("referrals.me.answer.gone");
  });

  it("the officer records the person's yes with how it was given: a channel is required, 'phone' is kept in the history", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ rửa xe chờ trả lời" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    // Before any offer there is nothing to say yes to.
    expect((await officerMove(officer, id, { intent: "person_accepted", channel: "phone", note: "" })).status).toBe(
      400,
    );
    expect((await orgMove(employerWho, id, { intent: "offer", note: "" })).status).toBe(302);
    const officerPage = render(
      officerReferral.default,
      await (await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id })).json(),
    );
    expect(officerPage).toMatch(/name="channel"[^>]*value="phone"/);
    expect(officerPage).toContain(vi("referrals.detail.awaitingPerson.officer"));

    const noChannel = await officerMove(officer, id, { intent: "person_accepted", note: "Đã gọi" });
    expect(noChannel.status).toBe(400);
    const noChannelAnswer = await jsonOf<FormAnswer>(noChannel);
    expect(noChannelAnswer.errors.channel.key).toBe("referrals.error.channel");
    expect(noChannelAnswer.values.note).toBe("Đã gọi");
    expect((await statusOf(id)).status).toBe("offered");
    expect((await officerMove(officer, id, { intent: "person_accepted", channel: "fax", note: "" })).status).toBe(400);

    const yes = await officerMove(officer, id, {
      intent: "person_accepted",
      channel: "phone",
      note: "Anh gọi lại lúc 9 giờ, đồng ý.",
    });
    expect(yes.status).toBe(302);
    expect((await statusOf(id)).status).toBe("accepted");
    expect((await eventsOf(id)).at(-1)).toMatchObject({ status: "accepted", actorRole: "officer", channel: "phone" });
    expect(await keysOf(p.userId)).toContain("notify.referral.person.accepted");
    expect(await keysOf(employer.actorId)).toContain("notify.referral.organization.accepted");
    const html = render(
      officerReferral.default,
      await (await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id })).json(),
    );
    expect(html).toContain(vi("referrals.history.answer", { channel: vi("referrals.channel.phone") }));
    // The organisation's page does not say how the person answered, nor the officer's note.
    const orgText = await (await orgOpen(employerWho, id)).text();
    expect(orgText).not.toContain("Anh gọi lại");
    expect(orgText).not.toContain('"channel":"phone"');
  });

  it("a person declining closes the referral politely for the employer, without the reason", async () => {
    const p = await person();
    const me = await cookieFor(p.userId);
    const job = await publishJob(employer, { title: "Thợ sơn xe chờ trả lời" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    expect((await orgMove(employerWho, id, { intent: "offer", note: "" })).status).toBe(302);
    const reason = "Em phải về quê chăm mẹ ốm, sợ chủ biết chuyện cũ";
    const no = await answer(me, { intent: "person_declined", referralId: id, note: reason });
    expect(no.status).toBe(302);
    const row = await statusOf(id);
    expect(row).toMatchObject({ status: "declined", declinedBy: "person", closeReason: "" });
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      status: "declined",
      actorRole: "person",
      channel: "in_app",
      note: reason,
    });
    const orgNote = (await notificationsOf(employer.actorId)).find(
      (n) => n.messageKey === "notify.referral.organization.declinedByPerson" && n.link === `/employer/referrals/${id}`,
    );
    expect(orgNote).toBeDefined();
    expect(await keysOf(officer.id)).toContain("notify.referral.officer.declinedByPerson");
    const orgPage = await orgOpen(employerWho, id);
    const orgText = await orgPage.clone().text();
    const orgHtml = render(employerReferral.default, await orgPage.json());
    for (const text of [orgText, orgHtml]) {
      expect(text).not.toContain("quê");
      expect(text).not.toContain("chuyện cũ");
    }
    // The officer reads the person's word.
    const officerHtml = render(
      officerReferral.default,
      await (await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id })).json(),
    );
    expect(officerHtml).toContain("chăm mẹ ốm");
  });

  it("a person cannot answer someone else's referral, nor an unknown one", async () => {
    const p = await person();
    const other = await person();
    const job = await publishJob(employer, { title: "Thợ điện xe chờ trả lời" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    expect((await orgMove(employerWho, id, { intent: "offer", note: "" })).status).toBe(302);
    const theirs = await answer(await cookieFor(other.userId), { intent: "person_accepted", referralId: id });
    expect(theirs.status).toBe(400);
    expect((await statusOf(id)).status).toBe("offered");
    expect(
      (await answer(await cookieFor(p.userId), { intent: "person_accepted", referralId: "not-a-uuid" })).status,
    ).toBe(400);
    expect((await answer(employerWho, { intent: "person_accepted", referralId: id })).status).toBe(403);
  });
});

describe("messages", () => {
  it("officer and organisation write to each other; the other side is told; the person never sees them", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ gò xe" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    const sent = await officerMove(officer, id, { intent: "message", body: "Anh H. có thể đi làm từ thứ Hai." });
    expect(sent.status).toBe(302);
    expect(
      (await notificationsOf(employer.actorId)).find((n) => n.messageKey === "notify.referral.organization.message")
        ?.link,
    ).toBe(`/employer/referrals/${id}`);
    const reply = await orgMove(employerWho, id, { intent: "message", body: "Được, hẹn 7 giờ sáng." });
    expect(reply.status).toBe(302);
    expect(
      (await notificationsOf(officer.id)).find((n) => n.messageKey === "notify.referral.officer.message")?.link,
    ).toBe(`/officer/referrals/${id}`);

    const empty = await orgMove(employerWho, id, { intent: "message", body: "   " });
    expect(empty.status).toBe(400);
    expect(vi((await jsonOf<FormAnswer>(empty)).errors.body.key as never)).toBe("Vui lòng nhập thông tin này.");
    const long = await officerMove(officer, id, { intent: "message", body: "a".repeat(2001) });
    expect((await jsonOf<FormAnswer>(long)).errors.body.key).toBe("validation.tooLong");

    const officerView = await call(officerReferral.loader as Handler, get(`/officer/referrals/${id}`, officer), { id });
    const officerHtml = render(officerReferral.default, await officerView.json());
    expect(officerHtml).toContain("Được, hẹn 7 giờ sáng.");
    const mine = await call(myReferrals.loader as Handler, get("/me/referrals", await cookieFor(p.userId)));
    const text = await mine.text();
    expect(text).toContain(job.id);
    expect(text).not.toContain("Anh H. có thể đi làm");
    expect(text).not.toContain("hẹn 7 giờ sáng");
  });
});

describe("the person's requests", () => {
  it("notifies the officer; approving refers with the request; declining tells the person", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ sửa phanh" });
    const asked = await requestReferral(p.userId, "job", job.id, "Em muốn làm gần nhà.");
    expect(asked.ok).toBe(true);
    const requestId = (asked as { requestId: string }).requestId;
    const told = (await notificationsOf(officer.id)).find(
      (n) => n.messageKey === "notify.referral.request.created" && n.params.personId === p.personId,
    );
    expect(told).toMatchObject({ link: "/officer/referrals", params: { title: "Thợ sửa phanh" } });

    const list = await call(officerReferrals.loader as Handler, get("/officer/referrals", officer));
    const listHtml = render(officerReferrals.default, await list.json());
    expect(listHtml).toContain("Em muốn làm gần nhà.");
    expect(listHtml).toContain(
      `/officer/persons/${p.personId}/refer?kind=job&amp;listing=${job.id}&amp;request=${requestId}`,
    );
    // Another commune's officer does not see it.
    expect(
      await (await call(officerReferrals.loader as Handler, get("/officer/referrals", otherOfficer))).text(),
    ).not.toContain(p.fullName);

    const form = await call(
      referPage.loader as Handler,
      get(referPath(p.personId, job.id, `&request=${requestId}`), officer),
      { id: p.personId },
    );
    expect(render(referPage.default, await form.json())).toContain(`name="requestId" value="${requestId}"`);
    const id = await referOk(p.personId, job.id, ["skills"], { requestId });
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row.requestId).toBe(requestId);
    const [request] = await ctx.handle.db.select().from(referralRequest).where(eq(referralRequest.id, requestId));
    expect(request).toMatchObject({ status: "approved", decidedBy: officer.id });

    // A second request, declined with a word to the person.
    const job2 = await publishJob(employer, { title: "Thợ sửa điện xe" });
    const second = (await requestReferral(p.userId, "job", job2.id, "")) as { requestId: string };
    const declineBody = { intent: "decline-request", requestId: second.requestId, note: "Nơi này đã đủ người." };
    expect(
      (await call(officerReferrals.action as Handler, post("/officer/referrals", otherOfficer, declineBody))).status,
    ).toBe(404);
    const declined = await call(officerReferrals.action as Handler, post("/officer/referrals", officer, declineBody));
    expect(declined.status).toBe(302);
    const [decided] = await ctx.handle.db
      .select()
      .from(referralRequest)
      .where(eq(referralRequest.id, second.requestId));
    expect(decided).toMatchObject({ status: "declined", decisionNote: "Nơi này đã đủ người." });
    // The person reads the officer's word on their referrals page.
    const mine = await call(myReferrals.loader as Handler, get("/me/referrals", await cookieFor(p.userId)));
    expect(render(myReferrals.default, await mine.json())).toContain("Nơi này đã đủ người.");
    expect(
      (await notificationsOf(p.userId)).find((n) => n.messageKey === "notify.referral.request.declinedWithNote")
        ?.params,
    ).toEqual({
      title: "Thợ sửa điện xe",
      note: "Nơi này đã đủ người.",
    });
    // Handled once: a second decline is not found.
    expect(
      (await call(officerReferrals.action as Handler, post("/officer/referrals", officer, declineBody))).status,
    ).toBe(404);
  });
});

describe("when consent or the file ends", () => {
  it("withdrawing consent withdraws the open referrals relying on it and tells the organisation, without the reason", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ lắp ráp xe" });
    const id = await referOk(p.personId, job.id, ["skills"]);
    await orgOpen(employerWho, id);
    expect(
      (
        await withdrawConsent(
          { id: p.userId, role: "person" },
          { personId: p.personId, grantId: p.grantId!, ownPersonId: p.personId },
        )
      ).ok,
    ).toBe(true);
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({ status: "withdrawn", closeReason: "consent_withdrawn" });
    const orgNote = (await notificationsOf(employer.actorId)).find(
      (n) => n.messageKey === "notify.referral.organization.withdrawn" && n.link === `/employer/referrals/${id}`,
    );
    expect(orgNote?.params).toEqual({ title: "Thợ lắp ráp xe" });
    expect(await keysOf(officer.id)).toContain("notify.referral.officer.withdrawnConsent");
    // The organisation sees that it ended, not why, and no longer what was shared.
    const seen = await jsonOf<{ referral: { status: string; closeReason: string } }>(await orgOpen(employerWho, id));
    expect(seen.referral).toMatchObject({ status: "withdrawn", closeReason: "" });
    expect(JSON.stringify(seen)).not.toContain("consent_withdrawn");
    expect(JSON.stringify(seen)).not.toContain("sửa xe máy");
    expect(render(employerReferral.default, seen)).toContain(vi("referrals.detail.shared.ended"));
  });

  it("closing the file withdraws open referrals; final ones stay", async () => {
    const p = await person();
    const open = await referOk(p.personId, (await publishJob(employer, { title: "Thợ phụ tiệm" })).id, ["skills"]);
    const done = await referOk(p.personId, (await publishJob(employer, { title: "Thợ chính tiệm" })).id, ["skills"]);
    expect((await orgMove(employerWho, done, { intent: "offer", note: "" })).status).toBe(302);
    expect((await officerMove(officer, done, { intent: "person_accepted", channel: "meeting", note: "" })).status).toBe(
      302,
    );
    expect((await closePerson(officerScope, p.personId, { reason: "moved_away", note: "" })).ok).toBe(true);
    const rows = await ctx.handle.db.select().from(referral).where(eq(referral.personId, p.personId));
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.closeReason]]))).toEqual({
      [open]: ["withdrawn", "file_closed"],
      [done]: ["accepted", ""],
    });
  });

  it("moving the file to another commune withdraws open referrals, told to the referring commune's officers", async () => {
    const p = await person();
    const id = await referOk(p.personId, (await publishJob(employer, { title: "Thợ rửa xe máy" })).id, ["skills"]);
    const moved = await requestTransfer(officerScope, p.personId, {
      provinceCode: UNITS.phuTho,
      communeCode: UNITS.luongSon,
      note: "",
    });
    expect(moved.ok).toBe(true);
    const receiving: StaffScope = {
      actorId: otherOfficer.id,
      role: "officer",
      provinceCodes: [UNITS.phuTho],
      communeCodes: [UNITS.luongSon],
    };
    expect(await acceptTransfer(receiving, (moved as { transferId: string }).transferId)).toEqual({ ok: true });
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({ status: "withdrawn", closeReason: "file_moved" });
    expect(
      (await notificationsOf(officer.id)).some(
        (n) => n.messageKey === "notify.referral.officer.withdrawnFile" && n.link === `/officer/referrals/${id}`,
      ),
    ).toBe(true);
    expect(await keysOf(employer.actorId)).toContain("notify.referral.organization.withdrawn");
  });

  it("erasing a person's data erases what their referrals shared", async () => {
    const p = await person();
    const id = await referOk(p.personId, (await publishJob(employer, { title: "Thợ sửa xe đạp" })).id, [
      "full_name",
      "skills",
    ]);
    await officerMove(officer, id, { intent: "message", body: `${p.fullName} đi làm được ngay.` });
    await ctx.handle.db.transaction((tx) =>
      eraseReferralsOfPerson(tx, p.personId, { id: officer.id, role: "officer" }),
    );
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({ status: "withdrawn", sharedSnapshot: {}, note: "" });
    const messages = await ctx.handle.db.select().from(referralMessage).where(eq(referralMessage.referralId, id));
    expect(messages.map((m) => m.body)).toEqual(["…"]);
  });

  it("an expired consent withdraws the referral when the sweeper runs", async () => {
    const p = await person({ validMonths: "1" });
    const job = await publishJob(employer, { title: "Thợ bảo dưỡng", closesAt: daysFromToday(60) });
    const id = await referOk(p.personId, job.id, ["skills"]);
    setClock({ offsetMs: 40 * 86_400_000 });
    await sweepExpired(ctx.handle.db);
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row).toMatchObject({ status: "withdrawn", closeReason: "consent_expired" });
    expect(await keysOf(p.userId)).toContain("notify.referral.person.withdrawnConsent");
  });
});
