import { and, desc, eq, inArray } from "drizzle-orm";

import { grantCovers, grantNotWithdrawn } from "~/modules/consent/live.server";
import type { ListingPurpose } from "~/modules/consent/vocabulary";
import { followUpSchedule } from "~/modules/placements/schedule";
import { now as clockNow, todayIso } from "~/utils/clock.server";
import { addDays, addMonths } from "~/utils/dates";

import { touch } from "../../search/facade.server";
import type { Transaction } from "../client.server";
import {
  auditEvent,
  commune,
  consentGrant,
  enrolment,
  followUp,
  job,
  type LivingSituation,
  officerCommune,
  organization,
  placement,
  referral,
  referralEvent,
  releasedPerson,
  trainingSlot,
} from "../schema";

/**
 * Demo jobs, a course and follow-ups for the demo persons (db/seed/persons.ts), dated relative to the seed
 * day so the demo always looks current:
 * - xã Nam Đà: Lê Văn Toàn, a mason for 14 months, all four follow-ups done, stable after 12 months;
 *   Y Thành Niê, an apprentice at the repair shop through a referral that did not share his name, started
 *   29 days ago: his 1-month follow-up is due (the shop can confirm it); Trần Thị Hằng completed a sewing
 *   course (a job after it is still to be recorded).
 * - xã Lương Sơn: Bùi Thị Thu, a garment worker for four months, the 1- and 3-month follow-ups done.
 * Mr Nguyễn Văn H. stays unplaced: the acceptance case starts from him. Idempotent (checks itself).
 */

const NAM_DA = "24697";
const LUONG_SON = "04924";
const REPAIR_SHOP = "Tiệm sửa xe máy Cường Thịnh";
const KRONG_NO_CENTRE = "Trung tâm Giáo dục nghề nghiệp Krông Nô";
const STABLE_EMPLOYER = "Đội xây dựng Hoàng Phúc";

/** 10:00 in Vietnam on a day: when the officer recorded something. */
const on = (day: string) => new Date(`${day}T10:00:00+07:00`);

type Finding = { stillEmployed: boolean; wage: number; stable: boolean; living: LivingSituation; note: string };

export async function seedDemoOutcomes(tx: Transaction): Promise<boolean> {
  const [done] = await tx
    .select({ id: placement.id })
    .from(placement)
    .where(eq(placement.employerName, STABLE_EMPLOYER))
    .limit(1);
  if (done) return false;
  const persons = await tx
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      communeCode: releasedPerson.communeCode,
      dateOfBirth: releasedPerson.dateOfBirth,
      skills: releasedPerson.skills,
    })
    .from(releasedPerson)
    .where(inArray(releasedPerson.fullName, ["Lê Văn Toàn", "Y Thành Niê", "Bùi Thị Thu", "Trần Thị Hằng"]));
  const person = (name: string) => persons.find((p) => p.fullName === name);
  const officers = await tx
    .select({ userId: officerCommune.userId, communeCode: officerCommune.communeCode })
    .from(officerCommune)
    .where(inArray(officerCommune.communeCode, [NAM_DA, LUONG_SON]));
  const officerOf = (code: string) => officers.find((o) => o.communeCode === code)?.userId ?? null;
  const [toan, thanh, thu, hang] = [
    person("Lê Văn Toàn"),
    person("Y Thành Niê"),
    person("Bùi Thị Thu"),
    person("Trần Thị Hằng"),
  ];
  // The demo persons are seeded first; without them (an older database mid-upgrade) there is nothing to do.
  if (!toan || !thanh || !thu || !hang) return false;
  const today = todayIso(clockNow());
  const namDaOfficer = officerOf(NAM_DA);

  /** A placement with its four follow-ups; those listed in `findings` are recorded on their due day. */
  async function addPlacement(
    p: { id: string; communeCode: string },
    values: Omit<typeof placement.$inferInsert, "personId">,
    findings: Finding[],
    outcome?: "stable",
  ): Promise<string> {
    const officer = officerOf(p.communeCode);
    const [row] = await tx
      .insert(placement)
      .values({
        ...values,
        personId: p.id,
        createdBy: officer,
        createdAt: on(values.startDate),
        updatedAt: on(values.startDate),
      })
      .returning({ id: placement.id });
    const schedule = followUpSchedule(values.startDate);
    await tx.insert(followUp).values(
      schedule.map((f, i) => {
        const found = findings[i];
        const recorded = found ? on(f.dueOn) : null;
        return {
          placementId: row.id,
          personId: p.id,
          monthOffset: f.monthOffset,
          dueOn: f.dueOn,
          // Past visits were announced when they fell due; a follow-up falling due now is left for the sweeper.
          dueNotifiedAt: found ? on(addDays(f.dueOn, -7)) : null,
          ...(found
            ? {
                doneAt: recorded,
                doneBy: officer,
                stillEmployed: found.stillEmployed,
                currentWage: found.wage,
                stable: found.stable,
                livingSituation: found.living,
                violation: false,
                note: found.note,
              }
            : {}),
        };
      }),
    );
    if (outcome) {
      await tx
        .update(placement)
        .set({ outcome, outcomeAt: on(schedule[3].dueOn) })
        .where(eq(placement.id, row.id));
    }
    if (officer) {
      await tx.insert(auditEvent).values({
        actorId: officer,
        actorRole: "officer",
        personId: p.id,
        action: "placement",
        purpose: "case_management",
        details: { stage: "created", placementId: row.id },
        at: on(values.startDate),
      });
    }
    return row.id;
  }

  // Nam Đà: a year at work on a building team, stable throughout.
  const toanStart = addMonths(today, -14);
  await addPlacement(
    toan,
    {
      employerName: STABLE_EMPLOYER,
      position: "Thợ xây chính",
      wage: 7_500_000,
      contractKind: "labour_contract",
      startDate: toanStart,
    },
    [
      {
        stillEmployed: true,
        wage: 7_500_000,
        stable: true,
        living: "with_family",
        note: "Làm đủ công, đội trưởng nhận xét tốt.",
      },
      { stillEmployed: true, wage: 7_500_000, stable: true, living: "with_family", note: "Đã trả xong khoản nợ cũ." },
      { stillEmployed: true, wage: 8_000_000, stable: true, living: "with_family", note: "Được tăng lương." },
      {
        stillEmployed: true,
        wage: 8_500_000,
        stable: true,
        living: "own_home",
        note: "Sửa lại nhà, cuộc sống ổn định.",
      },
    ],
    "stable",
  );

  // Lương Sơn: a garment worker found her own job; two follow-ups done, the 6-month one still ahead.
  await addPlacement(
    thu,
    {
      employerName: "Xưởng may Tân Lập",
      position: "Công nhân may",
      wage: 5_800_000,
      contractKind: "labour_contract",
      startDate: addDays(addMonths(today, -4), -3),
    },
    [
      { stillEmployed: true, wage: 5_800_000, stable: true, living: "rented", note: "Đi làm đều." },
      {
        stillEmployed: true,
        wage: 6_000_000,
        stable: true,
        living: "rented",
        note: "Đã quen việc, muốn học thêm vắt sổ.",
      },
    ],
  );

  // Nam Đà: an apprentice at the repair shop through a referral (his name not shared); the 1-month visit is due.
  const [shop] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.name, REPAIR_SHOP))
    .limit(1);
  const [shopJob] = shop
    ? await tx
        .select({ id: job.id, title: job.title })
        .from(job)
        .where(eq(job.organizationId, shop.id))
        .orderBy(desc(job.createdAt))
        .limit(1)
    : [];
  const [namDa] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.code, NAM_DA));
  const grantFor = async (personId: string, purpose: ListingPurpose) => {
    const [grant] = await tx
      .select({ id: consentGrant.id })
      .from(consentGrant)
      .where(and(eq(consentGrant.personId, personId), grantNotWithdrawn(), grantCovers(purpose)))
      .limit(1);
    return grant?.id ?? null;
  };
  const age = (birth: string) =>
    Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
  if (shop && shopJob) {
    const referredOn = addDays(today, -40);
    const acceptedOn = addDays(today, -32);
    const [ref] = await tx
      .insert(referral)
      .values({
        personId: thanh.id,
        kind: "job",
        jobId: shopJob.id,
        organizationId: shop.id,
        consentGrantId: await grantFor(thanh.id, "matching"),
        sharedFields: ["age", "commune", "skills"],
        sharedSnapshot: { age: age(thanh.dateOfBirth), commune: namDa?.name ?? "Xã Nam Đà", skills: thanh.skills },
        note: "Chịu khó, muốn học nghề sửa xe để có thu nhập ổn định hơn làm rẫy.",
        status: "accepted",
        createdBy: namDaOfficer,
        createdAt: on(referredOn),
        updatedAt: on(acceptedOn),
      })
      .returning({ id: referral.id });
    await tx.insert(referralEvent).values([
      { referralId: ref.id, status: "referred", actorId: namDaOfficer, actorRole: "officer", at: on(referredOn) },
      // The shop offers; he says yes to the officer on the phone the next day (no one is taken on without their yes).
      {
        referralId: ref.id,
        status: "offered",
        actorId: null,
        actorRole: "employer",
        note: "Nhận học việc, bao cơm trưa.",
        at: on(addDays(acceptedOn, -1)),
      },
      {
        referralId: ref.id,
        status: "accepted",
        actorId: namDaOfficer,
        actorRole: "officer",
        channel: "phone",
        note: "Anh đồng ý, hẹn đi làm từ đầu tuần sau.",
        at: on(acceptedOn),
      },
    ]);
    await addPlacement(
      thanh,
      {
        referralId: ref.id,
        jobId: shopJob.id,
        organizationId: shop.id,
        employerName: REPAIR_SHOP,
        position: "Thợ phụ sửa xe máy (học việc)",
        wage: 4_000_000,
        contractKind: "apprenticeship",
        startDate: addDays(today, -29),
      },
      [],
    );
  }

  // Nam Đà: a sewing course completed last week at the Krông Nô centre, from an accepted course referral.
  const [centre] = await tx
    .select({
      id: organization.id,
      communeCode: organization.communeCode,
      provinceCode: organization.provinceCode,
      address: organization.address,
    })
    .from(organization)
    .where(eq(organization.name, KRONG_NO_CENTRE))
    .limit(1);
  if (centre) {
    const starts = addDays(today, -50);
    const [course] = await tx
      .insert(trainingSlot)
      .values({
        organizationId: centre.id,
        title: "May công nghiệp – sơ cấp",
        occupationCode: "81530",
        levelCode: "so_cap",
        description:
          "Khóa may công nghiệp 6 tuần: sử dụng máy may một kim, vắt sổ, may hoàn thiện áo sơ mi. Miễn học phí, hỗ trợ tiền ăn.",
        durationWeeks: 6,
        schedule: "Thứ Hai đến thứ Sáu",
        startsAt: starts,
        applicationDeadline: addDays(starts, -5),
        seats: 20,
        costVnd: 0,
        support: ["free", "meals"],
        provinceCode: centre.provinceCode,
        communeCode: centre.communeCode,
        address: centre.address,
        status: "closed",
        closedReason: "expired",
        publishedAt: on(addDays(starts, -30)),
        createdAt: on(addDays(starts, -30)),
        updatedAt: on(addDays(starts, -5)),
      })
      .returning({ id: trainingSlot.id });
    const [ref] = await tx
      .insert(referral)
      .values({
        personId: hang.id,
        kind: "training",
        trainingSlotId: course.id,
        organizationId: centre.id,
        consentGrantId: await grantFor(hang.id, "training_referral"),
        sharedFields: ["full_name", "age", "commune"],
        sharedSnapshot: { full_name: hang.fullName, age: age(hang.dateOfBirth), commune: namDa?.name ?? "Xã Nam Đà" },
        status: "accepted",
        createdBy: namDaOfficer,
        createdAt: on(addDays(starts, -8)),
        updatedAt: on(addDays(starts, -6)),
      })
      .returning({ id: referral.id });
    await tx.insert(referralEvent).values([
      {
        referralId: ref.id,
        status: "referred",
        actorId: namDaOfficer,
        actorRole: "officer",
        at: on(addDays(starts, -8)),
      },
      { referralId: ref.id, status: "offered", actorId: null, actorRole: "provider", at: on(addDays(starts, -7)) },
      {
        referralId: ref.id,
        status: "accepted",
        actorId: namDaOfficer,
        actorRole: "officer",
        channel: "meeting",
        at: on(addDays(starts, -6)),
      },
    ]);
    const [row] = await tx
      .insert(enrolment)
      .values({
        personId: hang.id,
        referralId: ref.id,
        trainingSlotId: course.id,
        organizationId: centre.id,
        status: "completed",
        enrolledOn: starts,
        completedOn: addDays(today, -8),
        certificate: `Chứng chỉ sơ cấp nghề May công nghiệp số 045/${today.slice(0, 4)}`,
        createdBy: namDaOfficer,
        createdAt: on(starts),
        updatedAt: on(addDays(today, -8)),
      })
      .returning({ id: enrolment.id });
    if (namDaOfficer) {
      await tx.insert(auditEvent).values({
        actorId: namDaOfficer,
        actorRole: "officer",
        personId: hang.id,
        action: "enrolment",
        purpose: "case_management",
        details: { stage: "completed", enrolmentId: row.id },
        at: on(addDays(today, -8)),
      });
    }
    // A closed intake is not public: the outbox keeps the index in line (it deletes nothing that was never there).
    await touch(tx, "training", [course.id]);
  }
  return true;
}
