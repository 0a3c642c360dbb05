import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import type { StaffScope } from "~/auth/scope.server";
import { audit, auditMany } from "~/modules/audit/audit.server";
import { personNameOrder } from "~/modules/persons/order.server";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { appUser, commune, meeting, meetingAttendance, releasedPerson } from "../../../db/schema";
import type { MeetingInput } from "./schema.server";

/**
 * A commune's periodic meeting (sinh hoạt định kỳ): title, date, place, the registered persons who attended
 * (ticked from the commune's active persons) and how many family members or guests came.
 */

const actorOf = (scope: StaffScope) => ({ id: scope.actorId, role: scope.role });

/** A commune code column within the actor's reach: an officer's communes, or the communes of an admin's province. */
export function communeColumnInScope(scope: StaffScope, column: AnyPgColumn): SQL {
  if (scope.communeCodes !== null) return inArray(column, scope.communeCodes.length ? scope.communeCodes : ["-"]);
  const provinces = scope.provinceCodes.length ? scope.provinceCodes : ["-"];
  return inArray(
    column,
    db().select({ code: commune.code }).from(commune).where(inArray(commune.provinceCode, provinces)),
  );
}

/** The communes a staff member may hold meetings in (an officer's own; an admin holds none). */
async function ownCommunes(scope: StaffScope) {
  if (!scope.communeCodes?.length) return [];
  return db()
    .select({ code: commune.code, name: commune.name })
    .from(commune)
    .where(inArray(commune.code, scope.communeCodes))
    .orderBy(asc(commune.name));
}

/** What the new-meeting form needs: the officer's communes and their active persons to tick (one audited list read). */
export async function meetingForm(scope: StaffScope) {
  const communes = await ownCommunes(scope);
  const persons = communes.length
    ? await db()
        .select({ id: releasedPerson.id, fullName: releasedPerson.fullName, communeCode: releasedPerson.communeCode })
        .from(releasedPerson)
        .where(
          and(
            inArray(
              releasedPerson.communeCode,
              communes.map((c) => c.code),
            ),
            eq(releasedPerson.status, "active"),
            isNull(releasedPerson.anonymizedAt),
          ),
        )
        .orderBy(...personNameOrder())
    : [];
  await audit(db(), actorOf(scope), null, "view", "case_management", {
    list: "meeting_attendance",
    count: persons.length,
  });
  return { communes, persons, today: todayIso() };
}

export type CreateMeetingOutcome = { ok: true; meetingId: string } | { ok: false; errors: FieldErrors };

/** Record a meeting with its attendance; each attendee's record notes it (audit), in one transaction. */
export async function createMeeting(scope: StaffScope, input: MeetingInput): Promise<CreateMeetingOutcome> {
  const errors: FieldErrors = {};
  if (!scope.communeCodes?.includes(input.communeCode)) errors.communeCode = { key: "validation.choose" };
  if (input.heldOn > todayIso()) errors.heldOn = { key: "support.meeting.error.future" };
  if (input.attendees.length && !errors.communeCode) {
    const found = await db()
      .select({ id: releasedPerson.id })
      .from(releasedPerson)
      .where(
        and(
          inArray(releasedPerson.id, input.attendees),
          eq(releasedPerson.communeCode, input.communeCode),
          eq(releasedPerson.status, "active"),
          isNull(releasedPerson.anonymizedAt),
        ),
      );
    // A person of another commune, closed, or a forged id: refuse the whole list rather than drop names silently.
    if (found.length !== input.attendees.length) errors.attendees = { key: "support.meeting.error.attendees" };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const meetingId = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(meeting)
      .values({
        communeCode: input.communeCode,
        heldOn: input.heldOn,
        title: input.title,
        place: input.place,
        note: input.note,
        guestCount: input.guestCount,
        recordedBy: scope.actorId,
        createdAt: now(),
      })
      .returning({ id: meeting.id });
    if (input.attendees.length) {
      await tx.insert(meetingAttendance).values(input.attendees.map((personId) => ({ meetingId: row.id, personId })));
      await auditMany(tx, actorOf(scope), input.attendees, "meeting", "case_management", {
        meetingId: row.id,
        heldOn: input.heldOn,
      });
    }
    return row.id;
  });
  return { ok: true, meetingId };
}

const attendanceCount = sql<number>`(select count(*)::int from ${meetingAttendance} a where a.meeting_id = ${meeting.id})`;

/** The meetings of the actor's communes, newest first, with attendance counts (no names). */
export async function listMeetings(scope: StaffScope) {
  const rows = await db()
    .select({
      id: meeting.id,
      title: meeting.title,
      heldOn: meeting.heldOn,
      place: meeting.place,
      guestCount: meeting.guestCount,
      communeName: commune.name,
      attendance: attendanceCount,
    })
    .from(meeting)
    .innerJoin(commune, eq(commune.code, meeting.communeCode))
    .where(communeColumnInScope(scope, meeting.communeCode))
    .orderBy(desc(meeting.heldOn), desc(meeting.createdAt))
    .limit(500);
  const meetings = rows.map((r) => ({ ...r, attendance: Number(r.attendance) }));
  const totals = meetings.reduce(
    (t, m) => ({ meetings: t.meetings + 1, attendance: t.attendance + m.attendance, guests: t.guests + m.guestCount }),
    { meetings: 0, attendance: 0, guests: 0 },
  );
  return { meetings, totals };
}

/** One meeting of the actor's communes with the names of those who attended (audited as one list read). */
export async function getMeeting(scope: StaffScope, meetingId: string) {
  const [row] = await db()
    .select({
      id: meeting.id,
      title: meeting.title,
      heldOn: meeting.heldOn,
      place: meeting.place,
      note: meeting.note,
      guestCount: meeting.guestCount,
      communeName: commune.name,
      recordedByName: appUser.fullName,
    })
    .from(meeting)
    .innerJoin(commune, eq(commune.code, meeting.communeCode))
    .leftJoin(appUser, eq(appUser.id, meeting.recordedBy))
    .where(and(eq(meeting.id, meetingId), communeColumnInScope(scope, meeting.communeCode)));
  if (!row) return undefined;
  // Anonymised persons still count as attendances, without a name.
  const attendees = await db()
    .select({ id: releasedPerson.id, fullName: releasedPerson.fullName, anonymizedAt: releasedPerson.anonymizedAt })
    .from(meetingAttendance)
    .innerJoin(releasedPerson, eq(releasedPerson.id, meetingAttendance.personId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(...personNameOrder());
  await audit(db(), actorOf(scope), null, "view", "case_management", {
    list: "meeting",
    meetingId,
    count: attendees.length,
  });
  return {
    ...row,
    attendees: attendees.map((a) => ({ id: a.id, fullName: a.anonymizedAt ? null : a.fullName })),
  };
}

/** How many meetings the actor's communes held (the officer's home). */
export async function countMeetings(scope: StaffScope): Promise<number> {
  const [row] = await db().select({ n: count() }).from(meeting).where(communeColumnInScope(scope, meeting.communeCode));
  return Number(row?.n ?? 0);
}
