import { eq, inArray } from "drizzle-orm";

import { followUpSchedule } from "~/modules/placements/schedule";
import { addDays, addMonths } from "~/utils/dates";

import type { Transaction } from "../client.server";
import {
  consentGrant,
  enrolment,
  followUp,
  organization,
  placement,
  referral,
  referralEvent,
  trainingSlot,
} from "../schema";
import type { Plan } from "./five-plus-one-plan";

/** The 5+1 model's courses and jobs (db/seed/five-plus-one.ts calls these inside its transaction). */

/** 10:00 in Vietnam on a day: when the officer recorded something. */
const on = (day: string) => new Date(`${day}T10:00:00+07:00`);

export type Audit = (
  personId: string,
  action: string,
  purpose: string,
  day: string,
  details?: Record<string, unknown>,
) => Promise<unknown>;

/** Closed intakes of the Krông Nô centre, consents, accepted referrals and enrolments of the trainees. */
export async function seedTraining(
  tx: Transaction,
  plan: Plan,
  centre: typeof organization.$inferSelect,
  recorder: (name: string) => string | null,
  id: (name: string) => string,
  birthOf: Map<string, string>,
  communeName: (name: string) => string,
  today: string,
  audit: Audit,
): Promise<{ courses: string[]; matching: string[]; enrolmentOf: Map<string, string> }> {
  const courseId = new Map<string, string>();
  for (const c of plan.courses) {
    const [row] = await tx
      .insert(trainingSlot)
      .values({
        organizationId: centre.id,
        title: c.title,
        occupationCode: c.occupationCode,
        levelCode: c.levelCode,
        description: `Lớp lưu động cho người chấp hành xong án phạt tù và lao động nông thôn, ${c.weeks} tuần. Miễn học phí, hỗ trợ tiền ăn.`,
        durationWeeks: c.weeks,
        schedule: "Thứ Hai đến thứ Sáu",
        startsAt: c.startsAt,
        applicationDeadline: addDays(c.startsAt, -5),
        seats: 25,
        costVnd: 0,
        support: ["free", "meals"],
        provinceCode: centre.provinceCode,
        communeCode: centre.communeCode,
        address: centre.address,
        status: "closed",
        closedReason: "expired",
        publishedAt: on(addDays(c.startsAt, -30)),
        createdAt: on(addDays(c.startsAt, -30)),
        updatedAt: on(addDays(c.startsAt, -5)),
      })
      .returning({ id: trainingSlot.id });
    courseId.set(c.key, row.id);
  }
  const placedAfter = new Set(plan.jobs.filter((j) => j.enrolmentOf).map((j) => j.name));
  const matching: string[] = [];
  const enrolmentOf = new Map<string, string>();
  const age = (birth: string, day: string) =>
    Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);
  for (const [i, t] of plan.trainees.entries()) {
    const personId = id(t.name);
    const givenOn = addDays(t.referredOn, -3);
    const purposes = placedAfter.has(t.name)
      ? (["training_referral", "matching"] as const)
      : (["training_referral"] as const);
    const [grant] = await tx
      .insert(consentGrant)
      .values({
        personId,
        purposes: [...purposes],
        shareableFields: ["full_name", "age", "commune", "skills"],
        givenAt: on(givenOn),
        evidenceKind: "paper_form",
        evidenceRef: `HCD-02/${givenOn.slice(0, 4)}/5${String(i + 1).padStart(2, "0")}`,
        expiresAt: on(addMonths(givenOn, 12)),
        // Long expired: the expiry was handled back then.
        expiryProcessedAt: on(addMonths(givenOn, 12)),
        createdBy: recorder(t.name),
      })
      .returning({ id: consentGrant.id });
    if (purposes.length > 1) matching.push(personId);
    const [ref] = await tx
      .insert(referral)
      .values({
        personId,
        kind: "training",
        trainingSlotId: courseId.get(t.course)!,
        organizationId: centre.id,
        consentGrantId: grant.id,
        sharedFields: ["full_name", "age", "commune"],
        sharedSnapshot: {
          full_name: t.name,
          age: age(birthOf.get(t.name)!, t.referredOn),
          commune: communeName(t.name),
        },
        note: "Giới thiệu theo Mô hình 5+1.",
        status: "accepted",
        createdBy: recorder(t.name),
        createdAt: on(t.referredOn),
        updatedAt: on(addDays(t.referredOn, 3)),
      })
      .returning({ id: referral.id });
    await tx.insert(referralEvent).values([
      { referralId: ref.id, status: "referred", actorId: recorder(t.name), actorRole: "officer", at: on(t.referredOn) },
      {
        referralId: ref.id,
        status: "offered",
        actorId: null,
        actorRole: "provider",
        note: "Nhận vào lớp.",
        at: on(addDays(t.referredOn, 2)),
      },
      {
        referralId: ref.id,
        status: "accepted",
        actorId: recorder(t.name),
        actorRole: "officer",
        channel: "meeting",
        at: on(addDays(t.referredOn, 3)),
      },
    ]);
    const status = t.completedOn ? "completed" : t.droppedOn ? "dropped_out" : "enrolled";
    const changed = t.completedOn ?? t.droppedOn ?? t.startsAt;
    const [row] = await tx
      .insert(enrolment)
      .values({
        personId,
        referralId: ref.id,
        trainingSlotId: courseId.get(t.course)!,
        organizationId: centre.id,
        status,
        enrolledOn: t.startsAt,
        completedOn: t.completedOn,
        certificate: t.completedOn
          ? `Chứng chỉ ${t.course.startsWith("coffee") || t.course === "livestock" ? "đào tạo nghề ngắn hạn" : "sơ cấp nghề"} số ${String(100 + i)}/${t.completedOn.slice(0, 4)}`
          : "",
        droppedOn: t.droppedOn,
        dropReason: t.dropReason,
        createdBy: recorder(t.name),
        createdAt: on(t.startsAt),
        updatedAt: on(changed < today ? changed : t.startsAt),
      })
      .returning({ id: enrolment.id });
    enrolmentOf.set(t.name, row.id);
    await audit(personId, "enrolment", "case_management", changed < today ? changed : t.startsAt, {
      stage: status,
      enrolmentId: row.id,
    });
  }
  return { courses: [...courseId.values()], matching, enrolmentOf };
}

/** Jobs with their follow-ups: those fallen due before the seed day are done (all still employed). */
export async function seedJobs(
  tx: Transaction,
  plan: Plan,
  recorder: (name: string) => string | null,
  id: (name: string) => string,
  locals: { id: string; name: string }[],
  enrolmentOf: Map<string, string>,
  last: string,
  audit: Audit,
): Promise<void> {
  const named = plan.jobs.filter((j) => j.link === "org").map((j) => j.employer);
  const known = named.length
    ? await tx
        .select({ id: organization.id, name: organization.name })
        .from(organization)
        .where(inArray(organization.name, named))
    : [];
  for (const j of plan.jobs) {
    const personId = id(j.name);
    const organizationId = (j.link === "local" ? locals : known).find((o) => o.name === j.employer)?.id ?? null;
    const [row] = await tx
      .insert(placement)
      .values({
        personId,
        enrolmentId: j.enrolmentOf ? enrolmentOf.get(j.enrolmentOf) : null,
        organizationId,
        employerName: j.employer,
        position: j.position,
        wage: j.wage,
        contractKind: j.contractKind,
        startDate: j.startDate,
        createdBy: recorder(j.name),
        createdAt: on(j.startDate),
        updatedAt: on(j.startDate),
      })
      .returning({ id: placement.id });
    const schedule = followUpSchedule(j.startDate);
    await tx.insert(followUp).values(
      schedule.map((f, k) => {
        const done = f.dueOn <= last;
        const stable = !(j.unstable && k > 0);
        return {
          placementId: row.id,
          personId,
          monthOffset: f.monthOffset,
          dueOn: f.dueOn,
          dueNotifiedAt: done ? on(addDays(f.dueOn, -7)) : null,
          ...(done
            ? {
                doneAt: on(f.dueOn),
                doneBy: recorder(j.name),
                stillEmployed: true,
                currentWage: j.wage + (j.contractKind === "apprenticeship" && k >= 2 ? 1_500_000 : k * 200_000),
                stable,
                livingSituation: k === 3 && !j.unstable ? ("own_home" as const) : ("with_family" as const),
                violation: false,
                note: stable ? "Đi làm đều, chủ cơ sở nhận xét tốt." : "Việc theo công trình, có tháng không đủ việc.",
              }
            : {}),
        };
      }),
    );
    if (schedule[3].dueOn <= last) {
      await tx
        .update(placement)
        .set({ outcome: j.unstable ? "unstable" : "stable", outcomeAt: on(schedule[3].dueOn) })
        .where(eq(placement.id, row.id));
    }
    await audit(personId, "placement", "case_management", j.startDate, { stage: "created", placementId: row.id });
  }
}
