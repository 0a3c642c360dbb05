/**
 * Loans to persons who completed a prison sentence, under Decision 22/2023/QĐ-TTg (Vietnam Bank for Social
 * Policies, NHCSXH): the caps, the five-year window after release, the term, the commune's monthly list
 * for the bank (form 01, due on the 5th) and the life of a loan. Pure functions on ISO dates (YYYY-MM-DD)
 * and integers: no clock, no database, so the page, the service and the unit tests share one rule.
 * Messages are i18n keys with their values (support catalogue), like every form error.
 */
import { formatDate, formatVnd, type MessageKey } from "~/i18n";
import { addMonths } from "~/utils/dates";

import type { LoanPurpose, LoanStatus } from "../../../db/enums";

export const LOAN_LIMITS = {
  /** Production and business: at most 100 million VND per person (art. 4). */
  businessMaxVnd: 100_000_000,
  /** Vocational training: at most 4 million VND per month of study. */
  trainingPerMonthVnd: 4_000_000,
  /** A vocational course funded this way lasts at most three years. */
  trainingMonthsMax: 36,
  /** The bank lends for at most 120 months. */
  termMonthsMax: 120,
  /** Persons may borrow within 5 years of their release. */
  applyWithinYears: 5,
  /** Form 01 is sent to the bank by the 5th of each month. */
  listDueDay: 5,
} as const;

export type LoanIssue = { field: string; key: MessageKey; vars?: Record<string, string | number> };

/**
 * An amount typed by an officer: "50.000.000", "50,000,000", "50 000 000", "50000000" or with "đ"/"₫"/"VND".
 * Separators must group thousands, so "5.5" (a decimal, or a typo) is not read as 55. Null when unreadable.
 */
export function parseVndAmount(text: string): number | null {
  const t = text
    .normalize("NFC")
    .trim()
    .replace(/\s*(₫|đ|đồng|vnđ|vnd)$/i, "")
    .trim();
  if (/^\d{1,15}$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,\u00a0 ]\d{3})+$/.test(t)) return Number(t.replace(/[.,\u00a0 ]/g, ""));
  return null;
}

/** The first day of the month of a date. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** A month typed as "2026-03" (input type=month), "03/2026", "3/2026" or a date in it: its first day, or null. */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const iso = t.match(/^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/);
  const vn = t.match(/^(\d{1,2})\/(\d{4})$/);
  const year = iso ? Number(iso[1]) : vn ? Number(vn[2]) : NaN;
  const month = iso ? Number(iso[2]) : vn ? Number(vn[1]) : NaN;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 2000 || year > 2999)
    return null;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/** The day the list of a month (its first day) is due at the bank: the 5th of that month. */
export function bankListDueDate(listMonth: string): string {
  return `${listMonth.slice(0, 7)}-${String(LOAN_LIMITS.listDueDay).padStart(2, "0")}`;
}

/** The next list a new application goes on: this month's until its due date, then next month's. */
export function nextListMonth(today: string): string {
  const thisMonth = monthStart(today);
  return today <= bankListDueDate(thisMonth) ? thisMonth : addMonths(thisMonth, 1);
}

/** The last day a person may apply: 5 years after release, to the day (29 February → 28 February). */
export function applicationDeadline(releaseDate: string): string {
  return addMonths(releaseDate, LOAN_LIMITS.applyWithinYears * 12);
}

/** The most a person may borrow for this purpose (training: per month of study). */
export function loanCap(purpose: LoanPurpose, trainingMonths: number | null): number {
  return purpose === "business" ? LOAN_LIMITS.businessMaxVnd : LOAN_LIMITS.trainingPerMonthVnd * (trainingMonths ?? 0);
}

export type LoanApplication = {
  purpose: LoanPurpose;
  amountVnd: number;
  trainingMonths: number | null;
  termMonths: number;
  bankBranch: string;
  appliedOn: string;
  listMonth: string;
};

/** Every rule a new application breaks (empty when it may go on the list). */
export function checkLoanApplication(app: LoanApplication, facts: { releaseDate: string; today: string }): LoanIssue[] {
  const issues: LoanIssue[] = [];
  const L = LOAN_LIMITS;
  if (!Number.isInteger(app.amountVnd) || app.amountVnd <= 0) {
    issues.push({ field: "amountVnd", key: "support.loan.error.amount" });
  } else if (app.purpose === "business" && app.amountVnd > L.businessMaxVnd) {
    issues.push({
      field: "amountVnd",
      key: "support.loan.error.businessCap",
      vars: { max: formatVnd(L.businessMaxVnd) },
    });
  }
  if (app.purpose === "business" && app.trainingMonths !== null) {
    issues.push({ field: "trainingMonths", key: "support.loan.error.trainingMonthsBusiness" });
  }
  if (app.purpose === "training") {
    if (app.trainingMonths === null) {
      issues.push({ field: "trainingMonths", key: "support.loan.error.trainingMonthsRequired" });
    } else if (
      !Number.isInteger(app.trainingMonths) ||
      app.trainingMonths < 1 ||
      app.trainingMonths > L.trainingMonthsMax
    ) {
      issues.push({
        field: "trainingMonths",
        key: "support.loan.error.trainingMonthsRange",
        vars: { max: L.trainingMonthsMax },
      });
    } else if (Number.isInteger(app.amountVnd) && app.amountVnd > loanCap("training", app.trainingMonths)) {
      issues.push({
        field: "amountVnd",
        key: "support.loan.error.trainingCap",
        vars: {
          max: formatVnd(loanCap("training", app.trainingMonths)),
          perMonth: formatVnd(L.trainingPerMonthVnd),
          months: app.trainingMonths,
        },
      });
    }
  }
  if (!Number.isInteger(app.termMonths) || app.termMonths < 1 || app.termMonths > L.termMonthsMax) {
    issues.push({ field: "termMonths", key: "support.loan.error.term", vars: { max: L.termMonthsMax } });
  }
  if (app.bankBranch.trim() === "") issues.push({ field: "bankBranch", key: "validation.required" });

  const deadline = applicationDeadline(facts.releaseDate);
  if (app.appliedOn > facts.today) {
    issues.push({ field: "appliedOn", key: "support.loan.error.appliedFuture" });
  } else if (app.appliedOn < facts.releaseDate) {
    issues.push({
      field: "appliedOn",
      key: "support.loan.error.appliedBeforeRelease",
      vars: { release: formatDate(facts.releaseDate) },
    });
  } else if (app.appliedOn > deadline) {
    issues.push({
      field: "appliedOn",
      key: "support.loan.error.tooLate",
      vars: { release: formatDate(facts.releaseDate), deadline: formatDate(deadline) },
    });
  }
  // The list of the month of the application at the earliest, and no later than the next list to be sent.
  if (app.listMonth < monthStart(app.appliedOn)) {
    issues.push({ field: "listMonth", key: "support.loan.error.listBeforeApplied" });
  } else if (app.listMonth > addMonths(monthStart(facts.today), 1)) {
    issues.push({ field: "listMonth", key: "support.loan.error.listTooFar" });
  }
  return issues;
}

/**
 * The life of a loan: on the list → the bank approves or rejects → disbursed → repaid, overdue or bad debt;
 * a loan may be cancelled until the money is paid out. Bad debt stays bad debt (the reports count loans
 * that became bad debt from the current status, so it must not be overwritten by a later move).
 */
export const LOAN_TRANSITIONS: Record<LoanStatus, readonly LoanStatus[]> = {
  listed: ["approved", "rejected", "cancelled"],
  approved: ["disbursed", "cancelled"],
  rejected: [],
  disbursed: ["repaid", "overdue", "bad_debt"],
  overdue: ["repaid", "bad_debt"],
  repaid: [],
  bad_debt: [],
  cancelled: [],
};

/** Statuses that need a date: the bank's decision, or the payout. */
export const DATED_STATUSES: readonly LoanStatus[] = ["approved", "rejected", "disbursed"];

export type LoanDates = { status: LoanStatus; appliedOn: string; decidedOn: string | null; disbursedOn: string | null };
export type StatusChange = { status: LoanStatus; on: string | null };
export type StatusPatch = { status: LoanStatus; decidedOn?: string; disbursedOn?: string };

function transitionIssue(from: LoanStatus, to: LoanStatus): LoanIssue {
  if (LOAN_TRANSITIONS[from].length === 0) return { field: "status", key: "support.loan.error.final" };
  if (to === "bad_debt") return { field: "status", key: "support.loan.error.badDebtBeforeDisbursed" };
  if (to === "disbursed") return { field: "status", key: "support.loan.error.disbursedBeforeApproved" };
  if (to === "repaid" || to === "overdue") return { field: "status", key: "support.loan.error.notDisbursed" };
  return { field: "status", key: "support.loan.error.transition" };
}

/** A status move checked against the loan's state and dates: the columns to write, or what is wrong. */
export function applyStatusChange(
  loan: LoanDates,
  change: StatusChange,
  today: string,
): { ok: true; patch: StatusPatch } | { ok: false; issues: LoanIssue[] } {
  if (change.status === loan.status)
    return { ok: false, issues: [{ field: "status", key: "support.loan.error.sameStatus" }] };
  if (!LOAN_TRANSITIONS[loan.status].includes(change.status))
    return { ok: false, issues: [transitionIssue(loan.status, change.status)] };
  if (!DATED_STATUSES.includes(change.status)) return { ok: true, patch: { status: change.status } };

  const on = change.on;
  const issues: LoanIssue[] = [];
  const disbursing = change.status === "disbursed";
  if (!on) {
    issues.push({
      field: "on",
      key: disbursing ? "support.loan.error.disbursedOnRequired" : "support.loan.error.decidedOnRequired",
    });
  } else if (on > today) {
    issues.push({ field: "on", key: "support.loan.error.dateFuture" });
  } else if (on < loan.appliedOn) {
    issues.push({
      field: "on",
      key: disbursing ? "support.loan.error.disbursedBeforeApplied" : "support.loan.error.decidedBeforeApplied",
      vars: { applied: formatDate(loan.appliedOn) },
    });
  } else if (disbursing && loan.decidedOn && on < loan.decidedOn) {
    issues.push({
      field: "on",
      key: "support.loan.error.disbursedBeforeDecided",
      vars: { decided: formatDate(loan.decidedOn) },
    });
  }
  if (issues.length || !on) return { ok: false, issues };
  return {
    ok: true,
    patch: disbursing ? { status: "disbursed", disbursedOn: on } : { status: change.status, decidedOn: on },
  };
}

/** The default bank branch for a commune: its NHCSXH transaction office. */
export function defaultBankBranch(communeName: string): string {
  return `Phòng giao dịch NHCSXH ${communeName}`;
}
