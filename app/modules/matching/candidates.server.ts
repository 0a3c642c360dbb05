import { and, eq, inArray } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { auditMany } from "~/modules/audit/audit.server";
import { personsWithLiveConsent } from "~/modules/consent/consent.server";
import { compareByNameKey } from "~/modules/persons/order.server";
import { personsInScope } from "~/modules/persons/scope.server";

import { db } from "../../../db/client.server";
import { commune, releasedPerson } from "../../../db/schema";
import { type CandidateDocument, quote, search } from "../../../search/facade.server";

export type CandidateHit = CandidateDocument & { fullName: string; communeName: string };

/**
 * Candidates an officer may see: retrieved from the server-only candidates index within the officer's
 * communes (or the admin's province), then re-checked in the database — still in scope, still a live
 * matching consent — before a single name is shown. Each person shown is audit-logged. The ranked
 * suggestions for a listing (rules, scores, reasons) are in engine.server.ts; this is the free-text search.
 */
export async function searchCandidates(
  scope: StaffScope,
  query: { q?: string; occupation?: string; limit?: number },
): Promise<CandidateHit[]> {
  const placeFilter =
    scope.communeCodes !== null
      ? `communeCode IN [${(scope.communeCodes.length ? scope.communeCodes : ["-"]).map(quote).join(", ")}]`
      : `provinceCode IN [${(scope.provinceCodes.length ? scope.provinceCodes : ["-"]).map(quote).join(", ")}]`;
  const filter = [placeFilter];
  if (query.occupation && /^\d{5}$/.test(query.occupation)) {
    filter.push(`(trades = ${quote(query.occupation)} OR occupationsWanted = ${quote(query.occupation)})`);
  }
  const res = await search()
    .index<CandidateDocument>("candidates")
    .search(query.q ?? "", { filter, limit: Math.min(query.limit ?? 50, 200) });
  const ids = res.hits.map((h) => h.id);
  if (ids.length === 0) return [];
  const [consented, rows] = await Promise.all([
    personsWithLiveConsent(ids, "matching"),
    db()
      .select({
        id: releasedPerson.id,
        fullName: releasedPerson.fullName,
        nameSortKey: releasedPerson.nameSortKey,
        communeName: commune.name,
      })
      .from(releasedPerson)
      .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
      .where(and(inArray(releasedPerson.id, ids), personsInScope(scope), eq(releasedPerson.status, "active"))),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const kept = res.hits.filter((h) => consented.has(h.id) && byId.has(h.id));
  // Without words to rank by, the candidates are a list of persons: in the order of every such list.
  if (!query.q?.trim()) kept.sort((a, b) => compareByNameKey(byId.get(a.id)!, byId.get(b.id)!));
  const hits = kept.map((h) => ({
    ...h,
    fullName: byId.get(h.id)!.fullName,
    communeName: byId.get(h.id)!.communeName,
  }));
  await auditMany(
    db(),
    { id: scope.actorId, role: scope.role },
    hits.map((h) => h.id),
    "view",
    "matching",
    { via: "candidate_search" },
  );
  return hits;
}
