import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { audit, auditMany } from "~/modules/audit/audit.server";
import { notify, userOfPerson } from "~/modules/notifications/notifications.server";
import { personNameKey, personNameOrder } from "~/modules/persons/order.server";
import { personInScope, personsInScope } from "~/modules/persons/scope.server";
import { createPlacement } from "~/modules/placements/placements.server";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import {
  commune,
  jobFairEmployer,
  type JobFairOutcome,
  jobFairParticipant,
  organization,
  placement,
  releasedPerson,
} from "../../../db/schema";
import { type Fair, type FairChange, getFair, lockFair } from "./job-fairs.server";
import type { HirePlacementInput, OutcomeInput } from "./schema.server";

/**
 * The persons registered for a fair and what came of it. Only the fair's officers see names, and only of
 * persons in their own reach; every name shown is audited (purpose "job_fair"). Employers learn nothing here:
 * a hire they make becomes a placement, recorded through the placements module.
 */

const PURPOSE = "job_fair";

export type Participant = {
  personId: string;
  /** Null when the person is outside the reader's reach now (moved away, anonymised): the row still counts. */
  fullName: string | null;
  birthYear: number | null;
  communeName: string | null;
  outcome: JobFairOutcome;
  organizationId: string | null;
  employerName: string | null;
  placementId: string | null;
};

/** The fair's participants as an officer sees them; names shown are audited, one event per person. */
export async function fairParticipants(scope: StaffScope, fair: Fair): Promise<Participant[]> {
  const employer = alias(organization, "fair_employer");
  const rows = await db()
    .select({
      personId: jobFairParticipant.personId,
      inReach: sql<boolean>`(${personsInScope(scope)})`,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      communeName: commune.name,
      outcome: jobFairParticipant.outcome,
      organizationId: jobFairParticipant.organizationId,
      employerName: employer.name,
      placementId: jobFairParticipant.placementId,
    })
    .from(jobFairParticipant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, jobFairParticipant.personId))
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .leftJoin(employer, eq(employer.id, jobFairParticipant.organizationId))
    .where(eq(jobFairParticipant.fairId, fair.id))
    .orderBy(personNameKey, asc(jobFairParticipant.personId));
  const participants = rows.map((r) => ({
    personId: r.personId,
    fullName: r.inReach ? r.fullName : null,
    birthYear: r.inReach ? Number(r.dateOfBirth.slice(0, 4)) : null,
    communeName: r.inReach ? r.communeName : null,
    outcome: r.outcome,
    organizationId: r.organizationId,
    employerName: r.employerName,
    placementId: r.placementId,
  }));
  const named = participants.filter((p) => p.fullName !== null).map((p) => p.personId);
  await auditMany(db(), { id: scope.actorId, role: scope.role }, named, "view", PURPOSE, {
    fairId: fair.id,
    list: "participants",
  });
  return participants;
}

export type PlacementOption = {
  id: string;
  personId: string;
  employerName: string;
  position: string;
  startDate: string;
};

/** Placements a hire may be linked to: the hired persons' own, not yet linked to any fair. */
export async function linkablePlacements(personIds: string[]): Promise<PlacementOption[]> {
  if (personIds.length === 0) return [];
  return db()
    .select({
      id: placement.id,
      personId: placement.personId,
      employerName: placement.employerName,
      position: placement.position,
      startDate: placement.startDate,
    })
    .from(placement)
    .where(
      and(
        inArray(placement.personId, personIds),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(jobFairParticipant)
            .where(eq(jobFairParticipant.placementId, placement.id)),
        ),
      ),
    )
    .orderBy(asc(placement.startDate));
}

export type PickerPerson = { id: string; fullName: string; birthYear: number; communeName: string };

/** Active persons of the officer's communes not registered yet, found by name; names shown are audited. */
export async function registrablePersons(
  scope: StaffScope,
  fair: Fair,
  q: string | undefined,
): Promise<PickerPerson[]> {
  const conds = [personsInScope(scope), eq(releasedPerson.status, "active")];
  if (q)
    conds.push(
      sql`ct_fold(${releasedPerson.fullName}) like '%' || ct_fold(${q.replace(/[\\%_]/g, (c) => `\\${c}`)}) || '%'`,
    );
  const rows = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      communeName: commune.name,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(
      and(
        ...conds,
        notExists(
          db()
            .select({ one: sql`1` })
            .from(jobFairParticipant)
            .where(and(eq(jobFairParticipant.fairId, fair.id), eq(jobFairParticipant.personId, releasedPerson.id))),
        ),
      ),
    )
    .orderBy(...personNameOrder())
    .limit(30);
  await auditMany(
    db(),
    { id: scope.actorId, role: scope.role },
    rows.map((r) => r.id),
    "view",
    PURPOSE,
    { fairId: fair.id, list: "picker" },
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    birthYear: Number(r.dateOfBirth.slice(0, 4)),
    communeName: r.communeName,
  }));
}

const actorOf = (scope: StaffScope) => ({ id: scope.actorId, role: scope.role });

/**
 * Register a person of the officer's communes; their own account, if any, hears of it in the same
 * transaction. A person outside the officer's reach is not found (the picker never offers one).
 */
export async function registerParticipant(scope: StaffScope, fairId: string, personId: string): Promise<FairChange> {
  return db().transaction(async (tx) => {
    const fair = await lockFair(tx, scope, fairId);
    if (!fair) return { ok: false as const, notFound: true as const };
    const [person] = await tx
      .select({ status: releasedPerson.status })
      .from(releasedPerson)
      .where(personInScope(scope, personId));
    if (!person) return { ok: false as const, notFound: true as const };
    if (person.status !== "active")
      return { ok: false as const, errors: { personId: { key: "events.fair.error.personClosed" as const } } };
    const inserted = await tx
      .insert(jobFairParticipant)
      .values({ fairId, personId, updatedAt: now() })
      .onConflictDoNothing()
      .returning({ personId: jobFairParticipant.personId });
    if (inserted.length === 0)
      return { ok: false as const, errors: { personId: { key: "events.fair.error.alreadyRegistered" as const } } };
    await notify(tx, [await userOfPerson(tx, personId)], {
      messageKey: "notify.jobFair.registered",
      params: { title: fair.title, date: formatDate(fair.heldOn), place: fair.place },
      link: "/me",
    });
    await audit(tx, actorOf(scope), personId, "job_fair", PURPOSE, { stage: "registered", fairId });
    return { ok: true as const };
  });
}

/** The participant row of a person in the officer's reach, locked (undefined: not found). */
async function lockParticipant(tx: Executor, scope: StaffScope, fairId: string, personId: string) {
  const [row] = await tx
    .select({ participant: jobFairParticipant })
    .from(jobFairParticipant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, jobFairParticipant.personId))
    .where(and(eq(jobFairParticipant.fairId, fairId), personInScope(scope, personId)))
    .for("update", { of: jobFairParticipant });
  return row?.participant;
}

/** Take a registration back (entered by mistake), unless a placement is already linked to it. */
export async function unregisterParticipant(scope: StaffScope, fairId: string, personId: string): Promise<FairChange> {
  return db().transaction(async (tx) => {
    if (!(await lockFair(tx, scope, fairId))) return { ok: false as const, notFound: true as const };
    const row = await lockParticipant(tx, scope, fairId, personId);
    if (!row) return { ok: false as const, notFound: true as const };
    if (row.placementId)
      return { ok: false as const, errors: { _form: { key: "events.fair.error.hasPlacement" as const } } };
    await tx
      .delete(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, personId)));
    await audit(tx, actorOf(scope), personId, "job_fair", PURPOSE, { stage: "unregistered", fairId });
    return { ok: true as const };
  });
}

/** Record what came of the fair for one person: attended, absent, or an interview or hire with one of its employers. */
export async function recordOutcome(scope: StaffScope, fairId: string, input: OutcomeInput): Promise<FairChange> {
  return db().transaction(async (tx) => {
    if (!(await lockFair(tx, scope, fairId))) return { ok: false as const, notFound: true as const };
    const row = await lockParticipant(tx, scope, fairId, input.personId);
    if (!row) return { ok: false as const, notFound: true as const };
    const errors: FieldErrors = {};
    if (input.organizationId) {
      const [taking] = await tx
        .select({ id: jobFairEmployer.organizationId })
        .from(jobFairEmployer)
        .where(and(eq(jobFairEmployer.fairId, fairId), eq(jobFairEmployer.organizationId, input.organizationId)));
      if (!taking) errors.organizationId = { key: "events.fair.error.notFairEmployer" };
    }
    // A linked placement stands for the hire: it is ended on the placement's page, not undone here.
    if (row.placementId && (input.outcome !== "hired" || input.organizationId !== row.organizationId))
      errors._form = { key: "events.fair.error.hasPlacement" };
    if (Object.keys(errors).length) return { ok: false as const, errors };
    await tx
      .update(jobFairParticipant)
      .set({ outcome: input.outcome, organizationId: input.organizationId, updatedAt: now() })
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.personId, input.personId)));
    await audit(tx, actorOf(scope), input.personId, "job_fair", PURPOSE, {
      stage: "outcome",
      fairId,
      outcome: input.outcome,
      organizationId: input.organizationId,
    });
    return { ok: true as const };
  });
}

export type HireOutcome = Outcome<{ placementId: string }>;

/** A hire's participant, checked: hired by one of the fair's employers and not yet linked to a placement. */
async function hireOf(scope: StaffScope, fairId: string, personId: string): Promise<Outcome<{ employerName: string }>> {
  const [row] = await db()
    .select({
      outcome: jobFairParticipant.outcome,
      placementId: jobFairParticipant.placementId,
      employerName: organization.name,
    })
    .from(jobFairParticipant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, jobFairParticipant.personId))
    .leftJoin(organization, eq(organization.id, jobFairParticipant.organizationId))
    .where(and(eq(jobFairParticipant.fairId, fairId), personInScope(scope, personId)));
  if (!row) return { ok: false, notFound: true };
  if (row.outcome !== "hired" || !row.employerName)
    return { ok: false, errors: { _form: { key: "events.fair.error.notHired" } } };
  if (row.placementId) return { ok: false, errors: { _form: { key: "events.fair.error.alreadyPlaced" } } };
  return { ok: true, employerName: row.employerName };
}

/**
 * Record a fair's hire as a placement (follow-ups scheduled by the placements module), then link it. The
 * placement is created in its own transaction; should the link fail, "link an existing placement" mends it.
 */
export async function createHirePlacement(
  scope: StaffScope,
  fairId: string,
  input: HirePlacementInput,
): Promise<HireOutcome> {
  const fair = await getFair(scope, fairId);
  if (!fair) return { ok: false, notFound: true };
  const hire = await hireOf(scope, fairId, input.personId);
  if (!hire.ok) return hire;
  const created = await createPlacement(scope, input.personId, {
    referralId: null,
    enrolmentId: null,
    employerName: hire.employerName,
    position: input.position,
    wage: input.wage,
    contractKind: input.contractKind,
    startDate: input.startDate,
    confirmLowWage: input.confirmLowWage,
    // A job-fair hire has no referral, hence no acceptance date to be earlier than.
    confirmBackdate: false,
    backdateReason: "",
  });
  if (!created.ok) return created;
  await db()
    .update(jobFairParticipant)
    .set({ placementId: created.placementId, updatedAt: now() })
    .where(
      and(
        eq(jobFairParticipant.fairId, fairId),
        eq(jobFairParticipant.personId, input.personId),
        isNull(jobFairParticipant.placementId),
      ),
    );
  await audit(db(), actorOf(scope), input.personId, "job_fair", PURPOSE, {
    stage: "placement",
    fairId,
    placementId: created.placementId,
  });
  return { ok: true, placementId: created.placementId };
}

/** Link a hire to a placement already recorded for the same person (and to no other fair). */
export async function linkHirePlacement(
  scope: StaffScope,
  fairId: string,
  personId: string,
  placementId: string,
): Promise<HireOutcome> {
  const fair = await getFair(scope, fairId);
  if (!fair) return { ok: false, notFound: true };
  const hire = await hireOf(scope, fairId, personId);
  if (!hire.ok) return hire;
  return db().transaction(async (tx): Promise<HireOutcome> => {
    const [own] = await tx
      .select({ id: placement.id })
      .from(placement)
      .where(and(eq(placement.id, placementId), eq(placement.personId, personId)));
    // Someone else's placement, or an unknown id: the same answer.
    if (!own) return { ok: false as const, notFound: true as const };
    const [taken] = await tx
      .select({ fairId: jobFairParticipant.fairId })
      .from(jobFairParticipant)
      .where(eq(jobFairParticipant.placementId, placementId));
    if (taken)
      return { ok: false as const, errors: { placementId: { key: "events.fair.error.placementLinked" as const } } };
    const updated = await tx
      .update(jobFairParticipant)
      .set({ placementId, updatedAt: now() })
      .where(
        and(
          eq(jobFairParticipant.fairId, fairId),
          eq(jobFairParticipant.personId, personId),
          isNull(jobFairParticipant.placementId),
        ),
      )
      .returning({ personId: jobFairParticipant.personId });
    if (updated.length === 0)
      return { ok: false as const, errors: { _form: { key: "events.fair.error.alreadyPlaced" as const } } };
    await audit(tx, actorOf(scope), personId, "job_fair", PURPOSE, { stage: "linked", fairId, placementId });
    return { ok: true as const, placementId };
  });
}
