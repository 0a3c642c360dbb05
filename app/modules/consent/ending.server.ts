import { and, eq, inArray } from "drizzle-orm";

import { formatDate } from "~/i18n";
import type { Actor } from "~/modules/audit/audit.server";
import { notify, officersOfPerson } from "~/modules/notifications/notifications.server";
import { redactReferralsOfPerson } from "~/modules/referrals/consent-coverage.server";
import { withdrawReferralsLosingConsent } from "~/modules/referrals/status.server";
import { now } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { REFERRAL_KINDS } from "../../../db/enums";
import { referralRequest } from "../../../db/schema";
import { touch } from "../../../search/facade.server";
import { livePurposesOf } from "./live.server";
import { type ConsentPurpose, LISTING_PURPOSE } from "./vocabulary";

/** Purposes that just ended on one grant (withdrawn by someone, or the whole grant expired). */
export type EndedPurposes = { grantId: string; purposes: readonly ConsentPurpose[]; expiresAt?: Date };
export type ConsentEndReason = "withdrawn" | "expired";

/** The date an expiry is told with: the latest expiry among the grants that ended (the sweeper may run later). */
function latestExpiry(ended: readonly EndedPurposes[]): Date {
  const dates = ended.map((e) => e.expiresAt).filter((d): d is Date => !!d);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : now();
}

/**
 * Everything that follows when purposes of a person's consent end, whether withdrawn or expired: one code
 * path for both, in the caller's transaction (withdrawConsent, and expireConsents in expiry.server.ts).
 * - pending referral requests lapse when their purpose is no longer live (jobs: matching; courses:
 *   training referral);
 * - open referrals that relied on an ended main purpose are withdrawn (every party told);
 * - every referral of the person, whatever its state, stops sharing the fields an ended purpose covered:
 *   the values leave the stored snapshot, and each organisation concerned is told (without the values);
 * - the officers who hold the file are told (the link, not the person's data);
 * - the candidates index is queued (the caller may also apply it at once).
 */
export async function propagateConsentEnd(
  tx: Executor,
  personId: string,
  ended: readonly EndedPurposes[],
  reason: ConsentEndReason,
  actor: Actor | null,
): Promise<void> {
  const live = await livePurposesOf(tx, personId);
  const lapsedKinds = REFERRAL_KINDS.filter((kind) => !live.has(LISTING_PURPOSE[kind]));
  if (lapsedKinds.length) {
    await tx
      .update(referralRequest)
      .set({ status: "withdrawn", decidedAt: now() })
      .where(
        and(
          eq(referralRequest.personId, personId),
          eq(referralRequest.status, "pending"),
          inArray(referralRequest.kind, lapsedKinds),
        ),
      );
  }
  await withdrawReferralsLosingConsent(
    tx,
    personId,
    ended,
    reason === "withdrawn" ? "consent_withdrawn" : "consent_expired",
    actor,
  );
  const endedNow = new Set(ended.flatMap((e) => e.purposes).filter((p) => !live.has(p)));
  await redactReferralsOfPerson(tx, personId, live, endedNow, reason, actor?.id ?? null);
  const officers = (await officersOfPerson(tx, personId)).filter((id) => id !== actor?.id);
  await notify(tx, officers, {
    messageKey: reason === "withdrawn" ? "notify.consent.officer.withdrawn" : "notify.consent.officer.expired",
    // An expiry is dated by the grant (the sweeper may run after it), a withdrawal by now.
    params: { date: formatDate(reason === "expired" ? latestExpiry(ended) : now()) },
    link: `/officer/persons/${personId}#consents`,
  });
  await touch(tx, "candidate", [personId]);
}
