import { and, eq, inArray, sql } from "drizzle-orm";

import { followUpSchedule } from "~/modules/placements/schedule";
import { now as clockNow, todayIso } from "~/utils/clock.server";
import { addDays, addMonths } from "~/utils/dates";

import { touch } from "../../search/facade.server";
import type { Transaction } from "../client.server";
import {
  auditEvent,
  conviction,
  followUp,
  job,
  type LivingSituation,
  officerCommune,
  organization,
  outbox,
  placement,
  releasedPerson,
} from "../schema";
import { REPAIR_SHOP } from "./marketplace";

/**
 * The repair shop's earlier hires through the programme (issue 16 §3, decision 045): before Y Thành Niê
 * (db/seed/outcomes.ts), Mr Cường took on eight men of xã Nam Đà, placed 13 to 30 months before the seed
 * day, every follow-up recorded. Seven were still at work at their 12-month follow-up (one of them, Đinh
 * Văn Khải, a year later married and renting near the shop: a stable life); one left after seven months to
 * work far from home. Two of the seven have since moved on (one opened his own shop at home). Then the shop
 * chose to appear in the directory of fair-chance employers, so /employers shows it with "hired" and "kept
 * a year" of 5 or more. Dated relative to the seed day; idempotent (checks itself).
 */

const NAM_DA = "24697";
const LAM_DONG = "68";

/** 10:00 in Vietnam on a day: when the officer recorded something. */
const on = (day: string) => new Date(`${day}T10:00:00+07:00`);

type Hire = {
  fullName: string;
  dateOfBirth: string;
  address: string;
  /** Months before the seed day the job started. */
  startedMonthsAgo: number;
  position: string;
  wage: number;
  offence: (typeof conviction.$inferInsert)["offenceCategory"];
  sentenceMonths: number;
  /** Left before the 12-month follow-up, after this many months (the later follow-ups are cancelled). */
  leftAfterMonths?: number;
  /** Left after the 12-month follow-up, this many months after the start. */
  movedOnAfterMonths?: number;
  living12: LivingSituation;
  note12: string;
};

export const REPAIR_SHOP_HIRES: Hire[] = [
  {
    fullName: "Đinh Văn Khải",
    dateOfBirth: "1992-04-18",
    address: "Thôn Nam Thanh",
    startedMonthsAgo: 30,
    position: "Thợ sửa xe máy",
    wage: 5_500_000,
    offence: "property",
    sentenceMonths: 30,
    living12: "rented",
    note12: "Một năm sau: đã cưới vợ, thuê nhà gần tiệm, đi làm đều, cuộc sống ổn định.",
  },
  {
    fullName: "Hoàng Văn Lực",
    dateOfBirth: "1988-11-02",
    address: "Thôn Nam Hợp",
    startedMonthsAgo: 27,
    position: "Thợ sửa xe máy",
    wage: 5_500_000,
    offence: "public_order",
    sentenceMonths: 18,
    movedOnAfterMonths: 20,
    living12: "with_family",
    note12: "Tay nghề vững, đang để dành tiền mở tiệm nhỏ ở nhà.",
  },
  {
    fullName: "Nguyễn Thành Tâm",
    dateOfBirth: "1995-07-23",
    address: "Thôn Nam Tiến",
    startedMonthsAgo: 24,
    position: "Thợ phụ sửa xe máy",
    wage: 4_800_000,
    offence: "drugs",
    sentenceMonths: 36,
    living12: "with_family",
    note12: "Đi làm đều, không vi phạm, gia đình yên tâm.",
  },
  {
    fullName: "Võ Văn Hậu",
    dateOfBirth: "1997-02-14",
    address: "Thôn Nam Thanh",
    startedMonthsAgo: 20,
    position: "Thợ phụ sửa xe máy",
    wage: 4_500_000,
    offence: "property",
    sentenceMonths: 24,
    leftAfterMonths: 7,
    living12: "with_family",
    note12: "",
  },
  {
    fullName: "Phan Văn Sáu",
    dateOfBirth: "1985-09-30",
    address: "Thôn Nam Hợp",
    startedMonthsAgo: 21,
    position: "Thợ sửa xe máy",
    wage: 5_800_000,
    offence: "traffic",
    sentenceMonths: 20,
    movedOnAfterMonths: 16,
    living12: "own_home",
    note12: "Đã sửa lại nhà, được chủ tiệm giao phụ trách xe tay ga.",
  },
  {
    fullName: "Y Khăm Niê",
    dateOfBirth: "1996-12-05",
    address: "Buôn Nam Đà",
    startedMonthsAgo: 18,
    position: "Thợ phụ sửa xe máy",
    wage: 4_800_000,
    offence: "property",
    sentenceMonths: 24,
    living12: "with_family",
    note12: "Học được nghề, gửi tiền về giúp bố mẹ làm rẫy.",
  },
  {
    fullName: "Lò Văn Dũng",
    dateOfBirth: "1993-03-11",
    address: "Thôn Nam Tiến",
    startedMonthsAgo: 15,
    position: "Thợ sửa xe máy",
    wage: 5_200_000,
    offence: "public_order",
    sentenceMonths: 15,
    living12: "rented",
    note12: "Đi làm đều, chủ tiệm nhận xét tốt.",
  },
  {
    fullName: "Trần Quốc Việt",
    dateOfBirth: "1999-06-27",
    address: "Thôn Nam Thanh",
    startedMonthsAgo: 13,
    position: "Thợ phụ sửa xe máy (học việc)",
    wage: 4_000_000,
    offence: "property",
    sentenceMonths: 12,
    living12: "with_family",
    note12: "Hết học việc, được nhận làm chính thức.",
  },
];

export async function seedRepairShopHistory(tx: Transaction): Promise<boolean> {
  const [shop] = await tx
    .select({ id: organization.id, listedAt: organization.directoryListedAt })
    .from(organization)
    .where(and(eq(organization.name, REPAIR_SHOP), eq(organization.verificationStatus, "verified")))
    .limit(1);
  if (!shop) return false;
  const names = REPAIR_SHOP_HIRES.map((h) => h.fullName);
  const [done] = await tx
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.communeCode, NAM_DA), inArray(releasedPerson.fullName, names)))
    .limit(1);
  if (done) return false;

  const today = todayIso(clockNow());
  const [officer] = await tx
    .select({ userId: officerCommune.userId })
    .from(officerCommune)
    .where(eq(officerCommune.communeCode, NAM_DA))
    .limit(1);
  const officerId = officer?.userId ?? null;

  for (const h of REPAIR_SHOP_HIRES) {
    const startDate = addMonths(today, -h.startedMonthsAgo);
    // Back home a few weeks before the shop took him on; registered by the officer a few days after.
    const releaseDate = addDays(startDate, -40);
    const [person] = await tx
      .insert(releasedPerson)
      .values({
        fullName: h.fullName,
        gender: "male",
        dateOfBirth: h.dateOfBirth,
        address: h.address,
        provinceCode: LAM_DONG,
        communeCode: NAM_DA,
        releaseDate,
        releaseType: "completed",
        skills: ["sửa xe máy", "bảo dưỡng xe số"],
        trades: ["72311"],
        desiredOccupations: ["72311"],
        education: "Tốt nghiệp THCS",
        supervisorKind: "organization",
        supervisorName: "UBND xã Nam Đà",
        createdBy: officerId,
        createdAt: on(addDays(releaseDate, 4)),
        updatedAt: on(addDays(releaseDate, 4)),
      })
      .returning({ id: releasedPerson.id });
    await tx.insert(conviction).values({
      personId: person.id,
      offenceDate: addMonths(releaseDate, -(h.sentenceMonths + 4)),
      offenceCategory: h.offence,
      penalty: "prison",
      sentenceMonths: h.sentenceMonths,
      mainCompletedOn: releaseDate,
    });

    const left = h.leftAfterMonths ? addMonths(startDate, h.leftAfterMonths) : null;
    const movedOn = h.movedOnAfterMonths ? addMonths(startDate, h.movedOnAfterMonths) : null;
    const endDate = left ?? movedOn;
    const schedule = followUpSchedule(startDate);
    const [row] = await tx
      .insert(placement)
      .values({
        personId: person.id,
        organizationId: shop.id,
        employerName: REPAIR_SHOP,
        position: h.position,
        wage: h.wage,
        contractKind: h.position.includes("học việc") ? "apprenticeship" : "labour_contract",
        startDate,
        endDate,
        endReason: left ? "moved" : movedOn ? "quit" : null,
        endNote: left ? "Đi làm xa nhà." : movedOn ? "Nghỉ để tự mở tiệm." : "",
        // Left before a year: the 12-month outcome is "left work"; otherwise stable at 12 months.
        outcome: left ? "left_work" : "stable",
        outcomeAt: on(left ?? schedule[3].dueOn),
        createdBy: officerId,
        createdAt: on(startDate),
        updatedAt: on(endDate ?? schedule[3].dueOn),
      })
      .returning({ id: placement.id });
    await tx.insert(followUp).values(
      schedule.map((f) => {
        // A follow-up due after he left was no longer needed.
        if (left && f.dueOn > left) {
          return {
            placementId: row.id,
            personId: person.id,
            monthOffset: f.monthOffset,
            dueOn: f.dueOn,
            cancelledAt: on(left),
          };
        }
        const year = f.monthOffset === 12;
        return {
          placementId: row.id,
          personId: person.id,
          monthOffset: f.monthOffset,
          dueOn: f.dueOn,
          dueNotifiedAt: on(addDays(f.dueOn, -7)),
          doneAt: on(f.dueOn),
          doneBy: officerId,
          stillEmployed: true,
          currentWage: h.wage + (f.monthOffset >= 6 ? 500_000 : 0),
          stable: true,
          livingSituation: year ? h.living12 : ("with_family" as const),
          violation: false,
          note: year ? h.note12 : "Đi làm đều.",
        };
      }),
    );
    if (officerId) {
      await tx.insert(auditEvent).values([
        {
          actorId: officerId,
          actorRole: "officer",
          personId: person.id,
          action: "create",
          purpose: "intake",
          at: on(addDays(releaseDate, 4)),
        },
        {
          actorId: officerId,
          actorRole: "officer",
          personId: person.id,
          action: "placement",
          purpose: "case_management",
          details: { stage: "created", placementId: row.id },
          at: on(startDate),
        },
      ]);
    }
  }

  // Mr Cường chose to appear in the directory once the first year's results were in.
  if (!shop.listedAt) {
    await tx
      .update(organization)
      .set({ directoryListedAt: on(addMonths(today, -17)) })
      .where(eq(organization.id, shop.id));
  }
  // Its open jobs now carry the badge: the outbox brings the index in line (those not already queued by an
  // earlier step of the same seed).
  const jobs = await tx
    .select({ id: job.id })
    .from(job)
    .where(
      and(
        eq(job.organizationId, shop.id),
        eq(job.status, "open"),
        sql`not exists (select 1 from ${outbox} q where q.entity = 'job' and q.entity_id = ${job.id}
          and q.delivered_at is null)`,
      ),
    );
  await touch(
    tx,
    "job",
    jobs.map((j) => j.id),
  );
  return true;
}
