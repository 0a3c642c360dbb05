import { z } from "zod";

import { isoDate, optionalText, requiredText, vndAmount } from "~/utils/zod-fields.server";

import { CONTRACT_KINDS, LIVING_SITUATIONS, OUTCOMES_12M, PLACEMENT_END_REASONS } from "../../../db/enums";

/** The forms of placements, follow-ups and enrolments. Rules that need the database live in the services. */

const yesNo = z.enum(["yes", "no"], { error: "validation.choose" }).transform((v) => v === "yes");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "yes" || v === "true");
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.union([z.literal(""), z.uuid()]))
  .transform((v) => v || null);

export const placementSchema = z.object({
  /** Hidden fields: where the job came from (an accepted referral, a completed course, or neither). */
  referralId: optionalId,
  enrolmentId: optionalId,
  /** Ignored when the job comes from a referral: the employer is then the referral's organisation. */
  employerName: optionalText(200),
  position: requiredText(200),
  wage: vndAmount({ required: true }).pipe(z.number().int().min(1, { error: "validation.required" })),
  contractKind: z.enum(CONTRACT_KINDS, { error: "validation.choose" }),
  startDate: isoDate({ required: true }).pipe(z.string()),
  /** The officer confirms a wage below the regional minimum is right (apprenticeships, part-time). */
  confirmLowWage: checkbox,
  /** The officer confirms a start date before the referral was accepted is right, and says why. */
  confirmBackdate: checkbox,
  backdateReason: optionalText(500),
});
export type PlacementInput = z.output<typeof placementSchema>;

export const endPlacementSchema = z.object({
  endDate: isoDate({ required: true }).pipe(z.string()),
  endReason: z.enum(PLACEMENT_END_REASONS, { error: "validation.choose" }),
  endNote: optionalText(1000),
});
export type EndPlacementInput = z.output<typeof endPlacementSchema>;

export const followUpSchema = z
  .object({
    stillEmployed: yesNo,
    currentWage: vndAmount(),
    stable: yesNo,
    livingSituation: z.enum(LIVING_SITUATIONS, { error: "validation.choose" }),
    violation: yesNo,
    violationNote: optionalText(1000),
    note: optionalText(2000),
    /** When the person no longer works there (and the placement is still open): how it ended. */
    endDate: isoDate(),
    endReason: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(PLACEMENT_END_REASONS, { error: "validation.choose" }).nullable()),
    /** The 12-month follow-up only. */
    outcome: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(OUTCOMES_12M, { error: "validation.choose" }).nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.stillEmployed && v.currentWage <= 0)
      ctx.addIssue({ code: "custom", path: ["currentWage"], message: "outcomes.followUp.error.wage" });
    if (v.violation && !v.violationNote)
      ctx.addIssue({ code: "custom", path: ["violationNote"], message: "outcomes.followUp.error.violationNote" });
  });
export type FollowUpInput = z.output<typeof followUpSchema>;

export const confirmEmploymentSchema = z.object({ followUpId: z.uuid(), note: optionalText(500) });

export const enrolmentSchema = z.object({
  referralId: z.uuid({ error: "validation.invalid" }),
  enrolledOn: isoDate({ required: true }).pipe(z.string()),
  /** The officer confirms an enrolment date before the course referral was accepted, and says why. */
  confirmBackdate: checkbox,
  backdateReason: optionalText(500),
});
export type EnrolmentInput = z.output<typeof enrolmentSchema>;

export const completeEnrolmentSchema = z.object({
  completedOn: isoDate({ required: true }).pipe(z.string()),
  certificate: requiredText(300),
});
export const dropEnrolmentSchema = z.object({
  droppedOn: isoDate({ required: true }).pipe(z.string()),
  dropReason: requiredText(500),
});
