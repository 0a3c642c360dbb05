import type { MultiSearchQuery } from "meilisearch";

import type { SearchClient } from "./client.server";
import { type CandidateDocument, dayNumber, type JobDocument, type TrainingDocument } from "./documents";
import { quote } from "./filter-syntax";

/**
 * Retrieval for the matching engine: which listings or candidates are worth loading from the database.
 * One multiSearch request each way. Hits carry the few public fields a first, cheap ranking needs (the
 * engine pre-scores them and loads facts from PostgreSQL for the best only: the index may lag, and
 * officer-only facts are never indexed). Caps stay small (tests/bench/matching.ts measures them).
 */

export const RETRIEVAL_CAPS = { byOccupation: 60, bySkills: 30, sameCommune: 20, trainings: 20 } as const;

export type PersonProfile = {
  communeCode: string;
  provinceCode: string;
  willingToMove: boolean;
  preferredProvinceCode: string | null;
  /** Trades practised, occupations wanted and their related trades. */
  occupationCodes: string[];
  skills: string[];
};

/** Where a person may work: their province; or, willing to move, also the one they prefer, or anywhere. */
export function reachFilter(
  p: Pick<PersonProfile, "provinceCode" | "willingToMove" | "preferredProvinceCode">,
): string | null {
  if (!p.willingToMove) return `provinceCode = ${quote(p.provinceCode)}`;
  if (p.preferredProvinceCode && p.preferredProvinceCode !== p.provinceCode) {
    return `provinceCode IN [${quote(p.provinceCode)}, ${quote(p.preferredProvinceCode)}]`;
  }
  return p.preferredProvinceCode ? `provinceCode = ${quote(p.provinceCode)}` : null;
}

const inList = (field: string, values: string[]) => `${field} IN [${values.map(quote).join(", ")}]`;
const compact = (parts: (string | null)[]) => parts.filter((p): p is string => p !== null);
/** Skills as one query string ("sửa xe máy thay nhớt"), capped so a long list stays a cheap query. */
export const skillsQuery = (skills: string[]) => skills.join(" ").split(/\s+/).filter(Boolean).slice(0, 10).join(" ");

/** The queries for one person: jobs and courses by occupation, by skills, and near home. Pure (unit-tested). */
export function personQueries(
  indexUid: (name: "jobs" | "trainings") => string,
  p: PersonProfile,
  today: string,
): MultiSearchQuery[] {
  const reach = reachFilter(p);
  const jobOpen = `closesAt >= ${dayNumber(today)}`;
  const courseOpen = `applicationDeadline >= ${dayNumber(today)}`;
  const occ = p.occupationCodes.length ? inList("occupationCode", p.occupationCodes) : null;
  const q = skillsQuery(p.skills);
  const queries: MultiSearchQuery[] = [];
  const jobs = indexUid("jobs");
  const courses = indexUid("trainings");
  if (occ) {
    queries.push({
      ...JOB_FIELDS,
      indexUid: jobs,
      filter: compact([jobOpen, `communeCode = ${quote(p.communeCode)}`, occ]),
      limit: RETRIEVAL_CAPS.sameCommune,
    });
    queries.push({
      ...JOB_FIELDS,
      indexUid: jobs,
      filter: compact([jobOpen, reach, occ]),
      limit: RETRIEVAL_CAPS.byOccupation,
    });
    queries.push({
      ...COURSE_FIELDS,
      indexUid: courses,
      filter: compact([courseOpen, reach, occ]),
      limit: RETRIEVAL_CAPS.trainings,
    });
  }
  if (q) {
    queries.push({
      ...JOB_FIELDS,
      indexUid: jobs,
      q,
      matchingStrategy: "frequency",
      filter: compact([jobOpen, reach]),
      limit: RETRIEVAL_CAPS.bySkills,
    });
    queries.push({
      ...COURSE_FIELDS,
      indexUid: courses,
      q,
      matchingStrategy: "frequency",
      filter: compact([courseOpen, reach]),
      limit: RETRIEVAL_CAPS.trainings,
    });
  }
  // Courses near home whatever the trade: learning a new one is the point of a course.
  queries.push({
    ...COURSE_FIELDS,
    indexUid: courses,
    filter: compact([courseOpen, `provinceCode = ${quote(p.provinceCode)}`]),
    limit: RETRIEVAL_CAPS.trainings,
  });
  return queries;
}

/** What a first ranking reads from a job or course hit (public fields of the documents). */
export type JobHit = Pick<
  JobDocument,
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
export type TrainingHit = Pick<
  TrainingDocument,
  "id" | "title" | "occupationCode" | "communeCode" | "provinceCode" | "costVnd" | "support" | "leadsToJobs"
>;
const JOB_FIELDS = {
  attributesToRetrieve: [
    "id",
    "title",
    "occupationCode",
    "communeCode",
    "provinceCode",
    "skills",
    "wageMin",
    "wageMax",
    "benefits",
    "employmentType",
  ],
};
const COURSE_FIELDS = {
  attributesToRetrieve: [
    "id",
    "title",
    "occupationCode",
    "communeCode",
    "provinceCode",
    "costVnd",
    "support",
    "leadsToJobs",
  ],
};

/** Ids (and, from the index, first-ranking fields) of the jobs and courses retrieved for one person. */
export type Retrieved = { jobIds: string[]; trainingIds: string[]; jobHits?: JobHit[]; trainingHits?: TrainingHit[] };

/** Jobs and courses for one person, in one request. */
export async function retrieveListingsForPerson(
  client: SearchClient,
  p: PersonProfile,
  today: string,
): Promise<Retrieved> {
  const queries = personQueries((n) => client.indexUid(n), p, today);
  const res = await client.raw.multiSearch<{ queries: MultiSearchQuery[] }>({ queries });
  const jobs = new Map<string, JobHit>();
  const trainings = new Map<string, TrainingHit>();
  for (const r of res.results) {
    if (r.indexUid === client.indexUid("jobs")) for (const hit of r.hits) jobs.set(String(hit.id), hit as JobHit);
    else for (const hit of r.hits) trainings.set(String(hit.id), hit as TrainingHit);
  }
  return {
    jobIds: [...jobs.keys()],
    trainingIds: [...trainings.keys()],
    jobHits: [...jobs.values()],
    trainingHits: [...trainings.values()],
  };
}

export type ListingProfile = { occupationCodes: string[]; text: string };
/** An officer's communes, or an admin's provinces. */
export type CandidateReach = { communeCodes: string[] } | { provinceCodes: string[] };

export const CANDIDATE_CAPS = { byOccupation: 100, byText: 60, anyTrade: 60 } as const;

/** What a first ranking reads from a candidate document (never a name: there is none in the index). */
export type CandidateHit = Pick<
  CandidateDocument,
  | "id"
  | "skills"
  | "trades"
  | "occupationsWanted"
  | "communeCode"
  | "provinceCode"
  | "preferredProvinceCode"
  | "willingToMove"
  | "expectedWage"
  | "bannedOccupationCodes"
>;
const CANDIDATE_FIELDS = [
  "id",
  "skills",
  "trades",
  "occupationsWanted",
  "communeCode",
  "provinceCode",
  "preferredProvinceCode",
  "willingToMove",
  "expectedWage",
  "bannedOccupationCodes",
];

/**
 * The candidates queries for one listing within the actor's reach. Pure (unit-tested). A course also asks
 * for anyone of the reach (`anyTrade`): learning a new trade is the point of a course.
 */
export function candidateQueries(
  indexUid: string,
  listing: ListingProfile,
  reach: CandidateReach,
  anyTrade = false,
): MultiSearchQuery[] {
  const place =
    "communeCodes" in reach
      ? inList("communeCode", reach.communeCodes.length ? reach.communeCodes : ["-"])
      : inList("provinceCode", reach.provinceCodes.length ? reach.provinceCodes : ["-"]);
  const base = { indexUid, attributesToRetrieve: CANDIDATE_FIELDS };
  const queries: MultiSearchQuery[] = [];
  if (listing.occupationCodes.length) {
    const occ = `(${inList("trades", listing.occupationCodes)} OR ${inList("occupationsWanted", listing.occupationCodes)})`;
    queries.push({ ...base, filter: [place, occ], limit: CANDIDATE_CAPS.byOccupation });
  }
  const q = listing.text.split(/\s+/).filter(Boolean).slice(0, 10).join(" ");
  if (q) queries.push({ ...base, q, matchingStrategy: "frequency", filter: [place], limit: CANDIDATE_CAPS.byText });
  if (anyTrade) queries.push({ ...base, filter: [place], limit: CANDIDATE_CAPS.anyTrade });
  return queries;
}

/** Candidates for one listing, in one request (the index holds only persons with a live matching consent). */
export async function retrieveCandidates(
  client: SearchClient,
  listing: ListingProfile,
  reach: CandidateReach,
  anyTrade = false,
): Promise<CandidateHit[]> {
  const queries = candidateQueries(client.indexUid("candidates"), listing, reach, anyTrade);
  if (queries.length === 0) return [];
  const res = await client.raw.multiSearch<{ queries: MultiSearchQuery[] }>({ queries });
  const hits = new Map<string, CandidateHit>();
  for (const r of res.results) for (const hit of r.hits) hits.set(String(hit.id), hit as CandidateHit);
  return [...hits.values()];
}
