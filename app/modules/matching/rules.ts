/**
 * The matching rules as pure functions over plain facts: hard rules (each exclusion a reason code) and the
 * scorer (weights from weights.ts, each point explained by a reason). No clock, no database: `today` comes
 * in as an ISO date, so every rule is unit-tested without a server (tests/unit/matching-rules.test.ts).
 */
import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { completionOf, computeExpungement, type PenaltyKind } from "~/modules/persons/expungement";
import { foldText } from "~/utils/text";

import type { MatchReason } from "./reasons";
import { MATCHING_WEIGHTS, type MatchingWeights, MINIMUM_AGE } from "./weights";

export type CourtBanFact = {
  kind: "occupation" | "place";
  occupationCodes: string[];
  provinceCode: string | null;
  communeCode: string | null;
  endsOn: string | null;
};

export type ConvictionFact = {
  offenceDate: string;
  offenceCategory: string;
  penalty: PenaltyKind;
  sentenceMonths: number | null;
  mainCompletedOn: string;
  supplementaryCompletedOn: string | null;
  nationalSecurity: boolean;
};

/**
 * Whether a record still stands on `today`: recorded as expunged → no; automatic expungement date reached
 * (Penal Code art. 70: by law, whether or not an officer recorded it yet; a court ban still running or the
 * judgment's other decisions not completed keep it standing) → no; juvenile under 16 → no.
 */
export function recordStandsOn(
  person: { dateOfBirth: string; recordExpungedOn: string | null; otherDecisionsCompletedOn?: string | null },
  convictions: ConvictionFact[],
  today: string,
  bans: readonly { endsOn: string | null }[] = [],
): boolean {
  if (convictions.length === 0) return false;
  if (person.recordExpungedOn && person.recordExpungedOn <= today) return false;
  const computed = computeExpungement(
    convictions.map((c) => ({ ...c, sentenceMonths: c.sentenceMonths ?? undefined })),
    person.dateOfBirth,
    completionOf(person, bans),
  );
  if (!computed || computed.kind === "no_record") return false;
  return !(computed.kind === "automatic" && computed.date <= today);
}

/** What matching knows about a person. Offence categories are filled only while the record stands. */
export type PersonFacts = {
  id: string;
  active: boolean;
  dateOfBirth: string;
  communeCode: string;
  provinceCode: string;
  willingToMove: boolean;
  preferredProvinceCode: string | null;
  trades: string[];
  desiredOccupations: string[];
  /** Trades related (occupation.related) to the ones practised or wanted. */
  relatedTrades: string[];
  skills: string[];
  expectedWage: number | null;
  needs: string[];
  /** A conviction whose record is not expunged (an expunged record counts as no record). */
  recordStanding: boolean;
  /** Offence categories of the standing record (empty once expunged). */
  offenceCategories: string[];
  bans: CourtBanFact[];
  /** Purposes with a live consent grant. */
  consentPurposes: string[];
};

type ListingBase = {
  id: string;
  title: string;
  occupationCode: string;
  organizationId: string;
  organizationName: string;
  provinceCode: string;
  communeCode: string;
  status: string;
  acceptsUnexpunged: "yes" | "case_by_case" | "no";
  /** Openings or seats, and how many are already taken. */
  capacity: number;
  taken: number;
};

export type JobFacts = ListingBase & {
  kind: "job";
  closesAt: string;
  employmentType: string;
  skills: string[];
  wageMin: number;
  wageMax: number;
  benefits: string[];
  /** Officer-only: never shown to the person, never indexed. */
  excludedOffenceCategories: string[];
  /** The regional minimum monthly wage where the work is, when known. */
  minimumWage: number | null;
  /** Past placements at the organisation started ≥ 6 months ago, and how many lasted 6 months. */
  retention: { kept: number; total: number };
  /** Open courses with seats that lead to this job. */
  trainingPaths: { id: string; title: string; provinceCode: string }[];
};

export type TrainingFacts = ListingBase & {
  kind: "training";
  applicationDeadline: string;
  startsAt: string;
  costVnd: number;
  support: string[];
  /** Open jobs this course leads to. */
  leadsToJobs: { id: string; title: string; occupationCode: string }[];
  retention: { kept: number; total: number };
};

export type ListingFacts = JobFacts | TrainingFacts;

/**
 * Accent- and case-insensitive words: "Sửa xe máy" → ["sua", "xe", "may"]. Memoised (bounded): one request
 * scores a few hundred listings against the same skills and titles, and folding was most of the scorer's time.
 */
const foldedWords = new Map<string, readonly string[]>();
export function words(text: string): readonly string[] {
  const known = foldedWords.get(text);
  if (known) return known;
  const folded = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (foldedWords.size >= 20_000) foldedWords.clear();
  foldedWords.set(text, folded);
  return folded;
}

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function minimumAge(listing: ListingFacts): number {
  if (listing.kind === "training") return MINIMUM_AGE.training;
  return listing.employmentType === "apprenticeship" ? MINIMUM_AGE.apprenticeship : MINIMUM_AGE.job;
}

/** The location rule: same province, or willing to move (to their preferred province if they named one). */
export function withinReach(person: PersonFacts, listing: Pick<ListingFacts, "provinceCode">): boolean {
  if (listing.provinceCode === person.provinceCode) return true;
  if (!person.willingToMove) return false;
  return person.preferredProvinceCode === null || person.preferredProvinceCode === listing.provinceCode;
}

/** A court ban still in force that hits the listing's occupation or place. */
export function banHits(
  ban: CourtBanFact,
  listing: Pick<ListingFacts, "occupationCode" | "provinceCode" | "communeCode">,
  today: string,
): "occupation" | "place" | null {
  if (ban.endsOn !== null && ban.endsOn < today) return null;
  if (ban.kind === "occupation") return ban.occupationCodes.includes(listing.occupationCode) ? "occupation" : null;
  if (ban.communeCode) return ban.communeCode === listing.communeCode ? "place" : null;
  if (ban.provinceCode) return ban.provinceCode === listing.provinceCode ? "place" : null;
  return null;
}

/** The listing is still open to applicants (status, dates, openings or seats). */
export function listingAvailability(listing: ListingFacts, today: string): MatchReason | null {
  if (listing.status !== "open") return { code: "listingClosed" };
  if (listing.kind === "job") {
    if (listing.closesAt < today) return { code: "listingClosed" };
    if (listing.capacity - listing.taken <= 0) return { code: "noOpenings" };
  } else {
    if (listing.applicationDeadline < today) return { code: "deadlinePassed" };
    if (listing.capacity - listing.taken <= 0) return { code: "noSeats" };
  }
  return null;
}

/**
 * Every hard rule the pair breaks, in a fixed order (empty: eligible). Consent comes first: without it
 * nothing else is looked at by the pages.
 */
export function hardRules(person: PersonFacts, listing: ListingFacts, today: string): MatchReason[] {
  const out: MatchReason[] = [];
  if (!person.consentPurposes.includes(LISTING_PURPOSE[listing.kind])) out.push({ code: "noConsent" });
  if (!person.active) out.push({ code: "personInactive" });
  const closed = listingAvailability(listing, today);
  if (closed) out.push(closed);
  const minAge = minimumAge(listing);
  if (ageOn(person.dateOfBirth, today) < minAge) out.push({ code: "tooYoung", params: { minAge } });
  const hits = new Set(person.bans.map((b) => banHits(b, listing, today)));
  if (hits.has("occupation")) out.push({ code: "courtBanOccupation" });
  if (hits.has("place")) out.push({ code: "courtBanPlace" });
  if (person.recordStanding && listing.acceptsUnexpunged === "no") out.push({ code: "rejectsUnexpunged" });
  if (person.recordStanding && listing.kind === "job") {
    const excluded = listing.excludedOffenceCategories.filter((c) => person.offenceCategories.includes(c));
    if (excluded.length) out.push({ code: "excludedOffence", params: { categories: excluded.join(",") } });
  }
  if (!withinReach(person, listing)) out.push({ code: "tooFar" });
  return out;
}

/** The person's skills the listing names: every word of the skill in one of the listing's phrases, or the reverse. */
export function matchingSkills(personSkills: string[], listingPhrases: string[]): string[] {
  const phrases = listingPhrases.map(words).filter((p) => p.length > 0);
  const out: string[] = [];
  for (const skill of personSkills) {
    const mine = words(skill);
    if (mine.length === 0) continue;
    // Phrases are a handful of words: arrays beat building sets on every call.
    const hit = phrases.some(
      (p) => mine.every((w) => p.includes(w)) || (p.length >= 2 && p.every((w) => mine.includes(w))),
    );
    if (hit && !out.includes(skill.trim())) out.push(skill.trim());
  }
  return out;
}

export type Scored = { score: number; reasons: MatchReason[] };

/** Points for the distance tier, with its reason. */
function distance(person: PersonFacts, listing: ListingFacts, w: MatchingWeights): [number, MatchReason] {
  if (listing.communeCode === person.communeCode) return [w.distance.sameCommune, { code: "sameCommune" }];
  if (listing.provinceCode === person.provinceCode) return [w.distance.sameProvince, { code: "sameProvince" }];
  if (person.preferredProvinceCode === listing.provinceCode)
    return [w.distance.preferredProvince, { code: "preferredProvince" }];
  return [w.distance.elsewhere, { code: "willingToMove" }];
}

/** The occupation component: the best of same trade, desired occupation, related trade. */
function occupationFit(person: PersonFacts, code: string, w: MatchingWeights): [number, MatchReason | null] {
  if (person.trades.includes(code))
    return [w.occupation.sameTrade, { code: "sameTrade", params: { occupation: code } }];
  if (person.desiredOccupations.includes(code))
    return [w.occupation.desiredOccupation, { code: "desiredOccupation", params: { occupation: code } }];
  if (person.relatedTrades.includes(code))
    return [w.occupation.relatedTrade, { code: "relatedTrade", params: { occupation: code } }];
  return [0, null];
}

function retentionPoints(retention: { kept: number; total: number }, w: MatchingWeights): [number, MatchReason | null] {
  if (retention.total < w.retention.minPlacements) return [0, null];
  const share = retention.kept / retention.total;
  const percent = Math.round(share * 100);
  return [w.retention.max * share, percent >= 50 ? { code: "keepsWorkers", params: { percent } } : null];
}

/**
 * The score (integer 0–100) and the reasons for a pair that passed the hard rules. Reasons come in the
 * order of their weight, so the first tags on a card are the strongest.
 */
export function scoreMatch(person: PersonFacts, listing: ListingFacts, w: MatchingWeights = MATCHING_WEIGHTS): Scored {
  const parts: [number, MatchReason][] = [];
  const add = (points: number, reason: MatchReason | null) => {
    if (reason) parts.push([points, reason]);
  };
  const [occPoints, occReason] = occupationFit(person, listing.occupationCode, w);
  add(occPoints, occReason);
  const phrases = listing.kind === "job" ? [listing.title, ...listing.skills] : [listing.title];
  const skills = matchingSkills(person.skills, phrases);
  skills.slice(0, Math.ceil(w.skills.cap / w.skills.perSkill)).forEach((skill, i) => {
    add(Math.min(w.skills.perSkill, w.skills.cap - i * w.skills.perSkill), { code: "skill", params: { skill } });
  });
  if (listing.kind === "job") {
    const path = listing.trainingPaths.find((course) => withinReach(person, course));
    // "Lacks the skill": never practised the trade and names none of the job's skills (wanting it is not knowing it).
    if (!person.trades.includes(listing.occupationCode) && skills.length === 0 && path)
      add(w.trainingPath, { code: "trainingPath", params: { course: path.title, courseId: path.id } });
    if (person.expectedWage !== null && listing.wageMax >= person.expectedWage)
      add(w.wage.meetsExpectation, { code: "wageMeetsExpectation" });
    if (listing.minimumWage !== null && listing.wageMin >= listing.minimumWage)
      add(w.wage.aboveMinimum, { code: "aboveMinimumWage" });
    if (person.needs.includes("housing") && listing.benefits.includes("accommodation"))
      add(w.accommodation, { code: "accommodation" });
  } else {
    const job = listing.leadsToJobs[0];
    if (job) add(w.leadsToJob, { code: "leadsToJob", params: { job: job.title } });
    if (listing.costVnd === 0 || listing.support.some((s) => s === "free" || s === "fee_waiver"))
      add(w.freeCourse, { code: "freeCourse" });
    if (person.needs.includes("housing") && listing.support.includes("boarding"))
      add(w.accommodation, { code: "accommodation" });
  }
  add(...distance(person, listing, w));
  if (person.recordStanding && listing.acceptsUnexpunged === "yes")
    add(w.acceptsUnexpunged, { code: "acceptsUnexpunged" });
  if (person.recordStanding && listing.acceptsUnexpunged === "case_by_case") add(0, { code: "caseByCase" });
  add(...retentionPoints(listing.retention, w));
  const total = parts.reduce((sum, [p]) => sum + p, 0);
  const reasons = parts
    .map(([p, r], i) => ({ p, r, i }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.r);
  return { score: Math.max(0, Math.min(100, Math.round(total))), reasons };
}

export type Evaluation = { ok: true; score: number; reasons: MatchReason[] } | { ok: false; exclusions: MatchReason[] };

export function evaluate(
  person: PersonFacts,
  listing: ListingFacts,
  today: string,
  w: MatchingWeights = MATCHING_WEIGHTS,
): Evaluation {
  const exclusions = hardRules(person, listing, today);
  if (exclusions.length) return { ok: false, exclusions };
  return { ok: true, ...scoreMatch(person, listing, w) };
}

/** Ranking: score, then the id, so equal scores always come in the same order. */
export function byRank<T extends { score: number; id: string }>(a: T, b: T): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * First-stage ranking from index fields only (retrieval hits): the same scorer, with what the index does
 * not hold left neutral (the organisation's stance and record, the minimum wage, training paths, a
 * person's needs and record). The engine loads facts for the best hits only; the full rules then decide.
 */
export type JobHitFields = Pick<
  JobFacts,
  | "id"
  | "title"
  | "occupationCode"
  | "communeCode"
  | "provinceCode"
  | "skills"
  | "wageMin"
  | "wageMax"
  | "benefits"
  | "employmentType"
>;
export type TrainingHitFields = Pick<
  TrainingFacts,
  "id" | "title" | "occupationCode" | "communeCode" | "provinceCode" | "costVnd" | "support"
> & {
  leadsToJobs: number;
};
export type CandidateHitFields = Pick<
  PersonFacts,
  | "id"
  | "skills"
  | "trades"
  | "communeCode"
  | "provinceCode"
  | "preferredProvinceCode"
  | "willingToMove"
  | "expectedWage"
> & {
  occupationsWanted: string[];
  bannedOccupationCodes: string[];
};

const unknownListing = {
  organizationId: "",
  organizationName: "",
  status: "open",
  acceptsUnexpunged: "case_by_case" as const,
  capacity: 1,
  taken: 0,
  retention: { kept: 0, total: 0 },
};

export function prescoreJob(person: PersonFacts, hit: JobHitFields): number {
  return scoreMatch(person, {
    ...unknownListing,
    ...hit,
    kind: "job",
    closesAt: "",
    excludedOffenceCategories: [],
    minimumWage: null,
    trainingPaths: [],
  }).score;
}

export function prescoreTraining(person: PersonFacts, hit: TrainingHitFields): number {
  const leadsToJobs = hit.leadsToJobs > 0 ? [{ id: "", title: "", occupationCode: "" }] : [];
  return scoreMatch(person, {
    ...unknownListing,
    ...hit,
    kind: "training",
    applicationDeadline: "",
    startsAt: "",
    leadsToJobs,
  }).score;
}

/** A candidate's first score for a listing; relatedOccupations are the listing's (the relation goes both ways). */
export function prescoreCandidate(
  hit: CandidateHitFields,
  listing: ListingFacts & { relatedOccupations: string[] },
): number {
  const own = [...hit.trades, ...hit.occupationsWanted];
  const person: PersonFacts = {
    ...hit,
    active: true,
    dateOfBirth: "1900-01-01",
    desiredOccupations: hit.occupationsWanted,
    relatedTrades: own.some((c) => listing.relatedOccupations.includes(c)) ? [listing.occupationCode] : [],
    needs: [],
    recordStanding: false,
    offenceCategories: [],
    bans: [],
    consentPurposes: [],
  };
  // A banned trade goes last: the officer still sees it among the exclusions if it makes the cut.
  return hit.bannedOccupationCodes.includes(listing.occupationCode) ? -1 : scoreMatch(person, listing).score;
}

/** The k best by first score (ties by id, so the cut is stable). */
export function topByScore<T extends { id: string }>(items: T[], score: (item: T) => number, k: number): T[] {
  if (items.length <= k) return items;
  return items
    .map((item) => ({ item, s: score(item) }))
    .sort((a, b) => b.s - a.s || (a.item.id < b.item.id ? -1 : 1))
    .slice(0, k)
    .map((x) => x.item);
}
