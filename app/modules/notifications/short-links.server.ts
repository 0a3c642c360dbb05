import { randomBytes } from "node:crypto";

import { eq, lt } from "drizzle-orm";

import { getEnv } from "~/env.server";
import { now } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";

import type { Executor } from "../../../db/client.server";
import { shortLink } from "../../../db/schema";

/** How long a message's link opens the page it points to (after that it only leads to the login). */
export const SHORT_LINK_DAYS = 30;

/**
 * What the one-tap stop on a message's page stops: the channel it came on ("channel:sms"), or the saved
 * search that sent it ("saved-search:<uuid>").
 */
export type StopKey = `channel:${"sms" | "zalo" | "email"}` | `saved-search:${string}`;

/**
 * A short link for a message to `userId`: 8 random URL-safe characters (48 bits) that say nothing about
 * what they open; the page asks for the recipient's login before it goes anywhere.
 */
export async function createShortLink(
  executor: Executor,
  userId: string,
  target: string,
  stopKey: StopKey | null,
): Promise<string> {
  const code = randomBytes(6).toString("base64url");
  await executor
    .insert(shortLink)
    .values({ code, userId, target, stopKey, createdAt: now(), expiresAt: daysAfter(now(), SHORT_LINK_DAYS) });
  return `${getEnv().publicUrl}/n/${code}`;
}

export type OpenedLink = { userId: string; target: string; stopKey: StopKey | null; expired: boolean };

/** The link behind a code (null: no such code). */
export async function findShortLink(executor: Executor, code: string): Promise<OpenedLink | null> {
  if (!/^[A-Za-z0-9_-]{6,16}$/.test(code)) return null;
  const [row] = await executor.select().from(shortLink).where(eq(shortLink.code, code));
  if (!row) return null;
  return {
    userId: row.userId,
    target: row.target,
    stopKey: row.stopKey as StopKey | null,
    expired: row.expiresAt <= now(),
  };
}

/** Links past their time, a month after: kept a while so an old message still says "expired", not "unknown". */
export async function pruneShortLinks(executor: Executor): Promise<number> {
  const removed = await executor
    .delete(shortLink)
    .where(lt(shortLink.expiresAt, daysAfter(now(), -SHORT_LINK_DAYS)))
    .returning({ code: shortLink.code });
  return removed.length;
}
