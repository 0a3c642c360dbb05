import nodemailer from "nodemailer";
import { z } from "zod";

import { missingVar, optionalVar, parseChannelEnv } from "./env.server";
import type { ChannelAdapter, OutgoingMessage, SendResult } from "./types";

/**
 * E-mail to organisations and staff over SMTP, with nodemailer (decision 033). One message: plain text
 * and a simple HTML copy of the same words (every character escaped), the subject given, a Message-ID made
 * from our delivery id (a retried message keeps its id, so mail systems can spot the copy), and the
 * one-tap stop link as List-Unsubscribe (RFC 8058) when the delivery has one.
 *
 * SMTP says itself whether to try again: 4xx replies are temporary, 5xx final (RFC 5321 §4.2.1).
 */

const TIMEOUT_MS = 10_000;

const ADDRESS = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

const emailEnvSchema = z.object({
  SMTP_URL: optionalVar(
    z.url({
      protocol: /^smtps?$/,
      error: "must be an smtp:// or smtps:// URL, for example smtp://user:pass@mail.example.vn:587",
    }),
  ),
  MAIL_FROM: optionalVar(
    z.string().regex(ADDRESS, { error: 'must be an address, for example "Chung Tay <no-reply@chungtay.vn>"' }),
  ),
});

/**
 * The e-mail adapter configured by SMTP_URL and MAIL_FROM; null when SMTP_URL is unset (the channel is
 * off). Throws one readable message naming the variable when a value is wrong or MAIL_FROM is missing.
 */
export function emailAdapterFromEnv(source: Record<string, string | undefined> = process.env): ChannelAdapter | null {
  const { SMTP_URL, MAIL_FROM } = parseChannelEnv(emailEnvSchema, source);
  if (!SMTP_URL) return null;
  if (!MAIL_FROM) {
    throw missingVar("MAIL_FROM", 'must be set when SMTP_URL is set, for example "Chung Tay <no-reply@chungtay.vn>"');
  }
  return createEmailAdapter({ url: SMTP_URL, from: MAIL_FROM });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The HTML copy: the text's paragraphs, then the link as a plain anchor; nothing unescaped. */
export function emailHtml(message: Pick<OutgoingMessage, "text" | "link" | "stopUrl">): string {
  const paragraphs = message.text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const link = `<p><a href="${escapeHtml(message.link)}">${escapeHtml(message.link)}</a></p>`;
  const stop = message.stopUrl
    ? `\n<p style="font-size:small;color:#555">Ngừng nhận thư / Stop these e-mails: <a href="${escapeHtml(message.stopUrl)}">${escapeHtml(message.stopUrl)}</a></p>`
    : "";
  return `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"></head><body>\n${paragraphs}\n${link}${stop}\n</body></html>`;
}

/** The plain-text body: the text, the link on its own line when the text does not carry it, the stop link. */
function emailText(message: OutgoingMessage): string {
  const parts = [message.text.trimEnd()];
  if (!message.text.includes(message.link)) parts.push(message.link);
  if (message.stopUrl) parts.push(`Ngừng nhận thư / Stop these e-mails: ${message.stopUrl}`);
  return `${parts.join("\n\n")}\n`;
}

/** The sender's domain, for Message-IDs: "Chung Tay <no-reply@chungtay.vn>" → "chungtay.vn". */
function domainOf(from: string): string {
  return /@([^\s@<>]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? "localhost";
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** An SMTP failure as a SendResult: 5xx final, 4xx and anything without a reply (network, timeout) retried. */
function classify(error: unknown): SendResult {
  const e = (error instanceof Error ? error : new Error(String(error))) as SmtpError;
  const reason = e.response ?? e.message;
  if (typeof e.responseCode === "number" && e.responseCode >= 500) return { ok: false, kind: "permanent", reason };
  if (typeof e.responseCode === "number" && e.responseCode >= 400) return { ok: false, kind: "retry", reason };
  // Invalid addresses are refused by nodemailer before anything is sent: trying again cannot help.
  if (e.code === "EENVELOPE" && !e.responseCode) return { ok: false, kind: "permanent", reason };
  return { ok: false, kind: "retry", reason: e.code ? `${e.code}: ${e.message}` : e.message };
}

export function createEmailAdapter(options: { url: string; from: string; timeoutMs?: number }): ChannelAdapter {
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = domainOf(options.from);

  async function send(message: OutgoingMessage): Promise<SendResult> {
    const headers: Record<string, string> = {};
    if (message.stopUrl) {
      headers["List-Unsubscribe"] = `<${message.stopUrl}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    }
    const messageId = `<delivery-${message.deliveryId}@${domain}>`;
    try {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? "Chung Tay",
        text: emailText(message),
        html: emailHtml(message),
        messageId,
        headers,
      });
      return { ok: true, providerId: info.messageId || messageId };
    } catch (error) {
      return classify(error);
    }
  }

  return { channel: "email", provider: "smtp", send };
}
