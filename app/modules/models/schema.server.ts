import { z } from "zod";

import { isoDate, optionalText, requiredText } from "~/utils/zod-fields.server";

/** The forms of a reintegration model (mô hình hỗ trợ tái hòa nhập). Rules that need the database live in models.server.ts. */

const id = (message = "validation.choose") =>
  z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));

const modelFields = {
  name: requiredText(200),
  launchedOn: isoDate({ required: true }).pipe(z.string()),
  description: optionalText(4000),
};

export const modelSchema = z.object({
  ...modelFields,
  communeCode: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }).max(10),
});
export type ModelInput = z.output<typeof modelSchema>;

/** Editing keeps the commune: the persons covered are that commune's. */
export const editModelSchema = z.object(modelFields);
export type EditModelInput = z.output<typeof editModelSchema>;

/** A steering committee member: an organisation (police, Women's Union, veterans…), maybe a named person, a role. */
export const memberSchema = z.object({
  organizationName: requiredText(200),
  personName: optionalText(200),
  role: optionalText(200),
});
export type MemberInput = z.output<typeof memberSchema>;

export const removeMemberSchema = z.object({ memberId: id() });

export const coverPersonSchema = z.object({
  personId: id("events.model.error.choosePerson"),
  joinedOn: isoDate({ required: true }).pipe(z.string()),
});
export type CoverPersonInput = z.output<typeof coverPersonSchema>;

export const leavePersonSchema = z.object({
  personId: id(),
  leftOn: isoDate({ required: true }).pipe(z.string()),
});
export type LeavePersonInput = z.output<typeof leavePersonSchema>;

export const MODEL_INTENTS = ["edit", "addMember", "removeMember", "addPerson", "leavePerson"] as const;
export const modelIntentSchema = z.enum(MODEL_INTENTS);

/** The model page's query: the figures' period and the person picker; anything unexpected is ignored. */
export const modelQuerySchema = z.object({
  from: isoDate().catch(null),
  to: isoDate().catch(null),
  find: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
