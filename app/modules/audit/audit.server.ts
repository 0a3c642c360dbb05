import { and, desc, eq, gte, lte, or, type SQL, sql } from "drizzle-orm";

import { db, type Executor } from "../../../db/client.server";
import { builtOnce } from "../../../db/prepared.server";
import { appUser, auditEvent, releasedPerson } from "../../../db/schema";
import type { AuditAction } from "./actions";

// The list lives in a module the browser loads too: the admin's audit page offers every action as a filter.
export { AUDIT_ACTIONS, type AuditAction } from "./actions";

export type Actor = { id: string; role: string };

/** The role stored for what the app does by itself (the worker's retention task): no actor id. */
export const SYSTEM_ROLE = "system";

/**
 * Record who did what to a person's record and why. Called in the same transaction as writes, and before
 * returning data for reads: a read that cannot be audited is not served. A null actor is the app itself
 * (stored as no actor id, role "system").
 */
export async function audit(
  executor: Executor,
  actor: Actor | null,
  personId: string | null,
  action: AuditAction,
  purpose: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await auditInsert(executor).execute({
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? SYSTEM_ROLE,
    personId,
    action,
    purpose,
    details,
  });
}

// Every read of a person's data writes one: built once per executor (db/prepared.server.ts).
const auditInsert = (executor: Executor) =>
  builtOnce(executor, "audit.insert", () =>
    executor
      .insert(auditEvent)
      .values({
        actorId: sql.placeholder("actorId"),
        actorRole: sql.placeholder("actorRole"),
        personId: sql.placeholder("personId"),
        action: sql.placeholder("action"),
        purpose: sql.placeholder("purpose"),
        details: sql.placeholder("details"),
      })
      .prepare("audit_insert"),
  );

/** The same for a list of persons shown at once (candidate lists): one insert, one event per person. */
export async function auditMany(
  executor: Executor,
  actor: Actor,
  personIds: string[],
  action: AuditAction,
  purpose: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  if (personIds.length === 0) return;
  await executor
    .insert(auditEvent)
    .values(
      personIds.map((personId) => ({ actorId: actor.id, actorRole: actor.role, personId, action, purpose, details })),
    );
}

export type AuditQuery = {
  personId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  limit?: number;
  /** Required reach (a provincial admin's): events about persons of the province, or by users of it. */
  provinceCode: string;
};

/** Events about a person of the province, or by a user of it (officer of one of its communes, its admin, an organisation there). */
function inProvince(provinceCode: string): SQL {
  return or(
    sql`exists (select 1 from released_person p where p.id = ${auditEvent.personId} and p.province_code = ${provinceCode})`,
    sql`exists (select 1 from officer_commune oc join commune c on c.code = oc.commune_code where oc.user_id = ${auditEvent.actorId} and c.province_code = ${provinceCode})`,
    sql`exists (select 1 from app_user u left join organization o on o.id = u.organization_id
      where u.id = ${auditEvent.actorId} and (u.province_code = ${provinceCode} or o.province_code = ${provinceCode}))`,
  )!;
}

export async function searchAudit(query: AuditQuery) {
  const conds: SQL[] = [];
  if (query.personId) conds.push(eq(auditEvent.personId, query.personId));
  if (query.actorId) conds.push(eq(auditEvent.actorId, query.actorId));
  if (query.action) conds.push(eq(auditEvent.action, query.action));
  if (query.from) conds.push(gte(auditEvent.at, query.from));
  if (query.to) conds.push(lte(auditEvent.at, query.to));
  conds.push(inProvince(query.provinceCode));
  return db()
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
      actorRole: auditEvent.actorRole,
      actorName: appUser.fullName,
      personId: auditEvent.personId,
      personName: releasedPerson.fullName,
      personProvinceCode: releasedPerson.provinceCode,
      details: auditEvent.details,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .leftJoin(releasedPerson, eq(releasedPerson.id, auditEvent.personId))
    .where(and(...conds))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(Math.min(query.limit ?? 100, 500));
}

/** The user an admin names in the audit filter (email or phone), if any. */
export async function findActorId(identifier: { kind: "email" | "phone"; value: string }): Promise<string | undefined> {
  const [user] = await db()
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(identifier.kind === "email" ? appUser.email : appUser.phone, identifier.value));
  return user?.id;
}
