import { asc, gt, inArray, sql } from "drizzle-orm";

import { liveConsent } from "~/modules/consent/live.server";

import type { Executor } from "../../../db/client.server";
import { courtBan, releasedPerson } from "../../../db/schema";
import {
  type CandidateRow,
  candidateToDocument,
  type DocumentSource,
  lastIdOf,
  type RowSelection,
} from "../../../search/facade.server";

/**
 * Candidates as search sees them: a person's matching profile, whether a live matching consent exists, and
 * active bans; the rule of who may be in the candidates index; and the document source app/worker wires
 * into search/ (docs/decisions/028-background-work.md). Moved here from search/rows.server.ts and
 * search/documents.ts.
 */

/** In the candidates index only with a live matching consent, an active file and no anonymisation. */
export function isCandidateIndexable(row: Pick<CandidateRow, "status" | "anonymized" | "hasMatchingConsent">): boolean {
  return row.status === "active" && !row.anonymized && row.hasMatchingConsent;
}

// Qualified by hand: in a single-table select drizzle renders columns unqualified, and inside a correlated
// subquery an unqualified "id" would bind to the inner table.
const personId = sql.raw(`"released_person"."id"`);

/** Candidate rows: a person's matching profile, whether a live matching consent exists, and active bans. */
export function selectCandidateRows(db: Executor, today: string) {
  return db
    .select({
      id: releasedPerson.id,
      status: releasedPerson.status,
      anonymized: sql<boolean>`${releasedPerson.anonymizedAt} is not null`,
      hasMatchingConsent: sql<boolean>`${liveConsent(releasedPerson.id, "matching")}`,
      skills: releasedPerson.skills,
      trades: releasedPerson.trades,
      tradeNames: sql<
        string[]
      >`coalesce((select array_agg(o.name_vi order by o.code) from occupation o where o.code = any(${releasedPerson.trades})), '{}')`,
      desiredOccupations: releasedPerson.desiredOccupations,
      desiredOccupationNames: sql<
        string[]
      >`coalesce((select array_agg(o.name_vi order by o.code) from occupation o where o.code = any(${releasedPerson.desiredOccupations})), '{}')`,
      communeCode: releasedPerson.communeCode,
      provinceCode: releasedPerson.provinceCode,
      preferredProvinceCode: releasedPerson.preferredProvinceCode,
      willingToMove: releasedPerson.willingToMove,
      availableFrom: releasedPerson.availableFrom,
      expectedWage: releasedPerson.expectedWage,
      bannedOccupationCodes: sql<
        string[]
      >`coalesce((select array_agg(distinct c) from ${courtBan} b, unnest(b.occupation_codes) c
        where b.person_id = ${personId} and b.kind = 'occupation' and (b.ends_on is null or b.ends_on >= ${today})), '{}')`,
      updatedAt: releasedPerson.updatedAt,
    })
    .from(releasedPerson)
    .$dynamic();
}

export async function loadCandidateRows(db: Executor, today: string, which: RowSelection): Promise<CandidateRow[]> {
  const q = selectCandidateRows(db, today);
  if ("ids" in which) return which.ids.length ? q.where(inArray(releasedPerson.id, which.ids)) : [];
  return q
    .where(which.afterId ? gt(releasedPerson.id, which.afterId) : undefined)
    .orderBy(asc(releasedPerson.id))
    .limit(which.limit);
}

/** The documents of indexable candidates among the selected persons (search/sources.ts). */
export const candidateDocuments: DocumentSource = async (db, today, which) => {
  const rows = await loadCandidateRows(db, today, which);
  return { docs: rows.filter(isCandidateIndexable).map(candidateToDocument), lastId: lastIdOf(rows, which) };
};
