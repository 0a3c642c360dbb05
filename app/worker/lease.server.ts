import { and, eq, sql } from "drizzle-orm";

import type { Database } from "../../db/client.server";
import { syncLease } from "../../db/schema";

/**
 * One lease for all background work (docs/decisions/028-background-work.md): every app instance runs a
 * worker, and only the instance holding this row runs the tasks. The row keeps its historical name
 * "outbox" so that, during a rolling upgrade, old and new instances compete for the same lease.
 */
export const LEASE_NAME = "outbox";
export const LEASE_SECONDS = 30;

/** Take or renew the lease; true when this holder may run the tasks now. */
export async function acquireLease(db: Database, holder: string): Promise<boolean> {
  const rows = await db
    .insert(syncLease)
    .values({ name: LEASE_NAME, holder, expiresAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .onConflictDoUpdate({
      target: syncLease.name,
      set: { holder, expiresAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` },
      setWhere: sql`${syncLease.holder} = ${holder} or ${syncLease.expiresAt} < now()`,
    })
    .returning({ holder: syncLease.holder });
  return rows.length > 0;
}

export async function releaseLease(db: Database, holder: string): Promise<void> {
  await db.delete(syncLease).where(and(eq(syncLease.name, LEASE_NAME), eq(syncLease.holder, holder)));
}
