import { and, between, count, countDistinct, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../app/modules/reports/indicators.server";
import { todayIso } from "../../app/utils/clock.server";
import {
  activity,
  appUser,
  enrolment,
  meeting,
  meetingAttendance,
  modelPerson,
  modelSteeringMember,
  organization,
  placement,
  referral,
  reintegrationModel,
  releasedPerson,
} from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { planFivePlusOne } from "../../db/seed/five-plus-one-plan";
import { setupIntegration } from "../setup/integration";

/*
 * Issue 6: the demo reproduces the 5+1 model's published figures for xã Nam Đà as records. Each figure is
 * counted here from the raw rows with plain queries (the indicator definitions of docs/decisions/016-*),
 * then compared with what the reports compute.
 */

const ctx = setupIntegration();
const db = () => ctx.handle.db;
const NAM_DA = "24697";
const LAUNCH = "2023-06-01";
const n = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);
// A timestamp on a Vietnamese calendar day of the period.
const inPeriodTs = (col: typeof referral.createdAt, to: string) =>
  and(gte(col, new Date(`${LAUNCH}T00:00:00+07:00`)), sql`${col} < (${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);

describe("the 5+1 model of xã Nam Đà in the demo", () => {
  it("seeds once, with the published figures as rows", async () => {
    expect(await seedDemoData(db())).toBe(true);
    const today = todayIso();
    const tables = async () => [n(await db().select({ n: count() }).from(activity)), n(await db().select({ n: count() }).from(releasedPerson)), n(await db().select({ n: count() }).from(reintegrationModel))];
    const first = await tables();
    expect(await seedDemoData(db())).toBe(false);
    expect(await tables()).toEqual(first);

    // Received: persons of Nam Đà released in the period.
    const received = await db()
      .select({ id: releasedPerson.id, fullName: releasedPerson.fullName, releaseType: releasedPerson.releaseType, status: releasedPerson.status })
      .from(releasedPerson)
      .where(and(eq(releasedPerson.communeCode, NAM_DA), between(releasedPerson.releaseDate, LAUNCH, today)));
    expect(received).toHaveLength(35);
    expect(received.map((p) => p.fullName)).toEqual(expect.arrayContaining(["Nguyễn Văn H.", "Y Thành Niê", "Trần Thị Hằng", "Lê Văn Toàn", "H'Nhi Byă", "Đinh Văn Lực"]));
    expect(new Set(received.map((p) => p.releaseType))).toEqual(new Set(["completed", "amnesty", "conditional_release"]));
    const receivedIds = received.map((p) => p.id);

    // No reoffending: no one closed as re-imprisoned, no job ended by reoffending, no such 12-month outcome.
    const reimprisoned = await db().select({ n: count() }).from(releasedPerson).where(and(eq(releasedPerson.communeCode, NAM_DA), eq(releasedPerson.closedReason, "re_imprisoned")));
    const reoffendedAtWork = await db()
      .select({ n: count() })
      .from(placement)
      .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
      .where(and(eq(releasedPerson.communeCode, NAM_DA), or(eq(placement.endReason, "reoffended"), eq(placement.outcome, "reoffended"))));
    expect([n(reimprisoned), n(reoffendedAtWork)]).toEqual([0, 0]);

    // Activities of the commune in the period, by kind.
    const kinds = await db()
      .select({ kind: activity.kind, n: count() })
      .from(activity)
      .where(and(eq(activity.communeCode, NAM_DA), between(activity.occurredOn, LAUNCH, today)))
      .groupBy(activity.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({ encouragement_visit: 104, education_review: 58, counselling: 379, procedure_help: 156 });
    const topics = await db().select({ topic: activity.topic, n: count() }).from(activity).where(eq(activity.kind, "procedure_help")).groupBy(activity.topic);
    const byTopic = Object.fromEntries(topics.map((t) => [t.topic, Number(t.n)]));
    expect(byTopic.id_card + byTopic.health_insurance).toBeGreaterThan(0.8 * 156); // mostly ID cards and health insurance
    const counselling = await db().select({ topic: activity.topic, mode: activity.mode }).from(activity).where(eq(activity.kind, "counselling"));
    expect(new Set(counselling.map((c) => c.topic))).toEqual(new Set(["psychological", "career"]));
    expect(new Set(counselling.map((c) => c.mode)).size).toBeGreaterThanOrEqual(3);
    // Every activity is of a member, on or after their release, and recorded by the demo Nam Đà officer.
    const [officer] = await db().select({ id: appUser.id }).from(appUser).where(eq(appUser.email, "officer.namda@chungtay.test"));
    const stray = await db()
      .select({ n: count() })
      .from(activity)
      .innerJoin(releasedPerson, eq(releasedPerson.id, activity.personId))
      .where(or(sql`${activity.occurredOn} < ${releasedPerson.releaseDate}`, sql`${activity.recordedBy} is distinct from ${officer.id}`, sql`${activity.occurredOn} > ${today}`, sql`${activity.occurredOn} < ${LAUNCH}`));
    expect(n(stray)).toBe(0);

    // Periodic meetings with the attendance of members who were back by then.
    const meetings = await db().select({ id: meeting.id }).from(meeting).where(and(eq(meeting.communeCode, NAM_DA), between(meeting.heldOn, LAUNCH, today)));
    expect(meetings).toHaveLength(18);
    const attendances = await db()
      .select({ heldOn: meeting.heldOn, releaseDate: releasedPerson.releaseDate, status: releasedPerson.status, communeCode: releasedPerson.communeCode })
      .from(meetingAttendance)
      .innerJoin(meeting, eq(meeting.id, meetingAttendance.meetingId))
      .innerJoin(releasedPerson, eq(releasedPerson.id, meetingAttendance.personId))
      .where(inArray(meeting.id, meetings.map((m) => m.id)));
    expect(attendances).toHaveLength(560);
    expect(attendances.every((a) => a.releaseDate < a.heldOn && a.status === "active" && a.communeCode === NAM_DA)).toBe(true);

    // Placements started in the period: 14, paid over 5 million VND on average, 2 apprenticeships, 4 local.
    const placements = await db()
      .select({ personId: placement.personId, wage: placement.wage, contractKind: placement.contractKind, orgCommune: organization.communeCode })
      .from(placement)
      .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
      .leftJoin(organization, eq(organization.id, placement.organizationId))
      .where(and(eq(releasedPerson.communeCode, NAM_DA), between(placement.startDate, LAUNCH, today)));
    expect(placements).toHaveLength(14);
    expect(placements.reduce((s, p) => s + p.wage, 0) / placements.length).toBeGreaterThan(5_000_000);
    expect(placements.filter((p) => p.contractKind === "apprenticeship")).toHaveLength(2);
    expect(placements.filter((p) => p.orgCommune === NAM_DA)).toHaveLength(4);

    // Referred to vocational training: distinct persons with a training referral or an enrolment in the period.
    const referred = await db()
      .selectDistinct({ personId: referral.personId })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .where(and(eq(releasedPerson.communeCode, NAM_DA), eq(referral.kind, "training"), inPeriodTs(referral.createdAt, today)));
    const enrolled = await db()
      .selectDistinct({ personId: enrolment.personId })
      .from(enrolment)
      .innerJoin(releasedPerson, eq(releasedPerson.id, enrolment.personId))
      .where(and(eq(releasedPerson.communeCode, NAM_DA), between(enrolment.enrolledOn, LAUNCH, today)));
    expect(new Set([...referred, ...enrolled].map((r) => r.personId)).size).toBe(22);

    // Mr Nguyễn Văn H. stays unplaced and without referrals (issue 5's case), but he is visited and helped.
    const h = received.find((p) => p.fullName === "Nguyễn Văn H.")!;
    expect(n(await db().select({ n: count() }).from(placement).where(eq(placement.personId, h.id)))).toBe(0);
    expect(n(await db().select({ n: count() }).from(referral).where(eq(referral.personId, h.id)))).toBe(0);
    const helped = await db().select({ topic: activity.topic }).from(activity).where(and(eq(activity.personId, h.id), eq(activity.kind, "procedure_help")));
    expect(helped.map((a) => a.topic)).toEqual(expect.arrayContaining(["id_card", "health_insurance"]));

    // The model: launched on 1 June 2023 with its steering committee, covering the 35 persons received.
    const [model] = await db().select().from(reintegrationModel).where(eq(reintegrationModel.name, "Mô hình 5+1"));
    expect(model).toMatchObject({ communeCode: NAM_DA, provinceCode: "68", launchedOn: LAUNCH });
    const committee = (await db().select().from(modelSteeringMember).where(eq(modelSteeringMember.modelId, model.id))).map((m) => m.organizationName).join(" | ");
    for (const body of ["Công an xã", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Đoàn Thanh niên", "Mặt trận Tổ quốc", "Gia đình"]) expect(committee).toContain(body);
    const covered = await db().select({ personId: modelPerson.personId, joinedOn: modelPerson.joinedOn }).from(modelPerson).where(and(eq(modelPerson.modelId, model.id), isNull(modelPerson.leftOn)));
    expect(covered.map((c) => c.personId).sort()).toEqual([...receivedIds].sort());
    expect(covered.every((c) => c.joinedOn >= LAUNCH && c.joinedOn <= today)).toBe(true);
    const [{ distinctAttendees }] = await db()
      .select({ distinctAttendees: countDistinct(meetingAttendance.personId) })
      .from(meetingAttendance)
      .where(sql`${meetingAttendance.personId} not in (select person_id from model_person where model_id = ${model.id})`);
    expect(distinctAttendees).toBe(0);

    // The reports compute the same figures, for the commune and for the model's members.
    for (const modelId of [undefined, model.id]) {
      const figures = await computeIndicators(db(), { communeCodes: [NAM_DA], from: LAUNCH, to: today, modelId });
      expect(figures).toMatchObject({
        received: 35,
        reoffended: 0,
        reoffendingRate: 0,
        encouragementVisits: 104,
        educationReviews: 58,
        meetings: 18,
        meetingAttendances: 560,
        counselling: 379,
        procedureHelps: 156,
        placed: 14,
        apprenticeships: 2,
        localBusiness: 4,
        referredToTraining: 22,
      });
      expect(figures.averageWage).toBeGreaterThan(5_000_000);
      expect(figures.procedureIdCard + figures.procedureHealthInsurance).toBe(byTopic.id_card + byTopic.health_insurance);
    }
  });

  it("plans the same records for the same day, and keeps every date inside the period", () => {
    const demo = [
      { name: "Nguyễn Văn H.", releaseDate: "2025-05-20", needs: ["id_card", "health_insurance"] },
      { name: "Y Thành Niê", releaseDate: "2024-11-03", needs: [] },
      { name: "Trần Thị Hằng", releaseDate: "2025-09-02", needs: [] },
      { name: "Lê Văn Toàn", releaseDate: "2023-07-14", needs: [] },
      { name: "H'Nhi Byă", releaseDate: "2026-03-01", needs: ["id_card"] },
      { name: "Đinh Văn Lực", releaseDate: "2024-06-01", needs: ["health_insurance"] },
    ];
    for (const today of ["2026-09-10", "2027-03-01", "2029-12-31"]) {
      const a = planFivePlusOne(today, demo);
      expect(planFivePlusOne(today, demo)).toEqual(a);
      const days = [...a.releaseOf.values(), ...a.joinedOn.values(), ...a.activities.map((x) => x.occurredOn), ...a.meetings.map((m) => m.heldOn), ...a.jobs.map((j) => j.startDate), ...a.trainees.map((t) => t.referredOn)];
      expect(days.every((d) => d >= LAUNCH && d < today)).toBe(true);
      expect(a.meetings.reduce((s, m) => s + m.attendees.length, 0)).toBe(560);
    }
  });
});
