import { REFERRAL_FINAL_STATUSES, type ReferralStatus } from "../../../db/enums";

/**
 * Who may move a referral where: pure, no imports beyond the value lists, so pages and the server share
 * it (the buttons shown are exactly the moves the server accepts). `seen` is not chosen by anyone: the
 * referral becomes seen the first time the organisation opens it.
 */

/** The organisation (employer or provider staff) or the commune officer who referred. */
export type ReferralActorKind = "organization" | "officer";

export const REFERRAL_MOVES = ["interview", "offer", "accept", "decline", "withdraw", "person_declined", "person_accepted"] as const;
export type ReferralMove = (typeof REFERRAL_MOVES)[number];

type MoveRule = {
  actor: ReferralActorKind;
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  /** Set on the referral when the move declines it. */
  declinedBy?: "organization" | "person";
  /** A reason the actor must give (declines and withdrawals). */
  needsReason: boolean;
};

const OPEN: readonly ReferralStatus[] = ["referred", "seen", "interview", "offered"];

export const MOVE_RULES: Record<ReferralMove, MoveRule> = {
  // Rescheduling is an interview move from interview.
  interview: { actor: "organization", from: ["referred", "seen", "interview"], to: "interview", needsReason: false },
  offer: { actor: "organization", from: ["referred", "seen", "interview"], to: "offered", needsReason: false },
  // "Accept" is the organisation taking the person (without an offer first, or after the person said yes).
  accept: { actor: "organization", from: ["referred", "seen", "interview", "offered"], to: "accepted", needsReason: false },
  decline: { actor: "organization", from: OPEN, to: "declined", declinedBy: "organization", needsReason: true },
  withdraw: { actor: "officer", from: OPEN, to: "withdrawn", needsReason: true },
  person_declined: { actor: "officer", from: OPEN, to: "declined", declinedBy: "person", needsReason: true },
  person_accepted: { actor: "officer", from: ["offered"], to: "accepted", needsReason: false },
};

export function isFinalStatus(status: ReferralStatus): boolean {
  return (REFERRAL_FINAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

export function isOpenStatus(status: ReferralStatus): boolean {
  return OPEN.includes(status);
}

export const OPEN_REFERRAL_STATUSES = OPEN;

export function canMove(actor: ReferralActorKind, status: ReferralStatus, move: ReferralMove): boolean {
  const rule = MOVE_RULES[move];
  return rule.actor === actor && rule.from.includes(status);
}

/** The moves this actor may make now, in the order the page offers them. */
export function allowedMoves(actor: ReferralActorKind, status: ReferralStatus): ReferralMove[] {
  return REFERRAL_MOVES.filter((move) => canMove(actor, status, move));
}

/** Whether opening the referral by the organisation marks it seen. */
export function becomesSeenOnOpen(status: ReferralStatus): boolean {
  return status === "referred";
}

export function isReferralMove(value: unknown): value is ReferralMove {
  return typeof value === "string" && (REFERRAL_MOVES as readonly string[]).includes(value);
}
