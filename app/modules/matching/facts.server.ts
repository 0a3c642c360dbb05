import { and, eq, inArray, type SQL, sql } from "drizzle-orm";

import { livePurposesSql } from "~/modules/consent/live.server";
import { convictionsJson, courtBansJson } from "~/modules/persons/record-sql.server";
import { now } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import {
  commune,
  job,
  organization,
  province,
  releasedPerson,
  trainingLeadsToJob,
  trainingSlot,
} from "../../../db/schema";
import { matchingReference } from "./reference-cache.server";
import { type PersonFacts, recordStandsOn, type TrainingFacts } from "./rules";

/**
 * Facts for the rules, loaded from PostgreSQL (never from the index: it may lag, and officer-only facts
 * such as convictions, bans or a job's excluded offence categories are never indexed). One query per kind
 * whatever the number of ids: joins, and subqueries only where they are index lookups. A subquery that
 * scans a table per row, or an OR over two id lists, is what made a first version slow (decision 013).
 */

// Qualified by hand: inside a correlated subquery an unqualified "id" would bind to the inner table.
export const trainingIdCol = sql.raw(`"training_slot"."id"`);

/** Seats taken in a course: enrolments still enrolled or completed. */
export const seatsTaken = (slot: ReturnType<typeof sql.raw>) =>
  sql`(select count(*)::int from enrolment e where e.training_slot_id = ${slot} and e.status in ('enrolled', 'completed'))`;

/** A person's facts plus what an officer's list shows (never sent to an organisation). */
/** nameSortKey: the order of every list of persons (persons/order.server.ts). */
export type PersonFactsRow = PersonFacts & { fullName: string; nameSortKey: string; communeName: string };

// Qualified by hand: inside a correlated subquery an unqualified "id" would bind to the inner table.
const personIdCol = sql.raw(`"released_person"."id"`);

/**
 * Facts for these persons in one query; `within` narrows them to an actor's scope (personsInScope). The
 * subqueries are index lookups by person (consents, convictions, bans): one round trip beats five.
 */
export async function loadPersonFacts(
  executor: Executor,
  personIds: string[],
  today: string,
  within?: SQL,
): Promise<Map<string, PersonFactsRow>> {
  if (personIds.length === 0) return new Map();
  const at = now();
  const [reference, rows] = await Promise.all([
    matchingReference(executor, today),
    executor
      .select({
        id: releasedPerson.id,
        fullName: releasedPerson.fullName,
        nameSortKey: releasedPerson.nameSortKey,
        communeName: commune.name,
        status: releasedPerson.status,
        anonymizedAt: releasedPerson.anonymizedAt,
        dateOfBirth: releasedPerson.dateOfBirth,
        communeCode: releasedPerson.communeCode,
        provinceCode: releasedPerson.provinceCode,
        willingToMove: releasedPerson.willingToMove,
        preferredProvinceCode: releasedPerson.preferredProvinceCode,
        trades: releasedPerson.trades,
        desiredOccupations: releasedPerson.desiredOccupations,
        skills: releasedPerson.skills,
        expectedWage: releasedPerson.expectedWage,
        needs: releasedPerson.needs,
        recordExpungedOn: releasedPerson.recordExpungedOn,
        otherDecisionsCompletedOn: releasedPerson.otherDecisionsCompletedOn,
        consentPurposes: livePurposesSql(personIdCol, at),
        convictions: convictionsJson(personIdCol),
        bans: courtBansJson(personIdCol),
      })
      .from(releasedPerson)
      .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
      .where(and(inArray(releasedPerson.id, personIds), within)),
  ]);
  const out = new Map<string, PersonFactsRow>();
  for (const { recordExpungedOn, otherDecisionsCompletedOn, anonymizedAt, status, convictions, ...r } of rows) {
    const standing = recordStandsOn(
      { dateOfBirth: r.dateOfBirth, recordExpungedOn, otherDecisionsCompletedOn },
      convictions,
      today,
      r.bans,
    );
    out.set(r.id, {
      ...r,
      relatedTrades: [...new Set([...r.trades, ...r.desiredOccupations].flatMap((code) => reference.relatedOf(code)))],
      active: status === "active" && anonymizedAt === null,
      recordStanding: standing,
      offenceCategories: standing ? [...new Set(convictions.map((c) => c.offenceCategory))] : [],
    });
  }
  return out;
}

/** What a list item shows besides the facts. */
export type ListingDisplay = {
  communeName: string;
  provinceName: string;
  startsAt: string | null;
  /** Trades the occupation list relates to the listing's (for candidate retrieval). */
  relatedOccupations: string[];
};

export async function loadTrainingFacts(
  executor: Executor,
  trainingIds: string[],
  today: string,
): Promise<Map<string, TrainingFacts & ListingDisplay>> {
  if (trainingIds.length === 0) return new Map();
  const [reference, rows] = await Promise.all([
    matchingReference(executor, today),
    executor
      .select({
        id: trainingSlot.id,
        title: trainingSlot.title,
        occupationCode: trainingSlot.occupationCode,
        organizationId: trainingSlot.organizationId,
        organizationName: organization.name,
        acceptsUnexpunged: organization.acceptsUnexpunged,
        provinceCode: trainingSlot.provinceCode,
        communeCode: trainingSlot.communeCode,
        communeName: commune.name,
        provinceName: province.name,
        status: trainingSlot.status,
        capacity: trainingSlot.seats,
        taken: sql<number>`${seatsTaken(trainingIdCol)}`,
        applicationDeadline: trainingSlot.applicationDeadline,
        startsAt: trainingSlot.startsAt,
        costVnd: trainingSlot.costVnd,
        support: trainingSlot.support,
        // By the link table's key (the course): an index lookup per course.
        leadsToJobs: sql<
          TrainingFacts["leadsToJobs"]
        >`coalesce((select json_agg(json_build_object('id', j.id, 'title', j.title,
        'occupationCode', j.occupation_code) order by j.closes_at, j.id)
        from ${trainingLeadsToJob} l join ${job} j on j.id = l.job_id
        where l.training_slot_id = ${trainingIdCol} and j.status = 'open' and j.closes_at >= ${today}), '[]'::json)`,
      })
      .from(trainingSlot)
      .innerJoin(organization, eq(organization.id, trainingSlot.organizationId))
      .innerJoin(commune, eq(commune.code, trainingSlot.communeCode))
      .innerJoin(province, eq(province.code, trainingSlot.provinceCode))
      .where(inArray(trainingSlot.id, trainingIds)),
  ]);
  // Courses carry no placement record of their own: their providers' retention is not scored.
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: "training" as const,
        ...r,
        relatedOccupations: [...reference.relatedOf(r.occupationCode)],
        retention: { kept: 0, total: 0 },
      },
    ]),
  );
}
