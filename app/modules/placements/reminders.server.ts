import { and, inArray, isNull, lte } from "drizzle-orm";

import { formatDate } from "~/i18n";
import {
  notify,
  officersOfPerson,
  resolveReminders,
  usersOfOrganization,
} from "~/modules/notifications/notifications.server";
import { now, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { type Database, db as processDb, type Executor } from "../../../db/client.server";
import { followUp, placement } from "../../../db/schema";
import { DUE_DAYS_BEFORE } from "./schedule";

/**
 * Follow-up reminders. They are written only by the worker's task "placements.follow-up-reminders"
 * (app/worker/tasks.server.ts; never by a page someone opens), and each names its task (`subjectKey`),
 * so doing the task resolves every party's copy:
 * - the officers' reminder "follow-up/<id>": the visit to record; resolved when it is recorded or the
 *   follow-up is cancelled (the placement ended before it);
 * - the employer's reminder "follow-up-confirmation/<id>": the confirmation that the person still works
 *   there; resolved when the employer confirms, or when the officer's visit is recorded, the follow-up
 *   cancelled or the placement ended (the employer can no longer confirm then).
 */

export const officerReminderKey = (followUpId: string) => `follow-up/${followUpId}`;
export const employerReminderKey = (followUpId: string) => `follow-up-confirmation/${followUpId}`;

/**
 * "A follow-up is due": sent once per follow-up when its window opens, to the person's commune officers
 * and, for a placement that came from a referral and is still running, to the employer's staff (who may
 * confirm the person still works there). Idempotent twice over: claiming a row sets `due_notified_at` in
 * the same transaction as the notifications (a concurrent run skips rows already claimed), and a recipient
 * holds at most one reminder per subject. Returns how many follow-ups it announced.
 */
export async function sendFollowUpReminders(database: Database = processDb()): Promise<number> {
  const today = todayIso();
  return database.transaction(async (tx) => {
    const claimed = await tx
      .update(followUp)
      .set({ dueNotifiedAt: now() })
      .where(
        and(
          isNull(followUp.dueNotifiedAt),
          isNull(followUp.doneAt),
          isNull(followUp.cancelledAt),
          lte(followUp.dueOn, addDays(today, DUE_DAYS_BEFORE)),
        ),
      )
      .returning({
        id: followUp.id,
        placementId: followUp.placementId,
        personId: followUp.personId,
        monthOffset: followUp.monthOffset,
        dueOn: followUp.dueOn,
        employerConfirmedAt: followUp.employerConfirmedAt,
      });
    if (claimed.length === 0) return 0;
    const places = await tx
      .select({
        id: placement.id,
        referralId: placement.referralId,
        organizationId: placement.organizationId,
        employerName: placement.employerName,
        position: placement.position,
        endDate: placement.endDate,
      })
      .from(placement)
      .where(inArray(placement.id, [...new Set(claimed.map((c) => c.placementId))]));
    const byId = new Map(places.map((p) => [p.id, p]));
    for (const item of claimed) {
      const place = byId.get(item.placementId);
      if (!place) continue;
      const date = formatDate(item.dueOn);
      await notify(tx, await officersOfPerson(tx, item.personId), {
        messageKey: "notify.followUp.due.officer",
        params: { personId: item.personId, month: item.monthOffset, employer: place.employerName, date },
        link: `/officer/follow-ups/${item.id}`,
        subjectKey: officerReminderKey(item.id),
      });
      // The employer hears only of placements it took through a referral, and never the person's name here.
      if (place.referralId && place.organizationId && !place.endDate && !item.employerConfirmedAt) {
        await notify(tx, await usersOfOrganization(tx, place.organizationId), {
          messageKey: "notify.followUp.due.org",
          params: { position: place.position, month: item.monthOffset, date },
          link: "/employer/placements",
          subjectKey: employerReminderKey(item.id),
        });
      }
    }
    return claimed.length;
  });
}

/** Follow-ups recorded or cancelled: every party's reminders about them are done. */
export async function resolveFollowUpReminders(executor: Executor, followUpIds: string[]): Promise<number> {
  return resolveReminders(
    executor,
    followUpIds.flatMap((id) => [officerReminderKey(id), employerReminderKey(id)]),
  );
}

/** The employer confirmed, or can no longer confirm (the placement ended): its reminders are done. */
export async function resolveEmployerReminders(executor: Executor, followUpIds: string[]): Promise<number> {
  return resolveReminders(executor, followUpIds.map(employerReminderKey));
}
