import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";

import { onSamePort } from "./listener";

/**
 * A real SMTP server (the `smtp-server` package) that stands in for the mail provider in tests: plain
 * SMTP on 127.0.0.1, no TLS, any login accepted. It keeps every message it accepted with its envelope,
 * headers and text (decoded just enough for tests: no mail parser is installed), can answer the next RCPT
 * TO with a temporary (451) or final (550) refusal, and can be stopped and started again on the same port.
 */

export type ReceivedMail = {
  envelope: { from: string; to: string[] };
  /** Login name used, if any. */
  user: string | undefined;
  /** Header names in lower case, values unfolded and decoded (RFC 2047 words). */
  headers: Record<string, string>;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded ("" when none). */
  html: string;
  raw: string;
};

export type FakeSmtpServer = {
  readonly port: number;
  /** smtp://user:pass@127.0.0.1:port */
  readonly url: string;
  readonly messages: ReceivedMail[];
  /** Refuse the next RCPT TO with this code (451 temporary, 550 final…). */
  rejectNextRecipient(code: number, text?: string): void;
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startFakeSmtp(options: { port?: number } = {}): Promise<FakeSmtpServer> {
  const messages: ReceivedMail[] = [];
  const rejections: { code: number; text: string }[] = [];

  const build = () =>
    new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username });
      },
      onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
        const next = rejections.shift();
        if (!next) return callback();
        const error = Object.assign(new Error(next.text), { responseCode: next.code });
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const from = session.envelope.mailFrom;
          messages.push({
            envelope: {
              from: from ? from.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            user: typeof session.user === "string" ? session.user : undefined,
            ...parseMail(raw),
            raw,
          });
          callback();
        });
      },
    });

  const listener = onSamePort(() => {
    const smtp = build();
    smtp.on("error", () => undefined); // a client hanging up mid-session is not a test failure
    return { server: smtp.server, close: (done) => smtp.close(done) };
  }, options.port);

  await listener.start();
  return {
    get port() {
      return listener.port;
    },
    get url() {
      return `smtp://mailer:secret@127.0.0.1:${listener.port}`;
    },
    messages,
    rejectNextRecipient(code, text = code >= 500 ? "Mailbox unavailable" : "Try again later") {
      rejections.push({ code, text });
    },
    stop: listener.stop,
    start: listener.start,
  };
}

/* ---- Just enough MIME for tests: headers, multipart, quoted-printable and base64 ---- */

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), adjacent words joined. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  return part.body;
}

function leaves(part: Part): Part[] {
  const type = part.headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces
    .filter((p) => !p.startsWith("--"))
    .map((p) => splitPart(p.replace(/^\r?\n/, "")))
    .flatMap(leaves);
}

export function parseMail(raw: string): { headers: Record<string, string>; text: string; html: string } {
  const top = splitPart(raw);
  const parts = leaves(top);
  const of = (type: string) => {
    const part = parts.find((p) => (p.headers["content-type"] ?? "text/plain").toLowerCase().startsWith(type));
    return part ? decodeBody(part).replace(/\r\n/g, "\n") : "";
  };
  return { headers: top.headers, text: of("text/plain"), html: of("text/html") };
}
