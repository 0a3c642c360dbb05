import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  createEsmsAdapter,
  type EsmsConfig,
  parseEsmsReport,
  retryAfter,
} from "~/modules/notifications/channels/sms.server";
import { smsAdapterFromEnv, smsConfigFromEnv } from "~/modules/notifications/channels/sms-config.server";
import type { OutgoingMessage, SendResult } from "~/modules/notifications/channels/types";

import { type EsmsServer, startEsmsServer } from "../fakes/esms-server";

/**
 * The eSMS adapter over real HTTP against tests/fakes/esms-server.ts, a local server that stands in for
 * eSMS.vn and speaks its documented contract. Nothing leaves the machine.
 */
let esms: EsmsServer;
let nextDelivery = 1000;

beforeAll(async () => {
  esms = await startEsmsServer();
});
afterAll(async () => {
  await esms.close();
});
afterEach(async () => {
  await esms.start(); // a test that stopped it leaves it running for the next
});

function config(overrides: Partial<EsmsConfig> = {}): EsmsConfig {
  return {
    baseUrl: esms.url,
    apiKey: "test-api-key",
    secretKey: "test-secret-key",
    smsType: "2",
    brandname: "ChungTay",
    foldDiacritics: true,
    sandbox: false,
    requestIdPrefix: "ct-",
    timeoutMs: 2_000,
    ...overrides,
  };
}

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  nextDelivery += 1;
  return {
    deliveryId: nextDelivery,
    to: "+84912345678",
    text: "Chung Tay: Có 2 việc làm mới gần chị. Xem: https://chungtay.vn/n/Ab3x",
    link: "https://chungtay.vn/n/Ab3x",
    ...overrides,
  };
}

function expectRetry(result: SendResult) {
  expect(result.ok).toBe(false);
  expect(result.ok === false && result.kind).toBe("retry");
}
function expectPermanent(result: SendResult, reason: RegExp) {
  expect(result).toMatchObject({ ok: false, kind: "permanent" });
  expect(result.ok === false && result.reason).toMatch(reason);
}

describe("eSMS adapter: a message accepted", () => {
  it("posts the documented fields and returns eSMS's SMSID", async () => {
    const adapter = createEsmsAdapter(config({ callbackUrl: "https://chungtay.vn/hooks/esms" }));
    const sent = message();
    const before = esms.messages.length;
    const result = await adapter.send(sent);

    expect(esms.messages.length - before).toBe(1);
    const received = esms.messages.at(-1)!;
    expect(result).toEqual({ ok: true, providerId: received.smsId });
    expect(received.body).toEqual({
      ApiKey: "test-api-key",
      SecretKey: "test-secret-key",
      Phone: "0912345678",
      Content: "Chung Tay: Co 2 viec lam moi gan chi. Xem: https://chungtay.vn/n/Ab3x",
      Brandname: "ChungTay",
      SmsType: "2",
      IsUnicode: "0",
      Sandbox: "0",
      RequestId: `ct-${sent.deliveryId}`,
      CallbackUrl: "https://chungtay.vn/hooks/esms",
    });
    expect(adapter).toMatchObject({ channel: "sms", provider: "esms" });
  });

  it("sends the diacritics as Unicode when folding is off, and Sandbox when asked", async () => {
    const adapter = createEsmsAdapter(config({ foldDiacritics: false, sandbox: true }));
    const sent = message();
    expect((await adapter.send(sent)).ok).toBe(true);
    const body = esms.messages.at(-1)!.body;
    expect(body).toMatchObject({ Content: sent.text, IsUnicode: "1", Sandbox: "1" });
    expect(body).not.toHaveProperty("CallbackUrl");
  });

  it("sends a fixed-number message (SmsType 8) without a brand name", async () => {
    const adapter = createEsmsAdapter(config({ smsType: "8", brandname: undefined }));
    expect((await adapter.send(message())).ok).toBe(true);
    const body = esms.messages.at(-1)!.body;
    expect(body.SmsType).toBe("8");
    expect(body).not.toHaveProperty("Brandname");
  });
});

describe("eSMS adapter: the same delivery never sent twice", () => {
  it("sends one message for the same deliveryId sent twice (eSMS answers 124)", async () => {
    const adapter = createEsmsAdapter(config());
    const sent = message();
    const before = esms.messages.length;
    const first = await adapter.send(sent);
    const second = await adapter.send(sent);
    expect(first.ok && second.ok).toBe(true);
    expect(esms.messages.length - before).toBe(1);
    expect(esms.requests.at(-1)!.RequestId).toBe(`ct-${sent.deliveryId}`);
  });

  it("a lost answer: retry now, and the retry is accepted without a second SMS", async () => {
    const adapter = createEsmsAdapter(config());
    const sent = message();
    const before = esms.messages.length;
    esms.failNext("drop-after-accept");
    expectRetry(await adapter.send(sent));
    expect(await adapter.send(sent)).toEqual({ ok: true, providerId: `ct-${sent.deliveryId}` });
    expect(esms.messages.length - before).toBe(1);
  });

  it("two environments on one account do not swallow each other's messages", async () => {
    const sent = message();
    const before = esms.messages.length;
    expect((await createEsmsAdapter(config({ requestIdPrefix: "staging-" })).send(sent)).ok).toBe(true);
    expect((await createEsmsAdapter(config({ requestIdPrefix: "ct-" })).send(sent)).ok).toBe(true);
    expect(esms.messages.length - before).toBe(2);
  });
});

describe("eSMS adapter: refusals", () => {
  it("wrong credentials are permanent (eSMS checks them itself: 101)", async () => {
    const adapter = createEsmsAdapter(config({ secretKey: "wrong" }));
    expectPermanent(await adapter.send(message()), /^eSMS 101: ApiKey or SecretKey incorrect \(Authorize Failed\)$/);
  });

  it("an unregistered brand name is permanent (104)", async () => {
    const adapter = createEsmsAdapter(config({ brandname: "NotOurs" }));
    expectPermanent(await adapter.send(message()), /^eSMS 104: brand name not registered/);
  });

  it.each([
    ["invalid-phone", /^eSMS 108: phone number format refused/],
    ["template", /^eSMS 146: text does not match a registered customer-care template/],
    ["unknown-code", /^eSMS 555: unknown code/],
    ["invalid-request", /^eSMS refused the request: Invalid request$/],
    ["duplicate-of-refused", /^eSMS 124: refused earlier under this RequestId$/],
  ] as const)("%s is permanent", async (kind, reason) => {
    esms.failNext(kind);
    expectPermanent(await createEsmsAdapter(config()).send(message()), reason);
  });

  it("a low balance waits half an hour and tries again (103)", async () => {
    esms.failNext("balance");
    expect(await createEsmsAdapter(config()).send(message())).toEqual({
      ok: false,
      kind: "retry",
      reason: "eSMS 103: eSMS balance too low (Balance not enough to send message)",
      retryAfterMs: 1_800_000,
    });
  });

  it.each(["+842438251234", "+16502530000", "not a phone"])("%s is refused before any call", async (to) => {
    const before = esms.requests.length;
    expectPermanent(await createEsmsAdapter(config()).send(message({ to })), /not a Vietnamese mobile number/);
    expect(esms.requests.length).toBe(before);
  });

  it("a wrong ESMS_URL (404) is permanent", async () => {
    const adapter = createEsmsAdapter(config({ baseUrl: `${esms.url}/wrong` }));
    expectPermanent(await adapter.send(message()), /^HTTP 404$/);
  });
});

describe("eSMS adapter: passing faults are retried", () => {
  it("a rate limit (HTTP 429) passes Retry-After on", async () => {
    esms.failNext("rate-limit");
    expect(await createEsmsAdapter(config()).send(message())).toEqual({
      ok: false,
      kind: "retry",
      reason: "HTTP 429 rate limited",
      retryAfterMs: 7_000,
    });
  });

  it("reads Retry-After as seconds or as a date", () => {
    const now = Date.parse("2026-12-06T10:00:00Z");
    expect(retryAfter("120", now)).toBe(120_000);
    expect(retryAfter("Sun, 06 Dec 2026 10:01:30 GMT", now)).toBe(90_000);
    expect(retryAfter("Sun, 06 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfter("soon", now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });

  it("HTTP 503 and an unreadable page are retried", async () => {
    const adapter = createEsmsAdapter(config());
    esms.failNext("server-error");
    expect(await adapter.send(message())).toEqual({ ok: false, kind: "retry", reason: "HTTP 503" });
    esms.failNext("garbage");
    expect(await adapter.send(message())).toEqual({ ok: false, kind: "retry", reason: "unreadable answer from eSMS" });
  });

  it("a gateway that is down is retried, and the retry goes through once it is back", async () => {
    const adapter = createEsmsAdapter(config());
    const sent = message();
    await esms.stop();
    const down = await adapter.send(sent);
    // ECONNREFUSED, or UND_ERR_SOCKET when fetch first tries its kept-alive connection that stop() cut.
    expect(down).toEqual({
      ok: false,
      kind: "retry",
      reason: expect.stringMatching(/^network error (ECONNREFUSED|UND_ERR_SOCKET)$/),
    });
    await esms.start();
    expect((await adapter.send(sent)).ok).toBe(true);
  });

  it("a gateway that never answers is abandoned after the timeout and retried", async () => {
    const adapter = createEsmsAdapter(config({ timeoutMs: 300 }));
    esms.failNext("hang");
    const started = Date.now();
    expect(await adapter.send(message())).toEqual({ ok: false, kind: "retry", reason: "no answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("eSMS delivery reports", () => {
  let hook: Server;
  let hookUrl: string;
  const received: URLSearchParams[] = [];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      received.push(new URL(req.url ?? "/", "http://x").searchParams);
      res.end("OK");
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/esms`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  it("reads eSMS's GET callback for a delivered and an undelivered message", async () => {
    const adapter = createEsmsAdapter(config({ callbackUrl: hookUrl }));
    const ok = await adapter.send(message());
    const lost = await adapter.send(message());
    if (!ok.ok || !lost.ok) throw new Error("not sent");

    expect(await esms.report(ok.providerId, true)).toBe(200);
    expect(await esms.report(lost.providerId, false)).toBe(200);
    expect(received.map((query) => parseEsmsReport(query))).toEqual([
      { providerId: ok.providerId, delivered: true },
      { providerId: lost.providerId, delivered: false, reason: "not delivered by the network (SendFailed 1)" },
    ]);
  });

  it("reads the documented sample, as a plain object too, and skips what is not final", () => {
    const sample = new URLSearchParams(
      "SMSID=dc712784-9c5f-4c69-b9a8-ea69d56adc9a87&SendFailed=2&SendStatus=5&SendSuccess=0&TotalPrice=0.0000&TotalReceiver=2&TotalSent=2&RequestId=&TypeId=2&telcoid=1&phonenumber=0901888484&switchsmsid=",
    );
    expect(parseEsmsReport(sample)).toEqual({
      providerId: "dc712784-9c5f-4c69-b9a8-ea69d56adc9a87",
      delivered: false,
      reason: "not delivered by the network (SendFailed 2)",
    });
    expect(parseEsmsReport({ smsid: "a1", sendstatus: "5", sendsuccess: "1", sendfailed: "0" })).toEqual({
      providerId: "a1",
      delivered: true,
    });
    expect(parseEsmsReport({ SMSID: "a1", SendStatus: "4" })).toEqual({
      providerId: "a1",
      delivered: false,
      reason: "rejected by eSMS (SendStatus 4)",
    });
    for (const status of ["1", "2", "7"]) {
      expect(parseEsmsReport({ SMSID: "a1", SendStatus: status, SendSuccess: "0", SendFailed: "0" })).toBeNull();
    }
    expect(parseEsmsReport({ SendStatus: "5", SendSuccess: "1" })).toBeNull();
    expect(parseEsmsReport(null)).toBeNull();
    expect(parseEsmsReport("SMSID=a1")).toBeNull();
  });
});

describe("smsAdapterFromEnv", () => {
  const configured = { ESMS_API_KEY: "A1B2C3", ESMS_SECRET_KEY: "9F8E7D", ESMS_BRANDNAME: "ChungTay" };

  function failure(source: Record<string, string>): string {
    try {
      smsConfigFromEnv(source);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(source)}`);
  }

  it("is null without an API key: the dev outbox takes the messages", () => {
    expect(smsAdapterFromEnv({})).toBeNull();
    expect(smsAdapterFromEnv({ ESMS_API_KEY: "  ", SMS_FOLD_DIACRITICS: "true" })).toBeNull();
  });

  it("defaults to the real gateway, brand-name customer care and folded text", () => {
    expect(smsConfigFromEnv(configured, { callbackUrl: "https://chungtay.vn/hooks/esms" })).toEqual({
      baseUrl: "https://rest.esms.vn",
      apiKey: "A1B2C3",
      secretKey: "9F8E7D",
      smsType: "2",
      brandname: "ChungTay",
      foldDiacritics: true,
      sandbox: false,
      callbackUrl: "https://chungtay.vn/hooks/esms",
      requestIdPrefix: "ct-",
      timeoutMs: 10_000,
    });
    expect(smsAdapterFromEnv(configured)).toMatchObject({ channel: "sms", provider: "esms" });
  });

  it("reads every setting", () => {
    expect(
      smsConfigFromEnv({
        ESMS_URL: "http://127.0.0.1:9999",
        ESMS_API_KEY: "k",
        ESMS_SECRET_KEY: "s",
        ESMS_SMS_TYPE: "8",
        ESMS_SANDBOX: "true",
        ESMS_REQUEST_ID_PREFIX: "staging-",
        SMS_FOLD_DIACRITICS: "false",
      }),
    ).toMatchObject({
      baseUrl: "http://127.0.0.1:9999",
      smsType: "8",
      sandbox: true,
      requestIdPrefix: "staging-",
      foldDiacritics: false,
    });
  });

  it("names the missing half of a half-configured gateway, with an example", () => {
    expect(failure({ ESMS_API_KEY: "k", ESMS_BRANDNAME: "ChungTay" })).toBe(
      "Invalid SMS settings (eSMS):\n  ESMS_SECRET_KEY: is required with ESMS_API_KEY, for example ESMS_SECRET_KEY=9F8E7D6C5B4A",
    );
    expect(failure({ ESMS_SECRET_KEY: "s" })).toContain(
      "ESMS_API_KEY: is required when ESMS_SECRET_KEY or ESMS_BRANDNAME is set",
    );
    expect(failure({ ESMS_API_KEY: "k", ESMS_SECRET_KEY: "s" })).toContain(
      "ESMS_BRANDNAME: is required for brand-name messages (ESMS_SMS_TYPE=2), as registered at eSMS, for example ESMS_BRANDNAME=ChungTay",
    );
  });

  it("names each malformed variable", () => {
    const message = failure({
      ...configured,
      ESMS_URL: "rest.esms.vn",
      ESMS_SMS_TYPE: "1",
      SMS_FOLD_DIACRITICS: "yes",
    });
    expect(message).toContain("ESMS_URL: must be a URL, for example https://rest.esms.vn");
    expect(message).toContain("ESMS_SMS_TYPE: must be 2 (brand-name customer care) or 8 (fixed number), for example 2");
    expect(message).toContain("SMS_FOLD_DIACRITICS: must be true or false, for example true");
  });
});
