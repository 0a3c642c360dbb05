import { and, eq, isNull, ne, or } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { provincesOfCommunes } from "~/modules/admin-units/admin-units.server";
import { countExpiringConsents } from "~/modules/consent/reminders.server";
import { listTransfers } from "~/modules/persons/lifecycle.server";
import { countFollowUpTasks } from "~/modules/placements/follow-ups.server";
import { countPendingRequests } from "~/modules/referrals/requests.server";
import { now, todayIso } from "~/utils/clock.server";

import { type Database, db as processDb, type Executor } from "../../../db/client.server";
import { appUser, contactSetting, officerCommune } from "../../../db/schema";
import { queueForContact } from "./deliveries.server";
import { vietnamHour } from "./schedule";
import { type Contact, contactOf } from "./settings.server";

/** What an officer's digest counts: numbers only, never a name (the phone or mailbox may be shared). */
export type OfficerDigestCounts = { due: number; overdue: number; requests: number; moves: number; expiring: number };

/** Consents the digest counts as expiring: the same 30 days as the officer's home page. */
export const DIGEST_EXPIRING_DAYS = 30;

/** The officer's home-page figures for their communes, the same queries as /officer. */
export async function officerDigestCounts(scope: StaffScope): Promise<OfficerDigestCounts> {
  const [followUps, requests, transfers, expiring] = await Promise.all([
    countFollowUpTasks(scope),
    countPendingRequests(scope),
    listTransfers(scope),
    countExpiringConsents(scope, DIGEST_EXPIRING_DAYS),
  ]);
  return { ...followUps, requests, moves: transfers.incoming.length, expiring };
}

/**
 * The officers' daily digest (the worker's task "notifications.officer-digest"): for each active officer
 * whose digest hour (Asia/Ho_Chi_Minh, default 07:00, none when they turned it off) has come today and who
 * has not had today's, count their communes' work (follow-ups due this week and overdue, referral requests,
 * moves to accept, consents expiring within 30 days) and, when any is non-zero, queue one message per
 * channel they chose. Setting `contact_setting.last_digest_on` claims the day in the same transaction as
 * the messages, so a digest leaves once a day whatever runs twice. Returns how many messages were queued.
 */
export async function sendOfficerDigests(database: Database = processDb()): Promise<number> {
  const at = now();
  const today = todayIso(at);
  // Officers who have not had today's digest (after the first run of the day, few or none: a cheap tick).
  const officers = await database
    .select({ id: appUser.id })
    .from(appUser)
    .leftJoin(contactSetting, eq(contactSetting.userId, appUser.id))
    .where(
      and(
        eq(appUser.role, "officer"),
        isNull(appUser.disabledAt),
        or(isNull(contactSetting.lastDigestOn), ne(contactSetting.lastDigestOn, today)),
      ),
    );
  let queued = 0;
  for (const officer of officers) {
    const contact = await contactOf(database, officer.id);
    if (!contact || contact.digestHour === null || contact.lastDigestOn === today) continue;
    if (vietnamHour(at) < contact.digestHour) continue;
    const communes = await database
      .select({ code: officerCommune.communeCode })
      .from(officerCommune)
      .where(eq(officerCommune.userId, officer.id));
    const communeCodes = communes.map((c) => c.code);
    const counts = await officerDigestCounts({
      actorId: officer.id,
      role: "officer",
      provinceCodes: await provincesOfCommunes(communeCodes),
      communeCodes,
    });
    queued += await database.transaction(async (tx) => {
      if (!(await claimToday(tx, contact, today))) return 0;
      if (Object.values(counts).every((n) => n === 0)) return 0;
      return queueDigest(tx, contact, counts);
    });
  }
  return queued;
}

/** Remember today's digest (a settings row with the role's defaults when they chose nothing); false: already had. */
async function claimToday(tx: Executor, contact: Contact, today: string): Promise<boolean> {
  await tx
    .insert(contactSetting)
    .values({ userId: contact.userId, channels: contact.channels, digestHour: contact.digestHour, updatedAt: now() })
    .onConflictDoNothing();
  const claimed = await tx
    .update(contactSetting)
    .set({ lastDigestOn: today })
    .where(
      and(
        eq(contactSetting.userId, contact.userId),
        or(isNull(contactSetting.lastDigestOn), ne(contactSetting.lastDigestOn, today)),
      ),
    )
    .returning({ userId: contactSetting.userId });
  return claimed.length > 0;
}

async function queueDigest(tx: Executor, contact: Contact, counts: OfficerDigestCounts): Promise<number> {
  return queueForContact(tx, contact, {
    kind: "officer_digest",
    text: "out.digest.officer",
    subject: "out.digest.officer.subject",
    zns: "news",
    params: counts,
    target: "/officer",
  });
}
