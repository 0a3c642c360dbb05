import { describe, expect, it } from "vitest";

import { translator } from "~/i18n";
import {
  applicationDeadline,
  applyStatusChange,
  bankListDueDate,
  checkLoanApplication,
  defaultBankBranch,
  LOAN_LIMITS,
  LOAN_TRANSITIONS,
  type LoanApplication,
  loanCap,
  type LoanDates,
  nextListMonth,
  parseMonth,
  parseVndAmount,
} from "~/modules/loans/rules";

import { LOAN_STATUSES } from "../../db/enums";

/** The Decision 22/2023 rules as pure functions: every boundary, and the Vietnamese the officer reads. */

const vi = translator("vi");
const TODAY = "2026-03-20";
const RELEASE = "2024-05-20";

const app = (overrides: Partial<LoanApplication> = {}): LoanApplication => ({
  purpose: "business",
  amountVnd: 50_000_000,
  trainingMonths: null,
  termMonths: 36,
  bankBranch: "Phòng giao dịch NHCSXH Xã Nam Đà",
  appliedOn: "2026-03-10",
  listMonth: "2026-04-01",
  ...overrides,
});

/** The issues of an application as "field: key", the way a test can read them at a glance. */
const issues = (overrides: Partial<LoanApplication>, facts = { releaseDate: RELEASE, today: TODAY }) =>
  checkLoanApplication(app(overrides), facts).map((i) => `${i.field}: ${i.key}`);

describe("amounts typed by an officer", () => {
  it.each([
    ["50.000.000", 50_000_000],
    ["50000000", 50_000_000],
    ["50,000,000", 50_000_000],
    ["50 000 000", 50_000_000],
    ["100.000.000 đ", 100_000_000],
    ["4.000.000₫", 4_000_000],
    ["  12.500.000 VND ", 12_500_000],
    ["100.000.001", 100_000_001],
  ])("%s is %d", (typed, amount) => {
    expect(parseVndAmount(typed)).toBe(amount);
  });

  it.each(["", "abc", "5.5", "50.00.000", "1.2345", "-5000000", "5e7", "50.000.000,5"])("%s is unreadable", (typed) => {
    expect(parseVndAmount(typed)).toBeNull();
  });
});

describe("business loans: at most 100,000,000 VND", () => {
  it("accepts exactly 100,000,000", () => {
    expect(issues({ amountVnd: 100_000_000 })).toEqual([]);
  });

  it("refuses 100,000,001 with a clear message", () => {
    const found = checkLoanApplication(app({ amountVnd: 100_000_001 }), { releaseDate: RELEASE, today: TODAY });
    expect(found.map((i) => `${i.field}: ${i.key}`)).toEqual(["amountVnd: support.loan.error.businessCap"]);
    expect(vi(found[0].key, found[0].vars)).toBe("Vay sản xuất, kinh doanh tối đa 100.000.000 ₫.");
  });

  it("refuses a zero amount and months of training on a business loan", () => {
    expect(issues({ amountVnd: 0, trainingMonths: 6 })).toEqual([
      "amountVnd: support.loan.error.amount",
      "trainingMonths: support.loan.error.trainingMonthsBusiness",
    ]);
  });
});

describe("training loans: at most 4,000,000 VND per month of training, 1–36 months", () => {
  it.each([1, 6, 12, 36])("%d months: 4,000,000 × months is accepted, one đồng more is refused", (months) => {
    expect(issues({ purpose: "training", trainingMonths: months, amountVnd: 4_000_000 * months })).toEqual([]);
    expect(issues({ purpose: "training", trainingMonths: months, amountVnd: 4_000_000 * months + 1 })).toEqual([
      "amountVnd: support.loan.error.trainingCap",
    ]);
  });

  it("says the cap for the months in Vietnamese", () => {
    const [issue] = checkLoanApplication(app({ purpose: "training", trainingMonths: 6, amountVnd: 30_000_000 }), {
      releaseDate: RELEASE,
      today: TODAY,
    });
    expect(vi(issue.key, issue.vars)).toBe(
      "Vay học nghề tối đa 4.000.000 ₫ mỗi tháng học: với 6 tháng là tối đa 24.000.000 ₫.",
    );
  });

  it("needs the months of training, from 1 to 36", () => {
    expect(issues({ purpose: "training", trainingMonths: null, amountVnd: 4_000_000 })).toEqual([
      "trainingMonths: support.loan.error.trainingMonthsRequired",
    ]);
    expect(issues({ purpose: "training", trainingMonths: 0, amountVnd: 4_000_000 })).toEqual([
      "trainingMonths: support.loan.error.trainingMonthsRange",
    ]);
    expect(issues({ purpose: "training", trainingMonths: 37, amountVnd: 4_000_000 })).toEqual([
      "trainingMonths: support.loan.error.trainingMonthsRange",
    ]);
  });

  it("a training loan of 100 million is fine only with 25 months or more", () => {
    expect(loanCap("training", 25)).toBe(100_000_000);
    expect(issues({ purpose: "training", trainingMonths: 25, amountVnd: 100_000_000 })).toEqual([]);
    expect(issues({ purpose: "training", trainingMonths: 24, amountVnd: 100_000_000 })).toEqual([
      "amountVnd: support.loan.error.trainingCap",
    ]);
  });
});

describe("within 5 years of release, to the day", () => {
  it("the deadline is the fifth anniversary of the release", () => {
    expect(applicationDeadline("2021-03-20")).toBe("2026-03-20");
    // 29 February has no anniversary in 2025: the last day of February.
    expect(applicationDeadline("2020-02-29")).toBe("2025-02-28");
  });

  it("accepts an application on the fifth anniversary and refuses one the day after", () => {
    const facts = { releaseDate: "2021-03-19", today: TODAY };
    expect(issues({ appliedOn: "2026-03-19", listMonth: "2026-03-01" }, facts)).toEqual([]);
    const late = checkLoanApplication(app({ appliedOn: "2026-03-20", listMonth: "2026-03-01" }), facts);
    expect(late.map((i) => `${i.field}: ${i.key}`)).toEqual(["appliedOn: support.loan.error.tooLate"]);
    expect(vi(late[0].key, late[0].vars)).toBe(
      "Đã quá 5 năm kể từ ngày chấp hành xong án (19/03/2021): chỉ được vay đến hết ngày 19/03/2026.",
    );
  });

  it("refuses an application before the release or in the future", () => {
    expect(issues({ appliedOn: "2024-05-19", listMonth: "2026-03-01" })).toEqual([
      "appliedOn: support.loan.error.appliedBeforeRelease",
    ]);
    expect(issues({ appliedOn: RELEASE, listMonth: "2026-03-01" })).toEqual([]);
    expect(issues({ appliedOn: "2026-03-21" })).toEqual(["appliedOn: support.loan.error.appliedFuture"]);
  });
});

describe("term, lender and list month", () => {
  it("the term is 1 to 120 months", () => {
    expect(issues({ termMonths: 1 })).toEqual([]);
    expect(issues({ termMonths: 120 })).toEqual([]);
    expect(issues({ termMonths: 0 })).toEqual(["termMonths: support.loan.error.term"]);
    expect(issues({ termMonths: 121 })).toEqual(["termMonths: support.loan.error.term"]);
    expect(LOAN_LIMITS.termMonthsMax).toBe(120);
  });

  it("the lender is required, and suggested from the commune", () => {
    expect(issues({ bankBranch: "  " })).toEqual(["bankBranch: validation.required"]);
    expect(defaultBankBranch("Xã Nam Đà")).toBe("Phòng giao dịch NHCSXH Xã Nam Đà");
  });

  it("the list month is not before the application's month, nor after next month", () => {
    expect(issues({ appliedOn: "2026-03-10", listMonth: "2026-02-01" })).toEqual([
      "listMonth: support.loan.error.listBeforeApplied",
    ]);
    expect(issues({ appliedOn: "2026-03-10", listMonth: "2026-03-01" })).toEqual([]);
    expect(issues({ appliedOn: "2026-03-10", listMonth: "2026-04-01" })).toEqual([]);
    expect(issues({ appliedOn: "2026-03-10", listMonth: "2026-05-01" })).toEqual([
      "listMonth: support.loan.error.listTooFar",
    ]);
  });

  it("months typed in several ways", () => {
    expect(parseMonth("2026-04")).toBe("2026-04-01");
    expect(parseMonth("04/2026")).toBe("2026-04-01");
    expect(parseMonth("4/2026")).toBe("2026-04-01");
    expect(parseMonth("2026-04-17")).toBe("2026-04-01");
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseMonth("tháng 4")).toBeNull();
  });

  it("form 01 is due on the 5th: a new application goes on this month's list until then, next month's after", () => {
    expect(bankListDueDate("2026-04-01")).toBe("2026-04-05");
    expect(nextListMonth("2026-04-05")).toBe("2026-04-01");
    expect(nextListMonth("2026-04-06")).toBe("2026-05-01");
    expect(nextListMonth("2026-12-20")).toBe("2027-01-01");
  });
});

describe("the life of a loan", () => {
  const loan = (status: LoanDates["status"], dates: Partial<LoanDates> = {}): LoanDates => ({
    status,
    appliedOn: "2026-01-10",
    decidedOn: null,
    disbursedOn: null,
    ...dates,
  });
  const keys = (r: ReturnType<typeof applyStatusChange>) => (r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.key}`));

  it("listed → approved with the decision date", () => {
    expect(applyStatusChange(loan("listed"), { status: "approved", on: "2026-02-01" }, TODAY)).toEqual({
      ok: true,
      patch: { status: "approved", decidedOn: "2026-02-01" },
    });
    expect(keys(applyStatusChange(loan("listed"), { status: "approved", on: null }, TODAY))).toEqual([
      "on: support.loan.error.decidedOnRequired",
    ]);
    expect(keys(applyStatusChange(loan("listed"), { status: "rejected", on: "2026-01-09" }, TODAY))).toEqual([
      "on: support.loan.error.decidedBeforeApplied",
    ]);
  });

  it("disbursed needs a payout date on or after the application and the approval, not in the future", () => {
    const approved = loan("approved", { decidedOn: "2026-02-01" });
    expect(applyStatusChange(approved, { status: "disbursed", on: "2026-02-01" }, TODAY)).toEqual({
      ok: true,
      patch: { status: "disbursed", disbursedOn: "2026-02-01" },
    });
    expect(keys(applyStatusChange(approved, { status: "disbursed", on: null }, TODAY))).toEqual([
      "on: support.loan.error.disbursedOnRequired",
    ]);
    expect(keys(applyStatusChange(approved, { status: "disbursed", on: "2026-01-31" }, TODAY))).toEqual([
      "on: support.loan.error.disbursedBeforeDecided",
    ]);
    expect(keys(applyStatusChange(loan("approved"), { status: "disbursed", on: "2026-01-09" }, TODAY))).toEqual([
      "on: support.loan.error.disbursedBeforeApplied",
    ]);
    expect(keys(applyStatusChange(approved, { status: "disbursed", on: "2026-03-21" }, TODAY))).toEqual([
      "on: support.loan.error.dateFuture",
    ]);
  });

  it("disbursed only after approval; bad debt only after disbursed or overdue", () => {
    expect(keys(applyStatusChange(loan("listed"), { status: "disbursed", on: "2026-02-01" }, TODAY))).toEqual([
      "status: support.loan.error.disbursedBeforeApproved",
    ]);
    expect(keys(applyStatusChange(loan("listed"), { status: "bad_debt", on: null }, TODAY))).toEqual([
      "status: support.loan.error.badDebtBeforeDisbursed",
    ]);
    expect(keys(applyStatusChange(loan("approved"), { status: "bad_debt", on: null }, TODAY))).toEqual([
      "status: support.loan.error.badDebtBeforeDisbursed",
    ]);
    expect(applyStatusChange(loan("disbursed"), { status: "bad_debt", on: null }, TODAY)).toEqual({
      ok: true,
      patch: { status: "bad_debt" },
    });
    expect(applyStatusChange(loan("overdue"), { status: "bad_debt", on: null }, TODAY)).toEqual({
      ok: true,
      patch: { status: "bad_debt" },
    });
    expect(keys(applyStatusChange(loan("approved"), { status: "repaid", on: null }, TODAY))).toEqual([
      "status: support.loan.error.notDisbursed",
    ]);
  });

  it("final statuses stay final, and a status does not move to itself", () => {
    for (const s of ["rejected", "repaid", "bad_debt", "cancelled"] as const) {
      expect(LOAN_TRANSITIONS[s]).toEqual([]);
      expect(keys(applyStatusChange(loan(s), { status: "listed", on: null }, TODAY))).toEqual([
        "status: support.loan.error.final",
      ]);
    }
    expect(keys(applyStatusChange(loan("listed"), { status: "listed", on: null }, TODAY))).toEqual([
      "status: support.loan.error.sameStatus",
    ]);
  });

  it("every status has its list of next statuses, and cancelling is possible until the payout", () => {
    expect(Object.keys(LOAN_TRANSITIONS).sort()).toEqual([...LOAN_STATUSES].sort());
    expect(LOAN_TRANSITIONS.listed).toContain("cancelled");
    expect(LOAN_TRANSITIONS.approved).toContain("cancelled");
    expect(LOAN_TRANSITIONS.disbursed).not.toContain("cancelled");
  });
});
