import { aliasedTable, and, asc, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { communeCodeField, provinceCodeField } from "~/modules/accounts/schema.server";
import { audit } from "~/modules/audit/audit.server";
import { withdrawReferralsOfPerson } from "~/modules/referrals/status.server";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { NotFound, Outcome } from "~/utils/outcome";
import { optionalText } from "~/utils/zod-fields.server";

import { db } from "../../../db/client.server";
import {
  appUser,
  CLOSURE_REASONS,
  commune,
  officerCommune,
  personTransfer,
  referralRequest,
  releasedPerson,
} from "../../../db/schema";
import { indexNow, touch } from "../../../search/facade.server";
import { personInScope } from "./scope.server";

/**
 * A person's file moves with them (the new commune takes over, Decree 49 art. on moving) and closes when
 * supervision ends. History stays: a closed record is still readable by its officers, just out of matching.
 */

/** The same field names as the commune picker (province, then commune). */
export const moveSchema = z.object({
  provinceCode: provinceCodeField,
  communeCode: communeCodeField,
  note: optionalText(500),
});
export const closeSchema = z.object({
  reason: z.enum(CLOSURE_REASONS, { error: "validation.choose" }),
  note: optionalText(1000),
});

/** The officers serving a commune: who is told about (and sees) an incoming file. */
export async function officersOfCommune(communeCode: string) {
  return db()
    .select({ id: appUser.id, fullName: appUser.fullName, email: appUser.email, phone: appUser.phone })
    .from(appUser)
    .innerJoin(officerCommune, eq(officerCommune.userId, appUser.id))
    .where(and(eq(officerCommune.communeCode, communeCode), eq(appUser.role, "officer")))
    .orderBy(asc(appUser.fullName));
}

export type MoveOutcome =
  | { ok: true; transferId: string; toCommuneName: string; recipients: Awaited<ReturnType<typeof officersOfCommune>> }
  | NotFound
  | { ok: false; errors: FieldErrors };

/** Start a move: a pending transfer the receiving commune's officers see on /officer/transfers. */
export async function requestTransfer(
  scope: StaffScope,
  personId: string,
  input: z.output<typeof moveSchema>,
): Promise<MoveOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id, communeCode: releasedPerson.communeCode, status: releasedPerson.status })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  if (person.status !== "active") return { ok: false, errors: { _form: { key: "self.move.error.closed" } } };
  const [target] = await db()
    .select({ code: commune.code, name: commune.name })
    .from(commune)
    .where(and(eq(commune.code, input.communeCode), eq(commune.provinceCode, input.provinceCode)));
  if (!target) return { ok: false, errors: { communeCode: { key: "validation.commune" } } };
  if (target.code === person.communeCode)
    return { ok: false, errors: { communeCode: { key: "self.move.error.sameCommune" } } };
  const transferId = await db().transaction(async (tx) => {
    await tx
      .select({ id: releasedPerson.id })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, personId))
      .for("update");
    const [pending] = await tx
      .select({ id: personTransfer.id })
      .from(personTransfer)
      .where(and(eq(personTransfer.personId, personId), eq(personTransfer.status, "pending")));
    if (pending) return null;
    const [created] = await tx
      .insert(personTransfer)
      .values({
        personId,
        fromCommuneCode: person.communeCode,
        toCommuneCode: target.code,
        note: input.note,
        requestedBy: scope.actorId,
      })
      .returning({ id: personTransfer.id });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "transfer", "supervision", {
      stage: "requested",
      transferId: created.id,
      to: target.code,
    });
    return created.id;
  });
  if (!transferId) return { ok: false, errors: { _form: { key: "self.move.error.pending" } } };
  return { ok: true, transferId, toCommuneName: target.name, recipients: await officersOfCommune(target.code) };
}

const fromCommune = aliasedTable(commune, "from_commune");
const toCommune = aliasedTable(commune, "to_commune");

/**
 * Pending transfers an officer deals with: incoming (to accept) and outgoing (to follow or cancel). An
 * incoming person's name and birth date are shown so the receiving officer knows who is coming.
 */
export async function listTransfers(scope: StaffScope) {
  const communes = scope.communeCodes ?? [];
  if (communes.length === 0) return { incoming: [], outgoing: [] };
  const rows = await db()
    .select({
      id: personTransfer.id,
      personId: personTransfer.personId,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      fromCommuneCode: personTransfer.fromCommuneCode,
      fromCommuneName: fromCommune.name,
      toCommuneCode: personTransfer.toCommuneCode,
      toCommuneName: toCommune.name,
      note: personTransfer.note,
      requestedAt: personTransfer.requestedAt,
    })
    .from(personTransfer)
    .innerJoin(releasedPerson, eq(releasedPerson.id, personTransfer.personId))
    .innerJoin(fromCommune, eq(fromCommune.code, personTransfer.fromCommuneCode))
    .innerJoin(toCommune, eq(toCommune.code, personTransfer.toCommuneCode))
    .where(
      and(
        eq(personTransfer.status, "pending"),
        or(inArray(personTransfer.toCommuneCode, communes), inArray(personTransfer.fromCommuneCode, communes)),
      ),
    )
    .orderBy(asc(personTransfer.requestedAt));
  return {
    incoming: rows.filter((r) => communes.includes(r.toCommuneCode)),
    outgoing: rows.filter((r) => communes.includes(r.fromCommuneCode) && !communes.includes(r.toCommuneCode)),
  };
}

export type TransferDecision = { ok: true } | { ok: false; error: "not_found" };

/** The receiving officer takes the file over: the person now lives in their commune. */
export async function acceptTransfer(scope: StaffScope, transferId: string): Promise<TransferDecision> {
  const communes = scope.communeCodes ?? [];
  const done = await db().transaction(async (tx) => {
    const [transfer] = await tx
      .select({
        id: personTransfer.id,
        personId: personTransfer.personId,
        from: personTransfer.fromCommuneCode,
        to: personTransfer.toCommuneCode,
        provinceCode: commune.provinceCode,
      })
      .from(personTransfer)
      .innerJoin(commune, eq(commune.code, personTransfer.toCommuneCode))
      .innerJoin(releasedPerson, eq(releasedPerson.id, personTransfer.personId))
      .where(
        and(
          eq(personTransfer.id, transferId),
          eq(personTransfer.status, "pending"),
          inArray(personTransfer.toCommuneCode, communes.length ? communes : ["-"]),
          eq(releasedPerson.status, "active"),
        ),
      )
      .for("update", { of: personTransfer });
    if (!transfer) return null;
    const at = now();
    await tx
      .update(personTransfer)
      .set({ status: "accepted", decidedBy: scope.actorId, decidedAt: at })
      .where(eq(personTransfer.id, transferId));
    // Before the commune changes, so the referring commune's officers are the ones told.
    await withdrawReferralsOfPerson(tx, transfer.personId, "file_moved", { id: scope.actorId, role: scope.role });
    await tx
      .update(releasedPerson)
      .set({ communeCode: transfer.to, provinceCode: transfer.provinceCode, updatedAt: at })
      .where(eq(releasedPerson.id, transfer.personId));
    await audit(tx, { id: scope.actorId, role: scope.role }, transfer.personId, "transfer", "supervision", {
      stage: "accepted",
      transferId,
      from: transfer.from,
      to: transfer.to,
    });
    await touch(tx, "candidate", [transfer.personId]);
    return transfer.personId;
  });
  if (!done) return { ok: false, error: "not_found" };
  // The new commune's officer finds the person among their candidates straight away.
  await indexNow("candidate", [done]);
  return { ok: true };
}

/** The sending officer withdraws a move, or the receiving one declines it: the file stays where it was. */
export async function cancelTransfer(scope: StaffScope, transferId: string): Promise<TransferDecision> {
  const communes = scope.communeCodes ?? [];
  const list = communes.length ? communes : ["-"];
  const done = await db().transaction(async (tx) => {
    const [cancelled] = await tx
      .update(personTransfer)
      .set({ status: "cancelled", decidedBy: scope.actorId, decidedAt: now() })
      .where(
        and(
          eq(personTransfer.id, transferId),
          eq(personTransfer.status, "pending"),
          or(inArray(personTransfer.toCommuneCode, list), inArray(personTransfer.fromCommuneCode, list)),
        ),
      )
      .returning({ personId: personTransfer.personId });
    if (!cancelled) return false;
    await audit(tx, { id: scope.actorId, role: scope.role }, cancelled.personId, "transfer", "supervision", {
      stage: "cancelled",
      transferId,
    });
    return true;
  });
  return done ? { ok: true } : { ok: false, error: "not_found" };
}

export type CloseOutcome = Outcome;

/**
 * End supervision (expunged, moved away, emigrated, died, missing, re-imprisoned): the record stays,
 * closed, with its reason and date; the person leaves matching in this same request, their pending
 * referral requests lapse and a pending move is cancelled.
 */
export async function closePerson(
  scope: StaffScope,
  personId: string,
  input: z.output<typeof closeSchema>,
): Promise<CloseOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id, status: releasedPerson.status })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  if (person.status !== "active") return { ok: false, errors: { _form: { key: "self.close.error.closed" } } };
  const at = now();
  await db().transaction(async (tx) => {
    await tx
      .update(releasedPerson)
      .set({ status: "closed", closedReason: input.reason, closedAt: at, closedNote: input.note, updatedAt: at })
      .where(eq(releasedPerson.id, personId));
    await tx
      .update(referralRequest)
      .set({ status: "withdrawn", decidedAt: at })
      .where(and(eq(referralRequest.personId, personId), eq(referralRequest.status, "pending")));
    await tx
      .update(personTransfer)
      .set({ status: "cancelled", decidedBy: scope.actorId, decidedAt: at })
      .where(and(eq(personTransfer.personId, personId), eq(personTransfer.status, "pending")));
    await withdrawReferralsOfPerson(tx, personId, "file_closed", { id: scope.actorId, role: scope.role });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "close", "supervision", {
      reason: input.reason,
    });
    await touch(tx, "candidate", [personId]);
  });
  await indexNow("candidate", [personId]);
  return { ok: true };
}

/** What the move and close pages show about the person (no sensitive facts: name, commune, status). */
export async function personHeader(scope: StaffScope, personId: string) {
  const [row] = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      communeCode: releasedPerson.communeCode,
      provinceCode: releasedPerson.provinceCode,
      communeName: commune.name,
      status: releasedPerson.status,
      closedReason: releasedPerson.closedReason,
      closedAt: releasedPerson.closedAt,
      hasAccount: releasedPerson.userId,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(personInScope(scope, personId));
  if (!row) return undefined;
  const [pending] = await db()
    .select({
      id: personTransfer.id,
      toCommuneCode: personTransfer.toCommuneCode,
      requestedAt: personTransfer.requestedAt,
    })
    .from(personTransfer)
    .where(and(eq(personTransfer.personId, personId), eq(personTransfer.status, "pending")));
  return { ...row, hasAccount: row.hasAccount !== null, pendingTransfer: pending ?? null };
}
