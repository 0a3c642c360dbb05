import { and, isNull, sql } from "drizzle-orm";

import type { Executor } from "../../../db/client.server";
import { consentGrant } from "../../../db/schema";
import { propagateConsentEnd } from "./ending.server";
import { grantHasExpired } from "./live.server";

/**
 * Grants whose term ran out end as a withdrawal does (ending.server.ts, the same path): requests lapse,
 * referrals relying on them end, organisations stop seeing what they covered, the officers are told, and
 * the person leaves the candidates index. In the caller's transaction; each grant is processed once.
 * Run by the worker's "consent.expiry" task (app/worker/tasks.server.ts). Candidate queries re-check
 * consent in the database, so nothing is served on an expired grant even before this runs.
 * Returns how many persons had a grant expire.
 */
export async function expireConsents(tx: Executor): Promise<number> {
  const expired = await tx
    .update(consentGrant)
    .set({ expiryProcessedAt: sql`now()` })
    .where(and(grantHasExpired(), isNull(consentGrant.expiryProcessedAt)))
    .returning({
      id: consentGrant.id,
      personId: consentGrant.personId,
      purposes: consentGrant.purposes,
      expiresAt: consentGrant.expiresAt,
    });
  const persons = [...new Set(expired.map((e) => e.personId))];
  for (const personId of persons) {
    const ended = expired
      .filter((e) => e.personId === personId)
      .map((e) => ({ grantId: e.id, purposes: e.purposes, expiresAt: e.expiresAt }));
    await propagateConsentEnd(tx, personId, ended, "expired", null);
  }
  return persons.length;
}
