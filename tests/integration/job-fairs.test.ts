import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as fairsPage from "~/routes/officer.job-fairs._index";
import * as fairPage from "~/routes/officer.job-fairs.$id";
import * as reportPage from "~/routes/officer.job-fairs.$id_.report";
import { setClock } from "~/utils/clock.server";

import {
  auditEvent,
  followUp,
  jobFair,
  jobFairEmployer,
  jobFairParticipant,
  notification,
  organization,
  placement,
  releasedPerson,
} from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createOrgMember } from "../factories/marketplace";
import { createPerson } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { at, call, cookieFor, type LoggedInOfficer as Officer, loggedInOfficer as officer } from "../setup/routes";

const ctx = setupIntegration();
const db = () => ctx.handle.db;

const TODAY = "2026-03-10";
const HELD_ON = "2026-03-05";

async function countOf(table: typeof jobFair | typeof jobFairEmployer | typeof jobFairParticipant | typeof placement) {
  const [row] = await db().select({ n: count() }).from(table);
  return Number(row!.n);
}

let officerA: Officer;
let officerB: Officer;
let adminCookie: string;
let employer1: { organizationId: string; actorId: string };
let employer2: { organizationId: string; actorId: string };
let unverified: { organizationId: string };
let otherProvince: { organizationId: string };
const NAMES = ["Lê Văn Hội Chợ", "Trần Thị Phỏng Vấn", "Phạm Văn Vắng"] as const;
let persons: string[];
let personUserId: string;
let outsider: string;
let fairId: string;
let fairPath: string;

beforeAll(async () => {
  at(TODAY);
  officerA = await officer([UNITS.namDa]);
  officerB = await officer([UNITS.krongNo]);
  const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  adminCookie = await cookieFor(admin.id);
  employer1 = await createOrgMember("employer", { name: "Xưởng mộc Nam Đà" });
  employer2 = await createOrgMember("employer", { name: "Tiệm sửa xe Hòa Bình" });
  unverified = await createOrgMember("employer", { verified: false });
  otherProvince = await createOrgMember("employer", { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon });
  persons = [];
  for (const fullName of NAMES) persons.push(await createPerson(officerA, { fullName }));
  // The first person has an account of their own: they hear of the registration.
  const user = await createUser({ role: "person" });
  personUserId = user.id;
  await db().update(releasedPerson).set({ userId: user.id }).where(eq(releasedPerson.id, persons[0]!));
  outsider = await createPerson(officerB, { fullName: "Người Xã Khác", communeCode: UNITS.krongNo });
}, 120_000);

afterAll(() => setClock(undefined));

describe("creating a job fair", () => {
  it("refuses bad input with 400, keeps what was typed and writes nothing", async () => {
    at(TODAY);
    const before = await countOf(jobFair);
    const bad = await call(
      fairsPage.action,
      "/officer/job-fairs",
      officerA.cookie,
      {},
      { title: "", heldOn: "31/02/2026", communeCode: UNITS.namDa, place: "Hội trường", note: "" },
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.values).toMatchObject({ heldOn: "31/02/2026", place: "Hội trường" });
    expect(Object.keys(body.errors).sort()).toEqual(["heldOn", "title"]);
    // A commune the officer does not serve.
    const elsewhere = await call(
      fairsPage.action,
      "/officer/job-fairs",
      officerA.cookie,
      {},
      { title: "Phiên tháng 3", heldOn: HELD_ON, communeCode: UNITS.krongNo, place: "Hội trường" },
    );
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).errors.communeCode.key).toBe("events.fair.error.commune");
    expect(await countOf(jobFair)).toBe(before);
    // The admin reads fairs but does not create them.
    const admin = await call(
      fairsPage.action,
      "/officer/job-fairs",
      adminCookie,
      {},
      { title: "Phiên", heldOn: HELD_ON, communeCode: UNITS.namDa, place: "X" },
    );
    expect(admin.status).toBe(403);
  });

  it("creates the fair in the officer's commune and lists it", async () => {
    at(TODAY);
    const posted = await call(
      fairsPage.action,
      "/officer/job-fairs",
      officerA.cookie,
      {},
      {
        title: "Phiên giao dịch việc làm tháng 3",
        heldOn: HELD_ON,
        communeCode: UNITS.namDa,
        place: "Hội trường UBND xã",
        note: "",
      },
    );
    expect(posted.status).toBe(302);
    const location = posted.headers.get("Location")!;
    expect(location).toMatch(/^\/officer\/job-fairs\/[0-9a-f-]{36}\?done=created$/);
    fairId = location.split("/")[3]!.split("?")[0]!;
    fairPath = `/officer/job-fairs/${fairId}`;
    const [row] = await db().select().from(jobFair).where(eq(jobFair.id, fairId));
    expect(row).toMatchObject({
      communeCode: UNITS.namDa,
      provinceCode: UNITS.lamDong,
      heldOn: HELD_ON,
      createdBy: officerA.actorId,
    });
    const list = await (await call(fairsPage.loader, "/officer/job-fairs", officerA.cookie)).json();
    expect(list.fairs.map((f: { id: string }) => f.id)).toContain(fairId);
    const otherList = await (await call(fairsPage.loader, "/officer/job-fairs", officerB.cookie)).json();
    expect(otherList.fairs.map((f: { id: string }) => f.id)).not.toContain(fairId);
    expect(render(fairsPage.default, list)).toContain("Phiên giao dịch việc làm tháng 3");
  });
});

describe("employers and participants", () => {
  it("takes only verified employers of the province, with openings ≥ 0", async () => {
    const post = (form: Record<string, string>) =>
      call(fairPage.action, fairPath, officerA.cookie, { id: fairId }, { intent: "addEmployer", ...form });
    for (const form of [
      { organizationId: unverified.organizationId, openings: "2" },
      { organizationId: otherProvince.organizationId, openings: "2" },
      { organizationId: employer1.organizationId, openings: "-1" },
      { organizationId: employer1.organizationId, openings: "nhiều" },
      { organizationId: "not-an-id", openings: "2" },
    ]) {
      const refused = await post(form);
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect((await refused.json()).values).toMatchObject(form);
    }
    expect(await countOf(jobFairEmployer)).toBe(0);
    expect((await post({ organizationId: employer1.organizationId, openings: "5" })).status).toBe(302);
    expect((await post({ organizationId: employer2.organizationId, openings: "3" })).status).toBe(302);
    // Adding it again updates the openings.
    expect((await post({ organizationId: employer2.organizationId, openings: "4" })).status).toBe(302);
    const saved = await db().select().from(jobFairEmployer).where(eq(jobFairEmployer.fairId, fairId));
    expect(saved.map((e) => [e.organizationId, e.openings]).sort()).toEqual(
      [
        [employer1.organizationId, 5],
        [employer2.organizationId, 4],
      ].sort(),
    );
  });

  it("registers persons of the officer's communes once each, and tells the person's account", async () => {
    at(TODAY);
    const register = (personId: string, cookie = officerA.cookie) =>
      call(fairPage.action, fairPath, cookie, { id: fairId }, { intent: "register", personId });
    for (const personId of persons) expect((await register(personId)).status).toBe(302);
    const again = await register(persons[0]!);
    expect(again.status).toBe(400);
    expect((await again.json()).errors.personId.key).toBe("events.fair.error.alreadyRegistered");
    // Another commune's person cannot be registered (not found, like any id out of reach).
    expect((await register(outsider)).status).toBe(404);
    expect(await db().select().from(jobFairParticipant).where(eq(jobFairParticipant.personId, outsider))).toEqual([]);
    expect(await countOf(jobFairParticipant)).toBe(3);

    const told = await db().select().from(notification).where(eq(notification.recipientId, personUserId));
    expect(told).toMatchObject([{ messageKey: "notify.jobFair.registered", link: "/me" }]);
    expect(told[0]!.params).toMatchObject({ title: "Phiên giao dịch việc làm tháng 3", place: "Hội trường UBND xã" });
    // The employers learn nothing about who registered.
    for (const e of [employer1, employer2])
      expect(await db().select().from(notification).where(eq(notification.recipientId, e.actorId))).toEqual([]);
  });

  it("records outcomes with the fair's employers only; bad input changes nothing", async () => {
    const post = (form: Record<string, string>) =>
      call(fairPage.action, fairPath, officerA.cookie, { id: fairId }, { intent: "outcome", ...form });
    const [p1, p2, p3] = persons as [string, string, string];
    const refusals = [
      { personId: p1, outcome: "hired", organizationId: "" },
      { personId: p1, outcome: "hired", organizationId: otherProvince.organizationId },
      { personId: p1, outcome: "promoted", organizationId: employer1.organizationId },
    ];
    for (const form of refusals) expect((await post(form)).status, JSON.stringify(form)).toBe(400);
    expect((await post({ intent: "fly", personId: p1 })).status).toBe(400);
    const unchanged = await db().select().from(jobFairParticipant).where(eq(jobFairParticipant.fairId, fairId));
    expect(unchanged.every((r) => r.outcome === "registered" && r.organizationId === null)).toBe(true);

    expect((await post({ personId: p1, outcome: "hired", organizationId: employer1.organizationId })).status).toBe(302);
    expect((await post({ personId: p2, outcome: "attended", organizationId: "" })).status).toBe(302);
    expect(
      (await post({ personId: p2, outcome: "interviewed", organizationId: employer2.organizationId })).status,
    ).toBe(302);
    // An employer chosen with "absent" is dropped: an absence is with nobody.
    expect((await post({ personId: p3, outcome: "absent", organizationId: employer2.organizationId })).status).toBe(
      302,
    );
    const [absent] = await db()
      .select()
      .from(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, p3)));
    expect(absent).toMatchObject({ outcome: "absent", organizationId: null });
  });

  it("shows names to the fair's officer only, one audit event per person listed", async () => {
    const before = await db()
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "view"), eq(auditEvent.purpose, "job_fair")));
    const page = await call(fairPage.loader, fairPath, officerA.cookie, { id: fairId });
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.participants.map((p: { fullName: string }) => p.fullName).sort()).toEqual([...NAMES].sort());
    const events = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "view"), eq(auditEvent.purpose, "job_fair")));
    expect(events.length - Number(before[0]!.n)).toBe(3);
    expect(new Set(events.slice(-3).map((e) => e.personId))).toEqual(new Set(persons));
    const html = render(fairPage.default, data);
    for (const name of NAMES) expect(html).toContain(name);
    expect(html).toContain("Được tuyển");

    // The provincial admin reads the fair and its employers, never the persons.
    const adminPage = await call(fairPage.loader, fairPath, adminCookie, { id: fairId });
    expect(adminPage.status).toBe(200);
    const adminText = await adminPage.text();
    for (const name of NAMES) expect(adminText).not.toContain(name);
    expect(JSON.parse(adminText).employers).toHaveLength(2);
  });
});

describe("the session report and hires", () => {
  it("counts from the rows: attended, interviews and hires by employer", async () => {
    const response = await call(reportPage.loader, `${fairPath}/report`, officerA.cookie, { id: fairId });
    expect(response.status).toBe(200);
    const { report } = await response.json();
    const participants = await db().select().from(jobFairParticipant).where(eq(jobFairParticipant.fairId, fairId));
    const attended = participants.filter((p) => ["attended", "interviewed", "hired"].includes(p.outcome)).length;
    const interviewedBy = (org: string) =>
      participants.filter((p) => p.organizationId === org && ["interviewed", "hired"].includes(p.outcome)).length;
    const hiredBy = (org: string) =>
      participants.filter((p) => p.organizationId === org && p.outcome === "hired").length;
    expect(report.totals).toMatchObject({
      employers: 2,
      openings: 9,
      registered: participants.length,
      attended,
      absent: participants.filter((p) => p.outcome === "absent").length,
      interviews: interviewedBy(employer1.organizationId) + interviewedBy(employer2.organizationId),
      hires: hiredBy(employer1.organizationId) + hiredBy(employer2.organizationId),
      placements: 0,
    });
    expect(report.totals).toMatchObject({ registered: 3, attended: 2, interviews: 2, hires: 1 });
    expect(report.totals.hireRate).toBeCloseTo(0.5);
    for (const e of [employer1, employer2]) {
      const line = report.employers.find((l: { organizationId: string }) => l.organizationId === e.organizationId);
      expect(line).toMatchObject({ interviews: interviewedBy(e.organizationId), hires: hiredBy(e.organizationId) });
    }
    // No person is named in the report.
    const html = render(reportPage.default, { report, printedOn: TODAY });
    for (const name of NAMES) expect(html).not.toContain(name);
    expect(html).toContain("Xưởng mộc Nam Đà");
    // The admin reads it too.
    expect((await call(reportPage.loader, `${fairPath}/report`, adminCookie, { id: fairId })).status).toBe(200);
  });

  it("turns a hire into a placement with its follow-ups", async () => {
    at(TODAY);
    const [p1, p2] = persons as [string, string];
    const post = (form: Record<string, string>) =>
      call(fairPage.action, fairPath, officerA.cookie, { id: fairId }, { intent: "hirePlacement", ...form });
    const job = { position: "Thợ mộc", wage: "6.000.000", contractKind: "labour_contract", startDate: HELD_ON };
    // Only a hire becomes a placement; bad input writes nothing.
    expect((await post({ personId: p2, ...job })).status).toBe(400);
    expect((await post({ personId: p1, ...job, wage: "" })).status).toBe(400);
    expect(await countOf(placement)).toBe(0);

    const created = await post({ personId: p1, ...job });
    expect(created.status).toBe(302);
    const [row] = await db()
      .select()
      .from(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, p1)));
    expect(row!.placementId).toBeTruthy();
    const [placed] = await db().select().from(placement).where(eq(placement.id, row!.placementId!));
    const [org] = await db().select().from(organization).where(eq(organization.id, employer1.organizationId));
    expect(placed).toMatchObject({
      personId: p1,
      employerName: org!.name,
      position: "Thợ mộc",
      wage: 6_000_000,
      startDate: HELD_ON,
    });
    const follow = await db()
      .select({ month: followUp.monthOffset })
      .from(followUp)
      .where(eq(followUp.placementId, placed!.id))
      .orderBy(followUp.monthOffset);
    expect(follow.map((f) => f.month)).toEqual([1, 3, 6, 12]);
    // Twice is refused; the hire can no longer be undone here.
    expect((await post({ personId: p1, ...job })).status).toBe(400);
    const undo = await call(
      fairPage.action,
      fairPath,
      officerA.cookie,
      { id: fairId },
      { intent: "outcome", personId: p1, outcome: "absent", organizationId: "" },
    );
    expect(undo.status).toBe(400);
    const { report } = await (
      await call(reportPage.loader, `${fairPath}/report`, officerA.cookie, { id: fairId })
    ).json();
    expect(report.totals.placements).toBe(1);
  });

  it("links a hire to a placement already recorded for the same person only", async () => {
    const [, p2] = persons as [string, string];
    const post = (form: Record<string, string>) =>
      call(fairPage.action, fairPath, officerA.cookie, { id: fairId }, form);
    expect(
      (await post({ intent: "outcome", personId: p2, outcome: "hired", organizationId: employer2.organizationId }))
        .status,
    ).toBe(302);
    const [own] = await db()
      .insert(placement)
      .values({
        personId: p2,
        employerName: "Tiệm sửa xe Hòa Bình",
        position: "Thợ sửa xe",
        wage: 5_500_000,
        contractKind: "verbal_agreement",
        startDate: HELD_ON,
      })
      .returning();
    const [p1Row] = await db()
      .select()
      .from(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, persons[0]!)));
    // Someone else's placement: not found.
    expect((await post({ intent: "linkPlacement", personId: p2, placementId: p1Row!.placementId! })).status).toBe(404);
    expect((await post({ intent: "linkPlacement", personId: p2, placementId: own!.id })).status).toBe(302);
    const [linked] = await db()
      .select()
      .from(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, p2)));
    expect(linked!.placementId).toBe(own!.id);
  });
});

describe("reach", () => {
  it("answers 404 to another commune's officer, and to ids that are not ids; nothing is written", async () => {
    expect((await call(fairPage.loader, fairPath, officerB.cookie, { id: fairId })).status).toBe(404);
    expect((await call(reportPage.loader, `${fairPath}/report`, officerB.cookie, { id: fairId })).status).toBe(404);
    const before = await countOf(jobFairParticipant);
    expect(
      (
        await call(
          fairPage.action,
          fairPath,
          officerB.cookie,
          { id: fairId },
          { intent: "register", personId: outsider },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          fairPage.action,
          fairPath,
          officerB.cookie,
          { id: fairId },
          { intent: "addEmployer", organizationId: employer1.organizationId, openings: "1" },
        )
      ).status,
    ).toBe(404);
    expect(await countOf(jobFairParticipant)).toBe(before);
    expect((await call(fairPage.loader, "/officer/job-fairs/abc", officerA.cookie, { id: "abc" })).status).toBe(404);
    expect(
      (
        await call(
          fairPage.action,
          "/officer/job-fairs/abc",
          officerA.cookie,
          { id: "abc" },
          { intent: "register", personId: persons[0]! },
        )
      ).status,
    ).toBe(404);
    // An employer's account has no business here.
    const org = await cookieFor(employer1.actorId);
    expect((await call(fairsPage.loader, "/officer/job-fairs", org)).status).toBe(403);
  });
});
