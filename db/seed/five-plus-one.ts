import { and, eq, inArray } from "drizzle-orm";
import { addMonths } from "../../app/modules/persons/expungement";
import { now as clockNow, todayIso } from "../../app/utils/clock.server";
import { enqueueSync } from "../../search/outbox.server";
import type { Transaction } from "../client.server";
import {
  activity,
  appUser,
  auditEvent,
  classification,
  commune,
  conviction,
  loan,
  meeting,
  meetingAttendance,
  modelPerson,
  modelSteeringMember,
  organization,
  reintegrationModel,
  releasedPerson,
} from "../schema";
import { addDays, daysBetween, LOCAL_BUSINESSES, MIN_SPAN_DAYS, MODEL_LAUNCH, MODEL_NAME, NEWCOMERS, planFivePlusOne } from "./five-plus-one-plan";
import { seedJobs, seedTraining } from "./five-plus-one-work";
import { DEMO_PERSONS } from "./persons";

/**
 * The 5+1 reintegration model of xã Nam Đà as records (the plan and its figures: five-plus-one-plan.ts):
 * the newcomers, the model with its steering committee and members, courses and referrals, jobs with
 * their follow-ups (five-plus-one-work.ts), a few loans, and the activities and meetings of the period.
 * The reports count these rows; no figure is stored. Idempotent: does nothing once the model exists. Mr
 * Nguyễn Văn H. gets visits and help with papers but no referral and no job (issue 5's case starts from him).
 */

const NAM_DA = "24697";
const LAM_DONG = "68";
const OFFICER_NAM_DA = "officer.namda@chungtay.test";
const ADMIN_LAM_DONG = "admin.lamdong@chungtay.test";
const KRONG_NO_CENTRE = "Trung tâm Giáo dục nghề nghiệp Krông Nô";
const BANK_BRANCH = "Ngân hàng Chính sách xã hội – Phòng giao dịch Krông Nô";

/** 10:00 in Vietnam on a day: when the officer recorded something. */
const on = (day: string) => new Date(`${day}T10:00:00+07:00`);
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const quarterStart = (q: string) => `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`;
const previousQuarter = (q: string) => quarterOf(addDays(quarterStart(q), -1));

export async function seedFivePlusOne(tx: Transaction): Promise<boolean> {
  const [done] = await tx.select({ id: reintegrationModel.id }).from(reintegrationModel).where(and(eq(reintegrationModel.name, MODEL_NAME), eq(reintegrationModel.communeCode, NAM_DA))).limit(1);
  if (done) return false;
  const today = todayIso(clockNow());
  if (daysBetween(MODEL_LAUNCH, today) < MIN_SPAN_DAYS) return false;
  const [officer] = await tx.select({ id: appUser.id, fullName: appUser.fullName }).from(appUser).where(eq(appUser.email, OFFICER_NAM_DA));
  const [centre] = await tx.select().from(organization).where(eq(organization.name, KRONG_NO_CENTRE)).limit(1);
  // The Nam Đà demo persons released since the launch are members too (their release dates are fixed).
  const demoNames = DEMO_PERSONS.filter((p) => p.communeCode === NAM_DA && p.releaseDate >= MODEL_LAUNCH && p.releaseDate < today).map((p) => p.fullName);
  const demo = await tx
    .select({ id: releasedPerson.id, fullName: releasedPerson.fullName, releaseDate: releasedPerson.releaseDate, needs: releasedPerson.needs })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.communeCode, NAM_DA), inArray(releasedPerson.fullName, demoNames)));
  // Without the demo accounts, the course provider or the demo persons (an older database mid-upgrade), wait.
  if (!officer || !centre || demo.length !== demoNames.length) return false;
  const [admin] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, ADMIN_LAM_DONG));
  const [namDa] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.code, NAM_DA));

  const plan = planFivePlusOne(today, demo.map((p) => ({ name: p.fullName, releaseDate: p.releaseDate, needs: p.needs })));
  const last = addDays(today, -1);
  const officerId = officer.id;
  const audit = (personId: string, action: string, purpose: string, day: string, details: Record<string, unknown> = {}) =>
    tx.insert(auditEvent).values({ actorId: officerId, actorRole: "officer", personId, action, purpose, details, at: on(day) });

  // Local businesses that took people on.
  const locals = await tx
    .insert(organization)
    .values(
      LOCAL_BUSINESSES.map((b, i) => ({
        role: "employer" as const,
        kind: b.kind,
        name: b.name,
        provinceCode: LAM_DONG,
        communeCode: NAM_DA,
        address: b.address,
        contactName: b.contactName,
        contactPhone: b.contactPhone,
        description: b.about,
        fairChancePledgedAt: i === 0 ? on(addDays(MODEL_LAUNCH, 40)) : null,
        acceptsUnexpunged: "yes" as const,
        verificationStatus: "verified" as const,
        verifiedAt: on(addDays(MODEL_LAUNCH, 30 + i)),
        verifiedBy: admin?.id ?? null,
        createdAt: on(addDays(MODEL_LAUNCH, 28 + i)),
        updatedAt: on(addDays(MODEL_LAUNCH, 30 + i)),
      })),
    )
    .returning({ id: organization.id, name: organization.name });

  // The newcomers, registered a few days after their release.
  const idOf = new Map(demo.map((p) => [p.fullName, p.id]));
  const birthOf = new Map<string, string>();
  const trainees = new Set(plan.trainees.map((t) => t.name));
  const placed = new Set(plan.jobs.map((j) => j.name));
  for (const [i, p] of NEWCOMERS.entries()) {
    const released = plan.releaseOf.get(p.fullName)!;
    const registered = addDays(released, 4);
    const [row] = await tx
      .insert(releasedPerson)
      .values({
        fullName: p.fullName,
        gender: p.gender,
        dateOfBirth: p.dateOfBirth,
        address: p.address,
        provinceCode: LAM_DONG,
        communeCode: NAM_DA,
        releaseDate: released,
        releaseType: p.releaseType,
        skills: p.skills,
        trades: p.trades,
        desiredOccupations: p.desired,
        education: p.education,
        needs: p.needs,
        hardship: p.needs.includes("housing"),
        hardshipNote: p.needs.includes("housing") ? "Nhà tạm, đang được Mặt trận xã vận động hỗ trợ sửa nhà." : "",
        supervisorKind: "organization",
        supervisorName: p.supervisor,
        createdBy: officerId,
        createdAt: on(registered),
        updatedAt: on(registered),
      })
      .returning({ id: releasedPerson.id });
    idOf.set(p.fullName, row.id);
    birthOf.set(p.fullName, p.dateOfBirth);
    const offenceDate = addMonths(released, -(p.sentenceMonths + 3 + (i % 5)));
    await tx.insert(conviction).values({ personId: row.id, offenceDate, offenceCategory: p.offence, penalty: "prison", sentenceMonths: p.sentenceMonths, mainCompletedOn: released });
    // The last two quarters' classification (HCD-08), those after the release.
    const q1 = previousQuarter(quarterOf(today));
    for (const quarter of [previousQuarter(q1), q1].filter((q) => quarterStart(q) > released)) {
      const group = placed.has(p.fullName) ? "A" : i % 9 === 4 ? "C" : trainees.has(p.fullName) || i % 2 === 0 ? "B" : "A";
      const note = group === "A" ? "Chấp hành tốt, có việc làm" : group === "C" ? "Chưa có việc làm, hoàn cảnh khó khăn" : "Đang học nghề hoặc làm thuê theo mùa vụ";
      await tx.insert(classification).values({ personId: row.id, quarter, group, note, classifiedBy: officerId, classifiedAt: on(addDays(quarterStart(quarter), 80)) });
    }
    await audit(row.id, "create", "intake", registered);
  }
  const id = (name: string) => idOf.get(name)!;

  // The model, its steering committee (five organisations and the families: the "+1") and its members.
  const [model] = await tx
    .insert(reintegrationModel)
    .values({
      name: MODEL_NAME,
      provinceCode: LAM_DONG,
      communeCode: NAM_DA,
      launchedOn: MODEL_LAUNCH,
      description:
        "Năm tổ chức của xã (Công an xã, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên, Mặt trận Tổ quốc xã) cùng gia đình (+1) giúp người chấp hành xong án phạt tù ổn định cuộc sống: thăm hỏi, tư vấn, làm giấy tờ, học nghề và tìm việc làm.",
      createdBy: officerId,
      createdAt: on(MODEL_LAUNCH),
    })
    .returning({ id: reintegrationModel.id });
  await tx.insert(modelSteeringMember).values([
    { modelId: model.id, organizationName: "Ủy ban Mặt trận Tổ quốc Việt Nam xã Nam Đà", personName: "Nguyễn Thị Bích Hạnh", role: "Trưởng ban" },
    { modelId: model.id, organizationName: "Công an xã Nam Đà", personName: officer.fullName, role: "Phó trưởng ban thường trực" },
    { modelId: model.id, organizationName: "Hội Liên hiệp Phụ nữ xã Nam Đà", personName: "Trần Thị Thanh Nga", role: "Thành viên" },
    { modelId: model.id, organizationName: "Hội Cựu chiến binh xã Nam Đà", personName: "Lê Văn Hòe", role: "Thành viên" },
    { modelId: model.id, organizationName: "Đoàn Thanh niên xã Nam Đà", personName: "Y Khiêm Niê", role: "Thành viên" },
    { modelId: model.id, organizationName: "Gia đình người được giúp đỡ", personName: "", role: "Thành viên (+1)" },
  ]);
  await tx.insert(modelPerson).values([...plan.joinedOn].map(([name, joinedOn]) => ({ modelId: model.id, personId: id(name), joinedOn })));

  const trainingIds = await seedTraining(tx, plan, centre, officerId, id, birthOf, namDa?.name ?? "Xã Nam Đà", today, audit);
  await seedJobs(tx, plan, officerId, id, locals, trainingIds.enrolmentOf, last, audit);

  await tx.insert(loan).values(
    plan.loans.map((l, i) => ({
      personId: id(l.name),
      communeCode: NAM_DA,
      purpose: "business" as const,
      amountVnd: l.amount,
      bankBranch: BANK_BRANCH,
      listMonth: l.listMonth,
      appliedOn: l.appliedOn,
      decidedOn: l.decidedOn,
      disbursedOn: l.disbursedOn,
      termMonths: i === 0 ? 60 : 36,
      status: "disbursed" as const,
      note: l.note,
      recordedBy: officerId,
      createdAt: on(l.appliedOn),
      updatedAt: on(l.disbursedOn),
    })),
  );

  const rows = plan.activities.map((a) => ({ personId: id(a.name), kind: a.kind, topic: a.topic, mode: a.mode, occurredOn: a.occurredOn, communeCode: NAM_DA, note: a.note, recordedBy: officerId, createdAt: on(a.occurredOn) }));
  for (let i = 0; i < rows.length; i += 200) await tx.insert(activity).values(rows.slice(i, i + 200));

  for (const m of plan.meetings) {
    const [row] = await tx
      .insert(meeting)
      .values({ communeCode: NAM_DA, heldOn: m.heldOn, title: m.title, place: m.place, guestCount: m.guests, note: "Người thân và thành viên Ban chỉ đạo cùng dự.", recordedBy: officerId, createdAt: on(m.heldOn) })
      .returning({ id: meeting.id });
    if (m.attendees.length) await tx.insert(meetingAttendance).values(m.attendees.map((name) => ({ meetingId: row.id, personId: id(name) })));
  }

  // Closed intakes are not public: the outbox keeps the index in line. Consents for matching make candidates.
  await enqueueSync(tx, "training", trainingIds.courses);
  await enqueueSync(tx, "candidate", trainingIds.matching);
  return true;
}
