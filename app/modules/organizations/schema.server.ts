import { z } from "zod";

import { communeCodeField, phoneField, provinceCodeField } from "~/modules/accounts/schema.server";
import { optionalText, requiredText } from "~/utils/zod-fields.server";

import { ORGANIZATION_KINDS, RECORD_STANCES } from "../../../db/enums";

/** "0101234567-001", "0101 234 567" and "0101234567" are the same code; empty means none. */
export const taxCodeField = z
  .string()
  .optional()
  .transform((s) => (s ?? "").replace(/[\s.-]/g, ""))
  .refine((s) => s === "" || /^\d{10}(\d{3})?$/.test(s), { error: "validation.taxCode" })
  .transform((s) => (s === "" ? null : s));

/** The organisation profile form, for employers and training providers alike (kinds are checked per role). */
export const organizationProfileSchema = z.object({
  name: requiredText(200),
  kind: z.enum(ORGANIZATION_KINDS, { error: "validation.choose" }),
  taxCode: taxCodeField,
  provinceCode: provinceCodeField,
  communeCode: communeCodeField,
  address: requiredText(300),
  contactName: requiredText(120),
  contactPhone: phoneField,
  description: optionalText(1_000),
  // A checkbox: present ("yes") when ticked, absent otherwise.
  fairChancePledge: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : [v]).includes("yes")),
  acceptsUnexpunged: z.enum(RECORD_STANCES, { error: "validation.choose" }),
});
export type OrganizationProfileInput = z.output<typeof organizationProfileSchema>;
