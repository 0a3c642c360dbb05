import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { OUTBOX_ENTITIES } from "../enums";

export type { OutboxEntity } from "../enums";
export { OUTBOX_ENTITIES } from "../enums";

/**
 * Transactional outbox: every change to an indexed entity writes a row here in the same transaction.
 * The sync worker (search/sync.server.ts) re-reads the entity and applies it to Meilisearch, with retries.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entity: text("entity", { enum: OUTBOX_ENTITIES }).notNull(),
    entityId: uuid("entity_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
  },
  (t) => [
    index("outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`delivered_at is null`),
  ],
);

/**
 * Who delivers the outbox. One instance at a time holds the lease and renews it while it works, so items
 * reach Meilisearch in order and once; when it dies the lease expires and another instance takes over.
 */
export const syncLease = pgTable("sync_lease", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
