import crypto from "node:crypto";

import { and, asc, desc, eq, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { endAllSessions } from "~/auth/session.server";
import { type Actor, audit } from "~/modules/audit/audit.server";
import { eraseReferralsOfPerson } from "~/modules/referrals/status.server";
import { now } from "~/utils/clock.server";

import { db, type Executor } from "../../../db/client.server";
import {
  appUser,
  auditEvent,
  classification,
  commune,
  consentGrant,
  consentWithdrawal,
  conviction,
  courtBan,
  dataRequest,
  personInvitation,
  personTransfer,
  province,
  referralRequest,
  releasedPerson,
  savedListing,
} from "../../../db/schema";
import { indexNow, touch } from "../../../search/facade.server";
import { expungementOf } from "./record.server";
import { personInScope, personsInScope } from "./scope.server";
import { ownPerson } from "./self-service.server";

/** What an anonymised record says instead of a name (stored, so the same in every language). */
export const ANONYMISED_NAME = "(đã xóa dữ liệu)";

/**
 * Everything held about one person, straight from the tables: the record, convictions, bans,
 * classifications, consents (the evidence file's size, not its bytes), invitations (never the code),
 * transfers, requests, saved listings and the audit trail. Both the officer's and the person's export.
 */
export async function collectPersonData(personId: string) {
  const [row] = await db()
    .select({ person: releasedPerson, communeName: commune.name, provinceName: province.name })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .innerJoin(province, eq(province.code, releasedPerson.provinceCode))
    .where(eq(releasedPerson.id, personId));
  if (!row) return undefined;
  const [
    account,
    convictions,
    bans,
    classifications,
    grants,
    invitations,
    transfers,
    requests,
    referrals,
    saved,
    events,
  ] = await Promise.all([
    row.person.userId
      ? db()
          .select({
            phone: appUser.phone,
            fullName: appUser.fullName,
            locale: appUser.locale,
            createdAt: appUser.createdAt,
            disabledAt: appUser.disabledAt,
          })
          .from(appUser)
          .where(eq(appUser.id, row.person.userId))
      : Promise.resolve([]),
    db().select().from(conviction).where(eq(conviction.personId, personId)).orderBy(asc(conviction.offenceDate)),
    db().select().from(courtBan).where(eq(courtBan.personId, personId)),
    db()
      .select()
      .from(classification)
      .where(eq(classification.personId, personId))
      .orderBy(asc(classification.quarter)),
    db()
      .select({
        id: consentGrant.id,
        purposes: consentGrant.purposes,
        shareableFields: consentGrant.shareableFields,
        givenAt: consentGrant.givenAt,
        evidenceKind: consentGrant.evidenceKind,
        evidenceRef: consentGrant.evidenceRef,
        evidenceMime: consentGrant.evidenceMime,
        evidenceBytes: sql<number | null>`octet_length(${consentGrant.evidenceFile})`,
        expiresAt: consentGrant.expiresAt,
        withdrawnAt: consentGrant.withdrawnAt,
        withdrawalNote: consentGrant.withdrawalNote,
        createdAt: consentGrant.createdAt,
      })
      .from(consentGrant)
      .where(eq(consentGrant.personId, personId))
      .orderBy(asc(consentGrant.givenAt)),
    db()
      .select({
        createdAt: personInvitation.createdAt,
        expiresAt: personInvitation.expiresAt,
        usedAt: personInvitation.usedAt,
      })
      .from(personInvitation)
      .where(eq(personInvitation.personId, personId))
      .orderBy(asc(personInvitation.createdAt)),
    db()
      .select()
      .from(personTransfer)
      .where(eq(personTransfer.personId, personId))
      .orderBy(asc(personTransfer.requestedAt)),
    db().select().from(dataRequest).where(eq(dataRequest.personId, personId)).orderBy(asc(dataRequest.createdAt)),
    db()
      .select()
      .from(referralRequest)
      .where(eq(referralRequest.personId, personId))
      .orderBy(asc(referralRequest.createdAt)),
    db().select().from(savedListing).where(eq(savedListing.personId, personId)).orderBy(asc(savedListing.savedAt)),
    db()
      .select({
        at: auditEvent.at,
        action: auditEvent.action,
        purpose: auditEvent.purpose,
        actorRole: auditEvent.actorRole,
        actorId: auditEvent.actorId,
        details: auditEvent.details,
      })
      .from(auditEvent)
      .where(eq(auditEvent.personId, personId))
      .orderBy(asc(auditEvent.at), asc(auditEvent.id)),
  ]);
  // Who withdrew which purpose, when and how: part of what the person may see about their consent.
  const withdrawals = await db()
    .select({
      grantId: consentWithdrawal.grantId,
      purpose: consentWithdrawal.purpose,
      withdrawnAt: consentWithdrawal.withdrawnAt,
      actorRole: consentWithdrawal.actorRole,
      channel: consentWithdrawal.channel,
      note: consentWithdrawal.note,
    })
    .from(consentWithdrawal)
    .where(eq(consentWithdrawal.personId, personId))
    .orderBy(asc(consentWithdrawal.withdrawnAt), asc(consentWithdrawal.id));
  return {
    exportedAt: now().toISOString(),
    person: { ...row.person, communeName: row.communeName, provinceName: row.provinceName },
    account: account[0] ?? null,
    expungement: expungementOf(row.person, convictions, bans),
    convictions,
    courtBans: bans,
    classifications,
    consentGrants: grants.map((g) => ({
      ...g,
      withdrawals: withdrawals.filter((w) => w.grantId === g.id).map(({ grantId: _grantId, ...w }) => w),
    })),
    invitations,
    transfers,
    dataRequests: requests,
    referralRequests: referrals,
    savedListings: saved,
    auditEvents: events,
  };
}
export type PersonExport = NonNullable<Awaited<ReturnType<typeof collectPersonData>>>;

/** Export for a staff member within scope, audit-logged before anything is returned; otherwise undefined (404). */
export async function exportPersonForStaff(
  scope: StaffScope,
  personId: string,
  format: "json" | "print",
): Promise<PersonExport | undefined> {
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return undefined;
  await audit(db(), { id: scope.actorId, role: scope.role }, personId, "export", "data_rights", { format });
  return collectPersonData(personId);
}

/** The person's own copy of their data (the right to obtain it), audit-logged as a self access. */
export async function exportOwnData(userId: string): Promise<PersonExport | undefined> {
  const person = await ownPerson(userId);
  if (!person) return undefined;
  await audit(db(), { id: userId, role: "person" }, person.id, "export", "self_access", { format: "json" });
  return collectPersonData(person.id);
}

/** What the anonymisation needs to know of a person before it starts. */
export type AnonymisationTarget = { id: string; userId: string | null; dateOfBirth: string; closedAt: Date | null };

/**
 * Delete a person's data by anonymising it in place (one transaction): identity, contact and every free
 * text go; commune, dates, classification groups, convictions' categories and the counts stay for
 * statistics. The birth date keeps only its year (age groups). Their account is disabled and signed out,
 * and they leave the candidates index in this same request.
 */
export async function anonymisePerson(scope: StaffScope, personId: string, reason: string): Promise<{ ok: boolean }> {
  const [person] = await db()
    .select({
      id: releasedPerson.id,
      userId: releasedPerson.userId,
      dateOfBirth: releasedPerson.dateOfBirth,
      closedAt: releasedPerson.closedAt,
    })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false };
  const done = await db().transaction((tx) =>
    anonymiseInTransaction(tx, person, { id: scope.actorId, role: scope.role }, reason),
  );
  if (!done) return { ok: false };
  await afterAnonymisation(person);
  return { ok: true };
}

/**
 * The anonymisation itself, inside the caller's transaction: the officer's "delete" (anonymisePerson) and
 * the retention task (app/modules/retention, actor null: the system) share it. False when the person was
 * already anonymised (nothing changes). The caller runs `afterAnonymisation` once the transaction committed.
 */
export async function anonymiseInTransaction(
  tx: Executor,
  person: AnonymisationTarget,
  actor: Actor | null,
  reason: string,
  purpose = "data_rights",
): Promise<boolean> {
  const personId = person.id;
  const at = now();
  const actorId = actor?.id ?? null;
  const [changed] = await tx
    .update(releasedPerson)
    .set({
      fullName: ANONYMISED_NAME,
      citizenId: null,
      phone: null,
      address: "",
      dateOfBirth: `${person.dateOfBirth.slice(0, 4)}-01-01`,
      skills: [],
      experience: "",
      education: "",
      certificates: "",
      hardshipNote: "",
      supervisorName: "",
      supervisorContact: "",
      closedNote: "",
      expungementEvidence: "",
      status: "closed",
      closedAt: person.closedAt ?? at,
      anonymizedAt: at,
      updatedAt: at,
    })
    .where(and(eq(releasedPerson.id, personId), sql`${releasedPerson.anonymizedAt} is null`))
    .returning({ id: releasedPerson.id });
  if (!changed) return false;
  await tx.update(courtBan).set({ description: "" }).where(eq(courtBan.personId, personId));
  await tx.update(classification).set({ note: "" }).where(eq(classification.personId, personId));
  // Organisations keep no snapshot of a deleted person: open referrals end, shared values and notes go.
  await eraseReferralsOfPerson(tx, personId, actor);
  // Consent evidence goes (files and references); a grant still in force ends now.
  await tx
    .update(consentGrant)
    .set({
      evidenceFile: null,
      evidenceMime: null,
      evidenceRef: "",
      withdrawalNote: "",
      withdrawnAt: sql`coalesce(${consentGrant.withdrawnAt}, ${at.toISOString()}::timestamptz)`,
      withdrawnBy: sql`coalesce(${consentGrant.withdrawnBy}, ${actorId}::uuid)`,
    })
    .where(eq(consentGrant.personId, personId));
  await tx.update(consentWithdrawal).set({ note: "" }).where(eq(consentWithdrawal.personId, personId));
  await tx.delete(personInvitation).where(eq(personInvitation.personId, personId));
  await tx.delete(savedListing).where(eq(savedListing.personId, personId));
  await tx.update(referralRequest).set({ message: "" }).where(eq(referralRequest.personId, personId));
  await tx
    .update(referralRequest)
    .set({ status: "withdrawn", decidedAt: at })
    .where(and(eq(referralRequest.personId, personId), eq(referralRequest.status, "pending")));
  await tx.update(personTransfer).set({ note: "" }).where(eq(personTransfer.personId, personId));
  await tx
    .update(personTransfer)
    .set({ status: "cancelled", decidedBy: actorId, decidedAt: at })
    .where(and(eq(personTransfer.personId, personId), eq(personTransfer.status, "pending")));
  await tx.update(dataRequest).set({ message: "" }).where(eq(dataRequest.personId, personId));
  await tx
    .update(dataRequest)
    .set({ status: "done", resolvedBy: actorId, resolvedAt: at })
    .where(and(eq(dataRequest.personId, personId), eq(dataRequest.status, "open")));
  if (person.userId) {
    // The account cannot sign in again, and its name and phone go too (the phone is free for a new account).
    await tx
      .update(appUser)
      .set({
        disabledAt: at,
        fullName: ANONYMISED_NAME,
        phone: null,
        email: `deleted+${person.userId}@anonymised.invalid`,
        passwordHash: `!disabled:${crypto.randomBytes(16).toString("hex")}`,
      })
      .where(eq(appUser.id, person.userId));
  }
  await audit(tx, actor, personId, "anonymise", purpose, { reason: reason.slice(0, 200) });
  await touch(tx, "candidate", [personId]);
  return true;
}

/** After the anonymisation committed: the person's sessions end and the index drops them now. */
export async function afterAnonymisation(person: Pick<AnonymisationTarget, "id" | "userId">): Promise<void> {
  if (person.userId) await endAllSessions(person.userId);
  await indexNow("candidate", [person.id]);
}

/** Open correction and deletion requests of the persons an officer serves, oldest first. */
export async function listOpenDataRequests(scope: StaffScope) {
  return db()
    .select({
      id: dataRequest.id,
      kind: dataRequest.kind,
      message: dataRequest.message,
      createdAt: dataRequest.createdAt,
      personId: releasedPerson.id,
      fullName: releasedPerson.fullName,
      communeName: commune.name,
    })
    .from(dataRequest)
    .innerJoin(releasedPerson, eq(releasedPerson.id, dataRequest.personId))
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(and(eq(dataRequest.status, "open"), personsInScope(scope)))
    .orderBy(asc(dataRequest.createdAt));
}

export async function recentlyResolvedDataRequests(scope: StaffScope, limit = 20) {
  return db()
    .select({
      id: dataRequest.id,
      kind: dataRequest.kind,
      status: dataRequest.status,
      resolvedAt: dataRequest.resolvedAt,
      fullName: releasedPerson.fullName,
    })
    .from(dataRequest)
    .innerJoin(releasedPerson, eq(releasedPerson.id, dataRequest.personId))
    .where(and(sql`${dataRequest.status} <> 'open'`, personsInScope(scope)))
    .orderBy(desc(dataRequest.resolvedAt))
    .limit(limit);
}

export type ResolveOutcome = { ok: true } | { ok: false; error: "not_found" };

/**
 * Close a request as done or declined. A deletion request marked done is the deletion itself: the record
 * is anonymised in the same step (which closes the request).
 */
export async function resolveDataRequest(
  scope: StaffScope,
  requestId: string,
  outcome: "done" | "declined",
): Promise<ResolveOutcome> {
  const [request] = await db()
    .select({ id: dataRequest.id, kind: dataRequest.kind, personId: dataRequest.personId })
    .from(dataRequest)
    .innerJoin(releasedPerson, eq(releasedPerson.id, dataRequest.personId))
    .where(and(eq(dataRequest.id, requestId), eq(dataRequest.status, "open"), personsInScope(scope)));
  if (!request) return { ok: false, error: "not_found" };
  if (request.kind === "deletion" && outcome === "done") {
    const result = await anonymisePerson(scope, request.personId, `data_request:${request.id}`);
    return result.ok ? { ok: true } : { ok: false, error: "not_found" };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(dataRequest)
      .set({ status: outcome, resolvedBy: scope.actorId, resolvedAt: now() })
      .where(and(eq(dataRequest.id, requestId), eq(dataRequest.status, "open")));
    await audit(tx, { id: scope.actorId, role: scope.role }, request.personId, "data_request", "data_rights", {
      requestId,
      kind: request.kind,
      outcome,
    });
  });
  return { ok: true };
}
