import { and, eq, gt, lte } from "drizzle-orm";

import { formatDate } from "~/i18n";
import { notify } from "~/modules/notifications/notifications.server";
import { notYetReminded } from "~/modules/notifications/reminder-subjects.server";
import { todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { type Database, db as processDb } from "../../../db/client.server";
import { enrolment, releasedPerson, trainingSlot } from "../../../db/schema";

/**
 * How many days ahead a person hears that their course starts: two, so there is a day to arrange the
 * travel or the family (and an enrolment recorded the day before the start is still told). The message
 * names the date, so being told two days or one day ahead reads the same.
 */
export const COURSE_START_DAYS_AHEAD = 2;

export const courseStartKey = (enrolmentId: string) => `course-start/${enrolmentId}`;

/**
 * "Your course starts on …": the worker's task "placements.course-start-reminders" tells each enrolled
 * person (their own login) once per enrolment (`subjectKey`) when the course starts within
 * COURSE_START_DAYS_AHEAD days and has not started yet. Returns how many enrolments were announced.
 */
export async function sendCourseStartReminders(database: Database = processDb()): Promise<number> {
  const today = todayIso();
  return database.transaction(async (tx) => {
    const due = await tx
      .select({
        id: enrolment.id,
        userId: releasedPerson.userId,
        course: trainingSlot.title,
        startsAt: trainingSlot.startsAt,
      })
      .from(enrolment)
      .innerJoin(trainingSlot, eq(trainingSlot.id, enrolment.trainingSlotId))
      .innerJoin(releasedPerson, eq(releasedPerson.id, enrolment.personId))
      .where(
        and(
          eq(enrolment.status, "enrolled"),
          eq(releasedPerson.status, "active"),
          gt(trainingSlot.startsAt, today),
          lte(trainingSlot.startsAt, addDays(today, COURSE_START_DAYS_AHEAD)),
        ),
      );
    const pending = await notYetReminded(
      tx,
      due.filter((d) => d.userId).map((d) => ({ ...d, key: courseStartKey(d.id) })),
    );
    let told = 0;
    for (const item of pending) {
      told += await notify(tx, [item.userId], {
        messageKey: "notify.course.person.starting",
        params: { course: item.course, date: formatDate(item.startsAt) },
        link: "/me/referrals",
        subjectKey: item.key,
      });
    }
    return told;
  });
}
