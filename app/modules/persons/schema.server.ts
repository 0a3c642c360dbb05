import { z } from "zod";

import { normalizePhone } from "~/modules/accounts/identifier";
import { communeCodeField } from "~/modules/accounts/schema.server";
import { isoDate, optionalText, requiredText, stringList, textList, vndAmount } from "~/utils/zod-fields.server";

import { OFFENCE_CATEGORIES } from "../../../db/enums";
import { GENDERS, PENALTY_KINDS, PERSON_NEEDS, RELEASE_TYPES, SUPERVISOR_KINDS } from "../../../db/enums";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

const codes = (pattern: RegExp, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, { error: "validation.choose" })).max(max))
    .transform((v) => [...new Set(v)]);

/** The intake form (modelled on HCD-02). Age and dates against today are checked by the service. */
export const intakeSchema = z
  .object({
    fullName: requiredText(120),
    gender: z.enum(GENDERS, { error: "validation.choose" }),
    dateOfBirth: isoDate({ required: true }),
    citizenId: z
      .string()
      .optional()
      .transform((s) => (s ?? "").replace(/\s/g, ""))
      .refine((s) => s === "" || /^\d{12}$/.test(s), { error: "persons.error.citizenId" })
      .transform((s) => (s === "" ? null : s)),
    needsNewIdCard: checkbox,
    phone: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s?.trim()) return null;
        return normalizePhone(s) ?? (ctx.addIssue({ code: "custom", message: "validation.phone" }), z.NEVER);
      }),
    address: requiredText(300),
    communeCode: communeCodeField,
    releaseDate: isoDate({ required: true }),
    releaseType: z.enum(RELEASE_TYPES, { error: "validation.choose" }),
    offenceDate: isoDate({ required: true }),
    offenceCategory: z.enum(OFFENCE_CATEGORIES, { error: "validation.choose" }),
    nationalSecurity: checkbox,
    penalty: z.enum(PENALTY_KINDS, { error: "validation.choose" }),
    sentenceMonths: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .refine((s) => s === "" || /^\d{1,3}$/.test(s), { error: "validation.wholeNumber" })
      .transform((s) => (s === "" ? null : Number(s))),
    mainCompletedOn: isoDate({ required: true }),
    supplementaryCompletedOn: isoDate(),
    otherDecisionsCompletedOn: isoDate(),
    bannedOccupations: codes(/^\d{5}$/, 20),
    occupationBanEndsOn: isoDate(),
    bannedPlaceCommunes: codes(/^\d{5}$/, 20),
    placeBanEndsOn: isoDate(),
    skills: textList(30, 80),
    trades: codes(/^\d{5}$/, 10),
    experience: optionalText(2_000),
    education: optionalText(300),
    certificates: optionalText(1_000),
    desiredOccupations: codes(/^\d{5}$/, 10),
    preferredProvinceCode: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .refine((s) => s === "" || /^\d{2}$/.test(s), { error: "validation.choose" })
      .transform((s) => (s === "" ? null : s)),
    willingToMove: checkbox,
    availableFrom: isoDate(),
    expectedWage: vndAmount(),
    needs: stringList(PERSON_NEEDS),
    hardship: checkbox,
    hardshipNote: optionalText(1_000),
    supervisorKind: z
      .union([z.enum(SUPERVISOR_KINDS), z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    supervisorName: optionalText(200),
    supervisorContact: optionalText(200),
    /** Set after the officer has seen the likely duplicates and chosen to go on. */
    confirmNotDuplicate: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.penalty === "prison" && v.sentenceMonths === null) {
      ctx.addIssue({ code: "custom", path: ["sentenceMonths"], message: "validation.required" });
    }
    if (v.offenceDate && v.mainCompletedOn && v.offenceDate > v.mainCompletedOn) {
      ctx.addIssue({ code: "custom", path: ["offenceDate"], message: "persons.error.offenceAfterCompletion" });
    }
    if (v.offenceDate && v.otherDecisionsCompletedOn && v.otherDecisionsCompletedOn < v.offenceDate) {
      ctx.addIssue({
        code: "custom",
        path: ["otherDecisionsCompletedOn"],
        message: "persons.error.otherDecisionsBeforeOffence",
      });
    }
    if (v.bannedOccupations.length && !v.occupationBanEndsOn) {
      ctx.addIssue({ code: "custom", path: ["occupationBanEndsOn"], message: "validation.required" });
    }
    if (v.bannedPlaceCommunes.length && !v.placeBanEndsOn) {
      ctx.addIssue({ code: "custom", path: ["placeBanEndsOn"], message: "validation.required" });
    }
    if (v.supervisorKind && !v.supervisorName) {
      ctx.addIssue({ code: "custom", path: ["supervisorName"], message: "validation.required" });
    }
  });
export type IntakeInput = z.output<typeof intakeSchema>;
