import { sql } from "drizzle-orm";

import type { Database } from "../../db/client.server";
import {
  CLOSURE_REASONS,
  CONTRACT_KINDS,
  LOAN_STATUSES,
  PLACEMENT_END_REASONS,
  PROCEDURE_KINDS,
  RELEASE_TYPES,
} from "../../db/enums";
import {
  activity,
  classification,
  enrolment,
  followUp,
  loan,
  meeting,
  meetingAttendance,
  modelPerson,
  occupation,
  organization,
  placement,
  referral,
  reintegrationModel,
  releasedPerson,
  trainingLevel,
  trainingSlot,
} from "../../db/schema";
import { buildOrganization, UNITS } from "./index";

/**
 * Varied, random-but-seeded records for the report tests: persons over two communes of Lâm Đồng (and a
 * third commune outside every scope, as a distractor) with closures, expungements, classifications,
 * placements with follow-ups and outcomes, enrolments, training referrals, loans, activities of every kind,
 * meetings with attendance and a reintegration model. Written with plain inserts (no services), and kept
 * in memory so a test can recompute every indicator from the raw rows.
 */

export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

export const REPORT_COMMUNES = [UNITS.namDa, UNITS.krongNo] as const;
export const OUTSIDE_COMMUNE = "24703"; // Nâm Nung, same province, never in the tests' scopes

const START = Date.UTC(2023, 0, 1);
const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;

export type Generated = {
  persons: (typeof releasedPerson.$inferSelect)[];
  classifications: (typeof classification.$inferSelect)[];
  placements: (typeof placement.$inferSelect)[];
  followUps: (typeof followUp.$inferSelect)[];
  enrolments: (typeof enrolment.$inferSelect)[];
  referrals: (typeof referral.$inferSelect)[];
  loans: (typeof loan.$inferSelect)[];
  activities: (typeof activity.$inferSelect)[];
  meetings: (typeof meeting.$inferSelect)[];
  attendances: (typeof meetingAttendance.$inferSelect)[];
  models: (typeof reintegrationModel.$inferSelect)[];
  modelPersons: (typeof modelPerson.$inferSelect)[];
  organizations: (typeof organization.$inferSelect)[];
};

export async function generateReportData(db: Database, seed = 20260615, personCount = 140): Promise<Generated> {
  const r = seededRandom(seed);
  // Any instant, often close to midnight in Vietnam (17:00 UTC) so day boundaries are exercised.
  const instant = (lo = START, hi = END) =>
    new Date(
      r.chance(0.3) ? Math.floor(r.int(lo, hi) / DAY) * DAY + 17 * 3_600_000 + r.int(-120, 120) * 1000 : r.int(lo, hi),
    );
  const day = (lo = START, hi = END) => new Date(r.int(lo, hi)).toISOString().slice(0, 10);
  const after = (iso: string, maxDays: number) =>
    new Date(Date.parse(iso) + r.int(0, maxDays) * DAY).toISOString().slice(0, 10);
  const communes = [...REPORT_COMMUNES, OUTSIDE_COMMUNE];
  const communeOf = () => (r.chance(0.1) ? OUTSIDE_COMMUNE : r.pick(REPORT_COMMUNES));

  const organizations = await db
    .insert(organization)
    .values(communes.map((c) => buildOrganization({ role: "employer", provinceCode: UNITS.lamDong, communeCode: c })))
    .returning();
  const provider = (
    await db
      .insert(organization)
      .values(
        buildOrganization({
          role: "training_provider",
          kind: "training_centre",
          provinceCode: UNITS.lamDong,
          communeCode: UNITS.namDa,
        }),
      )
      .returning()
  )[0]!;
  const [occ] = await db.select({ code: occupation.code }).from(occupation).limit(1);
  const [level] = await db.select({ code: trainingLevel.code }).from(trainingLevel).limit(1);
  const slots = await db
    .insert(trainingSlot)
    .values(
      [1, 2, 3].map((n) => ({
        organizationId: provider.id,
        title: `Khoá ${n}`,
        occupationCode: occ!.code,
        levelCode: level!.code,
        durationWeeks: 8,
        startsAt: "2024-01-01",
        applicationDeadline: "2023-12-01",
        seats: 20,
        provinceCode: UNITS.lamDong,
        communeCode: UNITS.namDa,
      })),
    )
    .returning();

  const personRows = Array.from({ length: personCount }, (_, i) => {
    const createdAt = instant();
    const closed = r.chance(0.3);
    const closedAt = closed ? instant(createdAt.getTime(), END) : null;
    return {
      fullName: `Người ${i}`,
      gender: r.pick(["male", "female"] as const),
      dateOfBirth: "1985-05-05",
      provinceCode: UNITS.lamDong,
      communeCode: communeOf(),
      releaseDate: day(START - 200 * DAY, END),
      releaseType: r.pick(RELEASE_TYPES),
      status: closed ? ("closed" as const) : ("active" as const),
      closedReason: closed ? r.pick(CLOSURE_REASONS) : null,
      closedAt,
      recordExpungedOn: r.chance(0.25) ? day() : null,
      anonymizedAt: r.chance(0.05) ? instant() : null,
      createdAt,
    };
  });
  const persons = await db.insert(releasedPerson).values(personRows).returning();

  const quarters = ["2023-Q1", "2023-Q3", "2024-Q1", "2024-Q2", "2024-Q4", "2025-Q2", "2025-Q3", "2026-Q1", "2026-Q2"];
  const classRows = persons.flatMap((p) =>
    quarters
      .filter(() => r.chance(0.35))
      .map((quarter) => ({ personId: p.id, quarter, group: r.pick(["A", "B", "C", "D"] as const) })),
  );
  const classifications = await db.insert(classification).values(classRows).returning();

  const placementRows = persons.flatMap((p) =>
    Array.from({ length: r.pick([0, 0, 1, 1, 2, 3]) }, () => {
      const startDate = day();
      const ended = r.chance(0.45);
      const endReason = ended ? r.pick(PLACEMENT_END_REASONS) : null;
      const outcome = r.chance(0.3) ? r.pick(["stable", "unstable", "left_work", "reoffended"] as const) : null;
      return {
        personId: p.id,
        organizationId: r.chance(0.2) ? null : r.pick(organizations).id,
        employerName: "Cơ sở",
        position: "Thợ",
        wage: r.int(3_000_000, 9_000_000),
        contractKind: r.pick(CONTRACT_KINDS),
        startDate,
        endDate: ended ? after(startDate, 500) : null,
        endReason,
        outcome,
        outcomeAt: outcome ? instant(Date.parse(startDate), END) : null,
      };
    }),
  );
  const placements = await db.insert(placement).values(placementRows).returning();

  const followUpRows = placements.flatMap((pl) =>
    [1, 3, 6, 12].map((monthOffset) => {
      const done = r.chance(0.6);
      const doneAt = done
        ? instant(
            Date.parse(pl.startDate) + monthOffset * 28 * DAY,
            Date.parse(pl.startDate) + (monthOffset * 31 + 40) * DAY,
          )
        : null;
      return {
        placementId: pl.id,
        personId: pl.personId,
        monthOffset,
        dueOn: after(pl.startDate, 0),
        doneAt,
        stillEmployed: done ? r.pick([true, true, false, null]) : null,
        stable: done ? r.pick([true, false, null]) : null,
        cancelledAt: !done && r.chance(0.2) ? instant() : null,
      };
    }),
  );
  const followUps = await db.insert(followUp).values(followUpRows).returning();

  const enrolmentRows = persons
    .filter(() => r.chance(0.3))
    .map((p) => {
      const enrolledOn = day();
      const status = r.pick(["enrolled", "completed", "dropped_out"] as const);
      return {
        personId: p.id,
        trainingSlotId: r.pick(slots).id,
        organizationId: provider.id,
        status,
        enrolledOn,
        completedOn: status === "completed" ? after(enrolledOn, 200) : null,
        droppedOn: status === "dropped_out" ? after(enrolledOn, 100) : null,
      };
    });
  const enrolments = await db.insert(enrolment).values(enrolmentRows).returning();

  const referralRows = persons.flatMap((p) =>
    slots
      .filter(() => r.chance(0.15))
      .map((s) => ({
        personId: p.id,
        kind: "training" as const,
        trainingSlotId: s.id,
        organizationId: provider.id,
        status: r.pick(["referred", "accepted", "declined"] as const),
        createdAt: instant(),
      })),
  );
  const referrals = referralRows.length ? await db.insert(referral).values(referralRows).returning() : [];

  const loanRows = persons
    .filter(() => r.chance(0.35))
    .map((p) => {
      const status = r.pick(LOAN_STATUSES);
      const appliedOn = day();
      const disbursed =
        ["disbursed", "repaid", "overdue", "bad_debt"].includes(status) || (status === "cancelled" && r.chance(0.3));
      return {
        personId: p.id,
        communeCode: r.chance(0.85) ? p.communeCode : communeOf(),
        purpose: r.pick(["business", "training"] as const),
        amountVnd: r.int(1, 100) * 1_000_000,
        bankBranch: "NHCSXH Đắk Nông",
        listMonth: `${appliedOn.slice(0, 7)}-01`,
        appliedOn,
        disbursedOn: disbursed ? after(appliedOn, 90) : null,
        termMonths: 36,
        status,
      };
    });
  const loans = await db.insert(loan).values(loanRows).returning();

  const activityRows = persons.flatMap((p) =>
    Array.from({ length: r.int(0, 25) }, () => {
      const kind = r.pick(["encouragement_visit", "education_review", "counselling", "procedure_help"] as const);
      const topic =
        kind === "counselling"
          ? r.pick(["psychological", "career"])
          : kind === "procedure_help"
            ? r.pick(PROCEDURE_KINDS)
            : "";
      return {
        personId: p.id,
        kind,
        topic,
        mode: kind === "counselling" ? ("individual" as const) : null,
        occurredOn: day(),
        communeCode: r.chance(0.9) ? p.communeCode : communeOf(),
      };
    }),
  );
  const activities = await db.insert(activity).values(activityRows).returning();

  const meetings = await db
    .insert(meeting)
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        communeCode: communeOf(),
        heldOn: day(),
        title: `Sinh hoạt ${i}`,
        guestCount: r.int(0, 6),
      })),
    )
    .returning();
  const attendanceRows = meetings.flatMap((m) =>
    persons.filter(() => r.chance(0.12)).map((p) => ({ meetingId: m.id, personId: p.id })),
  );
  const attendances = await db.insert(meetingAttendance).values(attendanceRows).returning();

  const models = await db
    .insert(reintegrationModel)
    .values({ name: "5+1", provinceCode: UNITS.lamDong, communeCode: UNITS.namDa, launchedOn: "2023-06-01" })
    .returning();
  const modelPersons = await db
    .insert(modelPerson)
    .values(
      persons
        .filter(() => r.chance(0.4))
        .map((p) => {
          const joinedOn = day();
          return {
            modelId: models[0]!.id,
            personId: p.id,
            joinedOn,
            leftOn: r.chance(0.3) ? after(joinedOn, 400) : null,
          };
        }),
    )
    .returning();

  await db.execute(sql`analyze`);
  return {
    persons,
    classifications,
    placements,
    followUps,
    enrolments,
    referrals,
    loans,
    activities,
    meetings,
    attendances,
    models,
    modelPersons,
    organizations,
  };
}
