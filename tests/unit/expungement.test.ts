import { describe, expect, it } from "vitest";

import { ageOn, band, computeExpungement, type Conviction } from "~/modules/persons/expungement";
import { addMonths } from "~/utils/dates";

const adult = "1985-04-12";
const prison = (months: number, over: Partial<Conviction> = {}): Conviction => ({
  offenceDate: "2019-03-01",
  penalty: "prison",
  sentenceMonths: months,
  mainCompletedOn: "2022-06-15",
  nationalSecurity: false,
  ...over,
});

describe("addMonths and ageOn", () => {
  it("clamps to the end of the month, including leap days", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2022-06-15", 24)).toBe("2024-06-15");
    expect(addMonths("2022-11-30", 18)).toBe("2024-05-30");
  });
  it("counts birthdays exactly", () => {
    expect(ageOn("2008-05-10", "2024-05-09")).toBe(15);
    expect(ageOn("2008-05-10", "2024-05-10")).toBe(16);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });
});

describe("automatic expungement (art. 70)", () => {
  it.each([
    ["non-custodial", 12, { penalty: "non_custodial" as const, sentenceMonths: undefined }],
    ["suspended prison", 12, { penalty: "suspended" as const, sentenceMonths: 24 }],
    ["prison of 1 month", 24, { sentenceMonths: 1 }],
    ["prison of exactly 5 years", 24, { sentenceMonths: 60 }],
    ["prison of 5 years and 1 month", 36, { sentenceMonths: 61 }],
    ["prison of exactly 15 years", 36, { sentenceMonths: 180 }],
    ["prison of 15 years and 1 month", 60, { sentenceMonths: 181 }],
    ["life", 60, { penalty: "life" as const, sentenceMonths: undefined }],
    ["commuted death sentence", 60, { penalty: "death_commuted" as const, sentenceMonths: undefined }],
  ])("%s → %i months after the main penalty", (_label, months, over) => {
    const result = computeExpungement([prison(36, over)], adult);
    expect(result).toMatchObject({
      kind: "automatic",
      periodMonths: months,
      countedFrom: "2022-06-15",
      date: addMonths("2022-06-15", months),
    });
  });

  it("Mr Nguyễn Văn H.: three years in prison, completed 20/05/2025 → expunged 20/05/2027", () => {
    expect(computeExpungement([prison(36, { mainCompletedOn: "2025-05-20" })], "1990-08-02")).toMatchObject({
      kind: "automatic",
      date: "2027-05-20",
      earlyProposalFrom: "2026-01-20",
    });
  });

  it("waits for a supplementary penalty that ends later than the period", () => {
    expect(computeExpungement([prison(24, { supplementaryCompletedOn: "2025-01-01" })], adult)).toMatchObject({
      date: "2025-01-01",
    });
    expect(computeExpungement([prison(24, { supplementaryCompletedOn: "2023-01-01" })], adult)).toMatchObject({
      date: "2024-06-15",
    });
  });

  it("counts from a leap day", () => {
    expect(computeExpungement([prison(12, { mainCompletedOn: "2024-02-29" })], adult)).toMatchObject({
      date: "2026-02-28",
    });
  });

  it("art. 72: special early expungement after one third of the period", () => {
    expect(computeExpungement([prison(100)], adult)).toMatchObject({
      periodMonths: 36,
      earlyProposalFrom: "2023-06-15",
    });
  });
});

describe("court expungement for national security and war crimes (art. 71)", () => {
  it.each([
    [{ penalty: "non_custodial" as const }, 12],
    [{ sentenceMonths: 60 }, 36],
    [{ sentenceMonths: 61 }, 60],
    [{ sentenceMonths: 180 }, 60],
    [{ sentenceMonths: 181 }, 84],
  ])("%o → a court application after %i months", (over, months) => {
    expect(computeExpungement([prison(36, { ...over, nationalSecurity: true })], adult)).toMatchObject({
      kind: "court",
      periodMonths: months,
      date: addMonths("2022-06-15", months),
    });
  });
});

describe("a new conviction (art. 73)", () => {
  const first = prison(36, { offenceDate: "2016-01-01", mainCompletedOn: "2020-01-10" }); // due 10/01/2022

  it("before the old record is expunged restarts the clock from the new sentence, with the longer period", () => {
    const second = prison(12, { offenceDate: "2021-06-01", mainCompletedOn: "2023-03-01" });
    expect(computeExpungement([second, first], adult)).toMatchObject({
      kind: "automatic",
      countedFrom: "2023-03-01",
      periodMonths: 24,
      date: "2025-03-01",
    });
    const longer = prison(200, { offenceDate: "2021-06-01", mainCompletedOn: "2038-01-01" });
    expect(computeExpungement([first, longer], adult)).toMatchObject({ periodMonths: 60, date: "2043-01-01" });
    const nonCustodial: Conviction = {
      offenceDate: "2021-06-01",
      penalty: "non_custodial",
      mainCompletedOn: "2022-06-01",
      nationalSecurity: false,
    };
    // The old record's longer period still applies, counted from the new completion.
    expect(computeExpungement([first, nonCustodial], adult)).toMatchObject({ periodMonths: 24, date: "2024-06-01" });
  });

  it("after the old record was expunged is counted on its own", () => {
    const later: Conviction = {
      offenceDate: "2023-01-01",
      penalty: "non_custodial",
      mainCompletedOn: "2023-07-01",
      nationalSecurity: false,
    };
    expect(computeExpungement([first, later], adult)).toMatchObject({ periodMonths: 12, date: "2024-07-01" });
  });

  it("a national-security conviction in the chain makes the whole record a court matter", () => {
    const second = prison(12, { offenceDate: "2021-06-01", mainCompletedOn: "2023-03-01", nationalSecurity: true });
    expect(computeExpungement([first, second], adult)).toMatchObject({ kind: "court", periodMonths: 36 });
  });
});

describe("juveniles (art. 107)", () => {
  it("an offence committed under 16 leaves no record", () => {
    expect(computeExpungement([prison(24, { offenceDate: "2023-05-09" })], "2008-05-10")).toEqual({
      kind: "no_record",
      reason: "juvenile_under_16",
    });
  });
  it("16 and 17 year olds have shorter periods", () => {
    expect(computeExpungement([prison(24, { offenceDate: "2024-05-10" })], "2008-05-10")).toMatchObject({
      periodMonths: 12,
    });
    expect(computeExpungement([prison(100, { offenceDate: "2024-05-10" })], "2008-05-10")).toMatchObject({
      periodMonths: 18,
    });
    expect(
      computeExpungement([{ ...prison(0), penalty: "suspended", offenceDate: "2025-01-01" }], "2008-05-10"),
    ).toMatchObject({ periodMonths: 6 });
  });
});

it("no convictions means nothing to expunge", () => {
  expect(computeExpungement([], adult)).toBeNull();
  expect(band({ penalty: "prison", sentenceMonths: 0 })).toBe(1);
});

describe("supplementary penalties and the judgment's other decisions (art. 70(2))", () => {
  // The reported case: 3 years of prison completed 10/01/2024 → the 2-year period ends 10/01/2026.
  const sentence = prison(36, { mainCompletedOn: "2024-01-10" });

  it("the period alone, when nothing else is on the record", () => {
    expect(computeExpungement([sentence], adult)).toMatchObject({
      date: "2026-01-10",
      periodEndsOn: "2026-01-10",
      decidedBy: "period",
    });
  });

  it.each([
    ["an occupation ban (cấm hành nghề)", "2027-01-10"],
    ["a ban from holding positions (cấm đảm nhiệm chức vụ)", "2026-08-31"],
    ["a residence ban (cấm cư trú)", "2026-05-01"],
    ["probation (quản chế)", "2026-12-24"],
    ["deprivation of civic rights, or any other with an end date", "2028-02-29"],
  ])("%s ending later moves the date to the day it ends", (_kind, endsOn) => {
    const result = computeExpungement([sentence], adult, { supplementaryEnds: [endsOn] });
    expect(result).toMatchObject({
      kind: "automatic",
      date: endsOn,
      decidedBy: "supplementary",
      periodEndsOn: "2026-01-10",
      countedFrom: "2024-01-10",
    });
  });

  it("the last of several penalties decides; those ending within the period and those without an end date move nothing", () => {
    expect(
      computeExpungement([sentence], adult, { supplementaryEnds: ["2025-03-01", "2027-01-10", "2026-06-30", null] }),
    ).toMatchObject({ date: "2027-01-10" });
    expect(computeExpungement([sentence], adult, { supplementaryEnds: ["2025-03-01", null, undefined] })).toMatchObject(
      { date: "2026-01-10", decidedBy: "period" },
    );
  });

  it("a ban held on the record and the penalty recorded with the sentence: the later one", () => {
    const withSupplementary = prison(36, { mainCompletedOn: "2024-01-10", supplementaryCompletedOn: "2026-09-01" });
    expect(computeExpungement([withSupplementary], adult, { supplementaryEnds: ["2026-04-01"] })).toMatchObject({
      date: "2026-09-01",
      decidedBy: "supplementary",
    });
    expect(computeExpungement([withSupplementary], adult, { supplementaryEnds: ["2026-10-01"] })).toMatchObject({
      date: "2026-10-01",
      decidedBy: "supplementary",
    });
  });

  it("the other decisions (compensation, court fees) completed after the period move the date; completed before, nothing", () => {
    expect(computeExpungement([sentence], adult, { otherDecisionsCompletedOn: "2026-03-15" })).toMatchObject({
      date: "2026-03-15",
      decidedBy: "other_decisions",
    });
    expect(computeExpungement([sentence], adult, { otherDecisionsCompletedOn: "2023-05-02" })).toMatchObject({
      date: "2026-01-10",
      decidedBy: "period",
    });
    expect(
      computeExpungement([sentence], adult, {
        supplementaryEnds: ["2026-06-01"],
        otherDecisionsCompletedOn: "2026-03-15",
      }),
    ).toMatchObject({
      date: "2026-06-01",
      decidedBy: "supplementary",
    });
    expect(
      computeExpungement([sentence], adult, {
        supplementaryEnds: ["2026-06-01"],
        otherDecisionsCompletedOn: "2026-07-01",
      }),
    ).toMatchObject({
      date: "2026-07-01",
      decidedBy: "other_decisions",
    });
  });

  it("a court application (art. 71) and the early proposal (art. 72) wait for them too", () => {
    expect(
      computeExpungement([{ ...sentence, nationalSecurity: true }], adult, { supplementaryEnds: ["2028-01-01"] }),
    ).toMatchObject({
      kind: "court",
      date: "2028-01-01",
    });
    expect(computeExpungement([sentence], adult, { supplementaryEnds: ["2025-01-01"] })).toMatchObject({
      earlyProposalFrom: "2025-01-01",
    });
    expect(computeExpungement([sentence], adult, { otherDecisionsCompletedOn: "2025-02-01" })).toMatchObject({
      earlyProposalFrom: "2025-02-01",
    });
  });

  it("a ban held on the record applies to the record still standing, not to an older one it cannot have delayed", () => {
    // First conviction due 10/01/2022; a new offence in 2023 starts its own record (art. 73 does not apply).
    const first = prison(36, { offenceDate: "2016-01-01", mainCompletedOn: "2020-01-10" });
    const second: Conviction = {
      offenceDate: "2023-01-01",
      penalty: "non_custodial",
      mainCompletedOn: "2023-07-01",
      nationalSecurity: false,
    };
    expect(computeExpungement([first, second], adult, { supplementaryEnds: ["2025-02-01"] })).toMatchObject({
      periodMonths: 12,
      date: "2025-02-01",
    });
  });

  it("a juvenile's offence under 16 still leaves no record", () => {
    expect(
      computeExpungement([prison(24, { offenceDate: "2023-05-09" })], "2008-05-10", {
        supplementaryEnds: ["2030-01-01"],
      }),
    ).toEqual({
      kind: "no_record",
      reason: "juvenile_under_16",
    });
  });
});
