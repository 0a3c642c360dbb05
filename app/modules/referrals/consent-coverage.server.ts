import { eq, inArray } from "drizzle-orm";

import { grantState, LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { now } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { type ConsentPurpose, type ReferralKind, SHAREABLE_FIELDS } from "../../../db/enums";
import { consentGrant, consentWithdrawal, referral } from "../../../db/schema";
import { notifyParties, referralHead } from "./parties.server";
import type { ShareableField, SharedSnapshot } from "./snapshot.server";

/*
 * What an organisation may still see of a referral depends on the person's consent NOW, not on the day of
 * the referral: from the moment a purpose is withdrawn or expires, the fields it covered are no longer
 * shown on any organisation page (any state, accepted included), which says instead when and how sharing
 * ended. The values also leave the stored snapshot when the end is processed (withdrawal at once, expiry
 * by the sweeper), so nothing is kept that may no longer be shown.
 */

/** The purposes a shared field needs: the referral's own purpose, and for the phone and the record status their own. */
export function purposesCovering(kind: ReferralKind, field: ShareableField): ConsentPurpose[] {
  const main = LISTING_PURPOSE[kind];
  if (field === "phone") return [main, "share_contact"];
  if (field === "record_status") return [main, "share_record_status"];
  return [main];
}

/** Shared fields whose consent is no longer live. */
export function fieldsNoLongerCovered(
  kind: ReferralKind,
  sharedFields: readonly ShareableField[],
  live: ReadonlySet<ConsentPurpose>,
): ShareableField[] {
  return sharedFields.filter((f) => purposesCovering(kind, f).some((p) => !live.has(p)));
}

export type ConsentEnding = { reason: "withdrawn" | "expired"; at: Date };
/** A person's consent as organisation pages need it: what is live, and when and how each other purpose ended. */
export type Coverage = { live: Set<ConsentPurpose>; ended: Map<ConsentPurpose, ConsentEnding> };

/** Coverage of several persons at once (a list page), read from their grants and withdrawal history. */
export async function coverageOf(executor: Executor, personIds: readonly string[]): Promise<Map<string, Coverage>> {
  const ids = [...new Set(personIds)];
  const result = new Map<string, Coverage>(ids.map((id) => [id, { live: new Set(), ended: new Map() }]));
  if (ids.length === 0) return result;
  const at = now();
  const [grants, withdrawals] = await Promise.all([
    executor
      .select({
        personId: consentGrant.personId,
        purposes: consentGrant.purposes,
        withdrawnAt: consentGrant.withdrawnAt,
        expiresAt: consentGrant.expiresAt,
      })
      .from(consentGrant)
      .where(inArray(consentGrant.personId, ids)),
    executor
      .select({
        personId: consentWithdrawal.personId,
        purpose: consentWithdrawal.purpose,
        at: consentWithdrawal.withdrawnAt,
      })
      .from(consentWithdrawal)
      .where(inArray(consentWithdrawal.personId, ids)),
  ]);
  const endings: { personId: string; purpose: ConsentPurpose; ending: ConsentEnding }[] = [];
  for (const g of grants) {
    const c = result.get(g.personId)!;
    const state = grantState(g, at);
    if (state === "live") g.purposes.forEach((p) => c.live.add(p));
    else if (state === "expired")
      g.purposes.forEach((p) =>
        endings.push({ personId: g.personId, purpose: p, ending: { reason: "expired", at: g.expiresAt } }),
      );
    // A grant ended without history rows (e.g. by the deletion of the person's data): its own date.
    else
      g.purposes.forEach((p) =>
        endings.push({ personId: g.personId, purpose: p, ending: { reason: "withdrawn", at: g.withdrawnAt! } }),
      );
  }
  for (const w of withdrawals)
    endings.push({ personId: w.personId, purpose: w.purpose, ending: { reason: "withdrawn", at: w.at } });
  for (const e of endings) {
    const c = result.get(e.personId)!;
    if (c.live.has(e.purpose)) continue;
    const known = c.ended.get(e.purpose);
    // The latest end is the one that counts (a purpose given again and withdrawn again).
    if (!known || known.at < e.ending.at) c.ended.set(e.purpose, e.ending);
  }
  return result;
}

export type EndedFields = { reason: "withdrawn" | "expired" | "ended"; at: string | null; fields: ShareableField[] };

/**
 * The part of a referral's snapshot an organisation may see now, and for the rest, why not: grouped by
 * how and when sharing ended ("ended" without a date when no history explains it).
 */
export function visibleSharing(
  kind: ReferralKind,
  sharedFields: readonly ShareableField[],
  snapshot: SharedSnapshot,
  coverage: Coverage | undefined,
) {
  const live = coverage?.live ?? new Set<ConsentPurpose>();
  const gone = new Set(fieldsNoLongerCovered(kind, sharedFields, live));
  const fields = sharedFields.filter((f) => !gone.has(f));
  const shown: SharedSnapshot = {};
  for (const f of fields) if (snapshot[f] !== undefined) shown[f] = snapshot[f];
  const groups = new Map<string, EndedFields>();
  for (const f of SHAREABLE_FIELDS.filter((x) => gone.has(x))) {
    const purpose = purposesCovering(kind, f).find((p) => !live.has(p))!;
    const ending = coverage?.ended.get(purpose);
    const group: EndedFields = ending
      ? { reason: ending.reason, at: ending.at.toISOString(), fields: [] }
      : { reason: "ended", at: null, fields: [] };
    const key = `${group.reason}|${group.at}`;
    if (!groups.has(key)) groups.set(key, group);
    groups.get(key)!.fields.push(f);
  }
  return { fields, snapshot: shown, ended: [...groups.values()] };
}

/**
 * After purposes ended (consent/ending.server.ts), in the same transaction: every referral of the person
 * loses the stored values of fields no longer covered, and each organisation whose referral is concerned
 * by what just ended is told (the listing's title only). Referrals already withdrawn show nothing and are
 * only cleaned.
 */
export async function redactReferralsOfPerson(
  tx: Executor,
  personId: string,
  live: ReadonlySet<ConsentPurpose>,
  endedNow: ReadonlySet<ConsentPurpose>,
  reason: "withdrawn" | "expired",
  actorId: string | null,
): Promise<number> {
  const rows = await tx
    .select({
      id: referral.id,
      kind: referral.kind,
      status: referral.status,
      sharedFields: referral.sharedFields,
      sharedSnapshot: referral.sharedSnapshot,
    })
    .from(referral)
    .where(eq(referral.personId, personId));
  let told = 0;
  for (const r of rows) {
    const gone = fieldsNoLongerCovered(r.kind, r.sharedFields, live);
    if (gone.length === 0) continue;
    const stale = gone.filter((f) => r.sharedSnapshot[f] !== undefined);
    if (stale.length) {
      const kept = Object.fromEntries(
        Object.entries(r.sharedSnapshot).filter(([f]) => !stale.includes(f as ShareableField)),
      );
      await tx.update(referral).set({ sharedSnapshot: kept }).where(eq(referral.id, r.id));
    }
    const concerned =
      r.status !== "withdrawn" && gone.some((f) => purposesCovering(r.kind, f).some((p) => endedNow.has(p)));
    if (!concerned) continue;
    const head = await referralHead(tx, r.id);
    if (!head) continue;
    await notifyParties(
      tx,
      head,
      {
        organization:
          reason === "withdrawn"
            ? "notify.referral.organization.consentWithdrawn"
            : "notify.referral.organization.consentExpired",
      },
      actorId,
    );
    told += 1;
  }
  return told;
}
