import { and, count, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";

import type { MessageKey } from "~/i18n";
import { now } from "~/utils/clock.server";

import { type Database, db, type Executor } from "../../../db/client.server";
import { builtOnce } from "../../../db/prepared.server";
import { appUser, notification, officerCommune, releasedPerson } from "../../../db/schema";
import { queueOutside } from "./deliveries.server";
import type { StopKey } from "./short-links.server";

export type NotificationInput = {
  /** An i18n key ("notify.referral.created"): rendered in each reader's own language. */
  messageKey: MessageKey;
  /** Only what every recipient may see: a listing title, a date. Never a name an organisation was not shared. */
  params?: Record<string, string | number>;
  /** A path inside the app, e.g. /employer/referrals/<id>. */
  link: string;
  /**
   * A reminder names the task it asks for ("follow-up/<id>"): a recipient gets one copy per task whatever
   * runs twice, and `resolveReminders` marks every party's copy done when the task is done.
   */
  subjectKey?: string;
  /** What the one-tap stop of its outside messages stops (default: the channel): a job alert names its search. */
  stopKey?: StopKey;
};

/**
 * Notify users in the same transaction as the change they hear about, so a rolled-back change sends
 * nothing. Duplicate and empty recipient lists are fine; a reminder a recipient already has for the same
 * subject is not sent again. Notifications listed in `OUTSIDE_MESSAGES` also queue their SMS, Zalo and
 * e-mail deliveries here, in the same transaction (deliveries.server.ts), for the recipients who can be
 * reached outside the app. Returns how many notifications were written.
 */
export async function notify(
  executor: Executor,
  recipientIds: Iterable<string | null | undefined>,
  input: NotificationInput,
): Promise<number> {
  const ids = [...new Set([...recipientIds].filter((id): id is string => !!id))];
  if (ids.length === 0) return 0;
  if (!input.link.startsWith("/") || input.link.startsWith("//"))
    throw new Error(`notification link must be a path: ${input.link}`);
  const rows = ids.map((recipientId) => ({
    recipientId,
    messageKey: input.messageKey,
    params: input.params ?? {},
    link: input.link,
    subjectKey: input.subjectKey ?? null,
    createdAt: now(),
  }));
  const insert = executor.insert(notification).values(rows);
  const written = await (input.subjectKey ? insert.onConflictDoNothing() : insert).returning({
    id: notification.id,
    recipientId: notification.recipientId,
  });
  await queueOutside(executor, written, {
    messageKey: input.messageKey,
    params: input.params ?? {},
    link: input.link,
    stopKey: input.stopKey,
  });
  return written.length;
}

/**
 * The task a reminder asked for is done: every party's copy is resolved (no longer unread, shown as done).
 * Call it in the transaction that does the task.
 */
export async function resolveReminders(executor: Executor, subjectKeys: string[]): Promise<number> {
  if (subjectKeys.length === 0) return 0;
  const resolved = await executor
    .update(notification)
    .set({ resolvedAt: now() })
    .where(and(inArray(notification.subjectKey, subjectKeys), isNull(notification.resolvedAt)))
    .returning({ id: notification.id });
  return resolved.length;
}

/** The active officers who serve a commune. */
export async function officersOfCommune(executor: Executor, communeCode: string): Promise<string[]> {
  const rows = await executor
    .select({ id: appUser.id })
    .from(officerCommune)
    .innerJoin(appUser, eq(appUser.id, officerCommune.userId))
    .where(and(eq(officerCommune.communeCode, communeCode), eq(appUser.role, "officer"), isNull(appUser.disabledAt)));
  return rows.map((r) => r.id);
}

/** The officers of the commune where a person is registered now. */
export async function officersOfPerson(executor: Executor, personId: string): Promise<string[]> {
  const [person] = await executor
    .select({ communeCode: releasedPerson.communeCode })
    .from(releasedPerson)
    .where(eq(releasedPerson.id, personId));
  return person ? officersOfCommune(executor, person.communeCode) : [];
}

/** The accounts of an organisation (employer or provider staff). */
export async function usersOfOrganization(executor: Executor, organizationId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.organizationId, organizationId), isNull(appUser.disabledAt)));
  return rows.map((r) => r.id);
}

/** The person's own login, if they activated one. */
export async function userOfPerson(executor: Executor, personId: string): Promise<string | null> {
  const [person] = await executor
    .select({ userId: releasedPerson.userId })
    .from(releasedPerson)
    .where(eq(releasedPerson.id, personId));
  return person?.userId ?? null;
}

export async function unreadCount(userId: string): Promise<number> {
  const [row] = await unreadCountQuery(db()).execute({ userId });
  return Number(row?.n ?? 0);
}

// Every page of a logged-in user counts: built once per database (db/prepared.server.ts).
const unreadCountQuery = (database: Database) =>
  builtOnce(database, "notifications.unread", () =>
    database
      .select({ n: count() })
      .from(notification)
      .where(
        and(
          eq(notification.recipientId, sql.placeholder("userId")),
          isNull(notification.readAt),
          isNull(notification.resolvedAt),
        ),
      )
      .prepare("notifications_unread"),
  );

/**
 * `done`: a reminder whose task was done (by this user or another party); it never counts as unread.
 * `unnamedPerson`: the notification is about a person the reader no longer serves (moved to another
 * commune, file expunged): the page says "a person" where the sentence has {name}.
 */
export type NotificationItem = {
  id: number;
  messageKey: string;
  params: Record<string, string | number>;
  link: string;
  read: boolean;
  done: boolean;
  unnamedPerson: boolean;
  createdAt: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Newest first; `before` pages back by id. Officers' notifications name a person by reference
 * (`params.personId`), never by a copy of the name: the name is read here, only for persons in the reader's
 * communes whose file still exists, so it leaves the list when the person moves away or the file is erased.
 */
export async function listNotifications(
  userId: string,
  options: { limit?: number; before?: number } = {},
): Promise<NotificationItem[]> {
  const rows = await db()
    .select()
    .from(notification)
    .where(and(eq(notification.recipientId, userId), options.before ? lt(notification.id, options.before) : undefined))
    .orderBy(desc(notification.id))
    .limit(Math.min(options.limit ?? 30, 100));
  const personIds = [
    ...new Set(
      rows.flatMap((r) =>
        typeof r.params.personId === "string" && UUID.test(r.params.personId) ? [r.params.personId] : [],
      ),
    ),
  ];
  const served =
    personIds.length === 0
      ? []
      : await db()
          .select({ id: releasedPerson.id, name: releasedPerson.fullName })
          .from(releasedPerson)
          .innerJoin(
            officerCommune,
            and(eq(officerCommune.communeCode, releasedPerson.communeCode), eq(officerCommune.userId, userId)),
          )
          .where(and(inArray(releasedPerson.id, personIds), isNull(releasedPerson.anonymizedAt)));
  const names = new Map(served.map((p) => [p.id, p.name]));
  return rows.map((r) => {
    const { personId, ...rest } = r.params;
    const name = personId === undefined ? undefined : names.get(String(personId));
    return {
      id: r.id,
      messageKey: r.messageKey,
      params: personId === undefined ? r.params : name !== undefined ? { ...rest, name } : rest,
      link: r.link,
      read: r.readAt !== null || r.resolvedAt !== null,
      done: r.resolvedAt !== null,
      unnamedPerson: personId !== undefined && name === undefined,
      createdAt: r.createdAt,
    };
  });
}

/** Marks one of the user's notifications read and returns where it points (null: not theirs). */
export async function openNotification(userId: string, id: number): Promise<string | null> {
  const [row] = await db()
    .update(notification)
    .set({ readAt: now() })
    .where(and(eq(notification.id, id), eq(notification.recipientId, userId)))
    .returning({ link: notification.link });
  return row?.link ?? null;
}

/** Where one of the user's notifications points, without marking it read (null: not theirs). */
export async function notificationLink(userId: string, id: number): Promise<string | null> {
  const [row] = await db()
    .select({ link: notification.link })
    .from(notification)
    .where(and(eq(notification.id, id), eq(notification.recipientId, userId)));
  return row?.link ?? null;
}

export async function markAllRead(userId: string, ids?: number[]): Promise<void> {
  await db()
    .update(notification)
    .set({ readAt: now() })
    .where(
      and(
        eq(notification.recipientId, userId),
        isNull(notification.readAt),
        ids ? inArray(notification.id, ids) : undefined,
      ),
    );
}
