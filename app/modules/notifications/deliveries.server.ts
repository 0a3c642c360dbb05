import { type MessageKey, translator } from "~/i18n";
import { now } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import type { OutsideChannel } from "../../../db/enums";
import { delivery } from "../../../db/schema";
import { channelAdapters } from "./channels/registry.server";
import { buildZnsTemplate, type ZnsKind } from "./channels/zns-templates";
import { forbiddenWordsIn } from "./forbidden-words";
import { outsideSpecOf, znsParams } from "./outside-messages";
import { assertSafeOutside, renderOutside } from "./outside-render.server";
import { addressFor, type Contact, contactOf, reachableChannels } from "./settings.server";
import { createShortLink, type StopKey } from "./short-links.server";

export type OutsideNotice = {
  messageKey: string;
  params: Record<string, string | number>;
  /** The path in the app the message leads to (through a short link). */
  link: string;
  /** What the message's one-tap stop stops (default: the channel it came on). */
  stopKey?: StopKey;
};

/**
 * Queue the outside messages of a notification, in the caller's transaction (called by `notify`): one
 * delivery per channel the recipient can be reached on now (chosen, an address, a live consent for a
 * person, a provider or the dev outbox for the channel). Notifications that stay in the app queue nothing.
 * Quiet hours and the daily cap are applied when the worker sends, so a message queued at 22:00 waits.
 */
export async function queueOutside(
  executor: Executor,
  written: readonly { id: number; recipientId: string }[],
  notice: OutsideNotice,
): Promise<number> {
  const spec = outsideSpecOf(notice.messageKey);
  if (!spec) return 0;
  let queued = 0;
  for (const row of written) {
    const contact = await contactOf(executor, row.recipientId);
    if (!contact) continue;
    queued += await queueForContact(executor, contact, {
      kind: spec.kind,
      text: spec.text,
      subject: "out.subject",
      zns: spec.zns ?? "news",
      params: notice.params,
      target: notice.link,
      stopKey: notice.stopKey,
      notificationId: row.id,
    });
  }
  return queued;
}

export type OutsideMessage = {
  kind: string;
  /** The out.* text, filled with `params` and `{link}`. */
  text: MessageKey;
  /** The e-mail's subject. */
  subject: MessageKey;
  /** The Zalo template that carries it. */
  zns: ZnsKind;
  params: Record<string, string | number>;
  /** The path in the app the short link opens. */
  target: string;
  stopKey?: StopKey;
  notificationId?: number;
};

/**
 * One message to one user on each channel they can be reached on now: a short link per channel, the text in
 * their language (falling back to "you have news" on a forbidden word), the e-mail's footer with the stop
 * link, the Zalo template. Every notice that leaves the app is queued here (notifications, the officer's digest).
 */
export async function queueForContact(executor: Executor, contact: Contact, message: OutsideMessage): Promise<number> {
  const adapters = channelAdapters();
  const t = translator(contact.locale);
  let queued = 0;
  for (const channel of await reachableChannels(executor, contact)) {
    if (!adapters[channel]) continue;
    const link = await createShortLink(
      executor,
      contact.userId,
      message.target,
      message.stopKey ?? `channel:${channel}`,
    );
    const { text, fellBack } = renderOutside(contact.locale, message.text, message.params, link);
    await executor.insert(delivery).values({
      recipientId: contact.userId,
      notificationId: message.notificationId ?? null,
      channel,
      kind: message.kind,
      toAddress: addressFor(contact, channel)!,
      subject: channel === "email" ? t(message.subject) : null,
      body: channel === "email" ? `${text}\n\n${t("out.email.footer", { stop: link })}` : text,
      template: channel === "zalo" ? znsTemplateFor(fellBack ? "news" : message.zns, message.params, link) : null,
      link,
      nextAttemptAt: now(),
      createdAt: now(),
    });
    queued++;
  }
  return queued;
}

/** The Zalo template and its data; a value Zalo would refuse (missing, unsafe) falls back to the plain "news" template. */
function znsTemplateFor(kind: ZnsKind, params: Record<string, string | number>, link: string) {
  try {
    const data = znsParams(kind, params);
    if (forbiddenWordsIn(Object.values(data).join(" ")).length > 0) return buildZnsTemplate("news", {}, link);
    return buildZnsTemplate(kind, data, link);
  } catch {
    return buildZnsTemplate("news", {}, link);
  }
}

export type TransactionalMessage = {
  /** The account it is for (null: none — never happens for a reset, kept for scripts). */
  userId: string;
  channel: Extract<OutsideChannel, "sms" | "email">;
  /** E.164 phone or e-mail address. */
  to: string;
  kind: string;
  body: string;
  subject?: string;
  link?: string;
};

/**
 * A message the user asked for themselves (a password-reset code or link): it leaves at once, at any hour,
 * outside the daily cap, needs no consent for news (they asked for it) and is never digested. It still
 * passes the forbidden-words check. Returns the delivery id.
 */
export async function queueTransactional(executor: Executor, message: TransactionalMessage): Promise<number> {
  assertSafeOutside(message.body, message.link);
  const [row] = await executor
    .insert(delivery)
    .values({
      recipientId: message.userId,
      channel: message.channel,
      purpose: "transactional",
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject ?? null,
      body: message.body,
      link: message.link ?? null,
      nextAttemptAt: now(),
      createdAt: now(),
    })
    .returning({ id: delivery.id });
  return row.id;
}
