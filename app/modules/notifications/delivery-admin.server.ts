import { and, desc, eq, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";

import { now } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import type { DeliveryStatus, OutsideChannel } from "../../../db/enums";
import { appUser, commune, delivery, officerCommune, organization, releasedPerson } from "../../../db/schema";
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
 * The recipient belongs to the province: a person registered in one of its communes, an officer serving one,
 * an organisation's user located in it, or an admin of it. A provincial admin sees only these messages.
 */
function recipientInProvince(provinceCode: string): SQL {
  return sql`(
    exists (select 1 from ${releasedPerson} p join ${commune} c on c.code = p.commune_code
            where p.user_id = ${delivery.recipientId} and c.province_code = ${provinceCode})
    or exists (select 1 from ${officerCommune} oc join ${commune} c on c.code = oc.commune_code
            where oc.user_id = ${delivery.recipientId} and c.province_code = ${provinceCode})
    or exists (select 1 from ${appUser} u join ${organization} o on o.id = u.organization_id
            where u.id = ${delivery.recipientId} and o.province_code = ${provinceCode})
    or exists (select 1 from ${appUser} u where u.id = ${delivery.recipientId} and u.province_code = ${provinceCode})
  )`;
}

/**
 * Messages newest first: the admin's delivery list (`statuses`: e.g. the dead letters; `provinceCode`: only
 * that province's recipients) and the dev outbox (every message). `before` pages back by id.
 */
export async function listDeliveries(
  options: {
    statuses?: DeliveryStatus[];
    channel?: OutsideChannel;
    provinceCode?: string;
    before?: number;
    limit?: number;
  } = {},
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
        options.provinceCode ? recipientInProvince(options.provinceCode) : undefined,
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

/** Send a failed or dead message of the province again, from now, with a fresh count of tries (the admin's button). */
export async function retryDelivery(provinceCode: string, id: number): Promise<boolean> {
  const rows = await db()
    .update(delivery)
    .set({ status: "queued", attempts: 0, nextAttemptAt: now(), lastError: null })
    .where(and(eq(delivery.id, id), inArray(delivery.status, ["failed", "dead"]), recipientInProvince(provinceCode)))
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

/** Messages by channel and state, every province together (for /metrics: counts only, nobody named). */
export async function deliveryCounts(): Promise<{ channel: string; status: string; count: number }[]> {
  return db()
    .select({ channel: delivery.channel, status: delivery.status, count: sql<number>`count(*)::int` })
    .from(delivery)
    .groupBy(delivery.channel, delivery.status);
}
