import { describe, expect, it } from "vitest";

import { deliveryView } from "~/http/delivery-view.server";
import { en } from "~/i18n/en";
import { vi } from "~/i18n/vi";
import { ZNS_KINDS, znsTemplate } from "~/modules/notifications/channels/zns-templates";
import { forbiddenWordsIn } from "~/modules/notifications/forbidden-words";
import { OUTSIDE_MESSAGES } from "~/modules/notifications/outside-messages";
import {
  inQuietHours,
  nextVietnamHour,
  retryDelayMs,
  sendableAt,
  vietnamDayStart,
} from "~/modules/notifications/schedule";

/** Every text that can leave the app: the out.* catalogue in both languages, and the Zalo templates. */
const outsideKeys = Object.keys(vi).filter((k) => k.startsWith("out."));

describe("no outside message names the past", () => {
  it("finds the forbidden words, with or without diacritics, and leaves ordinary words alone", () => {
    expect(forbiddenWordsIn("Anh ấy mới ra tù")).toEqual(["tù"]);
    expect(forbiddenWordsIn("Anh ay moi o trai giam")).toEqual(["trại giam"]);
    expect(forbiddenWordsIn("Có án tích")).toContain("án tích");
    expect(forbiddenWordsIn("hồ sơ của bạn")).toEqual(["hồ sơ"]);
    expect(forbiddenWordsIn("Cong an xa")).toEqual(["công an"]);
    expect(forbiddenWordsIn("The police called")).toEqual(["police"]);
    expect(forbiddenWordsIn("RELEASED last year")).toEqual(["released"]);
    for (const fine of ["Từ ngày mai", "Dự án xây dựng", "Tú tài", "Tụi mình", "an toàn lao động", "recorded"])
      expect(forbiddenWordsIn(fine)).toEqual([]);
  });

  it("every out.* template, in Vietnamese and in English, is clean", () => {
    expect(outsideKeys.length).toBeGreaterThan(15);
    for (const key of outsideKeys) {
      for (const [lang, catalogue] of [
        ["vi", vi],
        ["en", en],
      ] as const) {
        const text = catalogue[key as keyof typeof vi];
        expect({ key, lang, found: forbiddenWordsIn(text) }).toEqual({ key, lang, found: [] });
      }
    }
  });

  it("every Zalo template submitted for approval is clean", () => {
    for (const kind of ZNS_KINDS) expect(forbiddenWordsIn(znsTemplate(kind).sample.vi)).toEqual([]);
  });

  it("every notification that leaves the app has its own out.* text, starting with the brand, with a link", () => {
    for (const [key, spec] of Object.entries(OUTSIDE_MESSAGES)) {
      expect(spec!.text.startsWith("out."), key).toBe(true);
      expect(vi[spec!.text]).toMatch(/^Chung Tay: /);
      expect(vi[spec!.text]).toContain("{link}");
      expect(en[spec!.text]).toContain("{link}");
    }
  });
});

describe("when a message may leave", () => {
  const vn = (iso: string) => new Date(`${iso}+07:00`);
  it("keeps quiet from 21:00 to 07:00 in Vietnam", () => {
    expect(inQuietHours(vn("2026-12-07T20:59:59"))).toBe(false);
    expect(inQuietHours(vn("2026-12-07T21:00:00"))).toBe(true);
    expect(inQuietHours(vn("2026-12-08T06:59:00"))).toBe(true);
    expect(inQuietHours(vn("2026-12-08T07:00:00"))).toBe(false);
    expect(sendableAt(vn("2026-12-07T23:10:00")).toISOString()).toBe(vn("2026-12-08T07:00:00").toISOString());
    expect(sendableAt(vn("2026-12-08T02:10:00")).toISOString()).toBe(vn("2026-12-08T07:00:00").toISOString());
    expect(sendableAt(vn("2026-12-08T12:00:00")).toISOString()).toBe(vn("2026-12-08T12:00:00").toISOString());
  });

  it("counts days in Vietnam's time", () => {
    expect(vietnamDayStart(vn("2026-12-31T23:30:00")).toISOString()).toBe("2026-12-30T17:00:00.000Z");
    expect(nextVietnamHour(vn("2026-12-31T08:00:00"), 7).toISOString()).toBe(vn("2027-01-01T07:00:00").toISOString());
  });

  it("backs off 30 s, 1 min, 2 min … at most an hour, and honours a longer Retry-After", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
  });
});

describe("a text message's cost, as the outbox and the admin's list show it", () => {
  it("counts the parts of the folded text the gateway sends", () => {
    const line = {
      id: 1,
      channel: "sms" as const,
      kind: "offer_waiting",
      purpose: "notice" as const,
      to: "+84900000001",
      recipientName: "Nguyễn Văn H.",
      subject: null,
      body: "Chung Tay: “Tiệm sửa xe máy Cường Thịnh” muốn nhận bạn. Hãy trả lời đồng ý hay không: https://ct.vn/n/Ab3xK9pQ",
      status: "sent" as const,
      attempts: 1,
      lastError: null,
      provider: "esms",
      createdAt: new Date("2026-12-07T03:00:00Z"),
      nextAttemptAt: new Date("2026-12-07T03:00:00Z"),
      sentAt: new Date("2026-12-07T03:00:00Z"),
      deliveredAt: null,
    };
    // Folded to GSM-7 it fits one part; with its Vietnamese letters it would take two (70 per part).
    expect(deliveryView(line).sms).toEqual({ parts: 1, characters: line.body.length });
    expect(deliveryView({ ...line, channel: "email" }).sms).toBeNull();
  });
});
