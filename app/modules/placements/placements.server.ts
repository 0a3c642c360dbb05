import { and, eq, inArray, isNull, max } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate, formatVnd } from "~/i18n";
import { audit } from "~/modules/audit/audit.server";
import {
  notify,
  officersOfPerson,
  userOfPerson,
  usersOfOrganization,
} from "~/modules/notifications/notifications.server";
import { onPlacementRecorded } from "~/modules/organizations/directory.server";
import { personInScope, personsInScope } from "~/modules/persons/scope.server";
import { minimumWageFor } from "~/modules/reference/reference.server";
import { now, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import type { NotFound, Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import {
  commune,
  enrolment,
  followUp,
  job,
  organization,
  placement,
  referral,
  referralEvent,
  releasedPerson,
  trainingSlot,
} from "../../../db/schema";
import { resolveEmployerReminders, resolveFollowUpReminders } from "./reminders.server";
import { dueFrom, followUpSchedule } from "./schedule";
import type { EndPlacementInput, PlacementInput } from "./schema.server";

/**
 * Placements: employment periods of a released person, recorded by their commune officer. A placement
 * usually comes from an accepted job referral; it may also follow a completed course, or be a job the
 * person found outside the platform. Creating one schedules its four follow-ups in the same transaction.
 */

/** How far ahead a start date may be: a job agreed for next month, not a plan for next year. */
export const START_DAYS_AHEAD = 30;

/**
 * The Vietnamese calendar day a referral was accepted (the person's yes): the last "accepted" event in its
 * history. Null when the history has none (rows written before it was kept): nothing to compare with.
 */
export async function acceptedOnOf(executor: Executor, referralId: string): Promise<string | null> {
  const [row] = await executor
    .select({ at: max(referralEvent.at) })
    .from(referralEvent)
    .where(and(eq(referralEvent.referralId, referralId), eq(referralEvent.status, "accepted")));
  return row?.at ? todayIso(new Date(row.at)) : null;
}

/**
 * A date before the referral's acceptance: a real placement recorded late is legitimate, a slip is not. The
 * officer must tick the confirmation and give a reason; otherwise the date field explains (both keep what
 * was typed). Returns the reason to store ("" when the date is not earlier).
 */
export function checkBackdate(
  field: string,
  date: string,
  acceptedOn: string | null,
  input: { confirmBackdate: boolean; backdateReason: string },
  errors: FieldErrors,
): string {
  if (!acceptedOn || date >= acceptedOn) return "";
  if (!input.confirmBackdate)
    errors[field] = { key: "outcomes.backdate.error.confirm", vars: { date: formatDate(acceptedOn) } };
  else if (!input.backdateReason) errors.backdateReason = { key: "outcomes.backdate.error.reason" };
  return input.backdateReason;
}

export type PersonHeading = {
  id: string;
  fullName: string;
  communeName: string;
  status: "active" | "closed";
  releaseDate: string;
  provinceCode: string;
  communeCode: string;
};

/** The person's heading, if within the actor's reach (nothing sensitive is read). */
export async function personHeading(
  scope: StaffScope,
  personId: string,
  executor: Executor = db(),
): Promise<PersonHeading | undefined> {
  const [row] = await executor
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      communeName: commune.name,
      status: releasedPerson.status,
      releaseDate: releasedPerson.releaseDate,
      provinceCode: releasedPerson.provinceCode,
      communeCode: releasedPerson.communeCode,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(personInScope(scope, personId));
  return row;
}

export type PlacementSource =
  | {
      kind: "referral";
      referralId: string;
      organizationId: string;
      employerName: string;
      jobId: string;
      jobTitle: string;
      wageMin: number;
      provinceCode: string;
      communeCode: string;
      /** The day the person said yes: an earlier start date needs the officer's confirmation and reason. */
      acceptedOn: string | null;
    }
  | { kind: "enrolment"; enrolmentId: string; courseTitle: string; providerName: string; completedOn: string | null }
  | { kind: "outside" };

export type SourceProblem = "not_found" | "not_job" | "not_accepted" | "not_completed" | "already_placed";
export type SourceResult =
  { ok: true; source: PlacementSource } | { ok: false; problem: SourceProblem; placementId?: string };

/** Where a new placement comes from, checked against the person: their own accepted job referral or completed course. */
export async function placementSource(
  executor: Executor,
  personId: string,
  ids: { referralId?: string | null; enrolmentId?: string | null },
): Promise<SourceResult> {
  if (ids.referralId) {
    const [row] = await executor
      .select({
        id: referral.id,
        kind: referral.kind,
        status: referral.status,
        organizationId: referral.organizationId,
        employerName: organization.name,
        jobId: job.id,
        jobTitle: job.title,
        wageMin: job.wageMin,
        provinceCode: job.provinceCode,
        communeCode: job.communeCode,
      })
      .from(referral)
      .innerJoin(organization, eq(organization.id, referral.organizationId))
      .leftJoin(job, eq(job.id, referral.jobId))
      .where(and(eq(referral.id, ids.referralId), eq(referral.personId, personId)));
    if (!row) return { ok: false, problem: "not_found" };
    if (row.kind !== "job" || !row.jobId) return { ok: false, problem: "not_job" };
    if (row.status !== "accepted") return { ok: false, problem: "not_accepted" };
    const [placed] = await executor
      .select({ id: placement.id })
      .from(placement)
      .where(eq(placement.referralId, row.id));
    if (placed) return { ok: false, problem: "already_placed", placementId: placed.id };
    return {
      ok: true,
      source: {
        kind: "referral",
        referralId: row.id,
        organizationId: row.organizationId,
        employerName: row.employerName,
        jobId: row.jobId,
        jobTitle: row.jobTitle ?? "",
        wageMin: row.wageMin ?? 0,
        provinceCode: row.provinceCode ?? "",
        communeCode: row.communeCode ?? "",
        acceptedOn: await acceptedOnOf(executor, row.id),
      },
    };
  }
  if (ids.enrolmentId) {
    const [row] = await executor
      .select({
        id: enrolment.id,
        status: enrolment.status,
        completedOn: enrolment.completedOn,
        courseTitle: trainingSlot.title,
        providerName: organization.name,
      })
      .from(enrolment)
      .innerJoin(trainingSlot, eq(trainingSlot.id, enrolment.trainingSlotId))
      .innerJoin(organization, eq(organization.id, enrolment.organizationId))
      .where(and(eq(enrolment.id, ids.enrolmentId), eq(enrolment.personId, personId)));
    if (!row) return { ok: false, problem: "not_found" };
    if (row.status !== "completed") return { ok: false, problem: "not_completed" };
    const [placed] = await executor
      .select({ id: placement.id })
      .from(placement)
      .where(eq(placement.enrolmentId, row.id));
    if (placed) return { ok: false, problem: "already_placed", placementId: placed.id };
    return {
      ok: true,
      source: {
        kind: "enrolment",
        enrolmentId: row.id,
        courseTitle: row.courseTitle,
        providerName: row.providerName,
        completedOn: row.completedOn,
      },
    };
  }
  return { ok: true, source: { kind: "outside" } };
}

export type PlacementForm =
  | {
      ok: true;
      person: PersonHeading;
      source: PlacementSource;
      values: Record<string, string>;
      minimumWage: number | null;
      today: string;
      latestStart: string;
    }
  | NotFound
  | { ok: false; person: PersonHeading; problem: SourceProblem; placementId?: string };

/** What the "record a job" page needs: the person, the source and the prefilled values. */
export async function placementForm(
  scope: StaffScope,
  personId: string,
  ids: { referralId?: string | null; enrolmentId?: string | null },
): Promise<PlacementForm> {
  const person = await personHeading(scope, personId);
  if (!person) return { ok: false, notFound: true };
  const found = await placementSource(db(), personId, ids);
  if (!found.ok) return { ok: false, person, problem: found.problem, placementId: found.placementId };
  const { source } = found;
  const today = todayIso();
  const place = source.kind === "referral" && source.provinceCode ? source : person;
  const minimum = await minimumWageFor(place.provinceCode, place.communeCode, today);
  const values: Record<string, string> = { startDate: today, contractKind: "" };
  if (source.kind === "referral") {
    Object.assign(values, {
      referralId: source.referralId,
      employerName: source.employerName,
      position: source.jobTitle,
      wage: source.wageMin ? String(source.wageMin) : "",
    });
  } else if (source.kind === "enrolment") {
    values.enrolmentId = source.enrolmentId;
  }
  return {
    ok: true,
    person,
    source,
    values,
    minimumWage: minimum?.monthlyVnd ?? null,
    today,
    latestStart: addDays(today, START_DAYS_AHEAD),
  };
}

export type CreateOutcome = Outcome<{ placementId: string }>;

/** Record a placement and schedule its follow-ups; tell the employer and the person. One transaction. */
export async function createPlacement(
  scope: StaffScope,
  personId: string,
  input: PlacementInput,
): Promise<CreateOutcome> {
  const person = await personHeading(scope, personId);
  if (!person) return { ok: false, notFound: true };
  const today = todayIso();
  const errors: FieldErrors = {};
  if (person.status !== "active") errors._form = { key: "outcomes.placement.error.closed" };
  if (input.startDate > addDays(today, START_DAYS_AHEAD))
    errors.startDate = { key: "outcomes.placement.error.startFuture", vars: { days: START_DAYS_AHEAD } };
  else if (input.startDate < person.releaseDate)
    errors.startDate = {
      key: "outcomes.placement.error.startBeforeRelease",
      vars: { date: formatDate(person.releaseDate) },
    };
  const found = await placementSource(db(), personId, input);
  if (!found.ok) {
    // A forged or stale hidden id: the same answer as an unknown one.
    if (found.problem === "not_found") return { ok: false, notFound: true };
    errors._form = { key: `outcomes.source.${found.problem}` as "outcomes.source.not_accepted" };
    return { ok: false, errors };
  }
  const { source } = found;
  if (source.kind !== "referral" && !input.employerName) errors.employerName = { key: "validation.required" };
  const place = source.kind === "referral" && source.provinceCode ? source : person;
  const minimum = await minimumWageFor(place.provinceCode, place.communeCode, input.startDate);
  if (minimum && input.wage < minimum.monthlyVnd && !input.confirmLowWage) {
    errors.wage = { key: "outcomes.placement.error.lowWage", vars: { min: formatVnd(minimum.monthlyVnd) } };
  }
  const backdateReason =
    errors.startDate || source.kind !== "referral"
      ? ""
      : checkBackdate("startDate", input.startDate, source.acceptedOn, input, errors);
  if (Object.keys(errors).length) return { ok: false, errors };

  const placementId = await db().transaction(async (tx) => {
    // Two officers saving the same referral at once: the unique index on referral_id refuses the second.
    const [created] = await tx
      .insert(placement)
      .values({
        personId,
        referralId: source.kind === "referral" ? source.referralId : null,
        enrolmentId: source.kind === "enrolment" ? source.enrolmentId : null,
        jobId: source.kind === "referral" ? source.jobId : null,
        organizationId: source.kind === "referral" ? source.organizationId : null,
        employerName: source.kind === "referral" ? source.employerName : input.employerName,
        position: input.position,
        wage: input.wage,
        contractKind: input.contractKind,
        startDate: input.startDate,
        backdateReason,
        createdBy: scope.actorId,
        createdAt: now(),
        updatedAt: now(),
      })
      .onConflictDoNothing()
      .returning({ id: placement.id });
    if (!created) return null;
    await tx.insert(followUp).values(
      followUpSchedule(input.startDate).map((f) => ({
        placementId: created.id,
        personId,
        monthOffset: f.monthOffset,
        dueOn: f.dueOn,
      })),
    );
    const params = { position: input.position, date: formatDate(input.startDate) };
    if (source.kind === "referral") {
      // A first hire through the programme can put an opted-in employer in the directory (its jobs' badge).
      await onPlacementRecorded(tx, source.organizationId);
      await notify(tx, await usersOfOrganization(tx, source.organizationId), {
        messageKey: "notify.placement.created.org",
        params,
        link: "/employer/placements",
      });
    }
    await notify(tx, [await userOfPerson(tx, personId)], {
      messageKey: "notify.placement.created.person",
      params: { ...params, employer: source.kind === "referral" ? source.employerName : input.employerName },
      link: "/me",
    });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "placement", "case_management", {
      stage: "created",
      placementId: created.id,
      source: source.kind,
      ...(backdateReason ? { backdated: true } : {}),
    });
    return created.id;
  });
  if (!placementId) return { ok: false, errors: { _form: { key: "outcomes.source.already_placed" } } };
  return { ok: true, placementId };
}

/** A placement of a person within the actor's reach, locked for the change about to be made. */
export async function lockPlacement(executor: Executor, scope: StaffScope, placementId: string) {
  const [row] = await executor
    .select({ placement })
    .from(placement)
    .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
    .where(and(eq(placement.id, placementId), personsInScope(scope)))
    .for("update", { of: placement });
  return row?.placement;
}

type PlacementRow = typeof placement.$inferSelect;

/**
 * End a placement inside the caller's transaction: follow-ups whose window opens after the end (or has not
 * opened yet) are no longer needed; reoffending is also the 12-month outcome. The organisation learns the
 * date, never the reason (a reason such as reoffending is not theirs to know).
 */
export async function endPlacementTx(
  tx: Executor,
  scope: StaffScope,
  row: PlacementRow,
  input: EndPlacementInput,
): Promise<FieldErrors | null> {
  const today = todayIso();
  if (row.endDate) return { _form: { key: "outcomes.placement.error.ended" } };
  if (input.endDate < row.startDate)
    return { endDate: { key: "outcomes.placement.error.endBeforeStart", vars: { date: formatDate(row.startDate) } } };
  if (input.endDate > today) return { endDate: { key: "outcomes.placement.error.endFuture" } };
  const at = now();
  await tx
    .update(placement)
    .set({
      endDate: input.endDate,
      endReason: input.endReason,
      endNote: input.endNote,
      updatedAt: at,
      ...(input.endReason === "reoffended" ? { outcome: "reoffended" as const, outcomeAt: at } : {}),
    })
    .where(eq(placement.id, row.id));
  const open = await tx
    .select({ id: followUp.id, dueOn: followUp.dueOn })
    .from(followUp)
    .where(and(eq(followUp.placementId, row.id), isNull(followUp.doneAt), isNull(followUp.cancelledAt)));
  const cancel = open.filter((f) => dueFrom(f.dueOn) > input.endDate || dueFrom(f.dueOn) > today).map((f) => f.id);
  if (cancel.length) await tx.update(followUp).set({ cancelledAt: at }).where(inArray(followUp.id, cancel));
  // Cancelled visits are nobody's task any more; an ended placement leaves the employer nothing to confirm.
  await resolveFollowUpReminders(tx, cancel);
  await resolveEmployerReminders(
    tx,
    open.map((f) => f.id),
  );
  const params = { position: row.position, date: formatDate(input.endDate) };
  if (row.referralId && row.organizationId) {
    await notify(tx, await usersOfOrganization(tx, row.organizationId), {
      messageKey: "notify.placement.ended.org",
      params,
      link: "/employer/placements",
    });
  }
  const colleagues = (await officersOfPerson(tx, row.personId)).filter((id) => id !== scope.actorId);
  await notify(tx, colleagues, {
    messageKey: "notify.placement.ended.officer",
    params: { ...params, employer: row.employerName },
    link: `/officer/placements/${row.id}`,
  });
  await audit(tx, { id: scope.actorId, role: scope.role }, row.personId, "placement", "case_management", {
    stage: "ended",
    placementId: row.id,
    reason: input.endReason,
    cancelled: cancel.length,
  });
  return null;
}

export type EndOutcome = Outcome;

export async function endPlacement(
  scope: StaffScope,
  placementId: string,
  input: EndPlacementInput,
): Promise<EndOutcome> {
  return db().transaction(async (tx) => {
    const row = await lockPlacement(tx, scope, placementId);
    if (!row) return { ok: false as const, notFound: true as const };
    const errors = await endPlacementTx(tx, scope, row, input);
    return errors ? { ok: false as const, errors } : { ok: true as const };
  });
}
