import { and, eq } from "drizzle-orm";
import { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { now, todayIso } from "~/utils/clock.server";
import type { NotFound } from "~/utils/outcome";
import { optionalText } from "~/utils/zod-fields.server";

import { db } from "../../../db/client.server";
import { classification, CLASSIFICATION_GROUPS, releasedPerson } from "../../../db/schema";
import { personInScope } from "./scope.server";

/** This quarter's classification (HCD-08): A, B, C or D, and a note. */
export const classificationSchema = z.object({
  group: z.enum(CLASSIFICATION_GROUPS, { error: "validation.choose" }),
  note: optionalText(1_000),
});
export type ClassificationInput = z.output<typeof classificationSchema>;

/** The quarter of a Vietnamese calendar day: "2026-10-05" → "2026-Q4". */
export function quarterOf(iso: string): string {
  const [year, month] = iso.split("-").map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function currentQuarter(): string {
  return quarterOf(todayIso());
}

export type ClassifyOutcome = { ok: true; quarter: string; updated: boolean } | NotFound;

/**
 * Classify a person of the officer's communes for the current quarter: one classification per person and
 * quarter, so a second one in the same quarter corrects the first. Audited with the group given.
 */
export async function classifyPerson(
  scope: StaffScope,
  personId: string,
  input: ClassificationInput,
): Promise<ClassifyOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  const quarter = currentQuarter();
  const updated = await db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: classification.id, group: classification.group })
      .from(classification)
      .where(and(eq(classification.personId, personId), eq(classification.quarter, quarter)))
      .for("update");
    await tx
      .insert(classification)
      .values({
        personId,
        quarter,
        group: input.group,
        note: input.note,
        classifiedBy: scope.actorId,
        classifiedAt: now(),
      })
      .onConflictDoUpdate({
        target: [classification.personId, classification.quarter],
        set: { group: input.group, note: input.note, classifiedBy: scope.actorId, classifiedAt: now() },
      });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "classify", "case_management", {
      quarter,
      group: input.group,
      ...(existing ? { previousGroup: existing.group } : {}),
    });
    return !!existing;
  });
  return { ok: true, quarter, updated };
}
