import { json } from "@remix-run/node";
import { z } from "zod";

import { getOptionalUser, requireUserWith } from "~/auth/session.server";
import type { MessageKey } from "~/i18n";
import {
  type ListingKind,
  listingStateForPerson,
  referralMessageField,
  requestReferral,
  setSaved,
} from "~/modules/persons/self-service.server";
import { readForm } from "~/utils/forms";

/**
 * The person's part of the public job and course pages: what the loader adds for a logged-in person, and
 * the action behind "Lưu" and "Nhờ cán bộ giới thiệu". Anonymous visitors and other roles get null.
 */
export async function personListingState(request: Request, kind: ListingKind, listingId: string) {
  const user = await getOptionalUser(request);
  if (!user || user.role !== "person") return null;
  return listingStateForPerson(user.id, kind, listingId);
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save") }),
  z.object({ intent: z.literal("unsave") }),
  z.object({ intent: z.literal("request"), message: referralMessageField }),
]);

export type ListingActionData = { ok: boolean; done?: "saved" | "unsaved" | "requested"; error?: MessageKey };

export async function personListingAction(request: Request, kind: ListingKind, listingId: string) {
  const user = await requireUserWith(request, "request:referral:own");
  const parsed = intentSchema.safeParse(await readForm(request));
  if (!parsed.success) return json<ListingActionData>({ ok: false, error: "validation.invalid" }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "request") {
    const outcome = await requestReferral(user.id, kind, listingId, input.message);
    if (outcome.ok) return json<ListingActionData>({ ok: true, done: "requested" });
    const error = (
      outcome.error === "no_consent" ? `self.listing.error.no_consent.${kind}` : `self.listing.error.${outcome.error}`
    ) as MessageKey;
    return json<ListingActionData>({ ok: false, error }, { status: outcome.error === "already_pending" ? 409 : 400 });
  }
  const outcome = await setSaved(user.id, kind, listingId, input.intent === "save");
  if (outcome.ok) return json<ListingActionData>({ ok: true, done: outcome.saved ? "saved" : "unsaved" });
  return json<ListingActionData>(
    { ok: false, error: `self.listing.error.${outcome.error}` as MessageKey },
    { status: 400 },
  );
}
