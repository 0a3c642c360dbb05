import { and, desc, eq, inArray, isNotNull, lt } from "drizzle-orm";

import { now } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import type { DeliveryStatus, OutsideChannel } from "../../../db/enums";
import { appUser, delivery } from "../../../db/schema";
import type { ProviderReport } from "./channels/types";

export type DeliveryLine = {
  id: number;
  channel: OutsideChannel;
  kind: string;
  purpose: "notice" | "transactional";
  to: string;
  recipientName: string;
  subject: string | null;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
};

/**
 * Messages newest first: the admin's delivery list (`statuses`: e.g. the dead letters) and the dev outbox
 * (`provider: "outbox"` plus what still waits). `before` pages back by id.
 */
export async function listDeliveries(
  options: { statuses?: DeliveryStatus[]; channel?: OutsideChannel; before?: number; limit?: number } = {},
): Promise<DeliveryLine[]> {
  const rows = await db()
    .select({ row: delivery, recipientName: appUser.fullName })
    .from(delivery)
    .innerJoin(appUser, eq(appUser.id, delivery.recipientId))
    .where(
      and(
        options.statuses?.length ? inArray(delivery.status, options.statuses) : undefined,
        options.channel ? eq(delivery.channel, options.channel) : undefined,
        options.before ? lt(delivery.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(delivery.id))
    .limit(Math.min(options.limit ?? 50, 200));
  return rows.map(({ row, recipientName }) => ({
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    purpose: row.purpose,
    to: row.toAddress,
    recipientName,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    provider: row.provider,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
  }));
}

/** Send a failed or dead message again, from now, with a fresh count of tries (the admin's button). */
export async function retryDelivery(id: number): Promise<boolean> {
  const rows = await db()
    .update(delivery)
    .set({ status: "queued", attempts: 0, nextAttemptAt: now(), lastError: null })
    .where(and(eq(delivery.id, id), inArray(delivery.status, ["failed", "dead"])))
    .returning({ id: delivery.id });
  return rows.length > 0;
}

/** A provider's delivery report (SMS callback, ZNS webhook): the message reached the phone, or did not. */
export async function recordProviderReport(provider: string, report: ProviderReport): Promise<boolean> {
  const rows = await db()
    .update(delivery)
    .set(
      report.delivered
        ? { status: "delivered", deliveredAt: now() }
        : { status: "failed", lastError: report.reason ?? "not delivered" },
    )
    .where(
      and(
        eq(delivery.provider, provider),
        eq(delivery.providerId, report.providerId),
        isNotNull(delivery.sentAt),
        inArray(delivery.status, ["sent", "delivered"]),
      ),
    )
    .returning({ id: delivery.id });
  return rows.length > 0;
}
