/**
 * When a criminal record is expunged (xóa án tích), from the Penal Code 2015 (amended 2017):
 * - art. 70(2): automatically when, counted from the completion of the main penalty (or the end of the
 *   probation of a suspended sentence), no new crime is committed for 1 year (warning, fine, non-custodial
 *   reform, suspended prison), 2 years (prison ≤ 5 years), 3 years (> 5 to 15 years), 5 years (> 15 years,
 *   life, commuted death sentence) AND the person has completed the supplementary penalties and the
 *   judgment's other decisions (compensation, court fees…). The period does not wait for them to start:
 *   it runs from the main penalty; a supplementary penalty (probation – quản chế, residence restriction –
 *   cấm cư trú, bans from positions, occupations or places, deprivation of civic rights) or the other
 *   decisions completed after the period has run make the record expunged on the day they are completed;
 * - art. 71: national-security and war crimes only by a court decision, at the earliest after
 *   1 / 3 / 5 / 7 years by the same bands;
 * - art. 72: a court may expunge early (special cases) after one third of the period;
 * - art. 73: periods run from the completion of the main penalty; a new conviction before expungement
 *   restarts the clock from the completion of the new sentence, for the old record too;
 * - art. 107: offences committed under 16 leave no record; 16–17: 6 months / 1 year / 18 months / 3 years.
 * Pure functions on ISO dates (YYYY-MM-DD): no clock, no time zones.
 */
import { addMonths } from "~/utils/dates";

export type PenaltyKind = "non_custodial" | "suspended" | "prison" | "life" | "death_commuted";

export type Conviction = {
  /** The day the offence was committed (decides the age bands and whether it interrupts an earlier period). */
  offenceDate: string;
  penalty: PenaltyKind;
  /** Prison term in months (prison only). */
  sentenceMonths?: number;
  /** The day the main penalty (or the probation of a suspended sentence) was completed. */
  mainCompletedOn: string;
  /** The day the last supplementary penalty recorded with the sentence ends, if any ("Ngày chấp hành xong hình phạt bổ sung"). */
  supplementaryCompletedOn?: string | null;
  /** National security (Chapter XIII) or war crimes (Chapter XXVI): court decision only. */
  nationalSecurity: boolean;
};

/**
 * What the person's record holds besides the sentences, that art. 70(2) also waits for. Both apply to the
 * record still standing (the latest chain of convictions): a ban that belonged to an older, already expunged
 * conviction ended before that expungement, so before any later date, and cannot move it.
 */
export type RecordCompletion = {
  /**
   * End dates of every supplementary penalty the record holds outside the sentence rows: court bans from
   * occupations, positions or places (cấm hành nghề, cấm đảm nhiệm chức vụ, cấm cư trú), probation (quản
   * chế), any other with an end date. A ban without an end date is unknown and moves nothing.
   */
  supplementaryEnds?: readonly (string | null | undefined)[];
  /** Art. 70(2): the day the judgment's other decisions (compensation, court fees) were completed, when known. */
  otherDecisionsCompletedOn?: string | null;
};

/** What decided the date: the period itself, a supplementary penalty ending later, or the other decisions. */
export type ExpungementDecidedBy = "period" | "supplementary" | "other_decisions";

export type ExpungementResult =
  | { kind: "no_record"; reason: "juvenile_under_16" }
  | {
      kind: "automatic" | "court";
      /** Automatic: the day the record is expunged. Court: the first day an application can be made. */
      date: string;
      decidedBy: ExpungementDecidedBy;
      /** The day the period alone would end, before supplementary penalties and other decisions. */
      periodEndsOn: string;
      /** The period applied, in months, and the day it was counted from. */
      periodMonths: number;
      countedFrom: string;
      /** Art. 72: the first day a special early expungement can be proposed. */
      earlyProposalFrom: string;
    };

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The band of a conviction: 0 = non-custodial/suspended, 1 = prison ≤ 5 y, 2 = > 5–15 y, 3 = > 15 y, life, commuted death. */
export function band(c: Pick<Conviction, "penalty" | "sentenceMonths">): 0 | 1 | 2 | 3 {
  if (c.penalty === "non_custodial" || c.penalty === "suspended") return 0;
  if (c.penalty === "life" || c.penalty === "death_commuted") return 3;
  const months = c.sentenceMonths ?? 0;
  if (months <= 60) return 1;
  if (months <= 180) return 2;
  return 3;
}

const AUTOMATIC_MONTHS = [12, 24, 36, 60] as const;
const COURT_MONTHS = [12, 36, 60, 84] as const;
const JUVENILE_MONTHS = [6, 12, 18, 36] as const;

function periodFor(c: Conviction, birthDate: string | null): number {
  const b = band(c);
  const juvenile = birthDate !== null && ageOn(birthDate, c.offenceDate) < 18;
  if (juvenile) return JUVENILE_MONTHS[b];
  return (c.nationalSecurity ? COURT_MONTHS : AUTOMATIC_MONTHS)[b];
}

const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/**
 * The expungement of a person's record from all their convictions (oldest first or in any order).
 * `birthDate` enables the juvenile rules; null applies the adult periods. `completion` adds the
 * supplementary penalties held outside the sentences (court bans, probation) and the other decisions.
 */
export function computeExpungement(
  convictions: Conviction[],
  birthDate: string | null,
  completion: RecordCompletion = {},
): ExpungementResult | null {
  const counted = convictions
    .filter((c) => !(birthDate && ageOn(birthDate, c.offenceDate) < 16))
    .sort((a, b) => (a.offenceDate < b.offenceDate ? -1 : a.offenceDate > b.offenceDate ? 1 : 0));
  if (counted.length === 0) {
    return convictions.length ? { kind: "no_record", reason: "juvenile_under_16" } : null;
  }

  let from = counted[0].mainCompletedOn;
  let period = periodFor(counted[0], birthDate);
  let supplementaryEnd = counted[0].supplementaryCompletedOn ?? null;
  let court = counted[0].nationalSecurity;
  for (const next of counted.slice(1)) {
    const dueBefore = later(addMonths(from, period), supplementaryEnd);
    if (next.offenceDate < dueBefore) {
      // Art. 73: a new crime before expungement restarts the clock for every record still standing.
      from = next.mainCompletedOn;
      period = Math.max(period, periodFor(next, birthDate));
      court ||= next.nationalSecurity;
      supplementaryEnd = later(next.supplementaryCompletedOn ?? next.mainCompletedOn, supplementaryEnd);
    } else {
      from = next.mainCompletedOn;
      period = periodFor(next, birthDate);
      court = next.nationalSecurity;
      supplementaryEnd = next.supplementaryCompletedOn ?? null;
    }
  }
  // Supplementary penalties held outside the sentences belong to the record still standing (see RecordCompletion).
  for (const end of completion.supplementaryEnds ?? []) if (end) supplementaryEnd = later(end, supplementaryEnd);
  const periodEndsOn = addMonths(from, period);
  const afterSupplementary = later(periodEndsOn, supplementaryEnd);
  const date = later(afterSupplementary, completion.otherDecisionsCompletedOn);
  const decidedBy: ExpungementDecidedBy =
    date === periodEndsOn ? "period" : date === afterSupplementary ? "supplementary" : "other_decisions";
  return {
    kind: court ? "court" : "automatic",
    date,
    decidedBy,
    periodEndsOn,
    periodMonths: period,
    countedFrom: from,
    earlyProposalFrom: later(
      later(addMonths(from, Math.ceil(period / 3)), supplementaryEnd),
      completion.otherDecisionsCompletedOn,
    ),
  };
}

/** The completion facts of a person's record as stored: their court bans' end dates and the other decisions. */
export function completionOf(
  person: { otherDecisionsCompletedOn?: string | null },
  bans: readonly { endsOn: string | null }[],
): RecordCompletion {
  return {
    supplementaryEnds: bans.map((b) => b.endsOn),
    otherDecisionsCompletedOn: person.otherDecisionsCompletedOn ?? null,
  };
}
