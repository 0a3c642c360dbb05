import { and, asc, count, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";

import { translator } from "~/i18n";
import { now } from "~/utils/clock.server";
import { log } from "~/utils/log.server";

import type { Database } from "../../../db/client.server";
import { delivery } from "../../../db/schema";
import type { ChannelAdapters } from "./channels/registry.server";
import type { SendResult } from "./channels/types";
import { buildZnsTemplate } from "./channels/zns-templates";
import {
  DAILY_CAP,
  inQuietHours,
  MAX_ATTEMPTS,
  nextVietnamHour,
  QUIET_UNTIL_HOUR,
  retryDelayMs,
  sendableAt,
  vietnamDayStart,
} from "./schedule";
import { contactOf, reachableChannels } from "./settings.server";
import { createShortLink } from "./short-links.server";

type Row = typeof delivery.$inferSelect;

/** A try that got no answer (the process died mid-send) is retried after this; the provider's idempotency key keeps it single. */
const STUCK_AFTER_MS = 5 * 60_000;

/**
 * The worker's `notifications.delivery` task: send what is due, oldest first, a batch per tick. A notice is
 * re-checked as it leaves (the consent or the channel may have ended since it was queued: cancelled), waits
 * out the quiet hours (SMS and Zalo; e-mail does not ring), and past the daily cap rolls into one digest the
 * next morning. Each try is marked `sending` before the provider is called, so two workers never send a row
 * twice and a crash mid-send is retried with the same idempotency key. Returns how many were sent.
 */
export async function deliverDue(
  db: Database,
  adapters: ChannelAdapters,
  stopped: () => boolean = () => false,
  batch = 25,
): Promise<number> {
  const at = now();
  await db
    .update(delivery)
    .set({ status: "queued" })
    .where(and(eq(delivery.status, "sending"), lt(delivery.nextAttemptAt, new Date(at.getTime() - STUCK_AFTER_MS))));
  const due = await db
    .select()
    .from(delivery)
    .where(
      and(
        eq(delivery.status, "queued"),
        lte(delivery.nextAttemptAt, at),
        inArray(delivery.channel, Object.keys(adapters) as Row["channel"][]),
      ),
    )
    .orderBy(asc(delivery.nextAttemptAt), asc(delivery.id))
    .limit(batch);
  let sent = 0;
  for (const row of due) {
    if (stopped()) break;
    if (row.purpose === "notice" && !(await mayLeaveNow(db, row))) continue;
    const claimed = await db
      .update(delivery)
      .set({ status: "sending", attempts: sql`${delivery.attempts} + 1`, nextAttemptAt: now() })
      .where(and(eq(delivery.id, row.id), eq(delivery.status, "queued")))
      .returning({ attempts: delivery.attempts });
    if (claimed.length === 0) continue;
    const adapter = adapters[row.channel]!;
    let result: SendResult;
    try {
      result = await adapter.send({
        deliveryId: row.id,
        to: row.toAddress,
        text: row.body,
        subject: row.subject ?? undefined,
        template: row.template ?? undefined,
        link: row.link ?? "",
        stopUrl: row.channel === "email" && row.purpose === "notice" && row.link ? row.link : undefined,
      });
    } catch (error) {
      // An adapter bug must not stop the queue: treat it as a failure worth retrying, and log it.
      log.error("delivery", "adapter threw", error, { deliveryId: row.id, channel: row.channel });
      result = { ok: false, kind: "retry", reason: String(error) };
    }
    await recordResult(db, row, claimed[0].attempts, adapter.provider, result);
    if (result.ok) sent++;
  }
  return sent;
}

async function recordResult(db: Database, row: Row, attempts: number, provider: string, result: SendResult) {
  const at = now();
  if (result.ok) {
    await db
      .update(delivery)
      .set({ status: "sent", sentAt: at, provider, providerId: result.providerId, lastError: null })
      .where(eq(delivery.id, row.id));
  } else if (result.kind === "permanent") {
    await db
      .update(delivery)
      .set({ status: "failed", provider, lastError: result.reason })
      .where(eq(delivery.id, row.id));
  } else if (attempts >= MAX_ATTEMPTS) {
    await db
      .update(delivery)
      .set({ status: "dead", provider, lastError: result.reason })
      .where(eq(delivery.id, row.id));
  } else {
    await db
      .update(delivery)
      .set({
        status: "queued",
        provider,
        lastError: result.reason,
        nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts, result.retryAfterMs)),
      })
      .where(eq(delivery.id, row.id));
  }
}

/** A notice about to leave: still allowed, outside quiet hours, within the day's cap? Reschedules or ends it if not. */
async function mayLeaveNow(db: Database, row: Row): Promise<boolean> {
  const at = now();
  const contact = await contactOf(db, row.recipientId);
  if (!contact || !(await reachableChannels(db, contact)).includes(row.channel)) {
    await db
      .update(delivery)
      .set({ status: "cancelled", lastError: "consent or channel ended before sending" })
      .where(eq(delivery.id, row.id));
    return false;
  }
  if (row.channel !== "email" && inQuietHours(at)) {
    await db
      .update(delivery)
      .set({ nextAttemptAt: sendableAt(at) })
      .where(eq(delivery.id, row.id));
    return false;
  }
  if (row.kind === "digest") return true;
  const [today] = await db
    .select({ n: count() })
    .from(delivery)
    .where(
      and(
        eq(delivery.recipientId, row.recipientId),
        eq(delivery.channel, row.channel),
        eq(delivery.purpose, "notice"),
        inArray(delivery.status, ["sending", "sent", "delivered"]),
        gte(delivery.sentAt, vietnamDayStart(at)),
      ),
    );
  if (Number(today?.n ?? 0) < DAILY_CAP) return true;
  await db.transaction(async (tx) => {
    let [digest] = await tx
      .select({ id: delivery.id })
      .from(delivery)
      .where(
        and(
          eq(delivery.recipientId, row.recipientId),
          eq(delivery.channel, row.channel),
          eq(delivery.kind, "digest"),
          eq(delivery.status, "queued"),
        ),
      );
    if (!digest) {
      const link = await createShortLink(tx, row.recipientId, "/notifications", `channel:${row.channel}`);
      const t = translator(contact.locale);
      const text = t("out.digest", { link });
      [digest] = await tx
        .insert(delivery)
        .values({
          recipientId: row.recipientId,
          channel: row.channel,
          kind: "digest",
          toAddress: row.toAddress,
          subject: row.channel === "email" ? t("out.subject") : null,
          body: text,
          template: row.channel === "zalo" ? buildZnsTemplate("news", {}, link) : null,
          link,
          nextAttemptAt: nextVietnamHour(new Date(vietnamDayStart(at).getTime() + 86_400_000), QUIET_UNTIL_HOUR),
          createdAt: now(),
        })
        .returning({ id: delivery.id });
    }
    await tx.update(delivery).set({ status: "digested", digestId: digest.id }).where(eq(delivery.id, row.id));
  });
  return false;
}
