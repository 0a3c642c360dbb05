import { z } from "zod";

import { optionalText, requiredText, stringList } from "~/utils/zod-fields.server";

import { OFFICER_ANSWER_CHANNELS, REFERRAL_KINDS, REFERRAL_STATUSES, SHAREABLE_FIELDS } from "../../../db/enums";
import { MOVE_RULES, REFERRAL_MOVES } from "./transitions";

/** The query of the refer page: which listing (and, when approving a person's request, which request). */
export const referQuerySchema = z.object({
  kind: z.enum(REFERRAL_KINDS),
  listing: z.uuid(),
  request: z.uuid().optional(),
});

const optionalUuid = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .pipe(z.union([z.literal(""), z.uuid()]))
  .transform((s) => s || null);

/** The refer form: the fields to share (at least one), an optional note to the organisation. */
export const referSchema = z.object({
  kind: z.enum(REFERRAL_KINDS, { error: "validation.choose" }),
  listingId: z.uuid({ error: "validation.invalid" }),
  fields: stringList(SHAREABLE_FIELDS).refine((v) => v.length > 0, { error: "referrals.error.noFields" }),
  note: optionalText(1000),
  requestId: optionalUuid,
});
export type ReferInput = z.output<typeof referSchema>;

/** "2026-05-04T09:30" from <input type="datetime-local">, read as Vietnam time. */
const vietnamDateTime = z
  .string()
  .optional()
  .transform((s, ctx) => {
    const v = (s ?? "").trim();
    if (v === "") return null;
    const m = v.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/);
    const at = m ? new Date(`${m[1]}T${m[2]}:00+07:00`) : null;
    if (!at || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "referrals.error.interviewAt" });
      return z.NEVER;
    }
    return at;
  });

/**
 * One status move. `note` is the reason for declines and withdrawals (then required), else an optional
 * remark; an interview needs its date-time and place.
 */
export const moveSchema = z
  .object({
    intent: z.enum(REFERRAL_MOVES, { error: "validation.choose" }),
    note: optionalText(1000),
    interviewAt: vietnamDateTime,
    interviewPlace: optionalText(300),
    /** The officer recording the person's answer: how the person gave it. Ignored for other moves. */
    channel: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(OFFICER_ANSWER_CHANNELS, { error: "referrals.error.channel" }).nullable()),
  })
  .superRefine((v, ctx) => {
    if (MOVE_RULES[v.intent].needsReason && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "referrals.error.reasonRequired" });
    if (v.intent === "interview") {
      if (!v.interviewAt)
        ctx.addIssue({ code: "custom", path: ["interviewAt"], message: "referrals.error.interviewAt" });
      if (!v.interviewPlace)
        ctx.addIssue({ code: "custom", path: ["interviewPlace"], message: "referrals.error.interviewPlace" });
    }
  });
export type MoveInput = z.output<typeof moveSchema>;

/** The officer's moves: recording the person's answer needs how it was given (phone, meeting, other). */
export const officerMoveSchema = moveSchema.superRefine((v, ctx) => {
  if (MOVE_RULES[v.intent].personAnswer && !v.channel)
    ctx.addIssue({ code: "custom", path: ["channel"], message: "referrals.error.channel" });
});

/** The person's own answer to an offer, in /me/referrals: yes or no, and an optional word (for the officer). */
export const personAnswerSchema = z.object({
  intent: z.enum(["person_accepted", "person_declined"], { error: "validation.choose" }),
  referralId: z.uuid({ error: "validation.invalid" }),
  note: optionalText(500),
});
export type PersonAnswerInput = z.output<typeof personAnswerSchema>;

/** A message on the thread between the officer and the organisation. */
export const messageSchema = z.object({
  intent: z.literal("message"),
  body: requiredText(2000),
});

/** The officer declines a person's request for a referral, with an optional word to the person. */
export const declineRequestSchema = z.object({
  intent: z.literal("decline-request"),
  requestId: z.uuid(),
  note: optionalText(500),
});

export const statusFilterSchema = z.enum(REFERRAL_STATUSES).optional().catch(undefined);
