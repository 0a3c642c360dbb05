import { and, asc, count, eq, isNull, lte, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { personNameKey } from "~/modules/persons/order.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db } from "../../../db/client.server";
import { followUp, placement, releasedPerson } from "../../../db/schema";
import { endPlacementTx, lockPlacement } from "./placements.server";
import { resolveFollowUpReminders } from "./reminders.server";
import {
  canRecord,
  DUE_DAYS_BEFORE,
  followUpState,
  OUTCOME_MONTH,
  OVERDUE_DAYS_AFTER,
  suggestedOutcome,
} from "./schedule";
import type { FollowUpInput } from "./schema.server";
import { followUpsOf } from "./views.server";

/** The officer's follow-up work: the task list of due and overdue visits, and recording what was found. */

/** Follow-ups still to do whose window has opened by `today`, for persons in the actor's reach. */
function openTasks(scope: StaffScope, today: string) {
  return and(
    personsInScope(scope),
    isNull(followUp.doneAt),
    isNull(followUp.cancelledAt),
    lte(followUp.dueOn, addDays(today, DUE_DAYS_BEFORE)),
  )!;
}

export type TaskCounts = { due: number; overdue: number };

/** How many follow-ups are due and overdue (the home page's figure). */
export async function countFollowUpTasks(scope: StaffScope): Promise<TaskCounts> {
  const today = todayIso();
  const overdueBy = addDays(today, -OVERDUE_DAYS_AFTER);
  const [row] = await db()
    .select({ all: count(), overdue: sql<number>`count(*) filter (where ${followUp.dueOn} <= ${overdueBy})` })
    .from(followUp)
    .innerJoin(releasedPerson, eq(releasedPerson.id, followUp.personId))
    .where(openTasks(scope, today));
  const overdue = Number(row?.overdue ?? 0);
  return { due: Number(row?.all ?? 0) - overdue, overdue };
}

/** The task list: overdue first, then by due date. Names are shown to the officer whose commune the person lives in. */
export async function followUpTasks(scope: StaffScope) {
  const today = todayIso();
  const rows = await db()
    .select({
      id: followUp.id,
      placementId: followUp.placementId,
      personId: followUp.personId,
      personName: releasedPerson.fullName,
      employerName: placement.employerName,
      position: placement.position,
      monthOffset: followUp.monthOffset,
      dueOn: followUp.dueOn,
      employerConfirmedAt: followUp.employerConfirmedAt,
    })
    .from(followUp)
    .innerJoin(placement, eq(placement.id, followUp.placementId))
    .innerJoin(releasedPerson, eq(releasedPerson.id, followUp.personId))
    .where(openTasks(scope, today))
    .orderBy(asc(followUp.dueOn), personNameKey)
    .limit(500);
  const items = rows.map((r) => ({ ...r, state: followUpState(r, today) as "due" | "overdue" }));
  items.sort((a, b) => (a.state === b.state ? 0 : a.state === "overdue" ? -1 : 1));
  return {
    items,
    counts: {
      due: items.filter((i) => i.state === "due").length,
      overdue: items.filter((i) => i.state === "overdue").length,
    },
    today,
  };
}

/** One follow-up with its placement, for the record form. Audited as a read of the person's record. */
export async function getFollowUp(scope: StaffScope, followUpId: string) {
  const [row] = await db()
    .select({ placementId: followUp.placementId, personId: followUp.personId, personName: releasedPerson.fullName })
    .from(followUp)
    .innerJoin(releasedPerson, eq(releasedPerson.id, followUp.personId))
    .where(and(eq(followUp.id, followUpId), personsInScope(scope)));
  if (!row) return undefined;
  const today = todayIso();
  const [place] = await db().select().from(placement).where(eq(placement.id, row.placementId));
  const all = await followUpsOf([row.placementId], today);
  const current = all.find((f) => f.id === followUpId)!;
  await audit(db(), { id: scope.actorId, role: scope.role }, row.personId, "view", "follow_up", { followUpId });
  return {
    personId: row.personId,
    personName: row.personName,
    placement: place,
    followUp: current,
    others: all.filter((f) => f.id !== followUpId),
    needsOutcome: current.monthOffset === OUTCOME_MONTH,
    suggested: suggestedOutcome(all.filter((f) => f.state === "done")),
    today,
  };
}

export type RecordOutcome = Outcome<{ placementId: string }>;

/**
 * Record a follow-up: only inside its window (due or overdue), once. Someone no longer employed there ends
 * the placement in the same form; the 12-month follow-up also records the 12-month outcome.
 */
export async function recordFollowUp(
  scope: StaffScope,
  followUpId: string,
  input: FollowUpInput,
): Promise<RecordOutcome> {
  return db().transaction(async (tx): Promise<RecordOutcome> => {
    const [found] = await tx.select().from(followUp).where(eq(followUp.id, followUpId)).for("update");
    if (!found) return { ok: false, notFound: true };
    const row = await lockPlacement(tx, scope, found.placementId);
    if (!row) return { ok: false, notFound: true };
    const today = todayIso();
    const state = followUpState(found, today);
    if (!canRecord(state))
      return {
        ok: false,
        errors: { _form: { key: `outcomes.followUp.error.${state}` as "outcomes.followUp.error.upcoming" } },
      };
    const errors: FieldErrors = {};
    const ending = !input.stillEmployed && !row.endDate;
    if (ending && !input.endDate) errors.endDate = { key: "validation.required" };
    if (ending && !input.endReason) errors.endReason = { key: "validation.choose" };
    if (found.monthOffset === OUTCOME_MONTH && !input.outcome) errors.outcome = { key: "validation.choose" };
    if (Object.keys(errors).length) return { ok: false, errors };
    if (ending) {
      const endErrors = await endPlacementTx(tx, scope, row, {
        endDate: input.endDate!,
        endReason: input.endReason!,
        endNote: input.note,
      });
      if (endErrors) return { ok: false, errors: endErrors };
    }
    const at = now();
    await tx
      .update(followUp)
      .set({
        doneAt: at,
        doneBy: scope.actorId,
        // A follow-up cancelled by the ending just above is the one being recorded: it stays recorded.
        cancelledAt: null,
        stillEmployed: input.stillEmployed,
        currentWage: input.stillEmployed ? input.currentWage : null,
        stable: input.stable,
        livingSituation: input.livingSituation,
        violation: input.violation,
        violationNote: input.violation ? input.violationNote : "",
        note: input.note,
      })
      .where(eq(followUp.id, followUpId));
    // The visit is done: the officers' and the employer's reminders about it are resolved for everyone.
    await resolveFollowUpReminders(tx, [followUpId]);
    // Ending for reoffending is the outcome whatever was ticked (endPlacementTx recorded it already).
    const outcome = ending && input.endReason === "reoffended" ? "reoffended" : input.outcome;
    if (found.monthOffset === OUTCOME_MONTH && outcome) {
      await tx.update(placement).set({ outcome, outcomeAt: at, updatedAt: at }).where(eq(placement.id, row.id));
    }
    await audit(tx, { id: scope.actorId, role: scope.role }, found.personId, "follow_up", "case_management", {
      followUpId,
      placementId: row.id,
      month: found.monthOffset,
      stillEmployed: input.stillEmployed,
      ...(found.monthOffset === OUTCOME_MONTH ? { outcome } : {}),
    });
    return { ok: true, placementId: row.id };
  });
}
