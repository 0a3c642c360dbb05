import { z } from "zod";

import { communeCodeField, provinceCodeField } from "~/modules/accounts/schema.server";
import {
  isoDate,
  optionalText,
  positiveInt,
  requiredText,
  stringList,
  textList,
  vndAmount,
} from "~/utils/zod-fields.server";

import { EMPLOYMENT_TYPES, JOB_BENEFITS, OFFENCE_CATEGORIES } from "../../../db/enums";
import { JOB_ACTIONS } from "./constants";

/** The job form, shared by create and edit. Cross-field rules here; place-dependent ones in the service. */
export const jobInputSchema = z
  .object({
    title: requiredText(150),
    occupationCode: z.string({ error: "validation.choose" }).regex(/^\d{5}$/, { error: "validation.choose" }),
    description: optionalText(5_000),
    provinceCode: provinceCodeField,
    communeCode: communeCodeField,
    workplaceAddress: requiredText(300),
    wageMin: vndAmount({ required: true }),
    wageMax: vndAmount({ required: true }),
    employmentType: z.enum(EMPLOYMENT_TYPES, { error: "validation.choose" }),
    openings: positiveInt(1_000),
    skills: textList(20, 80),
    experience: optionalText(1_000),
    benefits: stringList(JOB_BENEFITS),
    startsAt: isoDate(),
    closesAt: isoDate({ required: true }),
    excludedOffenceCategories: stringList(OFFENCE_CATEGORIES),
    exclusionReason: optionalText(1_000),
  })
  .superRefine((v, ctx) => {
    if (v.wageMax < v.wageMin) ctx.addIssue({ code: "custom", path: ["wageMax"], message: "jobs.error.wageRange" });
    if (v.excludedOffenceCategories.length > 0 && v.exclusionReason === "") {
      ctx.addIssue({ code: "custom", path: ["exclusionReason"], message: "jobs.error.exclusionReason" });
    }
  });
export type JobInput = z.output<typeof jobInputSchema>;

export { JOB_ACTIONS } from "./constants";
export const jobActionSchema = z.object({ intent: z.enum(JOB_ACTIONS, { error: "validation.choose" }) });
