import { REFERRAL_FINAL_STATUSES, type ReferralStatus } from "../../../db/enums";

/**
 * Who may move a referral where: pure, no imports beyond the value lists, so pages and the server share
 * it (the buttons shown are exactly the moves the server accepts). `seen` is not chosen by anyone: the
 * referral becomes seen the first time the organisation opens it.
 *
 * Nobody is taken on without saying yes (decision 023): the organisation offers (its "take this person"
 * button), the referral waits for the person's answer (`offered`), and only the person's yes — given in
 * the app, or recorded by their officer with how it was given — makes it `accepted`.
 */

/** The organisation (employer or provider staff), the commune officer who referred, or the person. */
export type ReferralActorKind = "organization" | "officer" | "person";

export const REFERRAL_MOVES = [
  "interview",
  "offer",
  "decline",
  "withdraw",
  "person_accepted",
  "person_declined",
] as const;
export type ReferralMove = (typeof REFERRAL_MOVES)[number];

type MoveRule = {
  /** Who may make the move. */
  actors: readonly ReferralActorKind[];
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  /** Set on the referral when the move declines it. */
  declinedBy?: "organization" | "person";
  /** A reason the actor must give (the organisation's decline, the officer's withdrawal). */
  needsReason: boolean;
  /** The person's answer to the organisation: the officer recording it says how it was given. */
  personAnswer: boolean;
};

const OPEN: readonly ReferralStatus[] = ["referred", "seen", "interview", "offered"];

export const MOVE_RULES: Record<ReferralMove, MoveRule> = {
  // Rescheduling is an interview move from interview.
  interview: {
    actors: ["organization"],
    from: ["referred", "seen", "interview"],
    to: "interview",
    needsReason: false,
    personAnswer: false,
  },
  // The organisation's "take this person": the person is asked, and the referral waits for their answer.
  offer: {
    actors: ["organization"],
    from: ["referred", "seen", "interview"],
    to: "offered",
    needsReason: false,
    personAnswer: false,
  },
  decline: {
    actors: ["organization"],
    from: OPEN,
    to: "declined",
    declinedBy: "organization",
    needsReason: true,
    personAnswer: false,
  },
  withdraw: { actors: ["officer"], from: OPEN, to: "withdrawn", needsReason: true, personAnswer: false },
  // Only the person's yes to an offer makes a referral accepted: theirs in the app, or recorded by the officer.
  person_accepted: {
    actors: ["person", "officer"],
    from: ["offered"],
    to: "accepted",
    needsReason: false,
    personAnswer: true,
  },
  // The person may say no at any open stage; the organisation learns only that they did not take the place.
  person_declined: {
    actors: ["person", "officer"],
    from: OPEN,
    to: "declined",
    declinedBy: "person",
    needsReason: false,
    personAnswer: true,
  },
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
  return rule.actors.includes(actor) && rule.from.includes(status);
}

/** The moves this actor may make now, in the order the page offers them. */
export function allowedMoves(actor: ReferralActorKind, status: ReferralStatus): ReferralMove[] {
  return REFERRAL_MOVES.filter((move) => canMove(actor, status, move));
}

/** Whether opening the referral by the organisation marks it seen. */
export function becomesSeenOnOpen(status: ReferralStatus): boolean {
  return status === "referred";
}

/** Whether the referral waits for the person's answer to an organisation's offer. */
export function awaitsPersonAnswer(status: ReferralStatus): boolean {
  return status === "offered";
}

export function isReferralMove(value: unknown): value is ReferralMove {
  return typeof value === "string" && (REFERRAL_MOVES as readonly string[]).includes(value);
}
