import { describe, expect, it } from "vitest";

import { addDays, addMonths, daysAfter, daysBetween, daysInMonth } from "~/utils/dates";

describe("addDays", () => {
  it("moves forward and back across month, year and leap-day boundaries", () => {
    expect(addDays("2026-03-15", 0)).toBe("2026-03-15");
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
  });
  it("is a calendar count, not a clock: the same in any process time zone", () => {
    // Whole days in UTC: daylight-saving changes elsewhere never make a day 23 or 25 hours long here.
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });
});

describe("daysInMonth", () => {
  it("knows short months and leap years (including the century rules)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe("addMonths", () => {
  it("keeps the day when the target month has it", () => {
    expect(addMonths("2026-03-15", 1)).toBe("2026-04-15");
    expect(addMonths("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonths("2026-11-10", 3)).toBe("2027-02-10");
  });
  it("clamps the 29th–31st to the target month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });
  it("goes back in time with a negative count, across years", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-06-15", -18)).toBe("2024-12-15");
    expect(addMonths("2026-03-15", -0)).toBe("2026-03-15");
  });
});

describe("daysBetween", () => {
  it("counts calendar days, across months and leap days, negative backwards", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2028-02-27", "2028-03-01")).toBe(3);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-05-05", addDays("2026-05-05", 400))).toBe(400);
  });
});

describe("daysAfter", () => {
  it("moves a moment by whole 24-hour days, keeping the time of day", () => {
    expect(daysAfter(new Date("2026-12-06T07:30:00Z"), 14).toISOString()).toBe("2026-12-20T07:30:00.000Z");
    expect(daysAfter(new Date("2026-03-01T00:00:00Z"), -1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});
