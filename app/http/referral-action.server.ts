import { json, redirect } from "@remix-run/node";
import type { z } from "zod";

import { messageSchema, type MoveInput } from "~/modules/referrals/schema.server";
import type { MoveOutcome } from "~/modules/referrals/status.server";
import { type FieldErrors, readForm, validateForm } from "~/utils/forms";

import { notFound, orNotFound } from "./responses.server";

/** One side of a referral page: where it lives, and how this side posts a message and moves the referral. */
type ReferralSide = {
  /** The referral page, e.g. /officer/referrals/<id>. */
  page: string;
  /** The officer's moves need more than the organisation's (the person's answer needs its channel). */
  schema: z.ZodType<MoveInput>;
  postMessage: (body: string) => Promise<unknown>;
  move: (input: MoveInput) => Promise<MoveOutcome>;
};

/**
 * The action of a referral page, the officer's and the organisation's alike: post a message, or move the
 * referral. 400 with what was typed, 404 for a referral out of reach, else back to the page with a notice.
 */
export async function referralAction(request: Request, side: ReferralSide) {
  const values = await readForm(request);
  const intent = typeof values.intent === "string" ? values.intent : "";
  const invalid = (errors: FieldErrors) => json({ intent, values, errors }, { status: 400 });
  if (intent === "message") {
    const parsed = validateForm(messageSchema, values);
    if (!parsed.ok) return invalid(parsed.errors);
    if (!(await side.postMessage(parsed.data.body))) throw notFound();
    return redirect(`${side.page}?done=message#messages`);
  }
  const parsed = validateForm(side.schema, values);
  if (!parsed.ok) return invalid(parsed.errors);
  const outcome = orNotFound(await side.move(parsed.data));
  if (!outcome.ok) return invalid(outcome.errors);
  return redirect(`${side.page}?done=${parsed.data.intent}`);
}
