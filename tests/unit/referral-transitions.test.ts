import { describe, expect, it } from "vitest";
import { REFERRAL_STATUSES, type ReferralStatus } from "../../db/enums";
import { MOVE_RULES, REFERRAL_MOVES, allowedMoves, becomesSeenOnOpen, canMove, isFinalStatus, type ReferralMove } from "../../app/modules/referrals/transitions";

const FINAL: ReferralStatus[] = ["accepted", "declined", "withdrawn"];
const OPEN: ReferralStatus[] = ["referred", "seen", "interview", "offered"];

describe("referral transitions", () => {
  it("the organisation: interview (rescheduling too), offer, accept, decline", () => {
    expect(allowedMoves("organization", "referred")).toEqual(["interview", "offer", "accept", "decline"]);
    expect(allowedMoves("organization", "seen")).toEqual(["interview", "offer", "accept", "decline"]);
    expect(allowedMoves("organization", "interview")).toEqual(["interview", "offer", "accept", "decline"]);
    // Once offered, only the answer remains: take the person, or decline.
    expect(allowedMoves("organization", "offered")).toEqual(["accept", "decline"]);
  });

  it("the officer: withdraw or record the person's no at any open status, the person's yes only to an offer", () => {
    expect(allowedMoves("officer", "referred")).toEqual(["withdraw", "person_declined"]);
    expect(allowedMoves("officer", "interview")).toEqual(["withdraw", "person_declined"]);
    expect(allowedMoves("officer", "offered")).toEqual(["withdraw", "person_declined", "person_accepted"]);
    expect(canMove("officer", "seen", "person_accepted")).toBe(false);
  });

  it("final statuses cannot move, for anyone", () => {
    for (const status of FINAL) {
      expect(isFinalStatus(status)).toBe(true);
      expect(allowedMoves("organization", status)).toEqual([]);
      expect(allowedMoves("officer", status)).toEqual([]);
    }
    for (const status of OPEN) expect(isFinalStatus(status)).toBe(false);
    expect([...OPEN, ...FINAL].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it("no actor may make another actor's move", () => {
    const orgMoves: ReferralMove[] = ["interview", "offer", "accept", "decline"];
    for (const status of REFERRAL_STATUSES) {
      for (const move of REFERRAL_MOVES) {
        if (orgMoves.includes(move)) expect(canMove("officer", status, move), `${move} by officer`).toBe(false);
        else expect(canMove("organization", status, move), `${move} by organisation`).toBe(false);
      }
    }
  });

  it("declines record who declined, and declines and withdrawals need a reason", () => {
    expect(MOVE_RULES.decline).toMatchObject({ to: "declined", declinedBy: "organization", needsReason: true });
    expect(MOVE_RULES.person_declined).toMatchObject({ to: "declined", declinedBy: "person", needsReason: true });
    expect(MOVE_RULES.withdraw).toMatchObject({ to: "withdrawn", needsReason: true });
    expect(MOVE_RULES.accept.declinedBy).toBeUndefined();
    expect(MOVE_RULES.offer.needsReason).toBe(false);
  });

  it("no move leads to referred or seen: seen happens only when the organisation opens a new referral", () => {
    for (const move of REFERRAL_MOVES) expect(["referred", "seen"]).not.toContain(MOVE_RULES[move].to);
    expect(becomesSeenOnOpen("referred")).toBe(true);
    for (const status of REFERRAL_STATUSES.filter((s) => s !== "referred")) expect(becomesSeenOnOpen(status)).toBe(false);
  });
});
