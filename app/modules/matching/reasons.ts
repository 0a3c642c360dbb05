/**
 * Reason codes of the matching engine and their sentences. Client-safe on purpose (no zod, no drizzle):
 * pages render the sentences, and referrals store the codes (referral.matchReasons) to evaluate the
 * weights later. A reason is a code plus a few parameters; the sentence lives in the i18n catalogue.
 */
import type { MessageKey, Translate } from "~/i18n";

export type MatchReason = { code: string; params?: Record<string, string | number> };

/** Why a listing suits a person (shown to officers, and to the person about their own suggestions). */
export const POSITIVE_REASONS = [
  "sameTrade",
  "desiredOccupation",
  "relatedTrade",
  "skill",
  "trainingPath",
  "leadsToJob",
  "wageMeetsExpectation",
  "aboveMinimumWage",
  "sameCommune",
  "sameProvince",
  "preferredProvince",
  "willingToMove",
  "accommodation",
  "acceptsUnexpunged",
  "caseByCase",
  "keepsWorkers",
  "freeCourse",
] as const;
export type PositiveReasonCode = (typeof POSITIVE_REASONS)[number];

/** Why a hard rule excluded a listing (officers only: never shown to the person). */
export const EXCLUSION_REASONS = [
  "noConsent",
  "personInactive",
  "tooYoung",
  "courtBanOccupation",
  "courtBanPlace",
  "rejectsUnexpunged",
  "excludedOffence",
  "tooFar",
  "listingClosed",
  "noOpenings",
  "noSeats",
  "deadlinePassed",
] as const;
export type ExclusionCode = (typeof EXCLUSION_REASONS)[number];

const POSITIVE_KEYS: Record<PositiveReasonCode, MessageKey> = {
  sameTrade: "match.reason.sameTrade",
  desiredOccupation: "match.reason.desiredOccupation",
  relatedTrade: "match.reason.relatedTrade",
  skill: "match.reason.skill",
  trainingPath: "match.reason.trainingPath",
  leadsToJob: "match.reason.leadsToJob",
  wageMeetsExpectation: "match.reason.wageMeetsExpectation",
  aboveMinimumWage: "match.reason.aboveMinimumWage",
  sameCommune: "match.reason.sameCommune",
  sameProvince: "match.reason.sameProvince",
  preferredProvince: "match.reason.preferredProvince",
  willingToMove: "match.reason.willingToMove",
  accommodation: "match.reason.accommodation",
  acceptsUnexpunged: "match.reason.acceptsUnexpunged",
  caseByCase: "match.reason.caseByCase",
  keepsWorkers: "match.reason.keepsWorkers",
  freeCourse: "match.reason.freeCourse",
};

const EXCLUSION_KEYS: Record<ExclusionCode, MessageKey> = {
  noConsent: "match.exclusion.noConsent",
  personInactive: "match.exclusion.personInactive",
  tooYoung: "match.exclusion.tooYoung",
  courtBanOccupation: "match.exclusion.courtBanOccupation",
  courtBanPlace: "match.exclusion.courtBanPlace",
  rejectsUnexpunged: "match.exclusion.rejectsUnexpunged",
  excludedOffence: "match.exclusion.excludedOffence",
  tooFar: "match.exclusion.tooFar",
  listingClosed: "match.exclusion.listingClosed",
  noOpenings: "match.exclusion.noOpenings",
  noSeats: "match.exclusion.noSeats",
  deadlinePassed: "match.exclusion.deadlinePassed",
};

/** The i18n key of a reason or exclusion; an unknown code falls back to a generic sentence. */
export function reasonKey(reason: MatchReason, kind: "reason" | "exclusion"): MessageKey {
  if (kind === "reason") return (POSITIVE_KEYS as Record<string, MessageKey>)[reason.code] ?? "match.reason.other";
  return (EXCLUSION_KEYS as Record<string, MessageKey>)[reason.code] ?? "match.exclusion.other";
}

/**
 * Labels the sentences need that the engine only knows as codes: occupation names in the viewer's
 * language, and (for officers) offence category names through the catalogue.
 */
export type ReasonLabels = { occupations: Record<string, string> };

/** The sentence for one reason, e.g. "Cùng xã", "Có kỹ năng sửa xe máy". */
export function reasonText(
  t: Translate,
  reason: MatchReason,
  kind: "reason" | "exclusion",
  labels: ReasonLabels,
): string {
  const params: Record<string, string | number> = { ...(reason.params ?? {}) };
  if (typeof params.occupation === "string")
    params.occupation = labels.occupations[params.occupation] ?? params.occupation;
  if (typeof params.categories === "string") {
    params.categories = params.categories
      .split(",")
      .map((c) => t(`offence.${c}` as MessageKey))
      .join("; ");
  }
  return t(reasonKey(reason, kind), params);
}

/** Reason codes as stored with a referral (referral.matchReasons): codes only, no parameters. */
export function reasonCodes(reasons: MatchReason[]): string[] {
  return reasons.map((r) => r.code);
}
