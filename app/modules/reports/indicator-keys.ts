/**
 * Every figure the reports show, as value lists (client-safe: no imports beyond db/enums), each key defined
 * once here and everything else derived from it:
 * - the official report's indicators, shared by the SQL (indicators.server.ts), the tables, the printable
 *   forms and the exports (definitions: docs/decisions/016-report-indicators.md);
 * - the outcome figures of a commune's reach (FIGURE_KEYS below), counted by figures.server.ts and shown
 *   by components/placements/figures.tsx and the officer's figures page.
 */
import { PROCEDURE_KINDS, type ProcedureKind } from "../../../db/enums";

/** Plain counts (and VND sums): 0 when nothing happened. */
export const COUNT_KEYS = [
  "received",
  "receivedCompleted",
  "receivedAmnesty",
  "receivedConditionalRelease",
  "residentNow",
  "notExpunged",
  "groupA",
  "groupB",
  "groupC",
  "groupD",
  "employedStable",
  "employedUnstable",
  "placed",
  "placedPersons",
  "apprenticeships",
  "localBusiness",
  "referredToTraining",
  "trainingCompleted",
  "loans",
  "loanAmount",
  "badDebt",
  "badDebtAmount",
  "listedForBank",
  "encouragementVisits",
  "educationReviews",
  "counselling",
  "counsellingPsychological",
  "counsellingCareer",
  "counselledPersons",
  "procedureHelps",
  "procedureIdCard",
  "procedureHealthInsurance",
  "procedureResidence",
  "procedureCivilStatus",
  "procedureCriminalRecordExtract",
  "procedureExpungement",
  "meetings",
  "meetingAttendances",
  "meetingGuests",
  "expungedOrClosed",
  "reoffended",
  "supervised",
  "followUps6m",
  "stillEmployed6mCount",
  "followUps12m",
  "stillEmployed12mCount",
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** Averages and shares: null when there is nothing to divide by (shown as "—", never as 0). */
export const RATIO_KEYS = ["averageWage", "reoffendingRate", "stillEmployed6m", "stillEmployed12m"] as const;
export type RatioKey = (typeof RATIO_KEYS)[number];

export type IndicatorKey = CountKey | RatioKey;
export type Indicators = Record<CountKey, number> & Record<RatioKey, number | null>;

/** The count key of each procedure-help topic (activity.topic holds a PROCEDURE_KINDS value). */
export const PROCEDURE_KEY: Record<ProcedureKind, CountKey> = {
  id_card: "procedureIdCard",
  health_insurance: "procedureHealthInsurance",
  residence: "procedureResidence",
  civil_status: "procedureCivilStatus",
  criminal_record_extract: "procedureCriminalRecordExtract",
  expungement: "procedureExpungement",
};
export { PROCEDURE_KINDS };

/** Each key at 0. */
function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function zeroIndicators(): Indicators {
  return {
    ...zeroCounts(COUNT_KEYS),
    averageWage: null,
    reoffendingRate: null,
    stillEmployed6m: null,
    stillEmployed12m: null,
  };
}

/** How a value is shown: a count, an amount of VND, or a share (0–1, shown as a percentage). */
export type IndicatorFormat = "count" | "vnd" | "share";
export function formatOf(key: IndicatorKey): IndicatorFormat {
  if (key === "loanAmount" || key === "badDebtAmount" || key === "averageWage") return "vnd";
  if (key === "reoffendingRate" || key === "stillEmployed6m" || key === "stillEmployed12m") return "share";
  return "count";
}

/**
 * The rows of the report, in the order of the HCD-12/13 forms: numbered sections, each with its rows;
 * `sub` rows are a breakdown of the row above (indented, numbered a, b, c…).
 */
export type ReportRow = { key: IndicatorKey; sub?: boolean };
export type SectionId = "persons" | "classification" | "employment" | "loans" | "support" | "outcomes";
export type ReportSection = { id: SectionId; rows: ReportRow[] };
export const REPORT_SECTIONS: ReportSection[] = [
  {
    id: "persons",
    rows: [
      { key: "received" },
      { key: "receivedCompleted", sub: true },
      { key: "receivedAmnesty", sub: true },
      { key: "receivedConditionalRelease", sub: true },
      { key: "residentNow" },
      { key: "notExpunged" },
      { key: "supervised" },
    ],
  },
  {
    id: "classification",
    rows: [{ key: "groupA" }, { key: "groupB" }, { key: "groupC" }, { key: "groupD" }],
  },
  {
    id: "employment",
    rows: [
      { key: "employedStable" },
      { key: "employedUnstable" },
      { key: "placed" },
      { key: "placedPersons", sub: true },
      { key: "apprenticeships", sub: true },
      { key: "localBusiness", sub: true },
      { key: "averageWage" },
      { key: "followUps6m" },
      { key: "stillEmployed6mCount", sub: true },
      { key: "stillEmployed6m", sub: true },
      { key: "followUps12m" },
      { key: "stillEmployed12mCount", sub: true },
      { key: "stillEmployed12m", sub: true },
      { key: "referredToTraining" },
      { key: "trainingCompleted" },
    ],
  },
  {
    id: "loans",
    rows: [
      { key: "loans" },
      { key: "loanAmount" },
      { key: "badDebt" },
      { key: "badDebtAmount" },
      { key: "listedForBank" },
    ],
  },
  {
    id: "support",
    rows: [
      { key: "encouragementVisits" },
      { key: "educationReviews" },
      { key: "counselling" },
      { key: "counsellingPsychological", sub: true },
      { key: "counsellingCareer", sub: true },
      { key: "counselledPersons", sub: true },
      { key: "procedureHelps" },
      ...PROCEDURE_KINDS.map((k) => ({ key: PROCEDURE_KEY[k], sub: true })),
      { key: "meetings" },
      { key: "meetingAttendances", sub: true },
      { key: "meetingGuests", sub: true },
    ],
  },
  {
    id: "outcomes",
    rows: [{ key: "expungedOrClosed" }, { key: "reoffended" }, { key: "reoffendingRate", sub: true }],
  },
];

/** The columns of the per-commune (drill-down) table: the figures a province compares first. */
export const COMMUNE_TABLE_KEYS: IndicatorKey[] = [
  "received",
  "residentNow",
  "notExpunged",
  "employedStable",
  "employedUnstable",
  "placed",
  "referredToTraining",
  "loans",
  "counselling",
  "procedureHelps",
  "reoffended",
];

/** The headline figures, shown as cards at the top of the report page. */
export const HEADLINE_KEYS = [
  "residentNow",
  "received",
  "placed",
  "referredToTraining",
  "employedStable",
  "stillEmployed12m",
  "loans",
  "reoffended",
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/** The report's lines with the numbers the forms print: sections I, II…, rows 1, 2…, breakdowns a, b…. */
export type NumberedLine =
  { kind: "section"; id: SectionId; number: string } | { kind: "row"; key: IndicatorKey; number: string; sub: boolean };
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
export function numberedLines(): NumberedLine[] {
  const lines: NumberedLine[] = [];
  let row = 0;
  let sub = 0;
  REPORT_SECTIONS.forEach((section, i) => {
    lines.push({ kind: "section", id: section.id, number: ROMAN[i] ?? String(i + 1) });
    for (const r of section.rows) {
      if (r.sub) {
        sub += 1;
        lines.push({ kind: "row", key: r.key, number: String.fromCharCode(96 + sub), sub: true });
      } else {
        row += 1;
        sub = 0;
        lines.push({ kind: "row", key: r.key, number: String(row), sub: false });
      }
    }
  });
  return lines;
}

/** The charts' monthly series: support given and placements started, month by month. */
export const SERIES = ["counselling", "procedure_help", "encouragement_visit", "placement"] as const;
export type Series = (typeof SERIES)[number];
export type MonthlyPoint = { month: string; series: Series; count: number };

/**
 * The outcome figures: plain counts per commune of a reach (figures.server.ts), in the order a report reads
 * them: persons, referrals, jobs, courses, follow-ups, outcomes. Each one's label is figureLabel(key).
 */
export const FIGURE_KEYS = [
  "personsActive",
  "withMatchingConsent",
  "referralsTotal",
  "referralsOpen",
  "referralsAccepted",
  "placementsStarted",
  /** Placements that started and have no end date. */
  "employedNow",
  "enrolled",
  "completed",
  "droppedOut",
  "followUpsDue",
  "followUpsOverdue",
  "outcomeStable",
  "outcomeUnstable",
  "outcomeLeftWork",
  "outcomeReoffended",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** The catalogue key of a figure's label (app/i18n/catalogues/outcomes.ts). */
export const figureLabel = <K extends FigureKey>(key: K) => `outcomes.figures.${key}` as const;

export const zeroFigures = (): Figures => zeroCounts(FIGURE_KEYS);

/** The figures of several communes added up (a whole reach). */
export function sumFigures(rows: readonly Figures[]): Figures {
  const total = zeroFigures();
  for (const figures of rows) for (const k of FIGURE_KEYS) total[k] += figures[k];
  return total;
}
