import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { OutgoingMessage } from "~/modules/notifications/channels/types";
import {
  createZnsAdapter,
  msUntilVietnamHour,
  parseZnsWebhook,
  ZNS_DEFAULT_URL,
  znsAdapterFromEnv,
  znsPhone,
} from "~/modules/notifications/channels/zns.server";
import { buildZnsTemplate, znsTemplateIds } from "~/modules/notifications/channels/zns-templates";

import { type FakeZnsServer, startFakeZns, ZNS_ERRORS } from "../fakes/zns-server";

// The fake stands in for Zalo's ZNS API (tests/fakes/zns-server.ts); nothing leaves the machine.
const TOKEN = "oa-token-for-tests";
const ids = znsTemplateIds({ ZNS_TEMPLATE_REFERRAL_NEW: "312345" });
let zns: FakeZnsServer;

beforeAll(async () => {
  zns = await startFakeZns({ accessToken: TOKEN, templates: { "312345": ["title", "link"] } });
});
afterAll(() => zns.stop());
beforeEach(() => {
  zns.messages.length = 0;
  zns.requests.length = 0;
});

let nextId = 1000;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const link = "https://chungtay.example.vn/n/Ab3x";
  return {
    deliveryId: nextId++,
    to: "+84912345678",
    text: "Có một ứng viên mới được giới thiệu",
    link,
    template: buildZnsTemplate("referral_new", { title: "Thợ hàn – Công ty Ánh Dương" }, link, ids),
    ...overrides,
  };
}
const adapter = (timeoutMs?: number) => createZnsAdapter({ url: zns.url, accessToken: TOKEN, timeoutMs });

describe("ZNS adapter against a local stand-in for Zalo", () => {
  it("sends the documented request and returns Zalo's msg_id", async () => {
    const m = message();
    const result = await adapter().send(m);
    expect(result).toEqual({ ok: true, providerId: zns.messages[0].msgId });
    expect(zns.messages).toHaveLength(1);
    expect(zns.messages[0]).toMatchObject({
      accessToken: TOKEN,
      phone: "84912345678",
      templateId: "312345",
      templateData: { title: "Thợ hàn – Công ty Ánh Dương", link: "https://chungtay.example.vn/n/Ab3x" },
      trackingId: String(m.deliveryId),
    });
  });

  it("a retried delivery carries the same tracking_id, so Zalo counts it once", async () => {
    const m = message();
    const first = await adapter().send(m);
    const again = await adapter().send(m);
    expect(again).toEqual(first);
    expect(zns.requests.map((r) => r.trackingId)).toEqual([String(m.deliveryId), String(m.deliveryId)]);
    expect(zns.messages).toHaveLength(1);
  });

  it("without a template, or to a number ZNS cannot reach, it fails for good without calling Zalo", async () => {
    expect(await adapter().send(message({ template: undefined }))).toEqual({
      ok: false,
      kind: "permanent",
      reason: "no template",
    });
    expect(await adapter().send(message({ to: "+33612345678" }))).toMatchObject({ ok: false, kind: "permanent" });
    expect(zns.requests).toHaveLength(0);
  });

  it("final refusals are permanent, with Zalo's message as the reason", async () => {
    for (const e of [
      ZNS_ERRORS.phoneInvalid,
      ZNS_ERRORS.userRejects,
      ZNS_ERRORS.noZaloAccount,
      ZNS_ERRORS.templateDataInvalid,
    ]) {
      zns.failNext({ kind: "error", ...e });
      expect(await adapter().send(message())).toEqual({
        ok: false,
        kind: "permanent",
        reason: `ZNS error ${e.code}: ${e.message}`,
      });
    }
    // A wrong token and an unknown template are checked by the stand-in itself.
    const wrongToken = createZnsAdapter({ url: zns.url, accessToken: "expired" });
    expect(await wrongToken.send(message())).toMatchObject({
      kind: "permanent",
      reason: expect.stringContaining("-124"),
    });
    const other = message({ template: { id: "999999", data: { link: "https://x.vn/n/1" } } });
    expect(await adapter().send(other)).toMatchObject({ kind: "permanent", reason: expect.stringContaining("-109") });
    expect(zns.messages).toHaveLength(0);
  });

  it("quota per day, an unknown error, HTTP 429 and 5xx are worth retrying", async () => {
    zns.failNext({ kind: "error", ...ZNS_ERRORS.dailyQuota });
    const quota = await adapter().send(message());
    expect(quota).toMatchObject({ ok: false, kind: "retry", reason: expect.stringContaining("-144") });
    if (quota.ok || quota.kind !== "retry") throw new Error("expected a retry");
    expect(quota.retryAfterMs).toBeGreaterThan(0);
    expect(quota.retryAfterMs).toBeLessThanOrEqual(24 * 3_600_000);

    zns.failNext({ kind: "error", ...ZNS_ERRORS.unknown });
    expect(await adapter().send(message())).toMatchObject({ ok: false, kind: "retry" });

    zns.failNext({ kind: "http", status: 429, retryAfter: "30" });
    expect(await adapter().send(message())).toMatchObject({ ok: false, kind: "retry", retryAfterMs: 30_000 });

    zns.failNext({ kind: "http", status: 503 });
    expect(await adapter().send(message())).toMatchObject({
      ok: false,
      kind: "retry",
      reason: expect.stringContaining("503"),
    });
    expect(zns.messages).toHaveLength(0);

    // The same delivery then goes through once Zalo answers again.
    expect(await adapter().send(message())).toMatchObject({ ok: true });
  });

  it("no answer within the timeout, or Zalo down, is a retry; it works again once Zalo is back", async () => {
    zns.failNext({ kind: "hang" });
    const started = Date.now();
    expect(await adapter(300).send(message())).toMatchObject({
      ok: false,
      kind: "retry",
      reason: expect.stringContaining("no answer"),
    });
    expect(Date.now() - started).toBeLessThan(5_000);

    await zns.stop();
    const down = await adapter().send(message());
    expect(down).toMatchObject({ ok: false, kind: "retry", reason: expect.stringContaining("unreachable") });

    await zns.start();
    expect(await adapter().send(message())).toMatchObject({ ok: true });
  });

  it("reads the user_received_message webhook Zalo posts back", async () => {
    const sent = await adapter().send(message());
    if (!sent.ok) throw new Error("send failed");
    const received: unknown[] = [];
    const hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      const port = (hook.address() as AddressInfo).port;
      expect(await zns.sendReceivedWebhook(`http://127.0.0.1:${port}/hooks/zns`, sent.providerId)).toBe(200);
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
    expect(received.map(parseZnsWebhook)).toEqual([{ providerId: sent.providerId, delivered: true }]);
    expect(parseZnsWebhook({ event_name: "user_send_text", message: { msg_id: "x" } })).toBeNull();
    expect(parseZnsWebhook({ event_name: "user_received_message", message: {} })).toBeNull();
    expect(parseZnsWebhook("nonsense")).toBeNull();
  });
});

describe("ZNS configuration and helpers", () => {
  it("is off without a token, names the missing variable when half set, and defaults to Zalo's URL", () => {
    expect(znsAdapterFromEnv({})).toBeNull();
    expect(() => znsAdapterFromEnv({ ZNS_URL: "https://business.openapi.zalo.me/message/template" })).toThrow(
      /ZNS_ACCESS_TOKEN/,
    );
    expect(() => znsAdapterFromEnv({ ZNS_URL: "not a url", ZNS_ACCESS_TOKEN: "t" })).toThrow(/ZNS_URL/);
    expect(znsAdapterFromEnv({ ZNS_ACCESS_TOKEN: "t" })).toMatchObject({ channel: "zalo", provider: "zns" });
    expect(ZNS_DEFAULT_URL).toBe("https://business.openapi.zalo.me/message/template");
  });

  it("writes phones as ZNS wants them: 84xxxxxxxxx without +", () => {
    expect(znsPhone("+84912345678")).toBe("84912345678");
    expect(znsPhone("0912 345 678")).toBe("84912345678");
    expect(znsPhone("84386543210")).toBe("84386543210");
    expect(znsPhone("+33612345678")).toBeNull();
    expect(znsPhone("+840912345678")).toBeNull();
  });

  it("waits for the next Vietnamese midnight or morning", () => {
    const now = new Date("2026-12-06T10:30:00Z"); // 17:30 in Hà Nội
    expect(msUntilVietnamHour(0, now)).toBe(6.5 * 3_600_000);
    expect(msUntilVietnamHour(6, now)).toBe(12.5 * 3_600_000);
  });
});
