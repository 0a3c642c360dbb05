import { json, redirect } from "@remix-run/node";
import type { z } from "zod";

import { type FieldErrors, type FormValues, validateForm } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { orNotFound } from "./responses.server";

/** What a service answers to one posted form: done, refused with field errors, or its target not found. */
export type IntentOutcome = Outcome;

/** The 400 answer of a page with several small forms: which form, which row (person), what was typed, why. */
export type IntentRefusal<I extends string> = {
  intent: I | null;
  personId: string | null;
  values: FormValues;
  errors: FieldErrors;
};

/** Validate the posted values with the form's schema, then call the service with the parsed data. */
export async function withForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  run: (data: z.output<S>) => Promise<IntentOutcome>,
): Promise<IntentOutcome> {
  const parsed = validateForm(schema, values);
  return parsed.ok ? run(parsed.data) : parsed;
}

/**
 * A detail page with several small forms told apart by `intent` (job fairs, reintegration models): run the
 * posted one, then answer 404 when its target is gone or out of reach, 400 with what was typed, or redirect.
 */
export async function runIntentForm<I extends string>(
  values: FormValues,
  intentSchema: z.ZodType<I>,
  handlers: Record<I, (values: FormValues) => Promise<IntentOutcome>>,
  doneTo: (intent: I) => string,
) {
  const refuse = (intent: I | null, errors: FieldErrors) =>
    json<IntentRefusal<I>>(
      { intent, personId: typeof values.personId === "string" ? values.personId : null, values, errors },
      { status: 400 },
    );
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success) return refuse(null, { _form: { key: "validation.invalid" } });
  const outcome = orNotFound(await handlers[intent.data](values));
  if (!outcome.ok) return refuse(intent.data, outcome.errors);
  return redirect(doneTo(intent.data));
}
