import { z } from "zod";

import { isoDate, optionalText, requiredText } from "~/utils/zod-fields.server";

import { ACTIVITY_KINDS, COUNSELLING_MODES, COUNSELLING_TOPICS, PROCEDURE_KINDS } from "../../../db/enums";

/**
 * The activity and meeting forms. Counselling has a topic (psychological | career) and a mode; procedure
 * help has a topic (which procedure); visits and education reviews have neither, so a topic or mode left
 * chosen after switching the kind is refused rather than silently stored. Date rules need the person's
 * release date and today: they run in the service.
 */

const TOPICS_OF: Partial<Record<(typeof ACTIVITY_KINDS)[number], readonly string[]>> = {
  counselling: COUNSELLING_TOPICS,
  procedure_help: PROCEDURE_KINDS,
};

export const activitySchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS, { error: "validation.choose" }),
    topic: optionalText(40),
    mode: optionalText(20),
    occurredOn: isoDate({ required: true }).pipe(z.string()),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    const topics = TOPICS_OF[v.kind];
    if (topics) {
      if (!v.topic)
        ctx.addIssue({
          code: "custom",
          path: ["topic"],
          message:
            v.kind === "counselling"
              ? "support.activity.error.counsellingTopic"
              : "support.activity.error.procedureTopic",
        });
      else if (!topics.includes(v.topic))
        ctx.addIssue({ code: "custom", path: ["topic"], message: "support.activity.error.topicKind" });
    } else if (v.topic) {
      ctx.addIssue({ code: "custom", path: ["topic"], message: "support.activity.error.topicForbidden" });
    }
    if (v.kind === "counselling") {
      if (!v.mode) ctx.addIssue({ code: "custom", path: ["mode"], message: "support.activity.error.mode" });
      else if (!(COUNSELLING_MODES as readonly string[]).includes(v.mode))
        ctx.addIssue({ code: "custom", path: ["mode"], message: "validation.choose" });
    } else if (v.mode) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: "support.activity.error.modeForbidden" });
    }
  })
  .transform((v) => ({ ...v, mode: v.kind === "counselling" ? (v.mode as (typeof COUNSELLING_MODES)[number]) : null }));
export type ActivityInput = z.output<typeof activitySchema>;

/** Ticked persons: none, one or several ids; anything but a uuid is refused (never a 500). */
const personIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.uuid({ error: "validation.invalid" })).max(2000))
  .transform((v) => [...new Set(v)]);

/** Family members and guests: empty is none. */
const guestCount = z
  .string()
  .optional()
  .transform((s, ctx) => {
    const v = (s ?? "").trim();
    if (v === "") return 0;
    if (!/^\d{1,4}$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "validation.wholeNumber" });
      return z.NEVER;
    }
    return Number(v);
  });

export const meetingSchema = z.object({
  communeCode: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }).max(10),
  title: requiredText(200),
  heldOn: isoDate({ required: true }).pipe(z.string()),
  place: optionalText(200),
  guestCount,
  attendees: personIds,
  note: optionalText(1000),
});
export type MeetingInput = z.output<typeof meetingSchema>;
