import { describe, expect, it } from "vitest";

import {
  canRecord,
  dueFrom,
  followUpDueOn,
  followUpSchedule,
  followUpState,
  overdueFrom,
  suggestedOutcome,
} from "~/modules/placements/schedule";
import { addDays } from "~/utils/dates";

describe("follow-up due dates", () => {
  it("fall 1, 3, 6 and 12 months after the start", () => {
    expect(followUpSchedule("2026-03-15")).toEqual([
      { monthOffset: 1, dueOn: "2026-04-15" },
      { monthOffset: 3, dueOn: "2026-06-15" },
      { monthOffset: 6, dueOn: "2026-09-15" },
      { monthOffset: 12, dueOn: "2027-03-15" },
    ]);
  });

  it("clamp a month-end start to the shorter month's last day", () => {
    expect(followUpDueOn("2026-01-31", 1)).toBe("2026-02-28");
    expect(followUpDueOn("2028-01-31", 1)).toBe("2028-02-29"); // leap year
    expect(followUpDueOn("2026-08-31", 1)).toBe("2026-09-30");
    expect(followUpSchedule("2025-11-30").map((f) => f.dueOn)).toEqual([
      "2025-12-30",
      "2026-02-28",
      "2026-05-30",
      "2026-11-30",
    ]);
    expect(followUpDueOn("2027-02-28", 12)).toBe("2028-02-28");
    expect(followUpDueOn("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("cross year ends", () => {
    expect(followUpDueOn("2026-12-10", 1)).toBe("2027-01-10");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("follow-up windows", () => {
  const dueOn = "2026-05-20";

  it("open 7 days before the date and turn overdue 15 days after it", () => {
    expect(dueFrom(dueOn)).toBe("2026-05-13");
    expect(overdueFrom(dueOn)).toBe("2026-06-04");
    expect(followUpState({ dueOn }, "2026-05-12")).toBe("upcoming");
    expect(followUpState({ dueOn }, "2026-05-13")).toBe("due");
    expect(followUpState({ dueOn }, "2026-05-20")).toBe("due");
    expect(followUpState({ dueOn }, "2026-06-03")).toBe("due");
    expect(followUpState({ dueOn }, "2026-06-04")).toBe("overdue");
    expect(followUpState({ dueOn }, "2027-01-01")).toBe("overdue");
  });

  it("done and cancelled win over the calendar", () => {
    expect(followUpState({ dueOn, doneAt: "2026-05-18T03:00:00Z" }, "2026-05-01")).toBe("done");
    expect(followUpState({ dueOn, doneAt: new Date(), cancelledAt: new Date() }, "2026-07-01")).toBe("done");
    expect(followUpState({ dueOn, cancelledAt: new Date() }, "2026-07-01")).toBe("cancelled");
  });

  it("may be recorded only when due or overdue", () => {
    expect(["upcoming", "due", "overdue", "done", "cancelled"].map((s) => canRecord(s as never))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("the suggested 12-month outcome", () => {
  const good = { stillEmployed: true, stable: true, violation: false };

  it("is stable when every follow-up found the person employed, stable and without violation", () => {
    expect(suggestedOutcome([good, good, good])).toBe("stable");
  });

  it("is unstable after an unstable finding or a violation, or with nothing recorded", () => {
    expect(suggestedOutcome([good, { ...good, stable: false }, good])).toBe("unstable");
    expect(suggestedOutcome([good, { ...good, violation: true }])).toBe("unstable");
    expect(suggestedOutcome([])).toBe("unstable");
  });

  it("is left work when a follow-up found the person no longer employed", () => {
    expect(suggestedOutcome([good, { stillEmployed: false, stable: true, violation: false }])).toBe("left_work");
  });
});
