import net, { type AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createEmailAdapter, emailAdapterFromEnv, emailHtml } from "~/modules/notifications/channels/email.server";
import type { OutgoingMessage } from "~/modules/notifications/channels/types";

import { type FakeSmtpServer, startFakeSmtp } from "../fakes/smtp";

// A real SMTP server from the smtp-server package stands in for the mail provider (tests/fakes/smtp.ts).
const FROM = "Chung Tay <no-reply@chungtay.vn>";
let smtp: FakeSmtpServer;

beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(() => smtp.stop());
beforeEach(() => {
  smtp.messages.length = 0;
});

let nextId = 5000;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    deliveryId: nextId++,
    to: "tuyendung@anhduong.example.vn",
    subject: "Ứng viên mới cho vị trí “Thợ hàn”",
    text: "Xin chào,\n\nCó một ứng viên mới được giới thiệu cho vị trí “Thợ hàn” tại Công ty Ánh Dương.\nVui lòng xem và trả lời trong 3 ngày.",
    link: "https://chungtay.example.vn/n/Ab3x",
    stopUrl: "https://chungtay.example.vn/stop/tok123",
    ...overrides,
  };
}
const adapter = (timeoutMs?: number) => createEmailAdapter({ url: smtp.url, from: FROM, timeoutMs });

describe("e-mail adapter against a real local SMTP server", () => {
  it("delivers the message as written: sender, recipient, subject, stop headers, link, Vietnamese intact", async () => {
    const m = message();
    const result = await adapter().send(m);
    expect(result).toEqual({ ok: true, providerId: `<delivery-${m.deliveryId}@chungtay.vn>` });

    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.envelope).toEqual({ from: "no-reply@chungtay.vn", to: ["tuyendung@anhduong.example.vn"] });
    expect(mail.user).toBe("mailer");
    expect(mail.headers.from).toBe("Chung Tay <no-reply@chungtay.vn>");
    expect(mail.headers.to).toBe("tuyendung@anhduong.example.vn");
    expect(mail.headers.subject).toBe("Ứng viên mới cho vị trí “Thợ hàn”");
    expect(mail.headers["message-id"]).toBe(`<delivery-${m.deliveryId}@chungtay.vn>`);
    expect(mail.headers["list-unsubscribe"]).toBe("<https://chungtay.example.vn/stop/tok123>");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain("Có một ứng viên mới được giới thiệu cho vị trí “Thợ hàn” tại Công ty Ánh Dương.");
    expect(mail.text).toContain("https://chungtay.example.vn/n/Ab3x");
    expect(mail.html).toContain('<a href="https://chungtay.example.vn/n/Ab3x">');
    expect(mail.html).toContain("Công ty Ánh Dương");
  });

  it("a retried delivery keeps its Message-ID; without a stop link there are no List-Unsubscribe headers", async () => {
    const m = message({ stopUrl: undefined });
    await adapter().send(m);
    await adapter().send(m);
    expect(smtp.messages.map((x) => x.headers["message-id"])).toEqual([
      `<delivery-${m.deliveryId}@chungtay.vn>`,
      `<delivery-${m.deliveryId}@chungtay.vn>`,
    ]);
    expect(smtp.messages[0].headers["list-unsubscribe"]).toBeUndefined();
    expect(smtp.messages[0].headers["list-unsubscribe-post"]).toBeUndefined();
  });

  it("a temporary refusal (451) is a retry, a final one (550) permanent, each with the server's words", async () => {
    smtp.rejectNextRecipient(451, "Greylisted, try again later");
    expect(await adapter().send(message())).toEqual({
      ok: false,
      kind: "retry",
      reason: expect.stringContaining("451 Greylisted, try again later"),
    });
    smtp.rejectNextRecipient(550, "Mailbox unavailable");
    expect(await adapter().send(message())).toEqual({
      ok: false,
      kind: "permanent",
      reason: expect.stringContaining("550 Mailbox unavailable"),
    });
    // An address no server could take is refused before anything is sent.
    expect(await adapter().send(message({ to: "không phải địa chỉ" }))).toMatchObject({ ok: false, kind: "permanent" });
    expect(smtp.messages).toHaveLength(0);
    // The next message goes through: nothing stays stuck.
    expect(await adapter().send(message())).toMatchObject({ ok: true });
  });

  it("a server that is down is a retry; mail flows again once it is back on the same port", async () => {
    await smtp.stop();
    const down = await adapter(2_000).send(message());
    expect(down).toMatchObject({ ok: false, kind: "retry" });
    await smtp.start();
    expect(await adapter().send(message())).toMatchObject({ ok: true });
    expect(smtp.messages).toHaveLength(1);
  });

  it("a server that accepts the connection but never greets is a retry after the timeout", async () => {
    const silent = net.createServer(() => undefined); // holds the socket open and says nothing
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const mute = createEmailAdapter({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 });
      const started = Date.now();
      expect(await mute.send(message())).toMatchObject({
        ok: false,
        kind: "retry",
        reason: expect.stringMatching(/ETIMEDOUT|[Tt]imeout/),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it("escapes everything in the HTML copy", () => {
    const html = emailHtml({ text: 'Tên: <b>"A & B"</b>', link: "https://x.vn/n/1?a=1&b=<2>" });
    expect(html).toContain("<p>Tên: &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;</p>");
    expect(html).toContain('href="https://x.vn/n/1?a=1&amp;b=&lt;2&gt;"');
    expect(html).not.toContain("<b>");
  });
});

describe("e-mail configuration", () => {
  it("is off without SMTP_URL and names the variable that is wrong or missing", () => {
    expect(emailAdapterFromEnv({})).toBeNull();
    expect(emailAdapterFromEnv({ MAIL_FROM: FROM })).toBeNull();
    expect(() => emailAdapterFromEnv({ SMTP_URL: "smtp://mail.example.vn:587" })).toThrow(/MAIL_FROM/);
    expect(() => emailAdapterFromEnv({ SMTP_URL: "https://mail.example.vn", MAIL_FROM: FROM })).toThrow(/SMTP_URL/);
    expect(() => emailAdapterFromEnv({ SMTP_URL: "smtp://mail.example.vn", MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
    expect(emailAdapterFromEnv({ SMTP_URL: "smtp://user:pass@mail.example.vn:587", MAIL_FROM: FROM })).toMatchObject({
      channel: "email",
      provider: "smtp",
    });
  });
});
