import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { db as processDb, type Database } from "../../../db/client.server";
import { followUp, placement, releasedPerson } from "../../../db/schema";
import { formatDate } from "../../i18n";
import { now, todayIso } from "../../utils/clock.server";
import { notify, officersOfPerson, usersOfOrganization } from "../notifications/notifications.server";
import { addDays, DUE_DAYS_BEFORE } from "./schedule";

/**
 * "A follow-up is due": sent once per follow-up when its window opens, to the person's commune officers
 * and, for a placement that came from a referral and is still running, to the employer's staff (who may
 * confirm the person still works there). The sync worker runs it each minute; the officer's pages run it
 * too, so a clock moved forward shows at once. Idempotent: claiming a row sets `due_notified_at` in the
 * same transaction as the notifications, and a concurrent run skips rows already claimed.
 */
export async function notifyDueFollowUps(database: Database = processDb()): Promise<number> {
  const today = todayIso();
  return database.transaction(async (tx) => {
    const claimed = await tx
      .update(followUp)
      .set({ dueNotifiedAt: now() })
      .where(and(isNull(followUp.dueNotifiedAt), isNull(followUp.doneAt), isNull(followUp.cancelledAt), lte(followUp.dueOn, addDays(today, DUE_DAYS_BEFORE))))
      .returning({ id: followUp.id, placementId: followUp.placementId, personId: followUp.personId, monthOffset: followUp.monthOffset, dueOn: followUp.dueOn });
    if (claimed.length === 0) return 0;
    const places = await tx
      .select({
        id: placement.id,
        referralId: placement.referralId,
        organizationId: placement.organizationId,
        employerName: placement.employerName,
        position: placement.position,
        endDate: placement.endDate,
        personName: releasedPerson.fullName,
      })
      .from(placement)
      .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
      .where(inArray(placement.id, [...new Set(claimed.map((c) => c.placementId))]));
    const byId = new Map(places.map((p) => [p.id, p]));
    for (const item of claimed) {
      const place = byId.get(item.placementId);
      if (!place) continue;
      const date = formatDate(item.dueOn);
      await notify(tx, await officersOfPerson(tx, item.personId), {
        messageKey: "notify.followUp.due.officer",
        params: { name: place.personName, month: item.monthOffset, employer: place.employerName, date },
        link: `/officer/follow-ups/${item.id}`,
      });
      // The employer hears only of placements it took through a referral, and never the person's name here.
      if (place.referralId && place.organizationId && !place.endDate) {
        await notify(tx, await usersOfOrganization(tx, place.organizationId), {
          messageKey: "notify.followUp.due.org",
          params: { position: place.position, month: item.monthOffset, date },
          link: "/employer/placements",
        });
      }
    }
    return claimed.length;
  });
}
