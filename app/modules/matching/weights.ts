/**
 * Matching weights: versioned configuration, not code paths. Each referral stores the version it was
 * scored with (referral.matchWeightsVersion), so outcomes can later be compared across versions. Change a
 * number → change the version. The parts add up to 100 for a perfect job match; scores are clamped 0–100.
 * Why these numbers: docs/decisions/013-matching-rules-and-weights.md.
 */
export const MATCHING_WEIGHTS = {
  version: "2026-11-a",
  occupation: {
    /** The person has practised this very trade. */
    sameTrade: 30,
    /** The person said they want this occupation. */
    desiredOccupation: 26,
    /** A trade the occupation list calls related to one they practised or want. */
    relatedTrade: 15,
  },
  skills: {
    /** Per skill of theirs the listing names (title or skills), up to the cap. */
    perSkill: 10,
    cap: 20,
  },
  /** A job they lack the trade for, reachable through an open course that leads to it. */
  trainingPath: 15,
  /** A course that leads to a partner's open job. */
  leadsToJob: 10,
  wage: {
    /** The job's top wage reaches what the person expects. */
    meetsExpectation: 10,
    /** The job's bottom wage is at least the regional minimum wage where the work is. */
    aboveMinimum: 5,
  },
  distance: {
    sameCommune: 15,
    sameProvince: 10,
    preferredProvince: 8,
    elsewhere: 3,
  },
  /** The person needs housing and the job offers accommodation (a course: boarding). */
  accommodation: 5,
  /** The organisation takes people whose record is not yet expunged. */
  acceptsUnexpunged: 5,
  /** Times the share of its past placements that lasted 6 months (only with at least minPlacements). */
  retention: { max: 10, minPlacements: 2, months: 6 },
  /** A free or supported course. */
  freeCourse: 5,
} as const;

export type MatchingWeights = typeof MATCHING_WEIGHTS;

/** Minimum ages: 18 for work; 15 for apprenticeships and vocational courses (Labour Code art. 61, 143). */
export const MINIMUM_AGE = { job: 18, apprenticeship: 15, training: 15 } as const;
