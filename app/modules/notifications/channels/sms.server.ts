/**
 * The SMS channel: eSMS.vn (ViHAT), brand-name customer-care messages (SmsType 2), one request per message.
 * It speaks the documented contract and nothing else (docs/decisions/032-sms-gateway-esms.md):
 *
 *   POST {ESMS_URL}/MainService.svc/json/SendMultipleMessage_V4_post_json/   (application/json)
 *   { ApiKey, SecretKey, Phone, Content, Brandname, SmsType, IsUnicode, Sandbox, RequestId, CallbackUrl }
 *   → { CodeResult: "100", SMSID } accepted, or { CodeResult: "1xx", ErrorMessage } refused
 *   https://developers.esms.vn/en/esms-api/send-sms-api/send-otp-customer-care-message
 *
 * RequestId is the delivery row's id (with a prefix, so two environments sharing one eSMS account never
 * collide): when an answer is lost and the pipeline sends again, eSMS answers 124 "duplicate request"
 * instead of sending a second SMS, and that counts as accepted. Each call times out (10 s by default).
 * Nothing here throws for a provider's answer: every outcome is a SendResult.
 */
import { isMobile, toE164 } from "~/utils/phone";

import { foldForSms, smsSegments } from "./sms-text";
import type { ChannelAdapter, OutgoingMessage, ProviderReport, SendResult } from "./types";

export const ESMS_DEFAULT_URL = "https://rest.esms.vn";
export const ESMS_SEND_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";

export type EsmsConfig = {
  /** Base URL, without the path: https://rest.esms.vn (a local fake in tests). */
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  /** "2": brand-name customer care (needs `brandname` and a registered template); "8": fixed number, no brand name. */
  smsType: "2" | "8";
  /** The registered sender name shown on the phone; required for SmsType 2. */
  brandname?: string;
  /** Send Vietnamese without diacritics (GSM-7, 160 characters a message instead of 70). */
  foldDiacritics: boolean;
  /** eSMS checks the request but neither sends nor charges (Sandbox = 1). */
  sandbox: boolean;
  /** Where eSMS reports each message's final status (HTTP GET, see parseEsmsReport). */
  callbackUrl?: string;
  /** Put before the delivery id in RequestId ("ct-42"); one per environment sharing an eSMS account. */
  requestIdPrefix: string;
  /** Milliseconds before a call is abandoned and retried later. */
  timeoutMs: number;
};

/** The body eSMS documents for SendMultipleMessage_V4_post_json; every value is a string. */
export type EsmsSendBody = {
  ApiKey: string;
  SecretKey: string;
  Phone: string;
  Content: string;
  Brandname?: string;
  SmsType: string;
  IsUnicode: "0" | "1";
  Sandbox: "0" | "1";
  RequestId: string;
  CallbackUrl?: string;
};

/**
 * What each documented CodeResult means for us (table of error codes:
 * https://developers.esms.vn/en/esms-api/table-of-error-codes). Anything not listed is permanent: eSMS
 * answered and refused, and we cannot tell that waiting would change its mind.
 */
const CODES: Record<string, { kind: "retry" | "permanent"; meaning: string; retryAfterMs?: number }> = {
  // The number is on eSMS's block list (the owner opted out of brand-name SMS): never again.
  "99": { kind: "permanent", meaning: "phone number blocked by eSMS" },
  // Credentials and account set-up: no retry fixes them, an administrator does; the message is given up
  // (and visible as dead in the delivery list) rather than piling up while the keys are wrong.
  "101": { kind: "permanent", meaning: "ApiKey or SecretKey incorrect" },
  "102": { kind: "permanent", meaning: "no price list on the eSMS account" },
  "104": { kind: "permanent", meaning: "brand name not registered" },
  "140": { kind: "permanent", meaning: "server IP not whitelisted at eSMS" },
  "300": { kind: "permanent", meaning: "message type missing" },
  // Balance: the one account problem that is fixed by an ordinary top-up, usually within the day. Alerts and
  // recovery codes are still wanted an hour later, so wait and try again; the pipeline's attempt limit ends it.
  "103": { kind: "retry", meaning: "eSMS balance too low", retryAfterMs: 30 * 60_000 },
  // This recipient or this text: sending the same again gets the same answer.
  "108": { kind: "permanent", meaning: "phone number format refused" },
  "146": { kind: "permanent", meaning: "text does not match a registered customer-care template" },
  "177": { kind: "permanent", meaning: "the recipient's network is not registered for this brand name" },
};

const ACCEPTED = "100";
const DUPLICATE_REQUEST = "124";

export function esmsRequestId(prefix: string, deliveryId: number): string {
  return `${prefix}${deliveryId}`;
}

/** The documented send body for one message (pure: the tests and the fake server read the same shape). */
export function esmsSendBody(config: EsmsConfig, message: OutgoingMessage, phone: string): EsmsSendBody {
  const content = config.foldDiacritics ? foldForSms(message.text) : message.text;
  return {
    ApiKey: config.apiKey,
    SecretKey: config.secretKey,
    Phone: phone,
    Content: content,
    ...(config.smsType === "2" && config.brandname ? { Brandname: config.brandname } : {}),
    SmsType: config.smsType,
    IsUnicode: smsSegments(content).encoding === "ucs2" ? "1" : "0",
    Sandbox: config.sandbox ? "1" : "0",
    RequestId: esmsRequestId(config.requestIdPrefix, message.deliveryId),
    ...(config.callbackUrl ? { CallbackUrl: config.callbackUrl } : {}),
  };
}

/** "+84912345678" → "0912345678", the form eSMS's samples use; null for a number eSMS cannot text. */
function esmsPhone(to: string): string | null {
  const e164 = toE164(to);
  if (!e164 || !e164.startsWith("+84") || !isMobile(e164)) return null;
  return `0${e164.slice(3)}`;
}

export function createEsmsAdapter(config: EsmsConfig): ChannelAdapter {
  const endpoint = new URL(ESMS_SEND_PATH.slice(1), config.baseUrl.replace(/\/*$/, "/")).toString();
  return {
    channel: "sms",
    provider: "esms",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const phone = esmsPhone(message.to);
      if (!phone) return { ok: false, kind: "permanent", reason: "not a Vietnamese mobile number" };
      const body = esmsSendBody(config, message, phone);
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        return await readAnswer(response, body.RequestId);
      } catch (error) {
        // No answer, or the answer stopped arriving: the gateway may or may not have the message, and the
        // RequestId makes the retry safe either way.
        return { ok: false, kind: "retry", reason: networkReason(error, config.timeoutMs) };
      }
    },
  };
}

async function readAnswer(response: Response, requestId: string): Promise<SendResult> {
  const status = response.status;
  if (status === 429 || status === 408 || status >= 500) {
    // Rate limit (eSMS documents no code of its own for it), request timeout, the gateway's own failure.
    await response.body?.cancel();
    const retryAfterMs = retryAfter(response.headers.get("retry-after"));
    const reason = status === 429 ? "HTTP 429 rate limited" : `HTTP ${status}`;
    return { ok: false, kind: "retry", reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status < 200 || status >= 300) {
    // 404 (wrong ESMS_URL), 403 (a firewall): our set-up, not a passing fault.
    await response.body?.cancel();
    return { ok: false, kind: "permanent", reason: `HTTP ${status}` };
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    // A proxy's HTML page or a cut answer: eSMS did not speak, try again (RequestId keeps it single).
    return { ok: false, kind: "retry", reason: "unreadable answer from eSMS" };
  }
  const fields = typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>) : {};
  const code = fields.CodeResult === undefined ? undefined : String(fields.CodeResult);
  const smsId = typeof fields.SMSID === "string" && fields.SMSID !== "" ? fields.SMSID : undefined;
  if (code === ACCEPTED) return { ok: true, providerId: smsId ?? requestId };
  // Sent before under this RequestId (our earlier try got no answer): accepted then, not to be sent again.
  // eSMS's documented answer carries no SMSID, so the request id stands in for it.
  if (code === DUPLICATE_REQUEST) {
    // The answer names the earlier request's status; 4 means eSMS refused it then, so nothing went out.
    if (String(fields.SendStatus ?? "") === "4") {
      return { ok: false, kind: "permanent", reason: "eSMS 124: refused earlier under this RequestId" };
    }
    return { ok: true, providerId: smsId ?? requestId };
  }
  const detail =
    typeof fields.ErrorMessage === "string"
      ? fields.ErrorMessage
      : typeof fields.error === "string"
        ? fields.error
        : "";
  if (code === undefined) {
    // {"error":"Invalid request"}: eSMS could not read our body; the same bytes would be refused again.
    return { ok: false, kind: "permanent", reason: `eSMS refused the request${detail ? `: ${detail}` : ""}` };
  }
  const known = CODES[code];
  const reason = `eSMS ${code}: ${known?.meaning ?? "unknown code"}${detail ? ` (${detail})` : ""}`;
  if (known?.kind === "retry") {
    return {
      ok: false,
      kind: "retry",
      reason,
      ...(known.retryAfterMs !== undefined ? { retryAfterMs: known.retryAfterMs } : {}),
    };
  }
  return { ok: false, kind: "permanent", reason };
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return "network error";
  if (error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  return `network error${code ? ` ${code}` : `: ${error.message}`}`;
}

/** Retry-After as seconds ("120") or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * eSMS's delivery callback, an HTTP GET to CallbackUrl with the status in the query string
 * (https://developers.esms.vn/en/esms-api/callback-url):
 * `?SMSID=…&SendFailed=0&SendStatus=5&SendSuccess=1&TotalPrice=…&TotalReceiver=1&TotalSent=1&RequestId=ct-42&TypeId=2&telcoid=1&phonenumber=…`
 *
 * Give it the request's URLSearchParams (or a plain object of them). SendStatus 5 is final: delivered when
 * the telco counted a success and no failure; SendStatus 4 is a refusal by eSMS. 1, 2 and 7 (in review,
 * waiting, at the telco) are not final: null, as for anything that is not such a report. Field names are read
 * without regard to case (eSMS's own tables write both TotalPrice and Totalprice).
 */
export function parseEsmsReport(body: unknown): ProviderReport | null {
  const fields = new Map<string, string>();
  const entries =
    body instanceof URLSearchParams
      ? Array.from(body.entries())
      : typeof body === "object" && body !== null
        ? Object.entries(body as Record<string, unknown>)
        : [];
  for (const [name, value] of entries) {
    if (typeof value === "string" || typeof value === "number") fields.set(name.toLowerCase(), String(value));
  }
  const providerId = fields.get("smsid")?.trim();
  if (!providerId) return null;
  const status = fields.get("sendstatus");
  if (status === "4") return { providerId, delivered: false, reason: "rejected by eSMS (SendStatus 4)" };
  if (status !== "5") return null;
  const success = Number(fields.get("sendsuccess") ?? "0");
  const failed = Number(fields.get("sendfailed") ?? "0");
  if (failed > 0)
    return { providerId, delivered: false, reason: `not delivered by the network (SendFailed ${failed})` };
  if (success > 0) return { providerId, delivered: true };
  return null;
}
