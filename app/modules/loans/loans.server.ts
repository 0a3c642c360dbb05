import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql, sum } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { supportPerson } from "~/modules/activities/activities.server";
import { audit } from "~/modules/audit/audit.server";
import { personNameKey } from "~/modules/persons/order.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db } from "../../../db/client.server";
import { LOAN_STATUSES, type LoanStatus } from "../../../db/enums";
import { appUser, auditEvent, commune, loan, releasedPerson } from "../../../db/schema";
import {
  applicationDeadline,
  applyStatusChange,
  checkLoanApplication,
  defaultBankBranch,
  LOAN_TRANSITIONS,
  type LoanIssue,
  nextListMonth,
} from "./rules";
import type { LoanFilters, LoanInput, LoanStatusInput } from "./schema.server";

/**
 * Loans under Decision 22/2023, as the commune officer records them: the application (put on the monthly
 * list for the bank), then the bank's decision and the loan's life. The rules are in rules.ts.
 */

const actorOf = (scope: StaffScope) => ({ id: scope.actorId, role: scope.role });

const toErrors = (issues: LoanIssue[]): FieldErrors => {
  const errors: FieldErrors = {};
  for (const i of issues) errors[i.field] ??= { key: i.key, vars: i.vars };
  return errors;
};

/**
 * Loans within reach: listed by one of the officer's communes (the commune keeps the bank's file even after
 * the person moves), or of a person now in the actor's reach. Anonymised persons' loans count in reports only.
 */
export function loansInScope(scope: StaffScope): SQL {
  const byPerson = personsInScope(scope);
  if (scope.communeCodes === null) return byPerson;
  const byCommune = inArray(loan.communeCode, scope.communeCodes.length ? scope.communeCodes : ["-"]);
  return and(isNull(releasedPerson.anonymizedAt), or(byCommune, byPerson))!;
}

const loanColumns = {
  id: loan.id,
  personId: loan.personId,
  purpose: loan.purpose,
  amountVnd: loan.amountVnd,
  trainingMonths: loan.trainingMonths,
  bankBranch: loan.bankBranch,
  listMonth: loan.listMonth,
  appliedOn: loan.appliedOn,
  decidedOn: loan.decidedOn,
  disbursedOn: loan.disbursedOn,
  termMonths: loan.termMonths,
  status: loan.status,
  note: loan.note,
};

/** The person's loans page: the loans, newest first, and the new-loan form's suggestions. Audited (purpose loan). */
export async function personLoans(scope: StaffScope, personId: string) {
  const person = await supportPerson(scope, personId);
  if (!person) return undefined;
  const loans = await db()
    .select({ ...loanColumns, communeName: commune.name })
    .from(loan)
    .innerJoin(commune, eq(commune.code, loan.communeCode))
    .where(eq(loan.personId, personId))
    .orderBy(desc(loan.appliedOn), desc(loan.createdAt));
  await audit(db(), actorOf(scope), personId, "view", "loan", { page: "loans" });
  const today = todayIso();
  return {
    person,
    loans,
    today,
    deadline: applicationDeadline(person.releaseDate),
    defaults: {
      bankBranch: defaultBankBranch(person.communeName),
      listMonth: nextListMonth(today).slice(0, 7),
      appliedOn: today,
      purpose: "",
      termMonths: "",
    },
  };
}

export type CreateLoanOutcome = Outcome<{ loanId: string }>;

/** Put a person of the officer's communes on the list for the bank, after the rules of Decision 22/2023. */
export async function createLoan(scope: StaffScope, personId: string, input: LoanInput): Promise<CreateLoanOutcome> {
  const person = await supportPerson(scope, personId);
  if (!person) return { ok: false, notFound: true };
  const errors = toErrors(checkLoanApplication(input, { releaseDate: person.releaseDate, today: todayIso() }));
  if (person.status !== "active") errors._form = { key: "support.loan.error.closed" };
  if (Object.keys(errors).length) return { ok: false, errors };
  const loanId = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(loan)
      .values({
        personId,
        communeCode: person.communeCode,
        purpose: input.purpose,
        amountVnd: input.amountVnd,
        trainingMonths: input.purpose === "training" ? input.trainingMonths : null,
        bankBranch: input.bankBranch,
        listMonth: input.listMonth,
        appliedOn: input.appliedOn,
        termMonths: input.termMonths,
        note: input.note,
        recordedBy: scope.actorId,
        createdAt: now(),
        updatedAt: now(),
      })
      .returning({ id: loan.id });
    await audit(tx, actorOf(scope), personId, "loan", "loan", {
      loanId: row.id,
      stage: "listed",
      purpose: input.purpose,
      amountVnd: input.amountVnd,
      listMonth: input.listMonth,
    });
    return row.id;
  });
  return { ok: true, loanId };
}

export type StatusTotals = Record<LoanStatus, { count: number; amountVnd: number }>;

/** The loans within reach, filtered by status and list month, with totals by status (for the month filter). */
export async function listLoans(scope: StaffScope, filters: LoanFilters) {
  const base: SQL[] = [loansInScope(scope)];
  if (filters.month) base.push(eq(loan.listMonth, filters.month));
  const shown = filters.status ? [...base, eq(loan.status, filters.status)] : base;
  const [rows, totalsRows] = await Promise.all([
    db()
      .select({ ...loanColumns, fullName: releasedPerson.fullName, communeName: commune.name })
      .from(loan)
      .innerJoin(releasedPerson, eq(releasedPerson.id, loan.personId))
      .innerJoin(commune, eq(commune.code, loan.communeCode))
      .where(and(...shown))
      .orderBy(desc(loan.listMonth), personNameKey, asc(loan.id))
      .limit(1000),
    db()
      .select({ status: loan.status, n: count(), amount: sum(loan.amountVnd) })
      .from(loan)
      .innerJoin(releasedPerson, eq(releasedPerson.id, loan.personId))
      .where(and(...base))
      .groupBy(loan.status),
  ]);
  const totals = Object.fromEntries(LOAN_STATUSES.map((s) => [s, { count: 0, amountVnd: 0 }])) as StatusTotals;
  for (const t of totalsRows) totals[t.status] = { count: Number(t.n), amountVnd: Number(t.amount ?? 0) };
  const all = Object.values(totals).reduce(
    (a, t) => ({ count: a.count + t.count, amountVnd: a.amountVnd + t.amountVnd }),
    { count: 0, amountVnd: 0 },
  );
  await audit(db(), actorOf(scope), null, "view", "loan", { list: "loans", count: rows.length });
  return { loans: rows, totals, all };
}

/** One loan within reach with its person's name and its history (from the audit trail). Audited (purpose loan). */
export async function getLoan(scope: StaffScope, loanId: string) {
  const [row] = await db()
    .select({
      ...loanColumns,
      fullName: releasedPerson.fullName,
      communeName: commune.name,
      recordedByName: appUser.fullName,
    })
    .from(loan)
    .innerJoin(releasedPerson, eq(releasedPerson.id, loan.personId))
    .innerJoin(commune, eq(commune.code, loan.communeCode))
    .leftJoin(appUser, eq(appUser.id, loan.recordedBy))
    .where(and(eq(loan.id, loanId), loansInScope(scope)));
  if (!row) return undefined;
  const history = await db()
    .select({ at: auditEvent.at, details: auditEvent.details, actorName: appUser.fullName })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(
      and(
        eq(auditEvent.personId, row.personId),
        eq(auditEvent.action, "loan"),
        sql`${auditEvent.details}->>'loanId' = ${loanId}`,
      ),
    )
    .orderBy(asc(auditEvent.at), asc(auditEvent.id));
  await audit(db(), actorOf(scope), row.personId, "view", "loan", { loanId });
  return {
    loan: row,
    next: LOAN_TRANSITIONS[row.status],
    today: todayIso(),
    history: history.map((h) => {
      const d = (h.details ?? {}) as Record<string, unknown>;
      return {
        at: h.at.toISOString(),
        actorName: h.actorName,
        stage: String(d.stage ?? ""),
        on: typeof d.on === "string" ? d.on : null,
        note: typeof d.note === "string" ? d.note : "",
      };
    }),
  };
}

export type ChangeOutcome = Outcome<{ personId: string }>;

/** Move a loan to its next status (row locked, so two officers cannot both move it); the note goes to its history. */
export async function changeLoanStatus(
  scope: StaffScope,
  loanId: string,
  input: LoanStatusInput,
): Promise<ChangeOutcome> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: loan.id,
        personId: loan.personId,
        status: loan.status,
        appliedOn: loan.appliedOn,
        decidedOn: loan.decidedOn,
        disbursedOn: loan.disbursedOn,
      })
      .from(loan)
      .innerJoin(releasedPerson, eq(releasedPerson.id, loan.personId))
      .where(and(eq(loan.id, loanId), loansInScope(scope)))
      .for("update", { of: loan });
    if (!row) return { ok: false, notFound: true } as const;
    const result = applyStatusChange(row, { status: input.status, on: input.on }, todayIso());
    if (!result.ok) return { ok: false, errors: toErrors(result.issues) } as const;
    await tx
      .update(loan)
      .set({ ...result.patch, updatedAt: now() })
      .where(eq(loan.id, loanId));
    await audit(tx, actorOf(scope), row.personId, "loan", "loan", {
      loanId,
      stage: input.status,
      from: row.status,
      on: input.on,
      note: input.note,
    });
    return { ok: true, personId: row.personId } as const;
  });
}
