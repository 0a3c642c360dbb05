import { and, eq, gte, inArray, isNull, not, or, type SQL, sql } from "drizzle-orm";

import { liveConsent } from "~/modules/consent/live.server";
import type { ConsentPurpose } from "~/modules/consent/vocabulary";

import type { Executor } from "../../../db/client.server";
import { job, releasedPerson, trainingSlot } from "../../../db/schema";
import type { PersonProfile, Retrieved } from "../../../search/facade.server";

/**
 * Retrieval from PostgreSQL: when Meilisearch is unreachable (DESIGN: reads fall back, never fail), and
 * for course candidates who agreed to training referrals but not to matching (the candidates index holds
 * matching consent only). Coarser than the index (no text relevance); the rules and scorer still decide.
 */

const CAP = { jobs: 100, trainings: 40, persons: 150 } as const;

function reachOf(
  column: typeof job.provinceCode | typeof trainingSlot.provinceCode,
  p: Pick<PersonProfile, "provinceCode" | "willingToMove" | "preferredProvinceCode">,
): SQL | undefined {
  if (!p.willingToMove) return eq(column, p.provinceCode);
  if (p.preferredProvinceCode) return inArray(column, [p.provinceCode, p.preferredProvinceCode]);
  return undefined;
}

export async function listingsFromDatabase(executor: Executor, p: PersonProfile, today: string): Promise<Retrieved> {
  const nearOrTrade = p.occupationCodes.length
    ? or(eq(job.communeCode, p.communeCode), inArray(job.occupationCode, p.occupationCodes))
    : eq(job.communeCode, p.communeCode);
  const [jobs, trainings] = await Promise.all([
    executor
      .select({ id: job.id })
      .from(job)
      .where(and(eq(job.status, "open"), gte(job.closesAt, today), reachOf(job.provinceCode, p), nearOrTrade))
      .orderBy(sql`${job.communeCode} = ${p.communeCode} desc`, job.id)
      .limit(CAP.jobs),
    executor
      .select({ id: trainingSlot.id })
      .from(trainingSlot)
      .where(
        and(
          eq(trainingSlot.status, "open"),
          gte(trainingSlot.applicationDeadline, today),
          reachOf(trainingSlot.provinceCode, p),
        ),
      )
      .orderBy(sql`${trainingSlot.provinceCode} = ${p.provinceCode} desc`, trainingSlot.id)
      .limit(CAP.trainings),
  ]);
  return { jobIds: jobs.map((r) => r.id), trainingIds: trainings.map((r) => r.id) };
}

const liveConsentOf = (purpose: ConsentPurpose) => liveConsent(releasedPerson.id, purpose);

async function personsWith(executor: Executor, within: SQL, purpose: ConsentPurpose): Promise<string[]> {
  const rows = await executor
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(
      and(within, eq(releasedPerson.status, "active"), isNull(releasedPerson.anonymizedAt), liveConsentOf(purpose)),
    )
    .orderBy(releasedPerson.id)
    .limit(CAP.persons);
  return rows.map((r) => r.id);
}

/** Persons of the reach with a live consent for the purpose (Meilisearch down). */
export function candidatesFromDatabase(executor: Executor, within: SQL, purpose: ConsentPurpose): Promise<string[]> {
  return personsWith(executor, within, purpose);
}

/** Persons of the reach who agreed to training referrals but not to matching (so are not in the candidates index). */
export async function trainingReferralOnlyCandidates(executor: Executor, within: SQL): Promise<string[]> {
  const rows = await executor
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(
      and(
        within,
        eq(releasedPerson.status, "active"),
        isNull(releasedPerson.anonymizedAt),
        liveConsentOf("training_referral"),
        not(liveConsentOf("matching")),
      ),
    )
    .orderBy(releasedPerson.id)
    .limit(CAP.persons);
  return rows.map((r) => r.id);
}
