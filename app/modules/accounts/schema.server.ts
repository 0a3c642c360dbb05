import { z } from "zod";

import { ORGANIZATION_KINDS } from "../../../db/enums";
import { EMPLOYER_KINDS, PROVIDER_KINDS } from "./constants";
import { normalizeEmail, normalizePhone, parseIdentifier } from "./identifier";
import { isPersonalPassword, type PasswordIdentity, passwordProblem } from "./password-rules";

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, { error: "validation.required" }).max(max));

export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .transform((s, ctx) => normalizeEmail(s) ?? (ctx.addIssue({ code: "custom", message: "validation.email" }), z.NEVER));

export const phoneField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .transform((s, ctx) => normalizePhone(s) ?? (ctx.addIssue({ code: "custom", message: "validation.phone" }), z.NEVER));

const optionalPhone = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s?.trim()) return null;
    return normalizePhone(s) ?? (ctx.addIssue({ code: "custom", message: "validation.phone" }), z.NEVER);
  });

/** A new password: the rules that need no account (length, letter and digit, not a common one). */
export const passwordField = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** The rule that needs the account: call from the form's superRefine with its email and phone. */
export function refinePasswordAgainst(
  ctx: z.RefinementCtx,
  password: string,
  identity: PasswordIdentity,
  path = "password",
): void {
  if (isPersonalPassword(password, identity))
    ctx.addIssue({ code: "custom", path: [path], message: "account.password.personal" });
}

/** What a person types to name their account: an e-mail address or a phone number (login, forgotten password). */
const identifierField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254)
  .transform(
    (s, ctx) => parseIdentifier(s) ?? (ctx.addIssue({ code: "custom", message: "validation.identifier" }), z.NEVER),
  );

export const loginSchema = z.object({
  identifier: identifierField,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
  redirectTo: z.string().optional(),
});

const code = (pattern: RegExp) =>
  z.string({ error: "validation.choose" }).trim().regex(pattern, { error: "validation.choose" });
export const provinceCodeField = code(/^\d{2}$/);
export const communeCodeField = code(/^\d{5}$/);

export { EMPLOYER_KINDS, PROVIDER_KINDS } from "./constants";

export const registrationSchema = z
  .object({
    role: z.enum(["employer", "training_provider"], { error: "validation.choose" }),
    kind: z.enum(ORGANIZATION_KINDS, { error: "validation.choose" }),
    orgName: text(200),
    taxCode: z
      .string()
      .optional()
      .transform((s) => (s ?? "").replace(/[\s-]/g, ""))
      .refine((s) => s === "" || /^\d{10}(\d{3})?$/.test(s), { error: "validation.taxCode" })
      .transform((s) => (s === "" ? null : s)),
    provinceCode: provinceCodeField,
    communeCode: communeCodeField,
    address: text(300),
    contactName: text(120),
    contactPhone: phoneField,
    email: emailField,
    password: passwordField,
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
    }
    refinePasswordAgainst(ctx, v.password, { email: v.email, phone: v.contactPhone });
    const allowed: readonly string[] = v.role === "employer" ? EMPLOYER_KINDS : PROVIDER_KINDS;
    if (!allowed.includes(v.kind)) ctx.addIssue({ code: "custom", path: ["kind"], message: "validation.choose" });
  });
export type Registration = z.output<typeof registrationSchema>;

export const officerSchema = z.object({
  fullName: text(120),
  email: emailField,
  phone: optionalPhone,
  communeCodes: z
    .union([z.string(), z.array(z.string())], { error: "validation.choose" })
    .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^\d{5}$/))
        .min(1, { error: "validation.choose" })
        .max(50),
    ),
});
export type OfficerInput = z.output<typeof officerSchema>;

/** The account page's password change: the current password, then a new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
    password: passwordField,
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm)
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
    if (v.password === v.currentPassword)
      ctx.addIssue({ code: "custom", path: ["password"], message: "account.password.same" });
  });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** A new password typed twice (the two reset forms); the rule that needs the account is checked by the service. */
const newPassword = {
  password: passwordField,
  passwordConfirm: z.string().optional(),
};
function refineConfirm(v: { password: string; passwordConfirm?: string }, ctx: z.RefinementCtx): void {
  if (v.password !== v.passwordConfirm)
    ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
}

/** "Forgot your password?": the account's phone number or e-mail address. */
export const forgotPasswordSchema = z.object({ identifier: identifierField });
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;

/** The code sent by SMS: the number it went to, the 6 digits (spaces allowed), the new password twice. */
export const resetCodeSchema = z
  .object({
    phone: phoneField,
    code: z
      .string({ error: "validation.required" })
      .transform((s) => s.replace(/\s/g, ""))
      .pipe(
        z
          .string()
          .min(1, { error: "validation.required" })
          .regex(/^\d{6}$/, { error: "recovery.error.codeFormat" }),
      ),
    ...newPassword,
  })
  .superRefine(refineConfirm);
export type ResetCodeInput = z.output<typeof resetCodeSchema>;

/** The link sent by e-mail: the token is in the URL, the form has the new password twice. */
export const resetLinkSchema = z.object(newPassword).superRefine(refineConfirm);
export type ResetLinkInput = z.output<typeof resetLinkSchema>;
