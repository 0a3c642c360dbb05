import { describe, expect, it } from "vitest";

import {
  allowedMoves,
  awaitsPersonAnswer,
  becomesSeenOnOpen,
  canMove,
  isFinalStatus,
  MOVE_RULES,
  REFERRAL_MOVES,
  type ReferralActorKind,
  type ReferralMove,
} from "~/modules/referrals/transitions";

import { REFERRAL_STATUSES, type ReferralStatus } from "../../db/enums";

const FINAL: ReferralStatus[] = ["accepted", "declined", "withdrawn"];
const OPEN: ReferralStatus[] = ["referred", "seen", "interview", "offered"];
const ACTORS: ReferralActorKind[] = ["organization", "officer", "person"];

describe("referral transitions", () => {
  it("the organisation: interview (rescheduling too), offer to take the person, decline", () => {
    expect(allowedMoves("organization", "referred")).toEqual(["interview", "offer", "decline"]);
    expect(allowedMoves("organization", "seen")).toEqual(["interview", "offer", "decline"]);
    expect(allowedMoves("organization", "interview")).toEqual(["interview", "offer", "decline"]);
    // Once offered, the organisation waits for the person's answer; it may still decline.
    expect(allowedMoves("organization", "offered")).toEqual(["decline"]);
  });

  it("the organisation can never reach accepted on its own: only the person's yes (theirs or recorded by the officer) does", () => {
    for (const move of REFERRAL_MOVES) {
      if (MOVE_RULES[move].to !== "accepted") continue;
      expect(MOVE_RULES[move].actors, move).not.toContain("organization");
      expect(MOVE_RULES[move].personAnswer, move).toBe(true);
    }
    for (const status of REFERRAL_STATUSES) {
      for (const move of allowedMoves("organization", status))
        expect(MOVE_RULES[move].to, `${move} from ${status}`).not.toBe("accepted");
    }
    // The only way to accepted is through offered, and only by the person or the officer on their behalf.
    const toAccepted = REFERRAL_MOVES.filter((m) => MOVE_RULES[m].to === "accepted");
    expect(toAccepted).toEqual(["person_accepted"]);
    expect(MOVE_RULES.person_accepted.from).toEqual(["offered"]);
    expect(awaitsPersonAnswer("offered")).toBe(true);
    for (const status of REFERRAL_STATUSES.filter((s) => s !== "offered"))
      expect(awaitsPersonAnswer(status)).toBe(false);
  });

  it("the officer: withdraw or record the person's no at any open status, the person's yes only to an offer", () => {
    expect(allowedMoves("officer", "referred")).toEqual(["withdraw", "person_declined"]);
    expect(allowedMoves("officer", "interview")).toEqual(["withdraw", "person_declined"]);
    expect(allowedMoves("officer", "offered")).toEqual(["withdraw", "person_accepted", "person_declined"]);
    expect(canMove("officer", "seen", "person_accepted")).toBe(false);
  });

  it("the person: yes or no to an offer, no at any other open status; nothing else", () => {
    expect(allowedMoves("person", "offered")).toEqual(["person_accepted", "person_declined"]);
    for (const status of ["referred", "seen", "interview"] as const)
      expect(allowedMoves("person", status)).toEqual(["person_declined"]);
    for (const move of ["interview", "offer", "decline", "withdraw"] as const) {
      for (const status of REFERRAL_STATUSES) expect(canMove("person", status, move)).toBe(false);
    }
  });

  it("final statuses cannot move, for anyone", () => {
    for (const status of FINAL) {
      expect(isFinalStatus(status)).toBe(true);
      for (const actor of ACTORS) expect(allowedMoves(actor, status)).toEqual([]);
    }
    for (const status of OPEN) expect(isFinalStatus(status)).toBe(false);
    expect([...OPEN, ...FINAL].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it("no actor may make another actor's move", () => {
    const orgMoves: ReferralMove[] = ["interview", "offer", "decline"];
    const answers: ReferralMove[] = ["person_accepted", "person_declined"];
    for (const status of REFERRAL_STATUSES) {
      for (const move of REFERRAL_MOVES) {
        if (orgMoves.includes(move)) {
          expect(canMove("officer", status, move), `${move} by officer`).toBe(false);
          expect(canMove("person", status, move), `${move} by person`).toBe(false);
        } else if (answers.includes(move)) {
          expect(canMove("organization", status, move), `${move} by organisation`).toBe(false);
        } else {
          expect(canMove("organization", status, move), `${move} by organisation`).toBe(false);
          expect(canMove("person", status, move), `${move} by person`).toBe(false);
        }
      }
    }
  });

  it("declines record who declined; the organisation's decline and the officer's withdrawal need a reason, the person's answer does not", () => {
    expect(MOVE_RULES.decline).toMatchObject({
      to: "declined",
      declinedBy: "organization",
      needsReason: true,
      personAnswer: false,
    });
    expect(MOVE_RULES.person_declined).toMatchObject({
      to: "declined",
      declinedBy: "person",
      needsReason: false,
      personAnswer: true,
    });
    expect(MOVE_RULES.withdraw).toMatchObject({ to: "withdrawn", needsReason: true });
    expect(MOVE_RULES.person_accepted.declinedBy).toBeUndefined();
    expect(MOVE_RULES.offer).toMatchObject({ to: "offered", needsReason: false });
  });

  it("no move leads to referred or seen: seen happens only when the organisation opens a new referral", () => {
    for (const move of REFERRAL_MOVES) expect(["referred", "seen"]).not.toContain(MOVE_RULES[move].to);
    expect(becomesSeenOnOpen("referred")).toBe(true);
    for (const status of REFERRAL_STATUSES.filter((s) => s !== "referred"))
      expect(becomesSeenOnOpen(status)).toBe(false);
  });
});
