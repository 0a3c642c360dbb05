import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate, translator } from "~/i18n";
import { auditMany } from "~/modules/audit/audit.server";
import { personNameKey } from "~/modules/persons/order.server";
import { todayIso } from "~/utils/clock.server";
import { toCsv } from "~/utils/csv.server";

import { db } from "../../../db/client.server";
import { commune, loan, province, releasedPerson } from "../../../db/schema";
import { bankListDueDate, monthStart } from "./rules";

/**
 * Form 01: the commune's monthly list of persons applying for a loan, sent to the bank's transaction office
 * by the 5th. It shows identity data (name, date of birth, citizen id, address), so every person on it is
 * audited each time it is read or downloaded (purpose "loan"). Cancelled applications are off the list.
 */

export type BankListRow = {
  stt: number;
  loanId: string;
  personId: string;
  fullName: string;
  dateOfBirth: string;
  citizenId: string | null;
  address: string;
  releaseDate: string;
  purpose: "business" | "training";
  trainingMonths: number | null;
  amountVnd: number;
  termMonths: number;
  note: string;
  communeName: string;
  bankBranch: string;
};

export type BankList = {
  month: string;
  dueDate: string;
  communes: { code: string; name: string }[];
  rows: BankListRow[];
};

/** The list month from the query (YYYY-MM), or this month. */
export function bankListMonth(raw: string | null): string {
  const m = raw?.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
  return m ? `${m[1]}-${m[2]}-01` : monthStart(todayIso());
}

/** The list of one month for the officer's communes, audited per person ("view" on the page, "export" as a file). */
export async function bankList(scope: StaffScope, month: string, format: "page" | "csv"): Promise<BankList> {
  const codes = scope.communeCodes ?? [];
  const communes = codes.length
    ? await db()
        .select({ code: commune.code, name: commune.name })
        .from(commune)
        .where(inArray(commune.code, codes))
        .orderBy(asc(commune.name))
    : [];
  const rows = codes.length
    ? await db()
        .select({
          loanId: loan.id,
          personId: releasedPerson.id,
          fullName: releasedPerson.fullName,
          dateOfBirth: releasedPerson.dateOfBirth,
          citizenId: releasedPerson.citizenId,
          street: releasedPerson.address,
          personCommune: commune.name,
          provinceName: province.name,
          releaseDate: releasedPerson.releaseDate,
          purpose: loan.purpose,
          trainingMonths: loan.trainingMonths,
          amountVnd: loan.amountVnd,
          termMonths: loan.termMonths,
          note: loan.note,
          loanCommune: loan.communeCode,
          bankBranch: loan.bankBranch,
        })
        .from(loan)
        .innerJoin(releasedPerson, eq(releasedPerson.id, loan.personId))
        .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
        .innerJoin(province, eq(province.code, releasedPerson.provinceCode))
        .where(
          and(
            inArray(loan.communeCode, codes),
            eq(loan.listMonth, month),
            ne(loan.status, "cancelled"),
            isNull(releasedPerson.anonymizedAt),
          ),
        )
        .orderBy(asc(loan.communeCode), personNameKey, asc(loan.id))
    : [];
  const names = new Map(communes.map((c) => [c.code, c.name]));
  await auditMany(
    db(),
    { id: scope.actorId, role: scope.role },
    [...new Set(rows.map((r) => r.personId))],
    format === "csv" ? "export" : "view",
    "loan",
    { form: "01", month: month.slice(0, 7) },
  );
  return {
    month,
    dueDate: bankListDueDate(month),
    communes,
    rows: rows.map((r, i) => ({
      stt: i + 1,
      loanId: r.loanId,
      personId: r.personId,
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      citizenId: r.citizenId,
      address: [r.street, r.personCommune, r.provinceName].filter(Boolean).join(", "),
      releaseDate: r.releaseDate,
      purpose: r.purpose,
      trainingMonths: r.trainingMonths,
      amountVnd: r.amountVnd,
      termMonths: r.termMonths,
      note: r.note,
      communeName: names.get(r.loanCommune) ?? r.loanCommune,
      bankBranch: r.bankBranch,
    })),
  };
}

/** Form 01 as CSV, always in Vietnamese (the bank's language), amounts as plain integers, every cell quoted. */
export function bankListCsv(list: BankList): string {
  const t = translator("vi");
  const header = [
    t("support.bank.col.stt"),
    t("support.bank.col.fullName"),
    t("support.bank.col.dateOfBirth"),
    t("support.bank.col.citizenId"),
    t("support.bank.col.address"),
    t("support.bank.col.releaseDate"),
    t("support.bank.col.purpose"),
    t("support.bank.col.amount"),
    t("support.bank.col.term"),
    t("support.bank.col.note"),
    t("support.bank.col.commune"),
  ];
  const purposeOf = (r: BankListRow) =>
    r.purpose === "training"
      ? t("support.bank.purpose.training", { months: r.trainingMonths ?? 0 })
      : t("support.loan.purpose.business");
  const body = list.rows.map((r) => [
    r.stt,
    r.fullName,
    formatDate(r.dateOfBirth),
    r.citizenId ?? "",
    r.address,
    formatDate(r.releaseDate),
    purposeOf(r),
    r.amountVnd,
    r.termMonths,
    r.note,
    r.communeName,
  ]);
  return toCsv([header, ...body], { quoteAll: true });
}
