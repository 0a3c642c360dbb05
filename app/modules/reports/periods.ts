/**
 * Report periods as pure functions on ISO dates (YYYY-MM-DD): presets relative to "today" (passed in, so
 * the page, the exports and the tests share one rule) and the parsing of ?period=…&from=…&to=… with a
 * fallback instead of an error. Client-safe: imports only the pure date arithmetic.
 */
import { daysInMonth } from "~/utils/dates";

export const PERIOD_PRESETS = [
  "this_month",
  "last_month",
  "this_quarter",
  "last_quarter",
  "first_half",
  "second_half",
  "this_year",
  "last_year",
  "custom",
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The longest custom period a report covers (a decade is already more than any form asks for). */
export const MAX_PERIOD_YEARS = 10;
export const DEFAULT_PRESET: PeriodPreset = "this_month";

export type Period = { preset: PeriodPreset; from: string; to: string };
/** Why the asked-for period was not used (an i18n key), so the page can say so. */
export type PeriodNotice = "reports.period.invalid" | "reports.period.reversed" | "reports.period.tooLong";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && Number(m[1]) >= 1900;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** "2025-Q3": the classification quarter a date falls in (stored so; shown with formatQuarter in app/i18n). */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
}

/** The dates of a preset relative to `today` (for "custom", today's month). */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const months = (y0: number, m0: number, count: number): Period => {
    const endIndex = y0 * 12 + (m0 - 1) + count - 1;
    const y1 = Math.floor(endIndex / 12);
    const m1 = (endIndex % 12) + 1;
    return { preset, from: ymd(y0, m0, 1), to: ymd(y1, m1, daysInMonth(y1, m1)) };
  };
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  switch (preset) {
    case "last_month":
      return m === 1 ? months(y - 1, 12, 1) : months(y, m - 1, 1);
    case "this_quarter":
      return months(y, q0, 3);
    case "last_quarter":
      return q0 === 1 ? months(y - 1, 10, 3) : months(y, q0 - 3, 3);
    case "first_half":
      return months(y, 1, 6);
    case "second_half":
      return months(y, 7, 6);
    case "this_year":
      return months(y, 1, 12);
    case "last_year":
      return months(y - 1, 1, 12);
    case "this_month":
    case "custom":
      return months(y, m, 1);
  }
}

/** Whether [from, to] is longer than `years` (2020-01-01..2029-12-31 is exactly 10 years: allowed). */
function spansMoreThanYears(from: string, to: string, years: number): boolean {
  const limit = `${Number(from.slice(0, 4)) + years}${from.slice(4)}`;
  return to >= limit;
}

/**
 * The hidden fields of the period picker: the dates it showed when the page was drawn. Dates that differ
 * from them were typed by the user, and typed dates choose a custom period by themselves.
 */
export const SHOWN_FROM = "shownFrom";
export const SHOWN_TO = "shownTo";

/**
 * The period a request asks for. Dates win over a preset ("presence of dates"), except the dates the
 * picker sent back untouched (equal to its hidden SHOWN_FROM/SHOWN_TO): then the preset chosen wins, so
 * picking "Last year" works without JavaScript although the form always sends its two date fields.
 * Unknown presets and malformed or impossible custom dates fall back to the default preset with a
 * notice: a report page never answers 500 for a typed URL.
 */
export function parsePeriod(params: URLSearchParams, today: string): { period: Period; notice?: PeriodNotice } {
  const asked = params.get("period") ?? "";
  const from = params.get("from")?.trim() ?? "";
  const to = params.get("to")?.trim() ?? "";
  const fallback = (notice?: PeriodNotice) => ({
    period: presetPeriod(DEFAULT_PRESET, today),
    ...(notice ? { notice } : {}),
  });
  const untouched = from === (params.get(SHOWN_FROM)?.trim() ?? "") && to === (params.get(SHOWN_TO)?.trim() ?? "");
  const typed = (from !== "" || to !== "") && !untouched;
  // Typed dates (or dates without a preset) mean a custom period, whatever the preset says.
  const preset = typed || (asked === "" && (from || to)) ? "custom" : asked;
  if (preset === "") return fallback();
  if (!(PERIOD_PRESETS as readonly string[]).includes(preset)) return fallback("reports.period.invalid");
  if (preset !== "custom") return { period: presetPeriod(preset as PeriodPreset, today) };
  if (!isIsoDate(from) || !isIsoDate(to)) return fallback("reports.period.invalid");
  if (from > to) return fallback("reports.period.reversed");
  if (spansMoreThanYears(from, to, MAX_PERIOD_YEARS)) return fallback("reports.period.tooLong");
  return { period: { preset: "custom", from, to } };
}

/** The query string of a period (for links: exports, printable forms, drill-down). */
export function periodQuery(period: Period): string {
  return period.preset === "custom" ? `from=${period.from}&to=${period.to}` : `period=${period.preset}`;
}

/** The report form a period calls for: a month → HCD-12; a quarter, half-year or year → HCD-13. */
export function formOfPeriod(period: Pick<Period, "from" | "to">): "hcd12" | "hcd13" {
  const sameMonth = period.from.slice(0, 7) === period.to.slice(0, 7);
  return sameMonth ? "hcd12" : "hcd13";
}

/** The months a period touches ("2025-01", "2025-02"…), for the charts' x-axis. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 12 * (MAX_PERIOD_YEARS + 1); guard++) {
    const key = `${y}-${pad(m)}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * How a form names its period: "Tháng 3 năm 2025", "Quý 2 năm 2025", "6 tháng đầu năm 2025", "Năm 2025",
 * or the two dates when the period is none of these. Returned as an i18n key with its variables.
 */
export type PeriodTitle =
  | { key: "reports.form.month"; vars: { month: number; year: number } }
  | { key: "reports.form.quarter"; vars: { quarter: number; year: number } }
  | { key: "reports.form.firstHalf" | "reports.form.secondHalf" | "reports.form.year"; vars: { year: number } }
  | { key: "reports.form.range"; vars: { from: string; to: string } };

export function periodTitle(period: Pick<Period, "from" | "to">): PeriodTitle {
  const year = Number(period.from.slice(0, 4));
  const m0 = Number(period.from.slice(5, 7));
  const sameYear = period.to.slice(0, 4) === period.from.slice(0, 4);
  const startsMonth = period.from.slice(8) === "01";
  const whole = (months: number) =>
    sameYear &&
    startsMonth &&
    m0 + months - 1 <= 12 &&
    presetPeriod("this_month", `${year}-${pad(m0 + months - 1)}-01`).to === period.to;
  if (whole(1)) return { key: "reports.form.month", vars: { month: m0, year } };
  if ((m0 - 1) % 3 === 0 && whole(3)) return { key: "reports.form.quarter", vars: { quarter: (m0 + 2) / 3, year } };
  if (m0 === 1 && whole(12)) return { key: "reports.form.year", vars: { year } };
  if (m0 === 1 && whole(6)) return { key: "reports.form.firstHalf", vars: { year } };
  if (m0 === 7 && whole(6)) return { key: "reports.form.secondHalf", vars: { year } };
  return { key: "reports.form.range", vars: { from: period.from, to: period.to } };
}
