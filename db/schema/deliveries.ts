import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { DELIVERY_PURPOSES, DELIVERY_STATUSES, OUTSIDE_CHANNELS, SAVED_SEARCH_KINDS } from "../enums";
import { notification } from "./notifications";
import { appUser } from "./users";

export type { DeliveryPurpose, DeliveryStatus, OutsideChannel, SavedSearchKind } from "../enums";
export { DELIVERY_PURPOSES, DELIVERY_STATUSES, OUTSIDE_CHANNELS, SAVED_SEARCH_KINDS } from "../enums";

/**
 * How a user wants to be reached outside the app. No row: the defaults of their role
 * (app/modules/notifications/settings.server.ts). Persons also need a live consent per channel.
 */
export const contactSetting = pgTable(
  "contact_setting",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => appUser.id, { onDelete: "cascade" }),
    channels: text("channels", { enum: OUTSIDE_CHANNELS }).array().notNull(),
    /** Officers: the hour (0–23, Asia/Ho_Chi_Minh) their daily digest leaves; null: no digest. */
    digestHour: smallint("digest_hour"),
    /** The Vietnamese date of the last digest sent, so a digest leaves once a day whatever runs twice. */
    lastDigestOn: date("last_digest_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("contact_setting_digest_hour", sql`${t.digestHour} is null or ${t.digestHour} between 0 and 23`)],
);

/**
 * One message on one outside channel. Written in the same transaction as the event it tells of (like the
 * search outbox), so a rolled-back change sends nothing and a crash loses nothing; the worker's
 * `notifications.delivery` task sends it, retries with back-off, and keeps the provider's answer.
 * `body` is exactly what the recipient reads (the dev outbox shows it).
 */
export const delivery = pgTable(
  "delivery",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    notificationId: bigint("notification_id", { mode: "number" }).references(() => notification.id, {
      onDelete: "set null",
    }),
    channel: text("channel", { enum: OUTSIDE_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: DELIVERY_PURPOSES }).notNull().default("notice"),
    /** What kind of message: "referral_new", "interview_tomorrow", "reset_code", "digest", … */
    kind: text("kind").notNull(),
    /** E.164 phone for sms and zalo, an address for email. */
    toAddress: text("to_address").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    /** ZNS: the approved template's id and data. */
    template: jsonb("template").$type<{ id: string; data: Record<string, string> }>(),
    /** The absolute short link in the message (null: none, e.g. a one-time code). */
    link: text("link"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    provider: text("provider"),
    providerId: text("provider_id"),
    /** Set on a message the daily cap held back: the digest that carries it. */
    digestId: bigint("digest_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("delivery_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'sending')`),
    index("delivery_recipient_idx").on(t.recipientId, t.createdAt),
    index("delivery_provider_idx")
      .on(t.provider, t.providerId)
      .where(sql`${t.providerId} is not null`),
    index("delivery_problem_idx")
      .on(t.createdAt)
      .where(sql`${t.status} in ('failed', 'dead')`),
  ],
);

/**
 * The short links messages carry (https://…/n/Ab3xK9pQ): a random code that reveals nothing; opening it
 * needs the recipient's login, and its page offers a one-tap stop (`stopKey`: "channel:sms",
 * "saved-search:<id>").
 */
export const shortLink = pgTable(
  "short_link",
  {
    code: text("code").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    target: text("target").notNull(),
    stopKey: text("stop_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("short_link_expiry_idx").on(t.expiresAt)],
);

/**
 * A password-reset secret: a 6-digit code by SMS or a link token by e-mail, stored as its SHA-256 only;
 * short-lived, single use, a few tries. Rows are also the rate limiter's memory (per account, per number or
 * address, per IP).
 */
export const passwordReset = pgTable(
  "password_reset",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null when nobody has that number or address: the request is remembered for the rate limit only. */
    userId: uuid("user_id").references(() => appUser.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    /** The number (E.164) or address the request named. */
    address: text("address").notNull(),
    secretHash: text("secret_hash"),
    requestedIp: text("requested_ip"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("password_reset_user_idx").on(t.userId, t.createdAt),
    index("password_reset_address_idx").on(t.address, t.createdAt),
    index("password_reset_ip_idx").on(t.requestedIp, t.createdAt),
  ],
);

/**
 * A person's saved search on /jobs or /trainings (the query and filters of the page): new matching listings
 * reach them in one digest at most once a day. `lastCheckedAt` is the high-water mark of what was sent.
 */
export const savedSearch = pgTable(
  "saved_search",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SAVED_SEARCH_KINDS }).notNull(),
    query: text("query").notNull().default(""),
    filters: jsonb("filters").$type<Record<string, string | string[]>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  },
  (t) => [
    index("saved_search_user_idx").on(t.userId),
    index("saved_search_active_idx")
      .on(t.lastCheckedAt)
      .where(sql`${t.stoppedAt} is null`),
  ],
);
