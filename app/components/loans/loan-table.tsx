import { Link } from "@remix-run/react";

import { useLabels } from "~/components/self-service/labels";

import { LOAN_STATUSES, type LoanPurpose, type LoanStatus } from "../../../db/enums";

export type LoanItem = {
  id: string;
  purpose: LoanPurpose;
  amountVnd: number;
  trainingMonths: number | null;
  termMonths: number;
  listMonth: string;
  appliedOn: string;
  status: LoanStatus;
  communeName: string;
  fullName?: string;
};

const TONE: Record<LoanStatus, string> = {
  listed: "badge--pending",
  approved: "badge--verified",
  rejected: "badge--rejected",
  disbursed: "badge--verified",
  repaid: "badge--verified",
  overdue: "badge--pending",
  bad_debt: "badge--rejected",
  cancelled: "badge--soft",
};

export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const { word } = useLabels();
  return <span className={`badge ${TONE[status]}`}>{word("support.loan.status", status)}</span>;
}

/** "03/2026" for a list month stored as its first day. */
export const monthLabel = (listMonth: string) => `${listMonth.slice(5, 7)}/${listMonth.slice(0, 4)}`;

/** Loans as a table (a small card each on a phone); the person column only on the commune's list. */
export function LoanTable({ loans, showPerson }: { loans: LoanItem[]; showPerson: boolean }) {
  const { t, word, vnd, date } = useLabels();
  if (loans.length === 0) return <p className="empty-state">{t("support.loan.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="log-table loans-table">
        <thead>
          <tr>
            <th scope="col">{t("support.loan.col.listMonth")}</th>
            {showPerson ? <th scope="col">{t("support.loan.col.person")}</th> : null}
            <th scope="col">{t("support.loan.col.purpose")}</th>
            <th scope="col">{t("support.loan.col.amount")}</th>
            <th scope="col">{t("support.loan.col.term")}</th>
            <th scope="col">{t("support.loan.col.applied")}</th>
            <th scope="col">{t("support.loan.col.status")}</th>
            <th scope="col">{t("support.loan.col.commune")}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((l) => (
            <tr key={l.id} data-loan={l.id} data-status={l.status}>
              <td data-label={t("support.loan.col.listMonth")}>{monthLabel(l.listMonth)}</td>
              {showPerson ? (
                <td data-label={t("support.loan.col.person")}>
                  <Link to={`/officer/loans/${l.id}`}>{l.fullName}</Link>
                </td>
              ) : null}
              <td data-label={t("support.loan.col.purpose")}>
                {word("support.loan.purpose", l.purpose)}
                {l.purpose === "training" && l.trainingMonths
                  ? ` (${t("support.loan.months", { months: l.trainingMonths })})`
                  : null}
              </td>
              <td data-label={t("support.loan.col.amount")}>{vnd(l.amountVnd)}</td>
              <td data-label={t("support.loan.col.term")}>{t("support.loan.months", { months: l.termMonths })}</td>
              <td data-label={t("support.loan.col.applied")}>{date(l.appliedOn)}</td>
              <td data-label={t("support.loan.col.status")}>
                <LoanStatusBadge status={l.status} />{" "}
                {showPerson ? null : <Link to={`/officer/loans/${l.id}`}>{t("support.loan.open")}</Link>}
              </td>
              <td data-label={t("support.loan.col.commune")}>{l.communeName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Count and amount by status, and the total. */
export function LoanTotals({
  totals,
  all,
}: {
  totals: Record<LoanStatus, { count: number; amountVnd: number }>;
  all: { count: number; amountVnd: number };
}) {
  const { t, word, vnd, number } = useLabels();
  return (
    <table className="figures-table loan-totals">
      <caption className="sr-only">{t("support.loan.totals.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("support.loan.col.status")}</th>
          <th scope="col">{t("support.loan.totals.count")}</th>
          <th scope="col">{t("support.loan.totals.amount")}</th>
        </tr>
      </thead>
      <tbody>
        {LOAN_STATUSES.map((s) => (
          <tr key={s} data-status={s} data-count={totals[s].count} data-amount={totals[s].amountVnd}>
            <th scope="row">{word("support.loan.status", s)}</th>
            <td>{number(totals[s].count)}</td>
            <td>{vnd(totals[s].amountVnd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-status="all" data-count={all.count} data-amount={all.amountVnd}>
          <th scope="row">{t("support.loan.totals.all")}</th>
          <td>{number(all.count)}</td>
          <td>{vnd(all.amountVnd)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
