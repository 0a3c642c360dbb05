/**
 * The follow-up calendar of a placement, as pure functions on ISO dates (YYYY-MM-DD): no clock, no time
 * zone, no imports beyond value lists, so the page, the service, the sweeper and the tests share one rule.
 *
 * Follow-ups fall due 1, 3, 6 and 12 months after the start (a month-end start is clamped: 31 January
 * + 1 month = 28 or 29 February). Officers cannot visit on one exact day, so a follow-up has a window:
 * it is due from 7 days before its date and overdue from 15 days after it.
 */
import { addDays, addMonths } from "~/utils/dates";

import { FOLLOW_UP_MONTHS, type FollowUpMonth, type Outcome12m } from "../../../db/enums";

export const DUE_DAYS_BEFORE = 7;
export const OVERDUE_DAYS_AFTER = 15;

export const FOLLOW_UP_STATES = ["upcoming", "due", "overdue", "done", "cancelled"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** The day a follow-up falls due: `months` after the start, clamped to the month's last day. */
export function followUpDueOn(startDate: string, months: number): string {
  return addMonths(startDate, months);
}

/** The four follow-ups of a placement starting on `startDate`. */
export function followUpSchedule(startDate: string): { monthOffset: FollowUpMonth; dueOn: string }[] {
  return FOLLOW_UP_MONTHS.map((monthOffset) => ({ monthOffset, dueOn: followUpDueOn(startDate, monthOffset) }));
}

/** The first day a follow-up counts as due (it may be recorded from then on). */
export function dueFrom(dueOn: string): string {
  return addDays(dueOn, -DUE_DAYS_BEFORE);
}

/** The first day a follow-up counts as overdue. */
export function overdueFrom(dueOn: string): string {
  return addDays(dueOn, OVERDUE_DAYS_AFTER);
}

export type FollowUpTiming = { dueOn: string; doneAt?: Date | string | null; cancelledAt?: Date | string | null };

/** Where a follow-up stands on `today`: done and cancelled win over the calendar. */
export function followUpState(followUp: FollowUpTiming, today: string): FollowUpState {
  if (followUp.doneAt) return "done";
  if (followUp.cancelledAt) return "cancelled";
  if (today < dueFrom(followUp.dueOn)) return "upcoming";
  if (today < overdueFrom(followUp.dueOn)) return "due";
  return "overdue";
}

/** An officer records a follow-up when it is due or overdue: not before its window opens, not twice. */
export function canRecord(state: FollowUpState): boolean {
  return state === "due" || state === "overdue";
}

export type Findings = { stillEmployed: boolean | null; stable: boolean | null; violation: boolean | null };

/**
 * The 12-month outcome the form proposes from the follow-ups recorded so far (the officer decides):
 * stable when the person was employed and stable with no violation every time; left work when a
 * follow-up found them no longer employed; unstable otherwise. Reoffending is never guessed.
 */
export function suggestedOutcome(findings: Findings[]): Outcome12m {
  const recorded = findings.filter((f) => f.stillEmployed !== null);
  if (recorded.some((f) => f.stillEmployed === false)) return "left_work";
  if (recorded.length > 0 && recorded.every((f) => f.stable === true && f.violation === false)) return "stable";
  return "unstable";
}

/** The last follow-up carries the 12-month outcome. */
export const OUTCOME_MONTH: FollowUpMonth = 12;
