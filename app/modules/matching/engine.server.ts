import type { SQL } from "drizzle-orm";

import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { compareByNameKey } from "~/modules/persons/order.server";
import { log } from "~/utils/log.server";

import type { Executor } from "../../../db/client.server";
import {
  type CandidateReach,
  retrieveCandidates,
  retrieveListingsForPerson,
  type SearchClient,
} from "../../../search/facade.server";
import { type ListingDisplay, loadPersonFacts, loadTrainingFacts, type PersonFactsRow } from "./facts.server";
import { loadJobFacts } from "./job-facts.server";
import type { MatchReason } from "./reasons";
import {
  candidatesFromDatabase,
  listingsFromDatabase,
  trainingReferralOnlyCandidates,
} from "./retrieval-fallback.server";
import {
  byRank,
  evaluate,
  type JobFacts,
  listingAvailability,
  type ListingFacts,
  prescoreCandidate,
  prescoreJob,
  prescoreTraining,
  topByScore,
  type TrainingFacts,
} from "./rules";
import { MATCHING_WEIGHTS } from "./weights";

/**
 * The matching pipeline (docs/decisions/013): retrieve (Meilisearch, or PostgreSQL when it is down) →
 * keep the best hits by a first score from the index fields → load their facts from PostgreSQL, one
 * query per kind → hard rules → score → rank. Pure of scope and audit: the callers in
 * suggestions.server.ts check who asks and log what is shown.
 */

export type ListingSummary = {
  kind: "job" | "training";
  id: string;
  title: string;
  occupationCode: string;
  organizationName: string;
  communeName: string;
  provinceName: string;
  wageMin: number | null;
  wageMax: number | null;
  startsAt: string | null;
};
export type Suggestion = ListingSummary & { score: number; reasons: MatchReason[] };
export type ExcludedListing = ListingSummary & { exclusions: MatchReason[] };

export type PersonMatches = {
  personId: string;
  active: boolean;
  /** Whether a live grant covers each purpose: jobs (matching) and courses (training_referral). */
  consent: { job: boolean; training: boolean };
  jobs: Suggestion[];
  trainings: Suggestion[];
  excludedJobs: ExcludedListing[];
  excludedTrainings: ExcludedListing[];
  weightsVersion: string;
  /** Which way retrieval went (the benchmark asserts it measured Meilisearch). */
  source: "meilisearch" | "database" | "none";
};

/**
 * How many retrieved hits get their facts loaded, best first by a first score from the index fields:
 * fact loading is most of a request's time and grows with the rows (tests/bench/matching.ts).
 */
export const FACTS_FOR = { jobs: 40, trainings: 20, candidates: 50 } as const;

export type MatchOptions = { search?: () => SearchClient; limit?: number; today: string; within?: SQL };

function summary(l: (JobFacts | TrainingFacts) & ListingDisplay): ListingSummary {
  return {
    kind: l.kind,
    id: l.id,
    title: l.title,
    occupationCode: l.occupationCode,
    organizationName: l.organizationName,
    communeName: l.communeName,
    provinceName: l.provinceName,
    wageMin: l.kind === "job" ? l.wageMin : null,
    wageMax: l.kind === "job" ? l.wageMax : null,
    startsAt: l.startsAt,
  };
}

function rank<T extends ListingFacts & ListingDisplay>(
  person: PersonFactsRow,
  listings: Iterable<T>,
  today: string,
  limit: number,
) {
  const ok: Suggestion[] = [];
  const excluded: ExcludedListing[] = [];
  for (const listing of listings) {
    const result = evaluate(person, listing, today);
    if (result.ok) ok.push({ ...summary(listing), score: result.score, reasons: result.reasons });
    // A listing that closed since it was indexed is noise, not an exclusion worth an officer's time.
    else if (!listingAvailability(listing, today))
      excluded.push({ ...summary(listing), exclusions: result.exclusions });
  }
  ok.sort(byRank);
  excluded.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
  return { ok: ok.slice(0, limit), excluded: excluded.slice(0, limit) };
}

/**
 * Ranked jobs and courses for one person (and, for officers, what the rules excluded). Undefined when the
 * person does not exist (or is outside `within`). Without consent for a purpose its list stays empty.
 */
export async function matchPerson(
  executor: Executor,
  personId: string,
  options: MatchOptions,
): Promise<{ person: PersonFactsRow; matches: PersonMatches } | undefined> {
  const { today } = options;
  const limit = options.limit ?? 20;
  const person = (await loadPersonFacts(executor, [personId], today, options.within)).get(personId);
  if (!person) return undefined;
  const consent = {
    job: person.consentPurposes.includes(LISTING_PURPOSE.job),
    training: person.consentPurposes.includes(LISTING_PURPOSE.training),
  };
  const empty: PersonMatches = {
    personId,
    active: person.active,
    consent,
    jobs: [],
    trainings: [],
    excludedJobs: [],
    excludedTrainings: [],
    weightsVersion: MATCHING_WEIGHTS.version,
    source: "none",
  };
  if (!person.active || (!consent.job && !consent.training)) return { person, matches: empty };

  const profile = {
    communeCode: person.communeCode,
    provinceCode: person.provinceCode,
    willingToMove: person.willingToMove,
    preferredProvinceCode: person.preferredProvinceCode,
    occupationCodes: [...new Set([...person.trades, ...person.desiredOccupations, ...person.relatedTrades])],
    skills: person.skills,
  };
  let source: PersonMatches["source"] = "meilisearch";
  let ids;
  try {
    if (!options.search) throw new Error("no search client");
    ids = await retrieveListingsForPerson(options.search(), profile, today);
  } catch (error) {
    if (options.search) log.warn("matching", "retrieval falls back to PostgreSQL", error);
    source = "database";
    ids = await listingsFromDatabase(executor, profile, today);
  }
  // Facts only for the best hits by a first score from the index fields (the fallback gives bare ids).
  const trainingIds = ids.trainingHits
    ? topByScore(ids.trainingHits, (h) => prescoreTraining(person, h), FACTS_FOR.trainings).map((h) => h.id)
    : ids.trainingIds;
  const jobIds = ids.jobHits
    ? topByScore(ids.jobHits, (h) => prescoreJob(person, h), FACTS_FOR.jobs).map((h) => h.id)
    : ids.jobIds;
  // Courses first: they also give the jobs they lead to, and the training paths, without another query.
  const trainings = await loadTrainingFacts(executor, trainingIds, today);
  const jobs = consent.job
    ? await loadJobFacts(executor, jobIds, today, trainings)
    : new Map<string, JobFacts & ListingDisplay>();
  const rankedJobs = rank(person, jobs.values(), today, limit);
  const rankedTrainings = consent.training ? rank(person, trainings.values(), today, limit) : { ok: [], excluded: [] };
  return {
    person,
    matches: {
      ...empty,
      jobs: rankedJobs.ok,
      excludedJobs: rankedJobs.excluded,
      trainings: rankedTrainings.ok,
      excludedTrainings: rankedTrainings.excluded,
      source,
    },
  };
}

export type Candidate = {
  personId: string;
  fullName: string;
  communeName: string;
  score: number;
  reasons: MatchReason[];
};
export type ExcludedCandidate = { personId: string; fullName: string; communeName: string; exclusions: MatchReason[] };

export type ListingMatches = {
  listing: ListingSummary;
  candidates: Candidate[];
  excluded: ExcludedCandidate[];
  weightsVersion: string;
  source: "meilisearch" | "database";
};

/**
 * Ranked candidates for one open listing within a reach (an officer's communes). `within` re-checks
 * the same reach in PostgreSQL: the index is never trusted with scope. Undefined for an unknown or closed
 * listing.
 */
export async function matchListing(
  executor: Executor,
  target: { kind: "job" | "training"; listingId: string },
  reach: CandidateReach,
  options: MatchOptions & { within: SQL },
): Promise<ListingMatches | undefined> {
  const { today } = options;
  const limit = options.limit ?? 30;
  const listings =
    target.kind === "job"
      ? await loadJobFacts(executor, [target.listingId], today)
      : await loadTrainingFacts(executor, [target.listingId], today);
  const listing = listings.get(target.listingId);
  if (!listing || listingAvailability(listing, today)) return undefined;
  const text = [listing.title, ...(listing.kind === "job" ? listing.skills : [])].join(" ");
  const profile = { occupationCodes: [listing.occupationCode, ...listing.relatedOccupations], text };
  let source: ListingMatches["source"] = "meilisearch";
  let ids: string[];
  try {
    if (!options.search) throw new Error("no search client");
    const hits = await retrieveCandidates(options.search(), profile, reach, target.kind === "training");
    ids = topByScore(hits, (h) => prescoreCandidate(h, listing), FACTS_FOR.candidates).map((h) => h.id);
  } catch (error) {
    if (options.search) log.warn("matching", "candidate retrieval falls back to PostgreSQL", error);
    source = "database";
    ids = await candidatesFromDatabase(executor, options.within, LISTING_PURPOSE[target.kind]);
  }
  // The index holds persons with a matching consent only; a course also reaches those who agreed to training referrals alone.
  if (target.kind === "training")
    ids = [...new Set([...ids, ...(await trainingReferralOnlyCandidates(executor, options.within))])];
  const persons = await loadPersonFacts(executor, ids, today, options.within);
  const candidates: Candidate[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (const person of persons.values()) {
    const who = { personId: person.id, fullName: person.fullName, communeName: person.communeName };
    const result = evaluate(person, listing, today);
    if (result.ok) candidates.push({ ...who, score: result.score, reasons: result.reasons });
    // A closed file is not a candidate at all (it only lingers in the index until the outbox catches up).
    else if (person.active) excluded.push({ ...who, exclusions: result.exclusions });
  }
  // Equal scores, and the excluded, in the order of every list of persons (given name first, Vietnamese alphabet).
  const byName = (a: { personId: string }, b: { personId: string }) =>
    compareByNameKey(
      { id: a.personId, nameSortKey: persons.get(a.personId)!.nameSortKey },
      { id: b.personId, nameSortKey: persons.get(b.personId)!.nameSortKey },
    );
  candidates.sort((a, b) => b.score - a.score || byName(a, b));
  excluded.sort(byName);
  return {
    listing: summary(listing),
    candidates: candidates.slice(0, limit),
    excluded: excluded.slice(0, limit),
    weightsVersion: MATCHING_WEIGHTS.version,
    source,
  };
}
