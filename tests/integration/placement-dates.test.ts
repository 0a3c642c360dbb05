import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import * as meHome from "~/routes/me._index";
import * as meMatches from "~/routes/me.matches";
import * as newEnrolment from "~/routes/officer.persons.$id_.enrolment";
import * as newPlacement from "~/routes/officer.persons.$id_.placement";
import * as placementPage from "~/routes/officer.placements.$id";

import { enrolment, followUp, placement } from "../../db/schema";
import { uniquePhone } from "../factories";
import { createOrgMember, daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, placeFromReferral, refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, type RouteHandler, routeRequest } from "../setup/routes";

/*
 * Issue 11, rough edges: a start date before the person's yes needs the officer's confirmation and a
 * reason; a placed person's own pages show the job first.
 */

const ctx = setupIntegration({ indexes: true });
const db = () => ctx.handle.db;

let officer: StaffScope;
let officerCookie: string;
let employer: OrgScope;
let provider: OrgScope;

beforeAll(async () => {
  officer = await createOfficerScope();
  officerCookie = await cookieFor(officer.actorId);
  employer = await createOrgMember("employer", { name: "Tiệm sửa xe Hòa Bình" });
  provider = await createOrgMember("provider");
}, 120_000);

/** A person released two years ago (so a year-old start date is not before the release), with consent. */
let count = 0;
const unique = () => {
  count += 1;
  return { fullName: `Trần Văn Ngày ${count}`, dateOfBirth: `1985-03-${String(count).padStart(2, "0")}` };
};
async function person() {
  const personId = await createPerson(officer, {
    ...unique(),
    releaseDate: daysFromToday(-730),
    mainCompletedOn: daysFromToday(-730),
    phone: uniquePhone(),
  });
  await giveConsent(officer, personId, { purposes: ["matching", "training_referral", "share_contact"] });
  return personId;
}

const placementForm = (referralId: string, startDate: string, extra: Record<string, string> = {}) => ({
  referralId,
  enrolmentId: "",
  position: "Thợ sửa xe máy",
  wage: "5.500.000",
  contractKind: "labour_contract",
  startDate,
  ...extra,
});

describe("placement and enrolment dates before the person's yes", () => {
  it("a start date before acceptance without confirmation: a field error, what was typed kept, nothing written", async () => {
    const personId = await person();
    const job = await publishJob(employer, { title: "Thợ sửa xe máy (ngày sớm)" });
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(employer, referralId, officer);
    const yearAgo = daysFromToday(-365);
    const path = `/officer/persons/${personId}/placement?referral=${referralId}`;

    const refused = await callRoute(
      newPlacement.action as RouteHandler,
      routeRequest(path, { cookie: officerCookie, form: placementForm(referralId, yearAgo) }),
      { id: personId },
    );
    expect(refused.status).toBe(400);
    const answer = (await refused.json()) as {
      values: Record<string, string>;
      errors: Record<string, { key: string; vars?: Record<string, string> }>;
    };
    expect(answer.errors.startDate.key).toBe("outcomes.backdate.error.confirm");
    expect(answer.values).toMatchObject({ startDate: yearAgo, wage: "5.500.000", position: "Thợ sửa xe máy" });
    expect(await db().select().from(placement).where(eq(placement.referralId, referralId))).toEqual([]);

    // Ticked but no reason: the reason field answers, still nothing written.
    const noReason = await callRoute(
      newPlacement.action as RouteHandler,
      routeRequest(path, {
        cookie: officerCookie,
        form: placementForm(referralId, yearAgo, { confirmBackdate: "on" }),
      }),
      { id: personId },
    );
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { errors: Record<string, { key: string }> }).errors.backdateReason.key).toBe(
      "outcomes.backdate.error.reason",
    );
    expect(await db().select().from(placement).where(eq(placement.referralId, referralId))).toEqual([]);

    const reason = "Anh đã làm ở tiệm từ năm ngoái, nay mới ghi nhận.";
    const ok = await callRoute(
      newPlacement.action as RouteHandler,
      routeRequest(path, {
        cookie: officerCookie,
        form: placementForm(referralId, yearAgo, { confirmBackdate: "on", backdateReason: reason }),
      }),
      { id: personId },
    );
    expect(ok.status, await ok.clone().text()).toBe(302);
    const [row] = await db().select().from(placement).where(eq(placement.referralId, referralId));
    expect(row).toMatchObject({ startDate: yearAgo, backdateReason: reason });
    // The reason is shown on the placement.
    const page = await callRoute(
      placementPage.loader as RouteHandler,
      routeRequest(`/officer/placements/${row.id}`, { cookie: officerCookie }),
      { id: row.id },
    );
    expect(await page.text()).toContain(reason);
  });

  it("a start date on or after acceptance needs nothing more, and stores no reason", async () => {
    const personId = await person();
    const job = await publishJob(employer, { title: "Thợ sửa xe máy (đúng ngày)" });
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(employer, referralId, officer);
    const placementId = await placeFromReferral(officer, personId, referralId, {
      startDate: daysFromToday(0),
      backdateReason: "không dùng",
    });
    const [row] = await db().select().from(placement).where(eq(placement.id, placementId));
    expect(row.backdateReason).toBe("");
  });

  it("absurd dates are refused with a clear message: before the release, far in the future", async () => {
    const personId = await person();
    const job = await publishJob(employer, { title: "Thợ sửa xe máy (ngày lạ)" });
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(employer, referralId, officer);
    const path = `/officer/persons/${personId}/placement?referral=${referralId}`;
    for (const [date, key] of [
      [daysFromToday(-3000), "outcomes.placement.error.startBeforeRelease"],
      [daysFromToday(400), "outcomes.placement.error.startFuture"],
    ] as const) {
      const res = await callRoute(
        newPlacement.action as RouteHandler,
        routeRequest(path, {
          cookie: officerCookie,
          form: placementForm(referralId, date, { confirmBackdate: "on", backdateReason: "Thử" }),
        }),
        { id: personId },
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Record<string, { key: string }> }).errors.startDate.key).toBe(key);
    }
    expect(await db().select().from(placement).where(eq(placement.referralId, referralId))).toEqual([]);
  });

  it("an enrolment date before the course referral's acceptance needs the same confirmation and reason", async () => {
    const personId = await person();
    const course = await publishTraining(provider);
    const referralId = await refer(officer, personId, "training", course.id);
    await acceptReferral(provider, referralId, officer);
    const path = `/officer/persons/${personId}/enrolment?referral=${referralId}`;
    const early = daysFromToday(-20);
    const refused = await callRoute(
      newEnrolment.action as RouteHandler,
      routeRequest(path, { cookie: officerCookie, form: { referralId, enrolledOn: early } }),
      { id: personId },
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, { key: string }> }).errors.enrolledOn.key).toBe(
      "outcomes.backdate.error.confirm",
    );
    expect(await db().select().from(enrolment).where(eq(enrolment.referralId, referralId))).toEqual([]);
    const ok = await callRoute(
      newEnrolment.action as RouteHandler,
      routeRequest(path, {
        cookie: officerCookie,
        form: { referralId, enrolledOn: early, confirmBackdate: "on", backdateReason: "Đã học từ đầu khóa." },
      }),
      { id: personId },
    );
    expect(ok.status, await ok.clone().text()).toBe(302);
    const [row] = await db().select().from(enrolment).where(eq(enrolment.referralId, referralId));
    expect(row).toMatchObject({ enrolledOn: early, backdateReason: "Đã học từ đầu khóa." });
  });
});

describe("a placed person's own pages", () => {
  it("/me and /me/matches show the current job (employer, position, start, next follow-up) first", async () => {
    const phone = uniquePhone();
    const personId = await createPerson(officer, {
      ...unique(),
      phone,
      releaseDate: daysFromToday(-200),
      mainCompletedOn: daysFromToday(-200),
    });
    await giveConsent(officer, personId);
    const cookie = await cookieFor(await activatePerson(officer, personId, { phone, ip: "10.61.0.1" }));

    // Not placed yet: no "current job" section.
    const before = await (await callRoute(meHome.loader as RouteHandler, routeRequest("/me", { cookie }))).json();
    expect(before.work).toEqual({ job: null, course: null });

    const job = await publishJob(employer, { title: "Thợ sửa xe máy (đang làm)" });
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(employer, referralId, officer);
    const placementId = await placeFromReferral(officer, personId, referralId, { position: "Thợ chính sửa xe" });
    const [first] = await db()
      .select({ dueOn: followUp.dueOn })
      .from(followUp)
      .where(eq(followUp.placementId, placementId))
      .orderBy(followUp.dueOn)
      .limit(1);

    const home = await (await callRoute(meHome.loader as RouteHandler, routeRequest("/me", { cookie }))).json();
    expect(home.work).toEqual({
      job: {
        employerName: "Tiệm sửa xe Hòa Bình",
        position: "Thợ chính sửa xe",
        startDate: daysFromToday(0),
        nextFollowUp: { dueOn: first.dueOn, monthOffset: 1 },
      },
      course: null,
    });
    const matches = await callRoute(meMatches.loader as RouteHandler, routeRequest("/me/matches", { cookie }));
    expect(((await matches.json()) as { work: { job: { position: string } } }).work.job.position).toBe(
      "Thợ chính sửa xe",
    );
  });
});
