import { and, desc, eq, inArray } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import { audit } from "~/modules/audit/audit.server";
import { now, todayIso } from "~/utils/clock.server";
import type { NotFound } from "~/utils/outcome";

import { db } from "../../../db/client.server";
import { followUp, placement, referral } from "../../../db/schema";
import { resolveEmployerReminders } from "./reminders.server";
import { followUpState } from "./schedule";

/**
 * The employer's side of a placement: the people it took on through referrals, and a way to confirm that
 * someone still works there when a follow-up is due. It sees what the referral shared and nothing more:
 * never the officer's findings, never why a placement ended, and no name unless the name was shared.
 */

/** The name the referral shared, or null (the page then says "the candidate referred on dd/MM/yyyy"). */
export function sharedName(sharedFields: readonly string[], snapshot: Record<string, unknown>): string | null {
  const name = snapshot.full_name;
  return sharedFields.includes("full_name") && typeof name === "string" && name.trim() ? name : null;
}

/** Placements at the employer's organisation that came from its own referrals, newest first. */
export async function employerPlacements(scope: OrgScope) {
  const rows = await db()
    .select({
      id: placement.id,
      position: placement.position,
      startDate: placement.startDate,
      endDate: placement.endDate,
      sharedFields: referral.sharedFields,
      sharedSnapshot: referral.sharedSnapshot,
      referredAt: referral.createdAt,
    })
    .from(placement)
    .innerJoin(referral, eq(referral.id, placement.referralId))
    .where(and(eq(placement.organizationId, scope.organizationId), eq(referral.organizationId, scope.organizationId)))
    .orderBy(desc(placement.startDate))
    .limit(200);
  const today = todayIso();
  const followUps = rows.length
    ? await db()
        .select({
          id: followUp.id,
          placementId: followUp.placementId,
          monthOffset: followUp.monthOffset,
          dueOn: followUp.dueOn,
          doneAt: followUp.doneAt,
          cancelledAt: followUp.cancelledAt,
          employerConfirmedAt: followUp.employerConfirmedAt,
          employerNote: followUp.employerNote,
        })
        .from(followUp)
        .where(
          inArray(
            followUp.placementId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(followUp.monthOffset)
    : [];
  return rows.map(({ sharedFields, sharedSnapshot, ...r }) => ({
    ...r,
    personName: sharedName(sharedFields, sharedSnapshot),
    followUps: followUps
      .filter((f) => f.placementId === r.id)
      .map(({ doneAt, cancelledAt, ...f }) => {
        const state = followUpState({ dueOn: f.dueOn, doneAt, cancelledAt }, today);
        // "done" is the officer's visit; the employer only needs to know whether its own confirmation is asked.
        const open = (state === "due" || state === "overdue") && !r.endDate;
        return { ...f, cancelled: state === "cancelled", confirmable: open && !f.employerConfirmedAt, open };
      }),
  }));
}

export type ConfirmOutcome = { ok: true } | NotFound | { ok: false; error: "not_due" | "already" | "ended" };

/** The employer confirms the person still works there, for a follow-up in its window. */
export async function confirmEmployment(scope: OrgScope, followUpId: string, note: string): Promise<ConfirmOutcome> {
  return db().transaction(async (tx): Promise<ConfirmOutcome> => {
    const [row] = await tx
      .select({ followUp, endDate: placement.endDate })
      .from(followUp)
      .innerJoin(placement, eq(placement.id, followUp.placementId))
      .innerJoin(referral, eq(referral.id, placement.referralId))
      .where(
        and(
          eq(followUp.id, followUpId),
          eq(placement.organizationId, scope.organizationId),
          eq(referral.organizationId, scope.organizationId),
        ),
      )
      .for("update", { of: followUp });
    if (!row) return { ok: false, notFound: true };
    if (row.endDate) return { ok: false, error: "ended" };
    if (row.followUp.employerConfirmedAt) return { ok: false, error: "already" };
    const state = followUpState(row.followUp, todayIso());
    if (state !== "due" && state !== "overdue") return { ok: false, error: "not_due" };
    await tx
      .update(followUp)
      .set({ employerConfirmedAt: now(), employerConfirmedBy: scope.actorId, employerNote: note })
      .where(eq(followUp.id, followUpId));
    // The employer's task is done; the officer's visit is still to record, so that reminder stays.
    await resolveEmployerReminders(tx, [followUpId]);
    await audit(
      tx,
      { id: scope.actorId, role: scope.role },
      row.followUp.personId,
      "follow_up",
      "employer_confirmation",
      { followUpId, month: row.followUp.monthOffset },
    );
    return { ok: true };
  });
}
