import { todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { loadPersonFacts, loadTrainingFacts } from "./facts.server";
import { loadJobFacts } from "./job-facts.server";
import type { MatchReason } from "./reasons";
import { evaluate } from "./rules";
import { MATCHING_WEIGHTS } from "./weights";

export type ReferralEligibility =
  | { ok: true; score: number; reasons: MatchReason[]; weightsVersion: string }
  | { ok: false; exclusions: MatchReason[] };

/**
 * The hard rules and the score for one person and one listing, straight from the database (no index):
 * what a referral checks before it is made, and stores with it. Scope and audit are the caller's: this
 * reads no name and returns only reason codes. An unknown person or listing is an exclusion, not a throw.
 */
export async function checkReferralEligibility(
  executor: Executor,
  personId: string,
  target: { kind: "job" | "training"; listingId: string },
): Promise<ReferralEligibility> {
  const today = todayIso();
  const [persons, listings] = await Promise.all([
    loadPersonFacts(executor, [personId], today),
    target.kind === "job"
      ? loadJobFacts(executor, [target.listingId], today)
      : loadTrainingFacts(executor, [target.listingId], today),
  ]);
  const person = persons.get(personId);
  if (!person) return { ok: false, exclusions: [{ code: "personInactive" }] };
  const listing = listings.get(target.listingId);
  if (!listing) return { ok: false, exclusions: [{ code: "listingClosed" }] };
  const result = evaluate(person, listing, today);
  return result.ok ? { ...result, weightsVersion: MATCHING_WEIGHTS.version } : result;
}
