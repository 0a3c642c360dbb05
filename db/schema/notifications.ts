import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { appUser } from "./users";

/**
 * In-app notifications: `messageKey` is an i18n key rendered in the reader's language with `params`.
 * Params never carry what the recipient may not see (an organisation is told a listing title, never a
 * name it was not shared).
 *
 * A reminder ("a follow-up is due") names the task it asks for in `subjectKey` ("follow-up/<id>"): each
 * recipient gets one copy per task (unique), and doing the task sets `resolvedAt` on every party's copy,
 * so a reminder for work already done never counts as unread. Plain news has no subject key.
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
    /** The task a reminder asks for, e.g. "follow-up/<uuid>" (null: news, nothing to do). */
    subjectKey: text("subject_key"),
    /** Set when the task was done (by anyone): the reminder no longer counts as unread and shows as done. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notification_recipient_idx").on(t.recipientId, t.readAt, t.createdAt),
    uniqueIndex("notification_recipient_subject_key")
      .on(t.recipientId, t.subjectKey)
      .where(sql`${t.subjectKey} is not null`),
    index("notification_subject_idx")
      .on(t.subjectKey)
      .where(sql`${t.subjectKey} is not null and ${t.resolvedAt} is null`),
  ],
);
