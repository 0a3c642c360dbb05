import type { z } from "zod";

import { isMessageKey, type MessageKey } from "~/i18n";

import { cleanText } from "./text";

/** A field error as an i18n key with its values; the page translates it in the user's language. */
export type FieldError = { key: MessageKey; vars?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Form fields as strings (arrays for repeated names), never files: what we echo back to the form. Every
 * name and value is cleaned at this boundary (NFC, no NUL: app/utils/text.ts). Built with fromEntries so a
 * field named "__proto__" is an ordinary own field, never the object's prototype.
 */
export function formValues(formData: FormData): FormValues {
  const fields = new Map<string, string[]>();
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const key = cleanText(rawKey);
    fields.set(key, [...(fields.get(key) ?? []), cleanText(value)]);
  }
  // A name sent only with files still appears, empty, as before.
  for (const rawKey of formData.keys()) if (!fields.has(cleanText(rawKey))) fields.set(cleanText(rawKey), []);
  return Object.fromEntries([...fields].map(([key, all]) => [key, all.length > 1 ? all : (all[0] ?? "")]));
}

function issueToError(issue: z.core.$ZodIssue): FieldError {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_big":
      return { key: "validation.tooLong", vars: { max: Number(issue.maximum) } };
    case "invalid_type":
      return { key: "validation.required" };
    case "invalid_value":
      return { key: "validation.choose" };
    default:
      return { key: "validation.invalid" };
  }
}

/** Validate with zod; on failure keep every typed value and give one message per field. */
export function validateForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issueToError(issue);
  }
  return { ok: false, errors, values };
}

/** Read a urlencoded or multipart body; a malformed body counts as an empty form, never a 500. */
export async function readForm(request: Request): Promise<FormValues> {
  try {
    return formValues(await request.formData());
  } catch {
    return {};
  }
}

/** Values echoed back to the browser never include passwords. */
export function withoutSecrets(values: FormValues): FormValues {
  const copy: FormValues = {};
  for (const [key, value] of Object.entries(values)) if (!/password/i.test(key)) copy[key] = value;
  return copy;
}
