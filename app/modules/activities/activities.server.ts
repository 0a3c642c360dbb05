import { count, desc, eq } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { audit } from "~/modules/audit/audit.server";
import { personInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import { ACTIVITY_KINDS, type ActivityKind } from "../../../db/enums";
import { activity, appUser, commune, loan, meeting, meetingAttendance, releasedPerson } from "../../../db/schema";
import type { ActivityInput } from "./schema.server";

/**
 * The support a person receives, one dated row each (HCD-12/13 count them): encouragement visits,
 * education reviews, counselling, procedure help. Meetings (with attendance) live in meetings.server.ts.
 */

const actorOf = (scope: StaffScope) => ({ id: scope.actorId, role: scope.role });

export type SupportPerson = {
  id: string;
  fullName: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  status: "active" | "closed";
  releaseDate: string;
  /** The Vietnamese calendar day the record was closed, if it is. */
  closedOn: string | null;
};

/** The person's heading, if within the actor's reach (name, commune, release date: nothing sensitive). */
export async function supportPerson(
  scope: StaffScope,
  personId: string,
  executor: Executor = db(),
): Promise<SupportPerson | undefined> {
  const [row] = await executor
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      communeCode: releasedPerson.communeCode,
      communeName: commune.name,
      provinceCode: releasedPerson.provinceCode,
      status: releasedPerson.status,
      releaseDate: releasedPerson.releaseDate,
      closedAt: releasedPerson.closedAt,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(personInScope(scope, personId));
  if (!row) return undefined;
  const { closedAt, ...rest } = row;
  return { ...rest, closedOn: closedAt ? todayIso(closedAt) : null };
}

export type ActivityCounts = Record<ActivityKind, number>;

async function countsByKind(executor: Executor, personId: string): Promise<ActivityCounts> {
  const rows = await executor
    .select({ kind: activity.kind, n: count() })
    .from(activity)
    .where(eq(activity.personId, personId))
    .groupBy(activity.kind);
  const counts = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as ActivityCounts;
  for (const r of rows) counts[r.kind] = Number(r.n);
  return counts;
}

/** The person's activity log, newest first, with counts by kind and the meetings attended. Audited. */
export async function activityLog(scope: StaffScope, personId: string) {
  const person = await supportPerson(scope, personId);
  if (!person) return undefined;
  const [activities, counts, meetings] = await Promise.all([
    db()
      .select({
        id: activity.id,
        kind: activity.kind,
        topic: activity.topic,
        mode: activity.mode,
        occurredOn: activity.occurredOn,
        note: activity.note,
        recordedByName: appUser.fullName,
        communeName: commune.name,
      })
      .from(activity)
      .leftJoin(appUser, eq(appUser.id, activity.recordedBy))
      .innerJoin(commune, eq(commune.code, activity.communeCode))
      .where(eq(activity.personId, personId))
      .orderBy(desc(activity.occurredOn), desc(activity.createdAt))
      .limit(500),
    countsByKind(db(), personId),
    db()
      .select({ id: meeting.id, title: meeting.title, heldOn: meeting.heldOn })
      .from(meetingAttendance)
      .innerJoin(meeting, eq(meeting.id, meetingAttendance.meetingId))
      .where(eq(meetingAttendance.personId, personId))
      .orderBy(desc(meeting.heldOn))
      .limit(200),
  ]);
  await audit(db(), actorOf(scope), personId, "view", "case_management", { page: "activities" });
  return { person, activities, counts, meetings, today: todayIso() };
}

export type RecordOutcome = Outcome<{ activityId: string }>;

/** The date rules: not in the future, not before release (support starts then), not after the record closed. */
export function activityDateErrors(
  person: Pick<SupportPerson, "releaseDate" | "closedOn">,
  occurredOn: string,
  today: string,
): FieldErrors {
  if (occurredOn > today) return { occurredOn: { key: "support.activity.error.future" } };
  if (occurredOn < person.releaseDate)
    return {
      occurredOn: { key: "support.activity.error.beforeRelease", vars: { release: formatDate(person.releaseDate) } },
    };
  if (person.closedOn && occurredOn > person.closedOn)
    return { occurredOn: { key: "support.activity.error.afterClosed", vars: { closed: formatDate(person.closedOn) } } };
  return {};
}

/** Record one activity for a person of the officer's communes, attributed to the officer, in the person's commune. */
export async function recordActivity(
  scope: StaffScope,
  personId: string,
  input: ActivityInput,
): Promise<RecordOutcome> {
  const person = await supportPerson(scope, personId);
  if (!person) return { ok: false, notFound: true };
  const errors = activityDateErrors(person, input.occurredOn, todayIso());
  if (Object.keys(errors).length) return { ok: false, errors };
  const activityId = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(activity)
      .values({
        personId,
        kind: input.kind,
        topic: input.topic,
        mode: input.mode,
        occurredOn: input.occurredOn,
        communeCode: person.communeCode,
        note: input.note,
        recordedBy: scope.actorId,
        createdAt: now(),
      })
      .returning({ id: activity.id });
    await audit(tx, actorOf(scope), personId, "activity", "case_management", {
      activityId: row.id,
      kind: input.kind,
      topic: input.topic,
      occurredOn: input.occurredOn,
    });
    return row.id;
  });
  return { ok: true, activityId };
}

export type SupportSummary = { counts: ActivityCounts; meetings: number; loans: number };

/** Counts for the person page's "Hỗ trợ" section (the page's own read is the audited one). */
export async function supportSummary(scope: StaffScope, personId: string): Promise<SupportSummary | undefined> {
  const person = await supportPerson(scope, personId);
  if (!person) return undefined;
  const [counts, [meetings], [loans]] = await Promise.all([
    countsByKind(db(), personId),
    db().select({ n: count() }).from(meetingAttendance).where(eq(meetingAttendance.personId, personId)),
    db().select({ n: count() }).from(loan).where(eq(loan.personId, personId)),
  ]);
  return { counts, meetings: Number(meetings?.n ?? 0), loans: Number(loans?.n ?? 0) };
}
