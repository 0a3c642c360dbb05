import { describe, expect, it } from "vitest";

import { periodName } from "~/components/reports/format";
import { formatQuarter } from "~/i18n";
import {
  formOfPeriod,
  isIsoDate,
  monthsOf,
  parsePeriod,
  periodQuery,
  periodTitle,
  presetPeriod,
  quarterOf,
} from "~/modules/reports/periods";

const parse = (q: string, today = "2025-05-20") => parsePeriod(new URLSearchParams(q), today);

describe("report period presets", () => {
  it.each([
    ["this_month", "2025-05-20", "2025-05-01", "2025-05-31"],
    ["last_month", "2025-05-20", "2025-04-01", "2025-04-30"],
    ["last_month", "2025-01-03", "2024-12-01", "2024-12-31"],
    ["this_quarter", "2025-05-20", "2025-04-01", "2025-06-30"],
    ["last_quarter", "2025-05-20", "2025-01-01", "2025-03-31"],
    ["last_quarter", "2025-02-10", "2024-10-01", "2024-12-31"],
    ["first_half", "2025-09-01", "2025-01-01", "2025-06-30"],
    ["second_half", "2025-03-01", "2025-07-01", "2025-12-31"],
    ["this_year", "2024-02-29", "2024-01-01", "2024-12-31"],
    ["last_year", "2025-01-01", "2024-01-01", "2024-12-31"],
    ["this_month", "2024-02-10", "2024-02-01", "2024-02-29"],
  ] as const)("%s on %s is %s – %s", (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ preset, from, to });
  });
});

describe("parsing ?period, ?from and ?to", () => {
  it("defaults to this month, silently, when nothing is asked", () => {
    expect(parse("")).toEqual({ period: { preset: "this_month", from: "2025-05-01", to: "2025-05-31" } });
  });

  it("takes a preset, and a preset wins over the dates the form sent back untouched", () => {
    // The picker always sends its date fields, with the dates it showed in hidden shownFrom/shownTo.
    const untouched = "period=last_year&from=2025-05-01&to=2025-05-31&shownFrom=2025-05-01&shownTo=2025-05-31";
    expect(parse(untouched).period).toEqual({ preset: "last_year", from: "2024-01-01", to: "2024-12-31" });
    expect(parse("period=last_year").period).toEqual({ preset: "last_year", from: "2024-01-01", to: "2024-12-31" });
  });

  it("typed dates choose a custom period by themselves, whatever the preset says", () => {
    // Only the dates: no preset, no hidden fields.
    expect(parse("from=2024-03-01&to=2024-09-15")).toEqual({
      period: { preset: "custom", from: "2024-03-01", to: "2024-09-15" },
    });
    // The form without JavaScript: the select still on "This month", one or both dates typed over.
    const form = (from: string, to: string) =>
      `period=this_month&from=${from}&to=${to}&shownFrom=2025-05-01&shownTo=2025-05-31`;
    expect(parse(form("2024-03-01", "2024-09-15")).period).toEqual({
      preset: "custom",
      from: "2024-03-01",
      to: "2024-09-15",
    });
    expect(parse(form("2025-05-01", "2025-05-10")).period).toEqual({
      preset: "custom",
      from: "2025-05-01",
      to: "2025-05-10",
    });
    // Dates in a typed URL win over its preset too.
    expect(parse("period=last_year&from=2020-01-01&to=2020-02-01").period).toEqual({
      preset: "custom",
      from: "2020-01-01",
      to: "2020-02-01",
    });
    // Typed but impossible: the usual fallback with a notice, never the preset silently.
    expect(parse(form("2025-05-20", "2025-05-02"))).toEqual({
      period: { preset: "this_month", from: "2025-05-01", to: "2025-05-31" },
      notice: "reports.period.reversed",
    });
  });

  it("takes a custom period, with or without period=custom", () => {
    expect(parse("period=custom&from=2023-06-01&to=2025-05-20")).toEqual({
      period: { preset: "custom", from: "2023-06-01", to: "2025-05-20" },
    });
    expect(parse("from=2025-02-01&to=2025-02-01").period).toEqual({
      preset: "custom",
      from: "2025-02-01",
      to: "2025-02-01",
    });
  });

  it.each([
    ["period=fortnight", "reports.period.invalid"],
    ["from=2025-02-30&to=2025-03-01", "reports.period.invalid"],
    ["from=2025-1-1&to=2025-03-01", "reports.period.invalid"],
    ["from=&to=2025-03-01", "reports.period.invalid"],
    ["from=0001-01-01&to=0001-02-01", "reports.period.invalid"],
    ["from=2025-03-02&to=2025-03-01", "reports.period.reversed"],
    ["from=2015-05-20&to=2025-05-20", "reports.period.tooLong"],
  ])("%s falls back to this month with %s", (q, notice) => {
    expect(parse(q)).toEqual({ period: { preset: "this_month", from: "2025-05-01", to: "2025-05-31" }, notice });
  });

  it("allows exactly ten years", () => {
    expect(parse("from=2015-05-20&to=2025-05-19").notice).toBeUndefined();
  });
});

describe("period helpers", () => {
  it("validates ISO dates strictly", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("20250101")).toBe(false);
  });

  it("names the quarter of a date", () => {
    expect([
      quarterOf("2025-01-01"),
      quarterOf("2025-03-31"),
      quarterOf("2025-04-01"),
      quarterOf("2025-12-31"),
    ]).toEqual(["2025-Q1", "2025-Q1", "2025-Q2", "2025-Q4"]);
  });

  it("lists the months a period touches", () => {
    expect(monthsOf("2024-11-15", "2025-02-03")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsOf("2025-03-10", "2025-03-12")).toEqual(["2025-03"]);
  });

  it("writes a period back as a query string", () => {
    expect(periodQuery({ preset: "last_month", from: "2025-04-01", to: "2025-04-30" })).toBe("period=last_month");
    expect(periodQuery({ preset: "custom", from: "2023-06-01", to: "2025-05-20" })).toBe(
      "from=2023-06-01&to=2025-05-20",
    );
  });

  it("picks the form: a month is HCD-12, anything longer HCD-13", () => {
    expect(formOfPeriod({ from: "2025-04-01", to: "2025-04-30" })).toBe("hcd12");
    expect(formOfPeriod({ from: "2025-04-01", to: "2025-06-30" })).toBe("hcd13");
  });

  it.each([
    ["2025-04-01", "2025-04-30", { key: "reports.form.month", vars: { month: 4, year: 2025 } }],
    ["2024-02-01", "2024-02-29", { key: "reports.form.month", vars: { month: 2, year: 2024 } }],
    ["2025-04-01", "2025-06-30", { key: "reports.form.quarter", vars: { quarter: 2, year: 2025 } }],
    ["2025-01-01", "2025-06-30", { key: "reports.form.firstHalf", vars: { year: 2025 } }],
    ["2025-07-01", "2025-12-31", { key: "reports.form.secondHalf", vars: { year: 2025 } }],
    ["2025-01-01", "2025-12-31", { key: "reports.form.year", vars: { year: 2025 } }],
    ["2025-02-01", "2025-04-30", { key: "reports.form.range", vars: { from: "2025-02-01", to: "2025-04-30" } }],
    ["2025-04-02", "2025-04-30", { key: "reports.form.range", vars: { from: "2025-04-02", to: "2025-04-30" } }],
    ["2024-11-01", "2025-01-31", { key: "reports.form.range", vars: { from: "2024-11-01", to: "2025-01-31" } }],
  ])("titles %s – %s", (from, to, title) => {
    expect(periodTitle({ from, to })).toEqual(title);
  });
});

describe("quarter labels", () => {
  it("read «Quý IV/2025» in Vietnamese and «Q4 2025» in English, from the stored form or the numbers", () => {
    expect(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"].map((q) => formatQuarter(q, "vi"))).toEqual([
      "Quý I/2025",
      "Quý II/2025",
      "Quý III/2025",
      "Quý IV/2025",
    ]);
    expect(formatQuarter("2025-Q4", "en")).toBe("Q4 2025");
    expect(formatQuarter({ year: 2026, quarter: 2 }, "vi")).toBe("Quý II/2026");
    expect(formatQuarter(quarterOf("2025-11-30"), "vi")).toBe("Quý IV/2025");
    // Not a quarter: shown as it is rather than invented.
    expect(formatQuarter("", "vi")).toBe("");
    expect(formatQuarter("2025-Q5", "vi")).toBe("2025-Q5");
  });

  it("name a quarter's period on the report page and the HCD-13 form", () => {
    expect(periodName({ from: "2025-10-01", to: "2025-12-31" }, "vi")).toBe("Quý IV/2025");
    expect(periodName({ from: "2025-10-01", to: "2025-12-31" }, "en")).toBe("Q4 2025");
    expect(periodName({ from: "2025-04-01", to: "2025-04-30" }, "vi")).toBe("Tháng 4 năm 2025");
    expect(periodName({ from: "2025-02-01", to: "2025-04-30" }, "vi")).toBe("Từ ngày 01/02/2025 đến ngày 30/04/2025");
  });
});
