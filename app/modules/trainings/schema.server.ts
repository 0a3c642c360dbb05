import { z } from "zod";

import { communeCodeField, provinceCodeField } from "~/modules/accounts/schema.server";
import { isoDate, optionalText, positiveInt, requiredText, stringList, vndAmount } from "~/utils/zod-fields.server";

import { TRAINING_SUPPORT } from "../../../db/enums";

export const trainingInputSchema = z
  .object({
    title: requiredText(150),
    occupationCode: z.string({ error: "validation.choose" }).regex(/^\d{5}$/, { error: "validation.choose" }),
    levelCode: z.string({ error: "validation.choose" }).regex(/^[a-z_]{2,40}$/, { error: "validation.choose" }),
    description: optionalText(5_000),
    durationWeeks: positiveInt(260),
    schedule: optionalText(300),
    startsAt: isoDate({ required: true }),
    applicationDeadline: isoDate({ required: true }),
    seats: positiveInt(10_000),
    costVnd: vndAmount(),
    /** A business's monthly allowance to trainees; empty or 0 = none stated. Only employers' slots keep it. */
    stipendVnd: vndAmount().transform((v) => (v > 0 ? v : null)),
    support: stringList(TRAINING_SUPPORT),
    provinceCode: provinceCodeField,
    communeCode: communeCodeField,
    address: requiredText(300),
    leadsToJobIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
      .pipe(z.array(z.uuid({ error: "validation.choose" })).max(20)),
  })
  .superRefine((v, ctx) => {
    if (v.startsAt && v.applicationDeadline && v.applicationDeadline > v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["applicationDeadline"], message: "trainings.error.deadlineAfterStart" });
    }
    if (v.support.includes("free") && v.costVnd > 0) {
      ctx.addIssue({ code: "custom", path: ["costVnd"], message: "trainings.error.freeWithCost" });
    }
    if (v.levelCode === "short_course" && v.durationWeeks > 13) {
      ctx.addIssue({ code: "custom", path: ["durationWeeks"], message: "trainings.error.shortCourseTooLong" });
    }
  });
export type TrainingInput = z.output<typeof trainingInputSchema>;
