import { z } from "zod";

import { isoDate, optionalText, stringList } from "~/utils/zod-fields.server";

import { CONSENT_PURPOSES, SHAREABLE_FIELDS } from "../../../db/enums";

/** One grant, several purposes each chosen on its own (no bundling), with the fields it lets be shared. */
export const consentSchema = z
  .object({
    purposes: stringList(CONSENT_PURPOSES).refine((v) => v.length > 0, { error: "consent.error.noPurpose" }),
    shareableFields: stringList(SHAREABLE_FIELDS),
    givenOn: isoDate({ required: true }),
    evidenceKind: z.enum(["upload", "paper_form"], { error: "validation.choose" }),
    paperFormNumber: optionalText(60),
    validMonths: z.coerce.number().int().min(1).max(24).catch(12),
  })
  .superRefine((v, ctx) => {
    if (v.evidenceKind === "paper_form" && !v.paperFormNumber) {
      ctx.addIssue({ code: "custom", path: ["paperFormNumber"], message: "consent.error.evidence" });
    }
    // Sharing the record status needs its own purpose, and the field to share.
    if (v.shareableFields.includes("record_status") && !v.purposes.includes("share_record_status")) {
      ctx.addIssue({ code: "custom", path: ["shareableFields"], message: "consent.error.recordStatusPurpose" });
    }
    if (v.shareableFields.includes("phone") && !v.purposes.includes("share_contact")) {
      ctx.addIssue({ code: "custom", path: ["shareableFields"], message: "consent.error.contactPurpose" });
    }
  });
export type ConsentInput = z.output<typeof consentSchema>;

export { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from "./constants";
