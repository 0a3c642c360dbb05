import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";

import { getEnv } from "~/env.server";
import { audit } from "~/modules/audit/audit.server";
import { afterAnonymisation, anonymiseInTransaction } from "~/modules/persons/data-rights.server";
import { now } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";
import { log } from "~/utils/log.server";

import type { Database } from "../../../db/client.server";
import { DELIVERY_STATUSES } from "../../../db/enums";
import { auditEvent, delivery, passwordReset, releasedPerson } from "../../../db/schema";

/**
 * How long data is kept (PDP Law 91/2025: only as long as the purpose needs; decision 042). Periods in
 * whole days, from the environment (`RETENTION_*`, validated ≥ 30 in app/env.server.ts).
 */
export type RetentionPolicy = {
  closedFileDays: number;
  auditDays: number;
  deliveryDays: number;
  /** Persons read per query, and rows deleted per statement: no single step holds the database long. */
  batchSize: number;
};

/** A delivery in one of these states is over: nothing will send it again. queued and sending never go. */
export const FINISHED_DELIVERY_STATUSES = DELIVERY_STATUSES.filter((s) => s !== "queued" && s !== "sending");

/**
 * Password-reset rows are the rate limiter's memory for an hour (RECOVERY.windowMinutes); kept 30 days past
 * their expiry for looking into abuse, then deleted (they hold the number or address and the IP asked from).
 */
export const PASSWORD_RESET_KEEP_DAYS = 30;

export function retentionPolicy(): RetentionPolicy {
  const env = getEnv();
  return {
    closedFileDays: env.RETENTION_CLOSED_FILE_DAYS,
    auditDays: env.RETENTION_AUDIT_DAYS,
    deliveryDays: env.RETENTION_DELIVERY_DAYS,
    batchSize: 200,
  };
}

/** What one run did: counts only, never who. */
export type RetentionReport = {
  anonymisedPersons: number;
  deletedAuditEvents: number;
  deletedDeliveries: number;
  deletedPasswordResets: number;
};

export const reportTotal = (r: RetentionReport) =>
  r.anonymisedPersons + r.deletedAuditEvents + r.deletedDeliveries + r.deletedPasswordResets;

/**
 * Apply the retention periods once: anonymise closed files past their period (each person in its own
 * transaction, exactly as an officer's "delete"), then delete audit events, finished deliveries and spent
 * password-reset rows past theirs, a batch per statement. Reports what it did in a log line and, when it
 * did anything, in one audit event of the system. Expired short links are pruned by the notifications
 * module's own task (`notifications.short-link-pruning`). Stops between steps when the worker stops.
 */
export async function applyRetention(
  database: Database,
  policy: RetentionPolicy = retentionPolicy(),
  stopped: () => boolean = () => false,
): Promise<RetentionReport> {
  const at = now();
  const report: RetentionReport = {
    anonymisedPersons: 0,
    deletedAuditEvents: 0,
    deletedDeliveries: 0,
    deletedPasswordResets: 0,
  };

  // 1. Closed files: the oldest first, a batch at a time, one short transaction per person.
  const closedBefore = daysAfter(at, -policy.closedFileDays);
  while (!stopped()) {
    const due = await database
      .select({
        id: releasedPerson.id,
        userId: releasedPerson.userId,
        dateOfBirth: releasedPerson.dateOfBirth,
        closedAt: releasedPerson.closedAt,
      })
      .from(releasedPerson)
      .where(
        and(
          eq(releasedPerson.status, "closed"),
          isNull(releasedPerson.anonymizedAt),
          lt(releasedPerson.closedAt, closedBefore),
        ),
      )
      .orderBy(asc(releasedPerson.closedAt), asc(releasedPerson.id))
      .limit(policy.batchSize);
    let inBatch = 0;
    for (const person of due) {
      if (stopped()) break;
      const done = await database.transaction((tx) =>
        anonymiseInTransaction(tx, person, null, "retention_period", "retention"),
      );
      if (!done) continue; // anonymised meanwhile by an officer
      inBatch += 1;
      await afterAnonymisation(person);
    }
    report.anonymisedPersons += inBatch;
    // A short batch is the last; one that changed nobody would only read the same rows again.
    if (due.length < policy.batchSize || inBatch === 0) break;
  }

  // 2. Rows past their period, deleted a batch per statement (ids picked by the period's index).
  const deleteInBatches = async (pick: () => Promise<number[]>, remove: (ids: number[]) => Promise<unknown[]>) => {
    let removed = 0;
    while (!stopped()) {
      const ids = await pick();
      if (ids.length === 0) break;
      removed += (await remove(ids)).length;
      if (ids.length < policy.batchSize * 10) break;
    }
    return removed;
  };
  const rows = policy.batchSize * 10;

  const auditBefore = daysAfter(at, -policy.auditDays);
  report.deletedAuditEvents = await deleteInBatches(
    async () =>
      (
        await database.select({ id: auditEvent.id }).from(auditEvent).where(lt(auditEvent.at, auditBefore)).limit(rows)
      ).map((r) => r.id),
    (ids) => database.delete(auditEvent).where(inArray(auditEvent.id, ids)).returning({ id: auditEvent.id }),
  );

  const deliveryBefore = daysAfter(at, -policy.deliveryDays);
  report.deletedDeliveries = await deleteInBatches(
    async () =>
      (
        await database
          .select({ id: delivery.id })
          .from(delivery)
          .where(and(lt(delivery.createdAt, deliveryBefore), inArray(delivery.status, FINISHED_DELIVERY_STATUSES)))
          .limit(rows)
      ).map((r) => r.id),
    // The state is checked again: a row cannot go back to queued, but the delete never relies on that.
    (ids) =>
      database
        .delete(delivery)
        .where(and(inArray(delivery.id, ids), inArray(delivery.status, FINISHED_DELIVERY_STATUSES)))
        .returning({ id: delivery.id }),
  );

  const resetBefore = daysAfter(at, -PASSWORD_RESET_KEEP_DAYS);
  report.deletedPasswordResets = await deleteInBatches(
    async () =>
      (
        await database
          .select({ id: passwordReset.id })
          .from(passwordReset)
          .where(lt(passwordReset.expiresAt, resetBefore))
          .limit(rows)
      ).map((r) => r.id),
    (ids) => database.delete(passwordReset).where(inArray(passwordReset.id, ids)).returning({ id: passwordReset.id }),
  );

  log.info("retention", "retention periods applied", { ...report, ...periodsOf(policy) });
  if (reportTotal(report) > 0)
    await audit(database, null, null, "retention", "retention", { ...report, ...periodsOf(policy) });
  return report;
}

const periodsOf = (policy: RetentionPolicy) => ({
  closedFileDays: policy.closedFileDays,
  auditDays: policy.auditDays,
  deliveryDays: policy.deliveryDays,
});
