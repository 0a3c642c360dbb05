import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { LOCALES, ROLES } from "../enums";
import { commune, province } from "./admin-units";
import { organization } from "./organizations";

export type { Locale, Role } from "../enums";
export { LOCALES, ROLES } from "../enums";

/** Everyone who logs in. Persons log in with their phone number, everybody else with email or phone. */
export const appUser = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email"),
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    fullName: text("full_name").notNull(),
    organizationId: uuid("organization_id").references(() => organization.id),
    /** The province a provincial admin administers. */
    provinceCode: text("province_code").references(() => province.code),
    locale: text("locale", { enum: LOCALES }).notNull().default("vi"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("app_user_email_key").on(t.email),
    uniqueIndex("app_user_phone_key").on(t.phone),
    check("app_user_has_identifier", sql`${t.email} is not null or ${t.phone} is not null`),
    check("app_user_admin_has_province", sql`${t.role} <> 'admin' or ${t.provinceCode} is not null`),
  ],
);

/** The communes a commune-police officer serves (one or more). */
export const officerCommune = pgTable(
  "officer_commune",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => commune.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communeCode] }), index("officer_commune_commune_idx").on(t.communeCode)],
);

/**
 * Sessions, stored in PostgreSQL so every app instance shares them. `id` is the SHA-256 of the cookie's
 * token, never the token itself: a copy of this table (a backup, a log) opens no session. Sessions end
 * after an idle period or an absolute lifetime that depend on the role (docs/decisions/017), and a
 * trigger (migration 0008) deletes a user's sessions when their password, role or communes change.
 */
export const userSession = pgTable(
  "user_session",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    /** The absolute end: created + the role's lifetime. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Updated at most once a minute; the idle timeout counts from it. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull(),
    /** "Chrome · Android": a coarse label so the user can recognise their devices (never the address). */
    client: text("client"),
  },
  (t) => [index("user_session_user_idx").on(t.userId)],
);

/**
 * Failed and successful login attempts, for rate limiting and lockout that hold across app instances.
 * `identifier` is "acct:<user id>" for an existing account (email and phone share one count), a hash of
 * what was typed for an unknown one, or "invite:<code hash>" for activations.
 */
export const loginAttempt = pgTable(
  "login_attempt",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: text("identifier").notNull(),
    ip: text("ip").notNull(),
    succeeded: text("succeeded", { enum: ["yes", "no"] }).notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempt_identifier_idx").on(t.identifier, t.attemptedAt),
    index("login_attempt_ip_idx").on(t.ip, t.attemptedAt),
  ],
);
