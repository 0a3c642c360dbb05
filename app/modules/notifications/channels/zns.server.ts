import { z } from "zod";

import { nextVietnamHour } from "../schedule";
import { missingVar, optionalVar, parseChannelEnv } from "./env.server";
import type { ChannelAdapter, OutgoingMessage, ProviderReport, SendResult } from "./types";

/**
 * Zalo Notification Service (ZNS): an approved template sent to a phone number's Zalo account
 * (decision 033). The documented call: POST https://business.openapi.zalo.me/message/template, header
 * `access_token` (the Official Account's token), JSON body `{ phone: "84912345678", template_id,
 * template_data, tracking_id }`; the answer is `{ error, message, data: { msg_id, sent_time, quota } }`,
 * error 0 meaning accepted. Our delivery id goes out as tracking_id, so a message retried after a lost
 * answer can be matched to the first one.
 */

export const ZNS_DEFAULT_URL = "https://business.openapi.zalo.me/message/template";
const TIMEOUT_MS = 10_000;

const znsEnvSchema = z.object({
  ZNS_URL: optionalVar(z.url({ error: `must be a URL, for example ${ZNS_DEFAULT_URL}` })),
  ZNS_ACCESS_TOKEN: optionalVar(z.string()),
});

/**
 * The ZNS adapter configured by ZNS_URL (default the documented endpoint) and ZNS_ACCESS_TOKEN; null when
 * no token is set (the channel is off). Throws one readable message naming the variable when the setting
 * is wrong or half done (ZNS_URL without ZNS_ACCESS_TOKEN).
 */
export function znsAdapterFromEnv(source: Record<string, string | undefined> = process.env): ChannelAdapter | null {
  const { ZNS_URL, ZNS_ACCESS_TOKEN } = parseChannelEnv(znsEnvSchema, source);
  if (!ZNS_ACCESS_TOKEN) {
    if (ZNS_URL) {
      throw missingVar("ZNS_ACCESS_TOKEN", "must be set when ZNS_URL is set (the Official Account's access token)");
    }
    return null;
  }
  return createZnsAdapter({ url: ZNS_URL ?? ZNS_DEFAULT_URL, accessToken: ZNS_ACCESS_TOKEN });
}

/** ZNS error codes where trying later can succeed (Zalo's error table; the rest are final). */
const RETRY_CODES: Record<number, { why: string; wait?: () => number }> = {
  [-100]: { why: "unknown error, Zalo asks to try again later" },
  [-32]: { why: "request rate limit", wait: () => 60_000 },
  [-115]: { why: "ZNS balance used up until it is topped up", wait: () => 60 * 60_000 },
  [-133]: { why: "this template may not be sent at night", wait: () => msUntilVietnamHour(6) },
  [-144]: { why: "the Official Account's daily ZNS quota is used up", wait: () => msUntilVietnamHour(0) },
  [-147]: { why: "the template's daily quota is used up", wait: () => msUntilVietnamHour(0) },
};

/** Milliseconds from now until the next `hour`:00 in Vietnam (schedule.ts keeps the arithmetic). */
export function msUntilVietnamHour(hour: number, now = new Date()): number {
  const at = nextVietnamHour(now, hour);
  return (at.getTime() > now.getTime() ? at.getTime() : at.getTime() + 86_400_000) - now.getTime();
}

/** ZNS wants Vietnamese numbers as 84xxxxxxxxx, no "+"; null when `to` is not one. */
export function znsPhone(to: string): string | null {
  const digits = to.replace(/[\s.()-]/g, "");
  const national = /^\+?84(\d{9,10})$/.exec(digits)?.[1] ?? /^0(\d{9,10})$/.exec(digits)?.[1];
  return national && !national.startsWith("0") ? `84${national}` : null;
}

/** An id ZNS may write as a string or a number. */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

const answerSchema = z.object({
  error: z.union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  message: z.string().optional(),
  data: z.looseObject({ msg_id: idSchema.optional() }).nullish(),
});

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function createZnsAdapter(options: { url: string; accessToken: string; timeoutMs?: number }): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;

  async function send(message: OutgoingMessage): Promise<SendResult> {
    if (!message.template) return { ok: false, kind: "permanent", reason: "no template" };
    const phone = znsPhone(message.to);
    if (!phone) return { ok: false, kind: "permanent", reason: `not a Vietnamese phone number: ${message.to}` };

    let response: Response;
    try {
      response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", access_token: options.accessToken },
        body: JSON.stringify({
          phone,
          template_id: message.template.id,
          template_data: message.template.data,
          tracking_id: String(message.deliveryId),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      const reason = timedOut
        ? `no answer from ZNS within ${timeoutMs / 1000} s`
        : `ZNS unreachable: ${causeOf(error)}`;
      return { ok: false, kind: "retry", reason };
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { ok: false, kind: "retry", reason: `ZNS answer cut short: ${causeOf(error)}` };
    }
    const status = `HTTP ${response.status}`;
    if (response.status === 429) {
      return {
        ok: false,
        kind: "retry",
        reason: `${status}: rate limited`,
        retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      };
    }
    if (response.status >= 500 || response.status === 408)
      return { ok: false, kind: "retry", reason: `${status}: ${text.slice(0, 200)}` };

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer = answerSchema.safeParse(json);
    if (!answer.success) {
      // A 4xx without ZNS's JSON (a proxy page, a wrong URL) will not mend itself; a 2xx we cannot read might.
      const kind = response.ok ? "retry" : "permanent";
      return { ok: false, kind, reason: `${status}: unexpected answer ${text.slice(0, 200)}` };
    }
    const { error, message: said, data } = answer.data;
    if (error === 0 && data?.msg_id) return { ok: true, providerId: data.msg_id };
    const reason = `ZNS error ${error}: ${said ?? "no message"}`;
    if (error === 0) return { ok: false, kind: "retry", reason: "ZNS accepted but gave no msg_id" };
    const retry = RETRY_CODES[error];
    if (retry) {
      return { ok: false, kind: "retry", reason: `${reason} (${retry.why})`, retryAfterMs: retry.wait?.() };
    }
    return { ok: false, kind: "permanent", reason };
  }

  return { channel: "zalo", provider: "zns", send };
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

const webhookSchema = z.object({
  event_name: z.literal("user_received_message"),
  message: z.looseObject({ msg_id: idSchema }),
});

/**
 * ZNS's "user received message" webhook (event_name user_received_message, message.msg_id,
 * message.delivery_time): the message reached the person's phone. Null for any other event or body.
 */
export function parseZnsWebhook(body: unknown): ProviderReport | null {
  const parsed = webhookSchema.safeParse(body);
  return parsed.success ? { providerId: parsed.data.message.msg_id, delivered: true } : null;
}
