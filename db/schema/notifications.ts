import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appUser } from "./users";

/**
 * In-app notifications: `messageKey` is an i18n key rendered in the reader's language with `params`.
 * Params never carry what the recipient may not see (an organisation is told a listing title, never a
 * name it was not shared).
 */
export const notification = pgTable(
  "notification",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    messageKey: text("message_key").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    /** A path inside the app: what changed. */
    link: text("link").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_recipient_idx").on(t.recipientId, t.readAt, t.createdAt)],
);
