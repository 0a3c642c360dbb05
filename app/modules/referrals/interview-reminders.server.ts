import { and, eq, gte, lt } from "drizzle-orm";

import { formatClock } from "~/i18n/format-more";
import { notify, userOfPerson, usersOfOrganization } from "~/modules/notifications/notifications.server";
import { notYetReminded } from "~/modules/notifications/reminder-subjects.server";
import { vietnamDayStart } from "~/modules/notifications/schedule";
import { now } from "~/utils/clock.server";

import { type Database, db as processDb } from "../../../db/client.server";
import { referral } from "../../../db/schema";
import { organizationReferralLink, PERSON_REFERRALS_LINK, referralHead } from "./parties.server";

const DAY_MS = 86_400_000;

/** One reminder per referral and interview time: a rescheduled interview is reminded again, a re-run is not. */
export const interviewReminderKey = (referralId: string, interviewAt: Date) =>
  `interview/${referralId}/${interviewAt.toISOString()}`;

/** "09:30": the interview's time of day in Vietnam (UTC+7 all year). */
export function vietnamClock(at: Date): string {
  return formatClock(at);
}

/**
 * "Your interview is tomorrow": the worker's task "referrals.interview-reminders" reminds the organisation's
 * staff and the person (their own login) of each referral still at the interview stage whose interview falls
 * on tomorrow's Vietnamese date. Each reminder names its referral and interview time (`subjectKey`), so a
 * recipient gets it once whatever runs twice; the organisation hears only the listing title and the time,
 * never the person's name. Returns how many referrals were reminded for the first time.
 */
export async function sendInterviewReminders(database: Database = processDb()): Promise<number> {
  const tomorrow = new Date(vietnamDayStart(now()).getTime() + DAY_MS);
  return database.transaction(async (tx) => {
    const due = await tx
      .select({ id: referral.id, interviewAt: referral.interviewAt })
      .from(referral)
      .where(
        and(
          eq(referral.status, "interview"),
          gte(referral.interviewAt, tomorrow),
          lt(referral.interviewAt, new Date(tomorrow.getTime() + DAY_MS)),
        ),
      );
    const pending = await notYetReminded(
      tx,
      due.flatMap((r) =>
        r.interviewAt ? [{ id: r.id, key: interviewReminderKey(r.id, r.interviewAt), at: r.interviewAt }] : [],
      ),
    );
    let reminded = 0;
    for (const item of pending) {
      const head = await referralHead(tx, item.id);
      if (!head) continue;
      const params = { time: vietnamClock(item.at), title: head.title };
      const written =
        (await notify(tx, await usersOfOrganization(tx, head.organizationId), {
          messageKey: "notify.referral.organization.interviewTomorrow",
          params,
          link: organizationReferralLink(head.organizationRole, head.id),
          subjectKey: item.key,
        })) +
        (await notify(tx, [await userOfPerson(tx, head.personId)], {
          messageKey: "notify.referral.person.interviewTomorrow",
          params,
          link: PERSON_REFERRALS_LINK,
          subjectKey: item.key,
        }));
      if (written > 0) reminded++;
    }
    return reminded;
  });
}
