import { and, eq, inArray, isNull } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import type { MessageKey } from "~/i18n";
import { type Actor, audit } from "~/modules/audit/audit.server";
import { livePurposesOf } from "~/modules/consent/live.server";
import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { personsInScope } from "~/modules/persons/scope.server";
import { now } from "~/utils/clock.server";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import type { AnswerChannel, ConsentPurpose, ReferralStatus } from "../../../db/enums";
import { referral, referralEvent, referralMessage, releasedPerson } from "../../../db/schema";
import { kindsAnsweredBy, notifyParties, type PartyKeys, referralHead } from "./parties.server";
import type { MoveInput, PersonAnswerInput } from "./schema.server";
import { canMove, MOVE_RULES, OPEN_REFERRAL_STATUSES, type ReferralActorKind } from "./transitions";

/** Why a referral was withdrawn without anyone choosing to: stored in closeReason, never shown to the organisation. */
export const AUTOMATIC_CLOSE_REASONS = ["consent_withdrawn", "consent_expired", "file_closed", "file_moved"] as const;
export type AutomaticCloseReason = (typeof AUTOMATIC_CLOSE_REASONS)[number];

/** Who hears what when a referral reaches a status: each audience its own sentence. */
function keysFor(
  status: ReferralStatus,
  declinedBy: "organization" | "person" | null,
  automatic?: AutomaticCloseReason,
): PartyKeys {
  switch (status) {
    case "seen":
      return { officer: "notify.referral.officer.seen", person: "notify.referral.person.seen" };
    case "interview":
      return {
        officer: "notify.referral.officer.interview",
        organization: "notify.referral.organization.interview",
        person: "notify.referral.person.interview",
      };
    case "offered":
      return {
        officer: "notify.referral.officer.offered",
        organization: "notify.referral.organization.offered",
        person: "notify.referral.person.offered",
      };
    case "accepted":
      return {
        officer: "notify.referral.officer.accepted",
        organization: "notify.referral.organization.accepted",
        person: "notify.referral.person.accepted",
      };
    case "declined":
      return declinedBy === "person"
        ? {
            officer: "notify.referral.officer.declinedByPerson",
            organization: "notify.referral.organization.declinedByPerson",
            person: "notify.referral.person.declinedByPerson",
          }
        : {
            officer: "notify.referral.officer.declined",
            organization: "notify.referral.organization.declined",
            person: "notify.referral.person.declined",
          };
    case "withdrawn": {
      const officer: MessageKey = !automatic
        ? "notify.referral.officer.withdrawn"
        : automatic === "consent_withdrawn" || automatic === "consent_expired"
          ? "notify.referral.officer.withdrawnConsent"
          : "notify.referral.officer.withdrawnFile";
      const person: MessageKey =
        automatic === "consent_withdrawn" || automatic === "consent_expired"
          ? "notify.referral.person.withdrawnConsent"
          : "notify.referral.person.withdrawn";
      // The organisation learns that it ended, never why (the reason may say something about the person).
      return { officer, organization: "notify.referral.organization.withdrawn", person };
    }
    default:
      return {};
  }
}

export type MoveOutcome = Outcome<{ status: ReferralStatus }>;

type Locked = { id: string; status: ReferralStatus; personId: string };

/**
 * Apply one move to a locked referral: the status (and interview or decline facts), a history row, an
 * audit event on the person's record, and a notification to every other party, all in one transaction.
 */
async function applyMove(
  tx: Executor,
  current: Locked,
  actorKind: ReferralActorKind,
  actor: Actor,
  input: MoveInput,
): Promise<MoveOutcome> {
  return applyMoveWith(tx, current, actorKind, actor, input, null);
}

/** The person's answer comes with how it was given: in the app (the person) or as the officer recorded it. */
async function applyMoveWith(
  tx: Executor,
  current: Locked,
  actorKind: ReferralActorKind,
  actor: Actor,
  input: Pick<MoveInput, "intent" | "note"> & Partial<Pick<MoveInput, "interviewAt" | "interviewPlace">>,
  channel: AnswerChannel | null,
): Promise<MoveOutcome> {
  if (!canMove(actorKind, current.status, input.intent)) {
    return { ok: false, errors: { _form: { key: "referrals.error.transition" } } };
  }
  if (input.intent === "interview" && input.interviewAt && input.interviewAt < now()) {
    return { ok: false, errors: { interviewAt: { key: "referrals.error.interviewPast" } } };
  }
  const rule = MOVE_RULES[input.intent];
  const at = now();
  await tx
    .update(referral)
    .set({
      status: rule.to,
      updatedAt: at,
      ...(input.intent === "interview"
        ? { interviewAt: input.interviewAt ?? null, interviewPlace: input.interviewPlace ?? "" }
        : {}),
      ...(rule.declinedBy ? { declinedBy: rule.declinedBy } : {}),
      ...(rule.needsReason ? { closeReason: input.note } : {}),
    })
    .where(eq(referral.id, current.id));
  const answeredBy = rule.personAnswer ? (channel ?? (actorKind === "person" ? "in_app" : null)) : null;
  await tx.insert(referralEvent).values({
    referralId: current.id,
    status: rule.to,
    actorId: actor.id,
    actorRole: actor.role,
    note: input.note,
    channel: answeredBy,
    at,
  });
  await audit(tx, actor, current.personId, "referral_update", "referral", {
    referralId: current.id,
    move: input.intent,
    status: rule.to,
    ...(answeredBy ? { channel: answeredBy } : {}),
  });
  const head = await referralHead(tx, current.id);
  if (head) await notifyParties(tx, head, keysFor(rule.to, rule.declinedBy ?? null), actor.id);
  return { ok: true, status: rule.to };
}

/** A move by an employer or provider on a referral to one of its own listings (of its own kind). */
export async function moveReferralAsOrganization(
  scope: OrgScope,
  referralId: string,
  input: MoveInput,
): Promise<MoveOutcome> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: referral.id, status: referral.status, personId: referral.personId })
      .from(referral)
      .where(
        and(
          eq(referral.id, referralId),
          eq(referral.organizationId, scope.organizationId),
          inArray(referral.kind, kindsAnsweredBy(scope.role)),
        ),
      )
      .for("update");
    if (!current) return { ok: false, notFound: true };
    return applyMove(tx, current, "organization", { id: scope.actorId, role: scope.role }, input);
  });
}

/** A move by an officer serving the person's commune now. */
export async function moveReferralAsOfficer(
  scope: StaffScope,
  referralId: string,
  input: MoveInput,
): Promise<MoveOutcome> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: referral.id, status: referral.status, personId: referral.personId })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .where(and(eq(referral.id, referralId), personsInScope(scope)))
      .for("update", { of: referral });
    if (!current) return { ok: false, notFound: true };
    const rule = MOVE_RULES[input.intent];
    if (rule.personAnswer && !input.channel)
      return { ok: false, errors: { channel: { key: "referrals.error.channel" } } };
    return applyMoveWith(
      tx,
      current,
      "officer",
      { id: scope.actorId, role: scope.role },
      input,
      rule.personAnswer ? input.channel : null,
    );
  });
}

/**
 * The person's own yes or no to an organisation's offer (or no at any open stage), from /me/referrals:
 * only on their own referrals, and only while their record is open and not anonymised.
 */
export async function answerReferralAsPerson(userId: string, input: PersonAnswerInput): Promise<MoveOutcome> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: referral.id, status: referral.status, personId: referral.personId })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .where(
        and(eq(referral.id, input.referralId), eq(releasedPerson.userId, userId), isNull(releasedPerson.anonymizedAt)),
      )
      .for("update", { of: referral });
    if (!current) return { ok: false, notFound: true };
    return applyMoveWith(
      tx,
      current,
      "person",
      { id: userId, role: "person" },
      { intent: input.intent, note: input.note },
      "in_app",
    );
  });
}

/** The first time the organisation opens a referral it becomes seen (told to the officer and the person). */
export async function markSeen(scope: OrgScope, referralId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [moved] = await tx
      .update(referral)
      .set({ status: "seen", updatedAt: now() })
      .where(
        and(
          eq(referral.id, referralId),
          eq(referral.organizationId, scope.organizationId),
          inArray(referral.kind, kindsAnsweredBy(scope.role)),
          eq(referral.status, "referred"),
        ),
      )
      .returning({ id: referral.id, status: referral.status });
    if (!moved) return false;
    await tx
      .insert(referralEvent)
      .values({ referralId, status: "seen", actorId: scope.actorId, actorRole: scope.role, at: now() });
    const head = await referralHead(tx, referralId);
    if (head) await notifyParties(tx, head, keysFor("seen", null), scope.actorId);
    return true;
  });
}

/** Withdraw these open referrals for a reason no one chose, telling every party (the organisation without the reason). */
async function withdrawAutomatically(
  tx: Executor,
  referralIds: string[],
  reason: AutomaticCloseReason,
  actor: Actor | null,
): Promise<number> {
  if (referralIds.length === 0) return 0;
  const at = now();
  const withdrawn = await tx
    .update(referral)
    .set({ status: "withdrawn", closeReason: reason, updatedAt: at })
    .where(and(inArray(referral.id, referralIds), inArray(referral.status, [...OPEN_REFERRAL_STATUSES])))
    .returning({ id: referral.id });
  for (const { id } of withdrawn) {
    await tx.insert(referralEvent).values({
      referralId: id,
      status: "withdrawn",
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? "system",
      note: reason,
      at,
    });
    const head = await referralHead(tx, id);
    // Every party is told, the actor too: the person who withdrew consent learns what it ended.
    if (head) await notifyParties(tx, head, keysFor("withdrawn", null, reason));
  }
  return withdrawn.length;
}

/**
 * After purposes of a person's consent ended (withdrawn or expired), in the same transaction: open referrals
 * that relied on one of those grants for their own purpose (a job on matching, a course on training
 * referral), or that now lack any live grant for it, are withdrawn. Losing only the phone's or the record
 * status's purpose does not end a referral: those fields stop being shared (consent-coverage.server.ts).
 */
export async function withdrawReferralsLosingConsent(
  tx: Executor,
  personId: string,
  ended: readonly { grantId: string; purposes: readonly ConsentPurpose[] }[],
  reason: "consent_withdrawn" | "consent_expired",
  actor: Actor | null = null,
): Promise<number> {
  const open = await tx
    .select({ id: referral.id, kind: referral.kind, consentGrantId: referral.consentGrantId })
    .from(referral)
    .where(and(eq(referral.personId, personId), inArray(referral.status, [...OPEN_REFERRAL_STATUSES])));
  if (open.length === 0) return 0;
  const live = await livePurposesOf(tx, personId);
  const lapsed = open.filter((r) => {
    const purpose = LISTING_PURPOSE[r.kind];
    return ended.some((e) => e.grantId === r.consentGrantId && e.purposes.includes(purpose)) || !live.has(purpose);
  });
  return withdrawAutomatically(
    tx,
    lapsed.map((r) => r.id),
    reason,
    actor,
  );
}

/** The person's file was closed or moved to another commune: every open referral is withdrawn. */
export async function withdrawReferralsOfPerson(
  tx: Executor,
  personId: string,
  reason: "file_closed" | "file_moved",
  actor: Actor | null,
): Promise<number> {
  const open = await tx
    .select({ id: referral.id })
    .from(referral)
    .where(and(eq(referral.personId, personId), inArray(referral.status, [...OPEN_REFERRAL_STATUSES])));
  return withdrawAutomatically(
    tx,
    open.map((r) => r.id),
    reason,
    actor,
  );
}

/**
 * For the deletion of a person's data (anonymisation): open referrals are withdrawn (told to the parties
 * as a closed file), and what was shared, the notes and the messages are erased from every referral of the
 * person. Call in the anonymisation's transaction.
 */
export async function eraseReferralsOfPerson(tx: Executor, personId: string, actor: Actor | null): Promise<void> {
  await withdrawReferralsOfPerson(tx, personId, "file_closed", actor);
  const ids = (await tx.select({ id: referral.id }).from(referral).where(eq(referral.personId, personId))).map(
    (r) => r.id,
  );
  if (ids.length === 0) return;
  await tx
    .update(referral)
    .set({ sharedSnapshot: {}, note: "", interviewPlace: "", updatedAt: now() })
    .where(inArray(referral.id, ids));
  await tx.update(referralEvent).set({ note: "" }).where(inArray(referralEvent.referralId, ids));
  await tx.update(referralMessage).set({ body: "…" }).where(inArray(referralMessage.referralId, ids));
}
