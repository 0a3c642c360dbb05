import { z } from "zod";

import { isoDate, optionalText, requiredText, vndAmount } from "~/utils/zod-fields.server";

import { CONTRACT_KINDS, JOB_FAIR_OUTCOMES } from "../../../db/enums";

/** The forms of a job fair (phiên giao dịch việc làm). Rules that need the database live in job-fairs.server.ts. */

const id = (message = "validation.choose") =>
  z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "yes" || v === "true");

/** Openings an employer brings: a whole number, 0 when it has none to announce yet. */
const openings = z
  .string()
  .optional()
  .transform((s) => (s ?? "").replace(/[\s.,]/g, ""))
  .pipe(
    z
      .string()
      .regex(/^\d{0,6}$/, { error: "validation.wholeNumber" })
      .transform((s) => (s === "" ? 0 : Number(s)))
      .pipe(z.number().int().min(0).max(10_000, { error: "validation.tooBig" })),
  );

export const fairSchema = z.object({
  title: requiredText(200),
  heldOn: isoDate({ required: true }).pipe(z.string()),
  communeCode: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }).max(10),
  place: requiredText(300),
  note: optionalText(2000),
});
export type FairInput = z.output<typeof fairSchema>;

export const fairEmployerSchema = z.object({ organizationId: id("events.fair.error.chooseEmployer"), openings });
export type FairEmployerInput = z.output<typeof fairEmployerSchema>;

export const removeEmployerSchema = z.object({ organizationId: id() });

export const registerSchema = z.object({ personId: id("events.fair.error.choosePerson") });

export const outcomeSchema = z
  .object({
    personId: id(),
    outcome: z.enum(JOB_FAIR_OUTCOMES, { error: "validation.choose" }),
    organizationId: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.union([z.literal(""), z.uuid({ error: "validation.choose" })]))
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    // An interview or a hire is with one of the fair's employers; the other outcomes are with nobody.
    if ((v.outcome === "interviewed" || v.outcome === "hired") && !v.organizationId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "events.fair.error.employerNeeded" });
    }
  })
  .transform((v) => ({
    ...v,
    organizationId: v.outcome === "interviewed" || v.outcome === "hired" ? v.organizationId : null,
  }));
export type OutcomeInput = z.output<typeof outcomeSchema>;

/** A hire recorded as a placement: the employer is the fair's, so only the job itself is asked. */
export const hirePlacementSchema = z.object({
  personId: id(),
  position: requiredText(200),
  wage: vndAmount({ required: true }).pipe(z.number().int().min(1, { error: "validation.required" })),
  contractKind: z.enum(CONTRACT_KINDS, { error: "validation.choose" }),
  startDate: isoDate({ required: true }).pipe(z.string()),
  confirmLowWage: checkbox,
});
export type HirePlacementInput = z.output<typeof hirePlacementSchema>;

export const linkPlacementSchema = z.object({ personId: id(), placementId: id("events.fair.error.choosePlacement") });

export const unregisterSchema = z.object({ personId: id() });

export const FAIR_INTENTS = [
  "addEmployer",
  "removeEmployer",
  "register",
  "unregister",
  "outcome",
  "hirePlacement",
  "linkPlacement",
] as const;
export type FairIntent = (typeof FAIR_INTENTS)[number];
export const intentSchema = z.enum(FAIR_INTENTS);

/** The person picker's query: ?find=1&q=… (anything unexpected is ignored, never an error). */
export const pickerQuerySchema = z.object({
  find: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
