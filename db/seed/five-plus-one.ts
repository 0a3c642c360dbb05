import { and, eq, inArray } from "drizzle-orm";

import { now as clockNow, todayIso } from "~/utils/clock.server";
import { addDays, addMonths } from "~/utils/dates";

import { touch } from "../../search/facade.server";
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
import {
  ARTICLE_DAY,
  type CommuneKey,
  communeOf,
  COMMUNES,
  LOCAL_BUSINESSES,
  MODEL_NAME,
  planFivePlusOne,
} from "./five-plus-one-plan";
import { seedJobs, seedTraining } from "./five-plus-one-work";
import { DEMO_PERSONS } from "./persons";

/**
 * The 5+1 model as records (the plan and its figures: five-plus-one-plan.ts): xã Nam Đà's pilot from 2019
 * and its replication from 2020 in the communes that now cover the former Krông Nô district, each commune
 * with its model, steering committee and members; courses and referrals, jobs with their follow-ups
 * (five-plus-one-work.ts), activities and meetings up to the article (8 April 2022), and a few later loans
 * in Nam Đà. The reports count these rows; no figure is stored. Xã Nam Đà's records are the demo officer's;
 * the other communes have no demo account, so theirs carry no recorder. The Nam Đà demo persons released
 * later (db/seed/persons.ts) join the Nam Đà model on release. Idempotent: does nothing once the model exists.
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
const minDate = (a: string, b: string) => (a < b ? a : b);

const MODEL_DESCRIPTION = {
  namDa:
    "Mô hình “Quản lý, giáo dục, giúp đỡ người chấp hành xong án phạt tù tái hòa nhập cộng đồng”, thí điểm tại xã Nam Đà (huyện Krông Nô cũ) từ năm 2019: năm tổ chức của xã (Công an xã, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên, Mặt trận Tổ quốc xã) cùng gia đình (+1) giúp người chấp hành xong án phạt tù ổn định cuộc sống: thăm hỏi, tư vấn, làm giấy tờ, học nghề và tìm việc làm. Từ năm 2020 được nhân rộng ra 12/12 xã, thị trấn của huyện (nay thuộc các xã Nam Đà, Krông Nô, Nâm Nung và Quảng Phú).",
  other: (name: string) =>
    `Nhân rộng Mô hình 5+1 của xã Nam Đà ra các xã, thị trấn của huyện Krông Nô cũ từ năm 2020; hồ sơ của các xã, thị trấn cũ nay thuộc xã ${name}. Năm tổ chức của xã cùng gia đình (+1) thăm hỏi, tư vấn, giúp làm giấy tờ, học nghề và tìm việc làm.`,
};

export async function seedFivePlusOne(tx: Transaction): Promise<boolean> {
  const [done] = await tx
    .select({ id: reintegrationModel.id })
    .from(reintegrationModel)
    .where(and(eq(reintegrationModel.name, MODEL_NAME), eq(reintegrationModel.communeCode, NAM_DA)))
    .limit(1);
  if (done) return false;
  const today = todayIso(clockNow());
  // A test clock set before the article: the story has not happened yet.
  if (today <= ARTICLE_DAY) return false;
  const [officer] = await tx
    .select({ id: appUser.id, fullName: appUser.fullName })
    .from(appUser)
    .where(eq(appUser.email, OFFICER_NAM_DA));
  const [centre] = await tx.select().from(organization).where(eq(organization.name, KRONG_NO_CENTRE)).limit(1);
  // Without the demo accounts or the course provider (an older database mid-upgrade), wait.
  if (!officer || !centre) return false;
  const demoNames = DEMO_PERSONS.filter((p) => p.communeCode === NAM_DA && p.releaseDate < today).map(
    (p) => p.fullName,
  );
  const demo = await tx
    .select({ id: releasedPerson.id, releaseDate: releasedPerson.releaseDate })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.communeCode, NAM_DA), inArray(releasedPerson.fullName, demoNames)));
  const [admin] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, ADMIN_LAM_DONG));
  const names = await tx
    .select({ code: commune.code, name: commune.name })
    .from(commune)
    .where(
      inArray(
        commune.code,
        COMMUNES.map((c) => c.code),
      ),
    );
  const communeName = (key: CommuneKey) =>
    names.find((n) => n.code === communeOf(key).code)?.name ?? `Xã ${communeOf(key).name}`;

  const plan = planFivePlusOne();
  const last = addDays(today, -1);
  const officerId = officer.id;
  const byName = new Map(plan.persons.map((p) => [p.fullName, p]));
  const inNamDa = (name: string) => byName.get(name)?.commune === "namDa";
  /** Nam Đà's records are the demo officer's; the other communes' have no recorder in the demo. */
  const recorder = (name: string) => (inNamDa(name) ? officerId : null);
  const audit = (
    personId: string,
    action: string,
    purpose: string,
    day: string,
    details: Record<string, unknown> = {},
  ) =>
    tx
      .insert(auditEvent)
      .values({ actorId: officerId, actorRole: "officer", personId, action, purpose, details, at: on(day) });

  // Local businesses of xã Nam Đà that took people on.
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
        fairChancePledgedAt: i === 0 ? on("2020-03-15") : null,
        acceptsUnexpunged: "yes" as const,
        verificationStatus: "verified" as const,
        verifiedAt: on(addDays("2020-02-01", i)),
        verifiedBy: admin?.id ?? null,
        createdAt: on(addDays("2020-01-28", i)),
        updatedAt: on(addDays("2020-02-01", i)),
      })),
    )
    .returning({ id: organization.id, name: organization.name });

  // The members, registered a few days after their release, in one statement per table.
  const trainees = new Set(plan.trainees.map((t) => t.name));
  const placed = new Set(plan.jobs.map((j) => j.name));
  const inserted = await tx
    .insert(releasedPerson)
    .values(
      plan.persons.map((p) => ({
        fullName: p.fullName,
        gender: p.gender,
        dateOfBirth: p.dateOfBirth,
        address: p.address,
        provinceCode: LAM_DONG,
        communeCode: communeOf(p.commune).code,
        releaseDate: p.releaseDate,
        releaseType: p.releaseType,
        skills: p.skills,
        trades: p.trades,
        desiredOccupations: p.desired,
        education: p.education,
        needs: p.needs,
        hardship: p.needs.includes("housing"),
        hardshipNote: p.needs.includes("housing") ? "Nhà tạm, đang được Mặt trận xã vận động hỗ trợ sửa nhà." : "",
        supervisorKind: "organization" as const,
        supervisorName: p.supervisor,
        createdBy: recorder(p.fullName),
        createdAt: on(addDays(p.releaseDate, 4)),
        updatedAt: on(addDays(p.releaseDate, 4)),
      })),
    )
    .returning({ id: releasedPerson.id, fullName: releasedPerson.fullName });
  const idOf = new Map(inserted.map((r) => [r.fullName, r.id]));
  const id = (name: string) => idOf.get(name)!;
  const birthOf = new Map(plan.persons.map((p) => [p.fullName, p.dateOfBirth]));
  await tx.insert(conviction).values(
    plan.persons.map((p, i) => ({
      personId: id(p.fullName),
      offenceDate: addMonths(p.releaseDate, -(p.sentenceMonths + 3 + (i % 5))),
      offenceCategory: p.offence,
      penalty: "prison" as const,
      sentenceMonths: p.sentenceMonths,
      mainCompletedOn: p.releaseDate,
    })),
  );
  // The last two quarters' classification (HCD-08).
  const q1 = previousQuarter(quarterOf(today));
  await tx.insert(classification).values(
    plan.persons.flatMap((p, i) =>
      [previousQuarter(q1), q1].map((quarter) => {
        const group = placed.has(p.fullName)
          ? "A"
          : i % 9 === 4
            ? "C"
            : trainees.has(p.fullName) || i % 2 === 0
              ? "B"
              : "A";
        const note =
          group === "A"
            ? "Chấp hành tốt, có việc làm ổn định"
            : group === "C"
              ? "Hoàn cảnh khó khăn, cần tiếp tục giúp đỡ"
              : "Làm thuê theo mùa vụ";
        return {
          personId: id(p.fullName),
          quarter,
          group: group as "A" | "B" | "C",
          note,
          classifiedBy: recorder(p.fullName),
          classifiedAt: on(addDays(quarterStart(quarter), 80)),
        };
      }),
    ),
  );
  await tx.insert(auditEvent).values(
    plan.persons
      .filter((p) => p.commune === "namDa")
      .map((p) => ({
        actorId: officerId,
        actorRole: "officer",
        personId: id(p.fullName),
        action: "create",
        purpose: "intake",
        details: {},
        at: on(addDays(p.releaseDate, 4)),
      })),
  );

  // The models, one per commune, with their steering committees (five organisations and the families: the "+1").
  for (const c of COMMUNES) {
    const name = communeName(c.key);
    const [model] = await tx
      .insert(reintegrationModel)
      .values({
        name: MODEL_NAME,
        provinceCode: LAM_DONG,
        communeCode: c.code,
        launchedOn: c.launchedOn,
        description: c.key === "namDa" ? MODEL_DESCRIPTION.namDa : MODEL_DESCRIPTION.other(name),
        createdBy: c.key === "namDa" ? officerId : null,
        createdAt: on(c.launchedOn),
      })
      .returning({ id: reintegrationModel.id });
    const short = name.replace(/^Xã /, "xã ");
    await tx.insert(modelSteeringMember).values([
      {
        modelId: model.id,
        organizationName: `Ủy ban Mặt trận Tổ quốc Việt Nam ${short}`,
        personName: c.key === "namDa" ? "Nguyễn Thị Bích Hạnh" : "",
        role: "Trưởng ban",
      },
      {
        modelId: model.id,
        organizationName: `Công an ${short}`,
        personName: c.key === "namDa" ? officer.fullName : "",
        role: "Phó trưởng ban thường trực",
      },
      {
        modelId: model.id,
        organizationName: `Hội Liên hiệp Phụ nữ ${short}`,
        personName: c.key === "namDa" ? "Trần Thị Thanh Nga" : "",
        role: "Thành viên",
      },
      {
        modelId: model.id,
        organizationName: `Hội Cựu chiến binh ${short}`,
        personName: c.key === "namDa" ? "Lê Văn Hòe" : "",
        role: "Thành viên",
      },
      {
        modelId: model.id,
        organizationName: `Đoàn Thanh niên ${short}`,
        personName: c.key === "namDa" ? "Y Khiêm Niê" : "",
        role: "Thành viên",
      },
      { modelId: model.id, organizationName: "Gia đình người được giúp đỡ", personName: "", role: "Thành viên (+1)" },
    ]);
    const members = plan.persons
      .filter((p) => p.commune === c.key)
      .map((p) => ({ modelId: model.id, personId: id(p.fullName), joinedOn: p.joinedOn }));
    // The Nam Đà demo persons, released after the article, join on release.
    if (c.key === "namDa")
      members.push(
        ...demo.map((d) => ({ modelId: model.id, personId: d.id, joinedOn: minDate(addDays(d.releaseDate, 3), last) })),
      );
    await tx.insert(modelPerson).values(members);
  }

  const trainingIds = await seedTraining(
    tx,
    plan,
    centre,
    recorder,
    id,
    birthOf,
    (name) => communeName(byName.get(name)!.commune),
    today,
    (personId, ...rest) =>
      inNamDa(inserted.find((r) => r.id === personId)!.fullName) ? audit(personId, ...rest) : Promise.resolve(),
  );
  await seedJobs(tx, plan, recorder, id, locals, trainingIds.enrolmentOf, last, (personId, ...rest) =>
    inNamDa(inserted.find((r) => r.id === personId)!.fullName) ? audit(personId, ...rest) : Promise.resolve(),
  );

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

  const rows = plan.activities.map((a) => ({
    personId: id(a.name),
    kind: a.kind,
    topic: a.topic,
    mode: a.mode,
    occurredOn: a.occurredOn,
    communeCode: communeOf(byName.get(a.name)!.commune).code,
    note: a.note,
    recordedBy: recorder(a.name),
    createdAt: on(a.occurredOn),
  }));
  for (let i = 0; i < rows.length; i += 250) await tx.insert(activity).values(rows.slice(i, i + 250));

  const meetingRows = await tx
    .insert(meeting)
    .values(
      plan.meetings.map((m) => ({
        communeCode: communeOf(m.commune).code,
        heldOn: m.heldOn,
        title: m.title,
        place: m.place,
        guestCount: m.guests,
        note: "Người thân và thành viên Ban chỉ đạo cùng dự.",
        recordedBy: m.commune === "namDa" ? officerId : null,
        createdAt: on(m.heldOn),
      })),
    )
    .returning({ id: meeting.id });
  const seats = plan.meetings.flatMap((m, i) =>
    m.attendees.map((name) => ({ meetingId: meetingRows[i].id, personId: id(name) })),
  );
  for (let i = 0; i < seats.length; i += 250) await tx.insert(meetingAttendance).values(seats.slice(i, i + 250));

  // Closed intakes are not public: the outbox keeps the index in line.
  await touch(tx, "training", trainingIds.courses);
  return true;
}
