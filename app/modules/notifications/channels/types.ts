/**
 * One small interface per outside channel (SMS, Zalo ZNS, e-mail). An adapter speaks one provider's
 * documented contract and nothing else: what to send, to whom, when, and whether the recipient agreed are
 * decided before it is called (app/modules/notifications/deliveries.server.ts). Adapters never throw for
 * a provider's answer; they return a SendResult the delivery pipeline turns into sent / retry / dead.
 */
import type { OutsideChannel } from "../../../../db/enums";

export { OUTSIDE_CHANNELS, type OutsideChannel } from "../../../../db/enums";

export type OutgoingMessage = {
  /** Our delivery row id: the idempotency key a provider is given (eSMS RequestId, ZNS tracking_id, Message-ID). */
  deliveryId: number;
  /** E.164 phone ("+84912345678") for sms and zalo; an e-mail address for email. */
  to: string;
  /** The whole text as the person will read it, Vietnamese with diacritics (the SMS adapter folds when configured). */
  text: string;
  /** E-mail subject. */
  subject?: string;
  /** ZNS: the approved template's id and its parameters (app/modules/notifications/channels/zns-templates.ts). */
  template?: { id: string; data: Record<string, string> };
  /** The absolute short link the message points to (https://…/n/Ab3x). */
  link: string;
  /** E-mail only: the one-tap stop page, sent as List-Unsubscribe. */
  stopUrl?: string;
};

export type SendResult =
  /** Accepted by the provider; `providerId` is what its delivery reports name. */
  | { ok: true; providerId: string }
  /** Worth trying again later: network error, timeout, 5xx, rate limit (`retryAfterMs` when the provider says). */
  | { ok: false; kind: "retry"; reason: string; retryAfterMs?: number }
  /** Trying again cannot help: invalid number, template not approved, user blocked the OA, bad credentials. */
  | { ok: false; kind: "permanent"; reason: string };

export interface ChannelAdapter {
  readonly channel: OutsideChannel;
  /** The provider's name, shown in the admin's delivery list ("esms", "zns", "smtp", "outbox"). */
  readonly provider: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A provider's report about a message sent earlier (delivery callback or webhook). */
export type ProviderReport = { providerId: string; delivered: boolean; reason?: string };
