import { and, asc, desc, eq } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { type Actor, audit } from "~/modules/audit/audit.server";
import { personInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import { addMonths } from "~/utils/dates";
import type { Outcome } from "~/utils/outcome";

import { db } from "../../../db/client.server";
import { consentGrant, consentWithdrawal, type ConsentWithdrawalChannel, releasedPerson } from "../../../db/schema";
import { indexNow, indexSoon, touch } from "../../../search/facade.server";
import { propagateConsentEnd } from "./ending.server";
import { grantNotWithdrawn } from "./live.server";
import { type ConsentInput, EVIDENCE_MAX_BYTES, type EVIDENCE_TYPES } from "./schema.server";
import type { ConsentPurpose } from "./vocabulary";

export type EvidenceFile = { name: string; type: string; bytes: Buffer };

/**
 * An uploaded scan's real type, read from its first bytes (JPEG, PNG or PDF signatures); null for anything
 * else, whatever its name or the type the browser declared ("scan.pdf" that is HTML, an .exe sent as
 * image/png). The declared type is not trusted either way: a PNG sent as image/jpeg is a PNG.
 */
export function evidenceTypeOf(file: EvidenceFile): (typeof EVIDENCE_TYPES)[number] | null {
  const b = file.bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (b.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return null;
}

/** A scan we keep: one of the accepted types by its bytes, not empty, 5 MB at most. */
export function checkEvidenceFile(file: EvidenceFile): boolean {
  return file.bytes.length > 0 && file.bytes.length <= EVIDENCE_MAX_BYTES && evidenceTypeOf(file) !== null;
}

export type GrantOutcome = Outcome<{ grantId: string }>;

/** Record a consent grant given by a person of the officer's communes; matching consent indexes them. */
export async function grantConsent(
  scope: StaffScope,
  personId: string,
  input: ConsentInput,
  file?: EvidenceFile,
): Promise<GrantOutcome> {
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!person) return { ok: false, notFound: true };
  if (input.givenOn! > todayIso()) return { ok: false, errors: { givenOn: { key: "consent.error.givenInFuture" } } };
  if (input.evidenceKind === "upload" && (!file || !checkEvidenceFile(file))) {
    const key = !file
      ? "consent.error.evidence"
      : file.bytes.length > EVIDENCE_MAX_BYTES
        ? "consent.error.fileTooLarge"
        : "consent.error.file";
    return { ok: false, errors: { evidenceFile: { key } } };
  }
  const givenAt = new Date(`${input.givenOn}T12:00:00+07:00`);
  const grantId = await db().transaction(async (tx) => {
    const [grant] = await tx
      .insert(consentGrant)
      .values({
        personId,
        purposes: input.purposes,
        shareableFields: input.shareableFields,
        givenAt,
        evidenceKind: input.evidenceKind,
        evidenceRef: input.evidenceKind === "paper_form" ? input.paperFormNumber : file!.name.slice(0, 200),
        evidenceMime: input.evidenceKind === "upload" ? evidenceTypeOf(file!) : null,
        evidenceFile: input.evidenceKind === "upload" ? file!.bytes : null,
        expiresAt: new Date(`${addMonths(input.givenOn!, input.validMonths)}T12:00:00+07:00`),
        createdBy: scope.actorId,
      })
      .returning({ id: consentGrant.id });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "consent_grant", "consent", {
      grantId: grant.id,
      purposes: input.purposes,
    });
    await touch(tx, "candidate", [personId]);
    return grant.id;
  });
  indexSoon();
  return { ok: true, grantId };
}

/** Which purposes of which grant are withdrawn: all those still in force unless `purposes` names some. */
export type WithdrawWhere = {
  personId: string;
  grantId: string;
  purposes?: readonly ConsentPurpose[];
  scope?: StaffScope;
  ownPersonId?: string;
};

/**
 * Withdraw one purpose of a grant, several, or all of them (by the person, or an officer on their behalf),
 * keeping the others in force. In one transaction: the purposes leave the grant (the last one ends it), a
 * history row per purpose says who, when and through which channel, and what relied on them ends
 * (consent/ending.server.ts: requests, referrals, what organisations see, notifications); then, in this
 * same request, the candidates index follows (if Meilisearch is unreachable the outbox retries, and
 * candidate search re-checks consent anyway).
 */
export async function withdrawConsent(
  actor: Actor,
  where: WithdrawWhere,
  note = "",
  channel: ConsentWithdrawalChannel = actor.role === "person" ? "online" : "in_person",
): Promise<{ ok: boolean }> {
  if (!where.scope && !where.ownPersonId) return { ok: false };
  const personFilter = where.scope
    ? personInScope(where.scope, where.personId)
    : eq(releasedPerson.id, where.ownPersonId!);
  const [person] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(and(personFilter, eq(releasedPerson.id, where.personId)));
  if (!person) return { ok: false };
  const changed = await db().transaction(async (tx) => {
    const [grant] = await tx
      .select({ id: consentGrant.id, purposes: consentGrant.purposes })
      .from(consentGrant)
      .where(and(eq(consentGrant.id, where.grantId), eq(consentGrant.personId, where.personId), grantNotWithdrawn()))
      .for("update");
    if (!grant) return false;
    const withdrawn = where.purposes ? grant.purposes.filter((p) => where.purposes!.includes(p)) : grant.purposes;
    // A purpose not (or no longer) in force on this grant: nothing to withdraw, like an unknown grant.
    if (withdrawn.length === 0) return false;
    const remaining = grant.purposes.filter((p) => !withdrawn.includes(p));
    const at = now();
    const trimmedNote = note.slice(0, 500);
    await tx
      .update(consentGrant)
      .set(
        remaining.length
          ? { purposes: remaining }
          : { withdrawnAt: at, withdrawnBy: actor.id, withdrawalNote: trimmedNote },
      )
      .where(eq(consentGrant.id, grant.id));
    await tx.insert(consentWithdrawal).values(
      withdrawn.map((purpose) => ({
        grantId: grant.id,
        personId: where.personId,
        purpose,
        withdrawnAt: at,
        withdrawnBy: actor.id,
        actorRole: actor.role,
        channel,
        note: trimmedNote,
      })),
    );
    await audit(tx, actor, where.personId, "consent_withdraw", "consent", {
      grantId: grant.id,
      purposes: withdrawn,
      remaining,
      channel,
    });
    await propagateConsentEnd(tx, where.personId, [{ grantId: grant.id, purposes: withdrawn }], "withdrawn", actor);
    return true;
  });
  if (!changed) return { ok: false };
  await indexNow("candidate", [where.personId]);
  return { ok: true };
}

/** Lives with the SQL rule (live.server.ts); re-exported for existing callers. */
export { personsWithLiveConsent } from "./live.server";

/** Every grant of the person, newest first, each with its per-purpose withdrawal history. */
export async function listGrants(personId: string) {
  const [grants, withdrawals] = await Promise.all([
    db()
      .select({
        id: consentGrant.id,
        purposes: consentGrant.purposes,
        shareableFields: consentGrant.shareableFields,
        givenAt: consentGrant.givenAt,
        evidenceKind: consentGrant.evidenceKind,
        evidenceRef: consentGrant.evidenceRef,
        expiresAt: consentGrant.expiresAt,
        withdrawnAt: consentGrant.withdrawnAt,
        withdrawalNote: consentGrant.withdrawalNote,
      })
      .from(consentGrant)
      .where(eq(consentGrant.personId, personId))
      .orderBy(desc(consentGrant.givenAt)),
    db()
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
      .orderBy(asc(consentWithdrawal.withdrawnAt), asc(consentWithdrawal.id)),
  ]);
  return grants.map((g) => ({
    ...g,
    withdrawals: withdrawals.filter((w) => w.grantId === g.id).map(({ grantId: _grantId, ...w }) => w),
  }));
}
