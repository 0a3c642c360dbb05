import { and, asc, count, eq, isNotNull, lte, not } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { notify } from "~/modules/notifications/notifications.server";
import { notYetReminded } from "~/modules/notifications/reminder-subjects.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";

import { type Database, db } from "../../../db/client.server";
import { consentGrant, releasedPerson } from "../../../db/schema";
import { grantIsLive, grantRenewed } from "./live.server";

/** Live grants (not withdrawn, not yet expired) of persons in reach that expire within `days`. */
function expiringWhere(scope: StaffScope, days: number) {
  const at = now();
  const until = daysAfter(at, days);
  return and(
    personsInScope(scope),
    eq(releasedPerson.status, "active"),
    grantIsLive(at),
    lte(consentGrant.expiresAt, until),
  );
}

/** Renewal reminders: how many consents of the officer's persons run out within `days` (30 by default). */
export async function countExpiringConsents(scope: StaffScope, days = 30): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(consentGrant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, consentGrant.personId))
    .where(expiringWhere(scope, days));
  return Number(row?.n ?? 0);
}

/** The same grants, soonest first, for a page that names the persons (the caller audits that view). */
export async function listExpiringConsents(scope: StaffScope, days = 30) {
  return db()
    .select({
      grantId: consentGrant.id,
      personId: consentGrant.personId,
      purposes: consentGrant.purposes,
      expiresAt: consentGrant.expiresAt,
    })
    .from(consentGrant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, consentGrant.personId))
    .where(expiringWhere(scope, days))
    .orderBy(asc(consentGrant.expiresAt));
}

/** How many days before a grant ends its person is told (officers see theirs 30 days ahead on their home page). */
export const PERSON_EXPIRY_NOTICE_DAYS = 14;

export const consentExpiringKey = (grantId: string) => `consent-expiring/${grantId}`;

/**
 * "The agreement you signed ends on …": the worker's task "consent.expiry-reminders" tells each person with
 * their own login, once per grant (`subjectKey`), when a live grant of theirs ends within
 * PERSON_EXPIRY_NOTICE_DAYS days and has not been renewed (a later grant covering the same purposes). Returns how many grants were announced.
 */
export async function sendConsentExpiryReminders(database: Database = db()): Promise<number> {
  const at = now();
  return database.transaction(async (tx) => {
    const due = await tx
      .select({ id: consentGrant.id, userId: releasedPerson.userId, expiresAt: consentGrant.expiresAt })
      .from(consentGrant)
      .innerJoin(releasedPerson, eq(releasedPerson.id, consentGrant.personId))
      .where(
        and(
          eq(releasedPerson.status, "active"),
          isNotNull(releasedPerson.userId),
          grantIsLive(at),
          lte(consentGrant.expiresAt, daysAfter(at, PERSON_EXPIRY_NOTICE_DAYS)),
          not(grantRenewed()),
        ),
      );
    const pending = await notYetReminded(
      tx,
      due.map((d) => ({ ...d, key: consentExpiringKey(d.id) })),
    );
    let told = 0;
    for (const item of pending) {
      told += await notify(tx, [item.userId], {
        messageKey: "notify.consent.person.expiring",
        params: { date: formatDate(item.expiresAt) },
        link: "/me/consents",
        subjectKey: item.key,
      });
    }
    return told;
  });
}
