import { afterEach, describe, expect, it, vi } from "vitest";

import { formatDate, formatNumber, formatVnd } from "~/i18n/format";
import {
  formatClock,
  formatDateTime,
  formatDayTime,
  formatPercent,
  formatViDateTime,
  isoDateInVietnam,
} from "~/i18n/format-more";
import { todayIso } from "~/utils/clock.server";

/*
 * The helpers keep their formatters; what they print must stay byte for byte what the code they replaced
 * printed, a new Intl formatter per call (written out here as it was at each call site).
 */
const TZ = "Asia/Ho_Chi_Minh";

// Instants across a year, both sides of midnight in Vietnam and UTC, and every minute of one day.
const instants: Date[] = [
  new Date("2026-01-01T00:00:00Z"),
  new Date("2025-12-31T16:59:59Z"),
  new Date("2025-12-31T17:00:00Z"),
  new Date("2026-02-28T23:30:15Z"),
  new Date("2026-07-04T09:05:07.123Z"),
  new Date("2026-11-21T07:05:00Z"),
  new Date("1999-03-09T12:00:00Z"),
  ...Array.from({ length: 24 * 60 }, (_, m) => new Date(Date.UTC(2026, 4, 4, 0, m, 30))),
];
const numbers = [0, 1, -1, 7, 999, 1000, 1234.5, 5_500_000, 12_345_678.9, -42_000, 0.5, 1e9, 0.125, 0.3333, 1.5];

afterEach(() => vi.restoreAllMocks());

describe("formatting helpers print what a fresh formatter printed", () => {
  it("dates, in both languages and from strings", () => {
    for (const at of instants) {
      for (const [locale, tag] of [
        ["vi", "vi-VN"],
        ["en", "en-GB"],
      ] as const) {
        const fresh = new Intl.DateTimeFormat(tag, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TZ });
        expect(formatDate(at, locale)).toBe(fresh.format(at));
        expect(formatDate(at.toISOString(), locale)).toBe(fresh.format(at));
      }
    }
    expect(formatDate(null)).toBe("");
    expect(formatDate("2026-11-21T07:05:00Z")).toBe("21/11/2026");
  });

  it("numbers, money and shares", () => {
    for (const n of numbers) {
      expect(formatNumber(n, "vi")).toBe(n.toLocaleString("vi-VN"));
      expect(formatNumber(n, "vi")).toBe(new Intl.NumberFormat("vi-VN").format(n));
      expect(formatNumber(n, "en")).toBe(new Intl.NumberFormat("en-GB").format(n));
      expect(formatVnd(n, "vi")).toBe(`${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(n)} ₫`);
      expect(formatVnd(n, "en")).toBe(`${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(n)} VND`);
      for (const [locale, tag] of [
        ["vi", "vi-VN"],
        ["en", "en-GB"],
      ] as const)
        expect(formatPercent(n, locale)).toBe(
          new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }).format(n),
        );
    }
    expect(formatVnd(5_500_000)).toBe("5.500.000 ₫");
    expect(formatVnd(5_500_000, "en")).toBe("5,500,000 VND");
  });

  it("times of day: both former option sets (hourCycle h23, hour12 false) agree with the one helper", () => {
    const h23 = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const hour12 = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: TZ,
    });
    for (const at of instants) {
      expect(formatClock(at)).toBe(h23.format(at));
      expect(formatClock(at.toISOString())).toBe(hour12.format(at));
    }
    expect(formatClock(new Date("2026-05-04T02:30:00Z"))).toBe("09:30");
    expect(formatClock(new Date("2026-05-04T17:00:00Z"))).toBe("00:00");
  });

  it("dates with times (account sessions, deliveries, audit and access logs, exports)", () => {
    const full = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    const dayTime = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      day: "2-digit",
      month: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    const viShort = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "short", timeZone: TZ });
    const viMedium = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "medium", timeZone: TZ });
    for (const at of instants) {
      expect(formatDateTime(at)).toBe(full.format(at).replace(",", ""));
      expect(formatDayTime(at)).toBe(dayTime.format(at).replace(",", ""));
      expect(formatViDateTime(at.toISOString())).toBe(viShort.format(at));
      expect(formatViDateTime(at.toISOString(), true)).toBe(viMedium.format(at));
    }
    expect(formatDateTime(new Date("2026-11-21T07:05:00Z"))).toBe("21/11/2026 14:05");
  });

  it("Vietnam's calendar date (todayIso)", () => {
    const enCa = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
    for (const at of instants) {
      expect(isoDateInVietnam(at)).toBe(enCa.format(at));
      expect(todayIso(at)).toBe(enCa.format(at));
    }
    expect(todayIso(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
  });
});

describe("formatters are made once per locale and options", () => {
  it("a thousand calls make no new formatter once each has been used", () => {
    const calls = () => {
      for (let i = 0; i < 1000; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000);
        for (const locale of ["vi", "en"] as const) {
          formatDate(at, locale);
          formatNumber(i, locale);
          formatVnd(i * 1000, locale);
          formatPercent(i / 1000, locale);
        }
        formatClock(at);
        formatDateTime(at);
        formatDayTime(at);
        formatViDateTime(at);
        formatViDateTime(at, true);
        todayIso(at);
      }
    };
    calls(); // every formatter made at most once here
    const dates = vi.spyOn(Intl, "DateTimeFormat");
    const numbersMade = vi.spyOn(Intl, "NumberFormat");
    calls();
    expect(dates).not.toHaveBeenCalled();
    expect(numbersMade).not.toHaveBeenCalled();
  });
});
