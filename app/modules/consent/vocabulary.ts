/**
 * The consent vocabulary, client-safe (pages import it): the purposes a person may agree to, which purpose a
 * kind of listing needs, and when a grant is in force. The SQL forms of the same rule are in
 * live.server.ts; nothing else in app/, search/ or db/ writes them (tests/unit/consent-vocabulary.test.ts).
 *
 * The purposes themselves are declared with the database enums (db/enums.ts: the column's allowed values)
 * and re-exported here, so callers name one module.
 */
import { CONSENT_PURPOSES, type ConsentPurpose, type ReferralKind } from "../../../db/enums";

export { CONSENT_PURPOSES, type ConsentPurpose };

/**
 * The consent a listing needs, for matching, a referral or a person's own request: a job goes through
 * matching, a course through training referral.
 */
export const LISTING_PURPOSE = { job: "matching", training: "training_referral" } as const satisfies Record<
  ReferralKind,
  ConsentPurpose
>;
export type ListingPurpose = (typeof LISTING_PURPOSE)[keyof typeof LISTING_PURPOSE];

export type GrantState = "live" | "withdrawn" | "expired";

/**
 * Where a grant stands at `at`: withdrawn (the whole grant ended), expired, or live (in force: not
 * withdrawn, expiring after `at`). Dates may be Date objects or ISO strings (a page's serialised data).
 */
export function grantState(
  grant: { withdrawnAt: Date | string | null; expiresAt: Date | string },
  at: Date | string = new Date(),
): GrantState {
  if (grant.withdrawnAt) return "withdrawn";
  return new Date(grant.expiresAt) > new Date(at) ? "live" : "expired";
}
