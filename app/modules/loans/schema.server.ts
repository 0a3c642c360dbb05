import { z } from "zod";

import { isoDate, optionalText } from "~/utils/zod-fields.server";

import { LOAN_PURPOSES, LOAN_STATUSES } from "../../../db/enums";
import { parseMonth, parseVndAmount } from "./rules";

/**
 * The loan forms' shapes. The rules of Decision 22/2023 (caps, five years, term, list month) need the
 * person's release date and today, so they run in the service (rules.ts); here only what a field must look like.
 */

const amount = z.string({ error: "validation.required" }).transform((s, ctx) => {
  if (s.trim() === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  const n = parseVndAmount(s);
  if (n === null) {
    ctx.addIssue({ code: "custom", message: "support.loan.error.amountFormat" });
    return z.NEVER;
  }
  return n;
});

/** Whole months, typed; empty is null (the rules decide whether it is needed). */
const months = (opts: { required?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? "").trim();
      if (v === "") {
        if (opts.required) ctx.addIssue({ code: "custom", message: "validation.required" });
        return opts.required ? z.NEVER : null;
      }
      if (!/^\d{1,4}$/.test(v)) {
        ctx.addIssue({ code: "custom", message: "validation.wholeNumber" });
        return z.NEVER;
      }
      return Number(v);
    });

const month = z.string({ error: "validation.required" }).transform((s, ctx) => {
  if (s.trim() === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  const m = parseMonth(s);
  if (!m) {
    ctx.addIssue({ code: "custom", message: "support.loan.error.month" });
    return z.NEVER;
  }
  return m;
});

export const loanSchema = z.object({
  purpose: z.enum(LOAN_PURPOSES, { error: "validation.choose" }),
  amountVnd: amount,
  trainingMonths: months(),
  termMonths: months({ required: true }).pipe(z.number()),
  bankBranch: optionalText(200),
  listMonth: month,
  appliedOn: isoDate({ required: true }).pipe(z.string()),
  note: optionalText(1000),
});
export type LoanInput = z.output<typeof loanSchema>;

export const loanStatusSchema = z.object({
  status: z.enum(LOAN_STATUSES, { error: "validation.choose" }),
  on: isoDate(),
  note: optionalText(1000),
});
export type LoanStatusInput = z.output<typeof loanStatusSchema>;

/** The commune list's filters, from the query string: anything unreadable is simply no filter. */
export const loanFiltersSchema = z.object({
  status: z.enum(LOAN_STATUSES).optional().catch(undefined),
  month: z
    .string()
    .optional()
    .transform((s) => (s ? parseMonth(s) : null))
    .catch(null),
});
export type LoanFilters = z.output<typeof loanFiltersSchema>;
