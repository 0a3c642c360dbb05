import http from "node:http";

import { onSamePort } from "./listener";

/**
 * A local HTTP server that stands in for Zalo's ZNS API in tests (nothing reaches the internet). It speaks
 * the documented contract: POST /message/template with the header `access_token` and a JSON body
 * `{ phone: "84…", template_id, template_data, tracking_id }`, answered with HTTP 200 and
 * `{ error: 0, message: "Success", data: { msg_id, sent_time, quota: { dailyQuota, remainingQuota } } }`,
 * or `{ error: <negative code>, message }` (Zalo's error table) when refused.
 *
 * It records the accepted messages, gives the same msg_id again for a tracking_id it has seen (so a retry
 * after a lost answer does not count twice), can be told how to answer the next requests (an error code,
 * HTTP 429 or 5xx, or no answer at all), can be stopped and started again on the same port, and can POST
 * the "user received message" webhook to a URL.
 */

export type ZnsRequest = {
  accessToken: string | undefined;
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string | undefined;
};
export type ZnsAccepted = ZnsRequest & { msgId: string };

type Next =
  | { kind: "error"; code: number; message: string }
  | { kind: "http"; status: number; retryAfter?: string }
  | { kind: "hang" };

export type FakeZnsServer = {
  /** The endpoint to give the adapter as ZNS_URL. */
  readonly url: string;
  readonly port: number;
  /** Accepted messages, in order (a repeated tracking_id is recorded once). */
  readonly messages: ZnsAccepted[];
  /** Every request that reached the server, accepted or not. */
  readonly requests: ZnsRequest[];
  /** How to answer the next request(s); each call queues one answer. */
  failNext(next: Next): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** POST the user_received_message webhook for `msgId` to `url`; resolves with the HTTP status. */
  sendReceivedWebhook(url: string, msgId: string): Promise<number>;
};

/** A few entries of Zalo's ZNS error table, for tests that want a realistic message. */
export const ZNS_ERRORS = {
  unknown: { code: -100, message: "Unknown error" },
  phoneInvalid: { code: -108, message: "Phone number invalid" },
  templateInvalid: { code: -109, message: "Template ID invalid" },
  templateDataInvalid: { code: -112, message: "Template data invalid" },
  userRejects: {
    code: -114,
    message: "User is inactive, or reject the message, or using an outdated Zalo version, or other internal errors",
  },
  outOfQuota: { code: -115, message: "Out of quota" },
  noZaloAccount: { code: -118, message: "Zalo account not existed" },
  tokenInvalid: { code: -124, message: "Access token invalid" },
  dailyQuota: { code: -144, message: "OA has exceeded maximum number of ZNS per day" },
} as const;

export async function startFakeZns(
  options: { accessToken?: string; templates?: Record<string, string[]>; port?: number } = {},
): Promise<FakeZnsServer> {
  const accessToken = options.accessToken ?? "test-oa-token";
  const messages: ZnsAccepted[] = [];
  const requests: ZnsRequest[] = [];
  const queue: Next[] = [];
  const byTracking = new Map<string, string>();
  const hanging = new Set<http.ServerResponse>();
  let counter = 0;

  const answer = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  /** A refusal as ZNS writes it: HTTP 200, a negative `error` and its message. */
  const refuse = (res: http.ServerResponse, e: { code: number; message: string }) =>
    answer(res, 200, { error: e.code, message: e.message });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    if (req.method !== "POST" || req.url !== "/message/template") {
      return answer(res, 404, { error: -106, message: "Method unsupported" });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return refuse(res, { code: -122, message: "Body format invalid" });
    }
    const request: ZnsRequest = {
      accessToken: req.headers["access_token"] as string | undefined,
      phone: String(body.phone ?? ""),
      templateId: String(body.template_id ?? ""),
      templateData: (body.template_data ?? {}) as Record<string, string>,
      trackingId: body.tracking_id === undefined ? undefined : String(body.tracking_id),
    };
    requests.push(request);

    const next = queue.shift();
    if (next?.kind === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (next?.kind === "http") {
      const headers: Record<string, string> = next.retryAfter ? { "retry-after": next.retryAfter } : {};
      return answer(res, next.status, { error: -100, message: `HTTP ${next.status}` }, headers);
    }
    if (next?.kind === "error") return refuse(res, next);

    if (request.accessToken !== accessToken) return refuse(res, ZNS_ERRORS.tokenInvalid);
    if (!/^84\d{9,10}$/.test(request.phone)) return refuse(res, ZNS_ERRORS.phoneInvalid);
    const params = options.templates?.[request.templateId];
    if (options.templates && !params) return refuse(res, ZNS_ERRORS.templateInvalid);
    if (!Object.keys(request.templateData).length) {
      return refuse(res, { code: -111, message: "Template data empty" });
    }
    if (params && params.some((p) => typeof request.templateData[p] !== "string")) {
      return refuse(res, ZNS_ERRORS.templateDataInvalid);
    }

    let msgId = request.trackingId ? byTracking.get(request.trackingId) : undefined;
    if (!msgId) {
      counter += 1;
      msgId = `fakezns${String(counter).padStart(12, "0")}`;
      if (request.trackingId) byTracking.set(request.trackingId, msgId);
      messages.push({ ...request, msgId });
    }
    answer(res, 200, {
      error: 0,
      message: "Success",
      data: {
        msg_id: msgId,
        sent_time: String(Date.now()),
        sending_mode: "1",
        quota: { dailyQuota: "500", remainingQuota: String(500 - messages.length) },
      },
    });
  };

  const listener = onSamePort(() => {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    const close = (done: () => void) => {
      for (const res of hanging) res.destroy();
      server.close(() => done());
      server.closeAllConnections();
    };
    return { server, close };
  }, options.port);

  await listener.start();

  return {
    get url() {
      return `http://127.0.0.1:${listener.port}/message/template`;
    },
    get port() {
      return listener.port;
    },
    messages,
    requests,
    failNext: (next) => queue.push(next),
    stop: listener.stop,
    start: listener.start,
    async sendReceivedWebhook(url, msgId) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          event_name: "user_received_message",
          app_id: "1234567890",
          sender: { id: "579745863508352884" },
          recipient: { id: "3001291908512375808" },
          message: { msg_id: msgId, delivery_time: String(Date.now()) },
          timestamp: String(Date.now()),
        }),
      });
      await response.text();
      return response.status;
    },
  };
}
