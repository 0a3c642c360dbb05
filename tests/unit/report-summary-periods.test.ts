import { describe, expect, it } from "vitest";

import { PERIOD_PRESETS, presetPeriod } from "~/modules/reports/periods";
import { isSummaryShaped, periodsDue, summaryPeriods, type SummaryState } from "~/modules/reports/summary.server";

const key = (p: { from: string; to: string }) => `${p.from}/${p.to}`;

describe("summaryPeriods: the periods the report summary keeps", () => {
  it("every month, quarter, half and year from 1 January two years back up to the period containing today, and this year's second half", () => {
    const periods = summaryPeriods("2025-05-20");
    const keys = periods.map(key);
    // 2023 and 2024 whole (12 months, 4 quarters, 2 halves, 1 year each), 2025 up to May.
    expect(keys.filter((k) => k.startsWith("2023"))).toHaveLength(19);
    expect(keys.filter((k) => k.startsWith("2024"))).toHaveLength(19);
    expect(keys.filter((k) => k.startsWith("2025")).sort()).toEqual(
      [
        "2025-01-01/2025-01-31",
        "2025-01-01/2025-03-31",
        "2025-01-01/2025-06-30",
        "2025-01-01/2025-12-31",
        "2025-02-01/2025-02-28",
        "2025-03-01/2025-03-31",
        "2025-04-01/2025-04-30",
        "2025-04-01/2025-06-30",
        "2025-05-01/2025-05-31",
        "2025-07-01/2025-12-31",
      ].sort(),
    );
    expect(periods[0]).toEqual({ from: "2023-01-01", to: "2023-01-31" });
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("2024-02-01/2024-02-29"); // a leap February
    expect(keys).toContain("2024-07-01/2024-12-31");
    expect(keys).not.toContain("2025-06-01/2025-06-30"); // after the period containing today
    expect(keys).not.toContain("2022-12-01/2022-12-31");
    for (const p of periods) expect(isSummaryShaped(p), key(p)).toBe(true);
  });

  it.each(["2025-05-20", "2025-01-01", "2024-12-31", "2026-07-01"])(
    "every report preset on %s is among them",
    (today) => {
      const keys = new Set(summaryPeriods(today).map(key));
      for (const preset of PERIOD_PRESETS.filter((p) => p !== "custom")) {
        const p = presetPeriod(preset, today);
        expect(keys.has(key(p)), `${preset} ${key(p)}`).toBe(true);
      }
    },
  );

  it("custom ranges are not summary-shaped", () => {
    expect(isSummaryShaped({ from: "2024-07-14", to: "2024-07-14" })).toBe(false);
    expect(isSummaryShaped({ from: "2024-01-15", to: "2024-02-14" })).toBe(false);
    expect(isSummaryShaped({ from: "2024-02-01", to: "2024-04-30" })).toBe(false);
    expect(isSummaryShaped({ from: "2024-04-01", to: "2024-06-30" })).toBe(true);
  });
});

describe("periodsDue: which periods a worker round refreshes", () => {
  const today = "2025-05-20";
  const kept = summaryPeriods(today);
  const current = kept.filter((p) => p.to >= today).map(key);
  // 10:00 in Vietnam on the 20th.
  const now = new Date("2025-05-20T03:00:00Z");
  const at = (iso: string) => new Date(iso);
  const state = (computedAt: Date, except: string[] = []): SummaryState[] =>
    kept.filter((p) => !except.includes(key(p))).map((p) => ({ ...p, computedAt }));

  it("the current periods (containing today, or ahead of it) are always due, first", () => {
    expect(current.sort()).toEqual([
      "2025-01-01/2025-06-30",
      "2025-01-01/2025-12-31",
      "2025-04-01/2025-06-30",
      "2025-05-01/2025-05-31",
      "2025-07-01/2025-12-31",
    ]);
    // Everything computed a minute ago: only the current periods.
    const due = periodsDue(today, now, state(at("2025-05-20T02:59:00Z"))).map(key);
    expect(due.sort()).toEqual([...current].sort());
  });

  it("a kept period without rows is due, after the current ones", () => {
    const due = periodsDue(today, now, state(at("2025-05-20T02:59:00Z"), ["2024-03-01/2024-03-31"])).map(key);
    expect(due).toHaveLength(current.length + 1);
    expect(due.slice(0, current.length).sort()).toEqual([...current].sort());
    expect(due.at(-1)).toBe("2024-03-01/2024-03-31");
    // Nothing stored yet (a new installation): every kept period.
    expect(periodsDue(today, now, []).map(key).sort()).toEqual(kept.map(key).sort());
  });

  it("on a new day (computed before midnight in Vietnam) every kept period is due, the oldest first", () => {
    // 23:50 on the 19th in Vietnam = 16:50 UTC; now is 10:00 on the 20th.
    const yesterday = state(at("2025-05-19T16:50:00Z"), ["2023-01-01/2023-01-31"]).map((s) =>
      s.from === "2024-01-01" && s.to === "2024-12-31" ? { ...s, computedAt: at("2025-05-18T10:00:00Z") } : s,
    );
    const due = periodsDue(today, now, yesterday).map(key);
    expect(due.sort()).toEqual(kept.map(key).sort());
    const ordered = periodsDue(today, now, yesterday).map(key);
    expect(ordered.slice(current.length, current.length + 2)).toEqual([
      "2023-01-01/2023-01-31", // missing
      "2024-01-01/2024-12-31", // the oldest
    ]);
    // 00:10 on the 20th in Vietnam = 17:10 UTC on the 19th: computed today, so only the current ones.
    expect(
      periodsDue(today, now, state(at("2025-05-19T17:10:00Z")))
        .map(key)
        .sort(),
    ).toEqual([...current].sort());
  });

  it("rows older than 24 hours are due even when the calendar says today (a clock set back)", () => {
    const late = new Date("2025-05-21T16:00:00Z"); // 23:00 on the 21st in Vietnam, but today is passed as the 20th
    expect(
      periodsDue(today, late, state(at("2025-05-20T01:00:00Z")))
        .map(key)
        .sort(),
    ).toEqual(kept.map(key).sort());
  });

  it("rows of periods no longer kept do not make anything due", () => {
    const old = [{ from: "2021-01-01", to: "2021-12-31", computedAt: at("2020-01-01T00:00:00Z") }];
    const due = periodsDue(today, now, [...state(at("2025-05-20T02:00:00Z")), ...old]).map(key);
    expect(due.sort()).toEqual([...current].sort());
  });
});
