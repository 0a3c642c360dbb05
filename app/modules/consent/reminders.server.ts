import { and, asc, count, eq, lte } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";

import { db } from "../../../db/client.server";
import { consentGrant, releasedPerson } from "../../../db/schema";
import { grantIsLive } from "./live.server";

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
