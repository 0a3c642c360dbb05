import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { db, type Executor } from "../../../db/client.server";
import { appUser, auditEvent } from "../../../db/schema";

export const AUDIT_ACTIONS = [
  "view",
  "create",
  "edit",
  "export",
  "print",
  "consent_grant",
  "consent_withdraw",
  "classify",
  "invite",
  "transfer",
  "close",
  "anonymise",
  "view_evidence",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type Actor = { id: string; role: string };

/**
 * Record who did what to a person's record and why. Called in the same transaction as writes, and before
 * returning data for reads: a read that cannot be audited is not served.
 */
export async function audit(
  executor: Executor,
  actor: Actor,
  personId: string | null,
  action: AuditAction,
  purpose: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await executor.insert(auditEvent).values({ actorId: actor.id, actorRole: actor.role, personId, action, purpose, details });
}

export type AuditQuery = { personId?: string; actorId?: string; action?: AuditAction; from?: Date; to?: Date; limit?: number };

export async function searchAudit(query: AuditQuery) {
  const conds: SQL[] = [];
  if (query.personId) conds.push(eq(auditEvent.personId, query.personId));
  if (query.actorId) conds.push(eq(auditEvent.actorId, query.actorId));
  if (query.action) conds.push(eq(auditEvent.action, query.action));
  if (query.from) conds.push(gte(auditEvent.at, query.from));
  if (query.to) conds.push(lte(auditEvent.at, query.to));
  return db()
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
      actorRole: auditEvent.actorRole,
      actorName: appUser.fullName,
      personId: auditEvent.personId,
      details: auditEvent.details,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(and(...conds))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(Math.min(query.limit ?? 100, 500));
}
