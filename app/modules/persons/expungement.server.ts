import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { now, todayIso } from "~/utils/clock.server";
import type { Outcome } from "~/utils/outcome";
import { isoDate, requiredText } from "~/utils/zod-fields.server";

import { db } from "../../../db/client.server";
import { commune, conviction, courtBan, releasedPerson } from "../../../db/schema";
import type { ExpungementResult } from "./expungement";
import { personNameOrder } from "./order.server";
import { expungementOf } from "./record.server";
import { personInScope, personsInScope } from "./scope.server";

/** "Mark the record expunged": the day it took effect and what shows it (court decision, extract no. 1…). */
export const markExpungedSchema = z.object({
  expungedOn: isoDate({ required: true }),
  evidence: requiredText(500),
});
export type MarkExpungedInput = z.output<typeof markExpungedSchema>;

export type MarkExpungedOutcome = Outcome;

/**
 * Record that a person's criminal record has been expunged (automatically, or by a court decision). The
 * date cannot be in the future, nor before the latest main penalty was completed. Audited as an edit.
 */
export async function markRecordExpunged(
  scope: StaffScope,
  personId: string,
  input: MarkExpungedInput,
): Promise<MarkExpungedOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  const on = input.expungedOn!;
  if (on > todayIso()) return { ok: false, errors: { expungedOn: { key: "persons.error.expungedInFuture" } } };
  const convictions = await db()
    .select({ mainCompletedOn: conviction.mainCompletedOn })
    .from(conviction)
    .where(eq(conviction.personId, personId));
  if (convictions.some((c) => on < c.mainCompletedOn)) {
    return { ok: false, errors: { expungedOn: { key: "persons.error.expungedBeforeCompletion" } } };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(releasedPerson)
      .set({ recordExpungedOn: on, expungementEvidence: input.evidence, updatedAt: now() })
      .where(eq(releasedPerson.id, personId));
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "edit", "expungement", {
      field: "recordExpungedOn",
      on,
    });
  });
  return { ok: true };
}

/** The judgment's other decisions (art. 70(2)): the day they were completed; empty clears it (not known). */
export const otherDecisionsSchema = z.object({ otherDecisionsCompletedOn: isoDate() });
export type OtherDecisionsInput = z.output<typeof otherDecisionsSchema>;

/**
 * Record (or clear) the day the judgment's other decisions (compensation, court fees…) were completed. Not in
 * the future, not before the latest offence (its judgment came after it). Audited as an edit.
 */
export async function setOtherDecisionsCompleted(
  scope: StaffScope,
  personId: string,
  input: OtherDecisionsInput,
): Promise<MarkExpungedOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  const on = input.otherDecisionsCompletedOn ?? null;
  if (on && on > todayIso())
    return { ok: false, errors: { otherDecisionsCompletedOn: { key: "persons.error.otherDecisionsInFuture" } } };
  const convictions = await db()
    .select({ offenceDate: conviction.offenceDate })
    .from(conviction)
    .where(eq(conviction.personId, personId));
  if (on && convictions.some((c) => on < c.offenceDate)) {
    return { ok: false, errors: { otherDecisionsCompletedOn: { key: "persons.error.otherDecisionsBeforeOffence" } } };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(releasedPerson)
      .set({ otherDecisionsCompletedOn: on, updatedAt: now() })
      .where(eq(releasedPerson.id, personId));
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "edit", "expungement", {
      field: "otherDecisionsCompletedOn",
      on,
    });
  });
  return { ok: true };
}

export type ExpungementDue = {
  id: string;
  fullName: string;
  communeName: string;
  computed: Extract<ExpungementResult, { kind: "automatic" | "court" }>;
};

/**
 * Active persons of the actor's reach whose record is not yet marked expunged and whose computed date has
 * come (court bans and the judgment's other decisions included, see expungementOf): automatic ones (the
 * officer records it) and court ones (the person may now apply), each in the order of every list of persons.
 * One audit event records that the list was seen.
 */
export async function listExpungementsDue(
  scope: StaffScope,
  options: { audit?: boolean } = {},
): Promise<{ automatic: ExpungementDue[]; court: ExpungementDue[] }> {
  const persons = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      recordExpungedOn: releasedPerson.recordExpungedOn,
      otherDecisionsCompletedOn: releasedPerson.otherDecisionsCompletedOn,
      communeName: commune.name,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(and(personsInScope(scope), eq(releasedPerson.status, "active"), isNull(releasedPerson.recordExpungedOn)))
    .orderBy(...personNameOrder());
  const ids = persons.map((p) => p.id);
  const [convictions, bans] = ids.length
    ? await Promise.all([
        db().select().from(conviction).where(inArray(conviction.personId, ids)),
        db()
          .select({ personId: courtBan.personId, endsOn: courtBan.endsOn })
          .from(courtBan)
          .where(inArray(courtBan.personId, ids)),
      ])
    : [[], []];
  const automatic: ExpungementDue[] = [];
  const court: ExpungementDue[] = [];
  for (const p of persons) {
    const { computed, eligibleNow } = expungementOf(
      p,
      convictions.filter((c) => c.personId === p.id),
      bans.filter((b) => b.personId === p.id),
    );
    if (!eligibleNow || !computed || computed.kind === "no_record") continue;
    const due = { id: p.id, fullName: p.fullName, communeName: p.communeName, computed };
    (computed.kind === "automatic" ? automatic : court).push(due);
  }
  if (options.audit !== false) {
    await audit(db(), { id: scope.actorId, role: scope.role }, null, "view", "expungement", {
      count: automatic.length + court.length,
      list: "expungements_due",
    });
  }
  return { automatic, court };
}

/** The home page's count: no names leave the module, so nothing is audited. */
export async function countExpungementsDue(scope: StaffScope): Promise<number> {
  const { automatic, court } = await listExpungementsDue(scope, { audit: false });
  return automatic.length + court.length;
}
