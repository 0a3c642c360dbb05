import { and, eq, inArray, isNull } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit, auditMany } from "~/modules/audit/audit.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { occupation, releasedPerson } from "../../../db/schema";
import { search } from "../../../search/facade.server";
import { type ListingMatches, matchListing, matchPerson, type PersonMatches, type Suggestion } from "./engine.server";
import type { MatchReason } from "./reasons";

/**
 * Who may see which suggestions, and the audit trail: the pages call these, never the engine directly.
 * Officers see a person of their communes with exclusions; a person sees their own positive suggestions.
 */

/** Occupation names for the codes that reasons and cards mention, in both languages (the page picks). */
export type OccupationLabels = Record<string, { vi: string; en: string }>;

async function occupationLabels(codes: string[]): Promise<OccupationLabels> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return {};
  const rows = await db()
    .select({ code: occupation.code, vi: occupation.nameVi, en: occupation.nameEn })
    .from(occupation)
    .where(inArray(occupation.code, unique));
  return Object.fromEntries(rows.map((r) => [r.code, { vi: r.vi, en: r.en }]));
}

function codesIn(lists: { occupationCode?: string; reasons?: MatchReason[]; exclusions?: MatchReason[] }[]): string[] {
  const out: string[] = [];
  for (const item of lists) {
    if (item.occupationCode) out.push(item.occupationCode);
    for (const r of [...(item.reasons ?? []), ...(item.exclusions ?? [])])
      if (typeof r.params?.occupation === "string") out.push(r.params.occupation);
  }
  return out;
}

export type OfficerPersonMatches = PersonMatches & { fullName: string; occupations: OccupationLabels };

/** An officer's view of one person's suggestions (404 outside the scope). The read is audited. */
export async function suggestionsForPerson(
  scope: StaffScope,
  personId: string,
): Promise<OfficerPersonMatches | undefined> {
  const result = await matchPerson(db(), personId, { today: todayIso(), search, within: personsInScope(scope) });
  if (!result) return undefined;
  const { matches, person } = result;
  await audit(db(), { id: scope.actorId, role: scope.role }, personId, "view", "matching", {
    via: "person_matches",
    jobs: matches.jobs.length,
    trainings: matches.trainings.length,
  });
  const occupations = await occupationLabels(
    codesIn([...matches.jobs, ...matches.trainings, ...matches.excludedJobs, ...matches.excludedTrainings]),
  );
  return { ...matches, fullName: person.fullName, occupations };
}

export type CandidatesPage = ListingMatches & { occupations: OccupationLabels };

/**
 * Ranked candidates of the officer's communes for an open listing; undefined (404) when the listing is
 * unknown or closed. Every person shown, ranked or excluded, is audit-logged.
 */
export async function candidatesForListing(
  scope: StaffScope,
  target: { kind: "job" | "training"; listingId: string },
): Promise<CandidatesPage | undefined> {
  const reach =
    scope.communeCodes !== null ? { communeCodes: scope.communeCodes } : { provinceCodes: scope.provinceCodes };
  const result = await matchListing(db(), target, reach, { today: todayIso(), search, within: personsInScope(scope) });
  if (!result) return undefined;
  const shown = [...result.candidates, ...result.excluded].map((c) => c.personId);
  await auditMany(db(), { id: scope.actorId, role: scope.role }, shown, "view", "matching", {
    via: "listing_candidates",
    kind: target.kind,
    listingId: target.listingId,
  });
  const occupations = await occupationLabels([
    result.listing.occupationCode,
    ...codesIn(result.candidates),
    ...codesIn(result.excluded),
  ]);
  return { ...result, occupations };
}

/** What a person sees of their own suggestions: positive reasons only, never an exclusion. */
export type OwnSuggestions = {
  consent: PersonMatches["consent"];
  active: boolean;
  jobs: Suggestion[];
  trainings: Suggestion[];
  occupations: OccupationLabels;
};

/** The person's own suggestions (undefined: the account is not linked to a record). Audited as a self view. */
export async function ownSuggestions(actor: { id: string }): Promise<OwnSuggestions | undefined> {
  const [own] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.userId, actor.id), isNull(releasedPerson.anonymizedAt)));
  if (!own) return undefined;
  const result = await matchPerson(db(), own.id, { today: todayIso(), search });
  if (!result) return undefined;
  const { matches } = result;
  await audit(db(), { id: actor.id, role: "person" }, own.id, "view", "matching", { via: "own_matches" });
  const occupations = await occupationLabels(codesIn([...matches.jobs, ...matches.trainings]));
  // Excluded lists are dropped here, not in the page: they never leave the server for a person.
  return {
    consent: matches.consent,
    active: matches.active,
    jobs: matches.jobs,
    trainings: matches.trainings,
    occupations,
  };
}
