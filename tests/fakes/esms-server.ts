/**
 * A local stand-in for the eSMS.vn gateway (ViHAT), for tests only: a real HTTP server (node:http) that speaks
 * eSMS's documented contract, so the SMS adapter is tested over the wire and nothing reaches the internet.
 *
 *   POST /MainService.svc/json/SendMultipleMessage_V4_post_json/   JSON body, every value a string
 *   → 200 { CodeResult: "100", CountRegenerate: 0, SMSID }               accepted
 *   → 200 { CodeResult: "101" | "103" | "104" | "108" | "146" …, CountRegenerate: 0, ErrorMessage }
 *   → 200 { CodeResult: "124", CountRegenerate: 0, ErrorMessage: "Request exist 1", SendStatus: "5" }  same RequestId again
 *   → 200 { error: "Invalid request" }                                   body not JSON
 *   delivery report: GET {CallbackUrl}?SMSID=…&SendFailed=…&SendStatus=5&SendSuccess=…&…&RequestId=…&TypeId=2
 *
 * Like the real gateway it checks ApiKey/SecretKey, the brand name, the phone's format, and remembers every
 * RequestId it accepted (across stop() and start(), as the provider would) so a retried request is not sent
 * twice. Sources: https://developers.esms.vn/en/esms-api/send-sms-api/send-otp-customer-care-message,
 * …/table-of-error-codes, …/callback-url. eSMS documents no rate-limit code; "rate-limit" answers the generic
 * HTTP 429 with Retry-After, which a gateway's front proxy would send.
 *
 * const esms = await startEsmsServer();          // or startEsmsServer({ port, apiKey, secretKey, brandnames })
 * esms.url                                       // base URL for the adapter ("http://127.0.0.1:PORT")
 * esms.messages                                  // every accepted message: { smsId, body, receivedAt }
 * esms.requests                                  // every request body as received, refused ones too
 * esms.failNext("invalid-phone", 2)              // the next 2 sends get that answer, then normal again
 * await esms.stop(); await esms.start();         // down (connection refused) and up again on the same port
 * await esms.report(smsId, true)                 // GET the message's CallbackUrl as eSMS would; returns the HTTP status
 * await esms.close()                             // stop for good
 *
 * As a process of its own (for browser and reliability tests that kill it mid-run):
 *   npx tsx tests/fakes/esms-server.ts 9301      → ESMS_URL=http://127.0.0.1:9301, keys test-api-key / test-secret-key, brand ChungTay
 *   GET /__fake/messages                         → the accepted messages as JSON (held in memory: a restart forgets them)
 *   POST /__fake/fail?kind=rate-limit&times=2    → failNext over HTTP
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pathToFileURL } from "node:url";

export const ESMS_FAKE_SEND_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";

export type EsmsFailure =
  /** 101 Authorize Failed. */
  | "bad-key"
  /** 103 not enough balance. */
  | "balance"
  /** 104 brand name not registered. */
  | "brandname"
  /** 108 phone number not in the right format. */
  | "invalid-phone"
  /** 146 text does not match a registered customer-care template. */
  | "template"
  /** A code eSMS does not document. */
  | "unknown-code"
  /** {"error":"Invalid request"} without a CodeResult. */
  | "invalid-request"
  /** 124 for a RequestId eSMS refused earlier (SendStatus 4). */
  | "duplicate-of-refused"
  /** HTTP 429 with Retry-After: 7. */
  | "rate-limit"
  /** HTTP 503 with an HTML page. */
  | "server-error"
  /** 200 with a body that is not JSON (a proxy's page). */
  | "garbage"
  /** The request is read and then never answered (the connection stays open until stop()). */
  | "hang"
  /** The message is accepted and recorded, then the connection is cut before the answer: a lost answer. */
  | "drop-after-accept";

export type EsmsReceived = { smsId: string; body: Record<string, unknown>; receivedAt: Date };

export type EsmsServer = {
  url: string;
  port: number;
  messages: EsmsReceived[];
  requests: Record<string, unknown>[];
  failNext(kind: EsmsFailure, times?: number): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  report(smsId: string, delivered: boolean): Promise<number>;
};

export type EsmsServerOptions = {
  port?: number;
  apiKey?: string;
  secretKey?: string;
  /** Brand names registered on the account. */
  brandnames?: string[];
};

const CODE_MESSAGES: Record<string, string> = {
  "101": "Authorize Failed",
  "103": "Balance not enough to send message",
  "104": "Brand name code is not exist",
  "108": "Phone not valid format",
  "146": "Sai template Brandname CSKH",
  "300": "SmsType is missing",
  "555": "Undocumented failure",
};

export async function startEsmsServer(options: EsmsServerOptions = {}): Promise<EsmsServer> {
  const apiKey = options.apiKey ?? "test-api-key";
  const secretKey = options.secretKey ?? "test-secret-key";
  const brandnames = new Set(options.brandnames ?? ["ChungTay"]);
  const messages: EsmsReceived[] = [];
  const requests: Record<string, unknown>[] = [];
  const accepted = new Map<string, EsmsReceived>();
  const failures: EsmsFailure[] = [];
  const sockets = new Set<Socket>();
  let sequence = 0;
  let server: Server | null = null;
  let port = options.port ?? 0;

  const json = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, code: string) =>
    json(res, { CodeResult: code, CountRegenerate: 0, ErrorMessage: CODE_MESSAGES[code] ?? "Error" });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    // Test-only controls (not eSMS's): for a browser or process test that runs this server on its own.
    if (url.pathname === "/__fake/messages" && req.method === "GET") return json(res, messages);
    if (url.pathname === "/__fake/fail" && req.method === "POST") {
      const kind = url.searchParams.get("kind") as EsmsFailure;
      for (let i = 0; i < Number(url.searchParams.get("times") ?? "1"); i += 1) failures.push(kind);
      return json(res, { failing: failures.length });
    }
    if (req.method !== "POST" || url.pathname !== ESMS_FAKE_SEND_PATH) {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<h1>Endpoint not found.</h1>");
      return;
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return json(res, { error: "Invalid request" });
    }
    requests.push(body);

    const failure = failures.shift();
    if (failure === "hang") return; // never answered; stop() cuts it
    if (failure === "rate-limit") {
      res.writeHead(429, { "Retry-After": "7", "Content-Type": "text/plain" });
      return res.end("Too Many Requests");
    }
    if (failure === "server-error") {
      res.writeHead(503, { "Content-Type": "text/html" });
      return res.end("<html><body>Service Unavailable</body></html>");
    }
    if (failure === "garbage") {
      res.writeHead(200, { "Content-Type": "text/html" });
      return res.end("<html><body>Bad gateway</body></html>");
    }
    if (failure === "invalid-request") return json(res, { error: "Invalid request" });
    if (failure === "duplicate-of-refused") {
      return json(res, { CodeResult: "124", CountRegenerate: 0, ErrorMessage: "Request exist 1", SendStatus: "4" });
    }
    const forced = {
      "bad-key": "101",
      balance: "103",
      brandname: "104",
      "invalid-phone": "108",
      template: "146",
      "unknown-code": "555",
    } as const;
    if (failure && failure in forced) return refuse(res, forced[failure as keyof typeof forced]);

    // The checks the real gateway makes, in its order.
    if (body.ApiKey !== apiKey || body.SecretKey !== secretKey) return refuse(res, "101");
    if (typeof body.SmsType !== "string" || body.SmsType === "") return refuse(res, "300");
    if (body.SmsType === "2" && !brandnames.has(String(body.Brandname ?? ""))) return refuse(res, "104");
    if (typeof body.Phone !== "string" || !/^(0|84)\d{9}$/.test(body.Phone)) return refuse(res, "108");
    const requestId = typeof body.RequestId === "string" ? body.RequestId : "";
    if (requestId && accepted.has(requestId)) {
      return json(res, { CodeResult: "124", CountRegenerate: 0, ErrorMessage: "Request exist 1", SendStatus: "5" });
    }

    sequence += 1;
    const received: EsmsReceived = {
      smsId: `fake-${sequence}-${Date.now().toString(16)}`,
      body,
      receivedAt: new Date(),
    };
    messages.push(received);
    if (requestId) accepted.set(requestId, received);
    if (failure === "drop-after-accept") {
      req.socket.destroy();
      return;
    }
    json(res, { CodeResult: "100", CountRegenerate: 0, SMSID: received.smsId });
  }

  async function start(): Promise<void> {
    if (server) return;
    const s = createServer((req, res) => {
      handle(req, res).catch(() => res.destroy());
    });
    s.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  }

  async function stop(): Promise<void> {
    const s = server;
    if (!s) return;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  async function report(smsId: string, delivered: boolean): Promise<number> {
    const message = messages.find((m) => m.smsId === smsId);
    if (!message) throw new Error(`The fake eSMS never accepted ${smsId}`);
    const callback = message.body.CallbackUrl;
    if (typeof callback !== "string" || callback === "") throw new Error(`${smsId} was sent without a CallbackUrl`);
    const url = new URL(callback);
    const query = {
      SMSID: smsId,
      SendFailed: delivered ? "0" : "1",
      SendStatus: "5",
      SendSuccess: delivered ? "1" : "0",
      TotalPrice: delivered ? "850.0000" : "0.0000",
      TotalReceiver: "1",
      TotalSent: "1",
      RequestId: String(message.body.RequestId ?? ""),
      TypeId: String(message.body.SmsType ?? ""),
      telcoid: "1",
      phonenumber: String(message.body.Phone ?? ""),
      switchsmsid: "",
    };
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await fetch(url, { method: "GET", signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  }

  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages,
    requests,
    failNext(kind, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(kind);
    },
    stop,
    start,
    close: stop,
    report,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? "9301");
  const esms = await startEsmsServer({ port });
  console.log(`fake eSMS listening on ${esms.url}`);
  const quit = () => void esms.close().then(() => process.exit(0));
  process.on("SIGINT", quit);
  process.on("SIGTERM", quit);
}
