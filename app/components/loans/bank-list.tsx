import { formatDate, formatNumber, translator } from "~/i18n";
import type { BankListRow } from "~/modules/loans/bank-list.server";

/**
 * Form 01 as printed for the bank: always in Vietnamese (the document is the bank's), whatever the
 * reader's language; amounts as plain grouped numbers, since the column says "(đồng)".
 */
export function BankListTable({ rows }: { rows: BankListRow[] }) {
  const t = translator("vi");
  const total = rows.reduce((n, r) => n + r.amountVnd, 0);
  return (
    <div className="table-scroll">
      <table className="bank-list__table">
        <thead>
          <tr>
            <th scope="col">{t("support.bank.col.stt")}</th>
            <th scope="col">{t("support.bank.col.fullName")}</th>
            <th scope="col">{t("support.bank.col.dateOfBirth")}</th>
            <th scope="col">{t("support.bank.col.citizenId")}</th>
            <th scope="col">{t("support.bank.col.address")}</th>
            <th scope="col">{t("support.bank.col.releaseDate")}</th>
            <th scope="col">{t("support.bank.col.purpose")}</th>
            <th scope="col">{t("support.bank.col.amount")}</th>
            <th scope="col">{t("support.bank.col.term")}</th>
            <th scope="col">{t("support.bank.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.loanId} data-loan={r.loanId}>
              <td>{r.stt}</td>
              <td>{r.fullName}</td>
              <td>{formatDate(r.dateOfBirth)}</td>
              <td>{r.citizenId ?? ""}</td>
              <td>{r.address}</td>
              <td>{formatDate(r.releaseDate)}</td>
              <td>
                {r.purpose === "training"
                  ? t("support.bank.purpose.training", { months: r.trainingMonths ?? 0 })
                  : t("support.loan.purpose.business")}
              </td>
              <td className="num">{formatNumber(r.amountVnd)}</td>
              <td className="num">{r.termMonths}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={7}>
              {t("support.loan.totals.all")}
            </th>
            <td className="num">{formatNumber(total)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
