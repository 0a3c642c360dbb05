import { describe, expect, it } from "vitest";

import { translator } from "~/i18n";
import { EXCLUSION_REASONS, POSITIVE_REASONS, reasonCodes, reasonKey, reasonText } from "~/modules/matching/reasons";
import {
  banHits,
  byRank,
  evaluate,
  hardRules,
  type JobFacts,
  matchingSkills,
  type PersonFacts,
  prescoreCandidate,
  prescoreJob,
  prescoreTraining,
  recordStandsOn,
  scoreMatch,
  topByScore,
  type TrainingFacts,
  withinReach,
  words,
} from "~/modules/matching/rules";
import { MATCHING_WEIGHTS } from "~/modules/matching/weights";

import { candidateQueries, personQueries, reachFilter } from "../../search/matching.server";

const TODAY = "2026-11-15";
const NAM_DA = "24802";
const OTHER_COMMUNE = "24805";
const LAM_DONG = "68";
const HA_NOI = "01";

/** Mr Nguyễn Văn H.: motorbike mechanic of Nam Đà, matching consent, record not expunged. */
function person(over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    id: "p1",
    active: true,
    dateOfBirth: "1990-08-02",
    communeCode: NAM_DA,
    provinceCode: LAM_DONG,
    willingToMove: false,
    preferredProvinceCode: null,
    trades: ["72311"],
    desiredOccupations: ["72311"],
    relatedTrades: ["72310"],
    skills: ["sửa xe máy", "thay nhớt"],
    expectedWage: 5_000_000,
    needs: [],
    recordStanding: true,
    offenceCategories: ["property"],
    bans: [],
    consentPurposes: ["matching", "training_referral"],
    ...over,
  };
}

function jobFacts(over: Partial<JobFacts> = {}): JobFacts {
  return {
    kind: "job",
    id: "j1",
    title: "Thợ sửa xe máy",
    occupationCode: "72311",
    organizationId: "o1",
    organizationName: "Tiệm sửa xe Minh Phát",
    provinceCode: LAM_DONG,
    communeCode: NAM_DA,
    status: "open",
    acceptsUnexpunged: "yes",
    capacity: 2,
    taken: 0,
    closesAt: "2026-12-31",
    employmentType: "full_time",
    skills: ["sửa xe máy"],
    wageMin: 5_000_000,
    wageMax: 6_000_000,
    benefits: [],
    excludedOffenceCategories: [],
    minimumWage: 3_700_000,
    retention: { kept: 0, total: 0 },
    trainingPaths: [],
    ...over,
  };
}

function course(over: Partial<TrainingFacts> = {}): TrainingFacts {
  return {
    kind: "training",
    id: "t1",
    title: "Hàn điện cơ bản",
    occupationCode: "72121",
    organizationId: "o2",
    organizationName: "Trường nghề Lâm Đồng",
    provinceCode: LAM_DONG,
    communeCode: OTHER_COMMUNE,
    status: "open",
    acceptsUnexpunged: "case_by_case",
    capacity: 20,
    taken: 3,
    applicationDeadline: "2026-12-01",
    startsAt: "2026-12-15",
    costVnd: 0,
    support: ["free"],
    leadsToJobs: [],
    retention: { kept: 0, total: 0 },
    ...over,
  };
}

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe("hard rules", () => {
  it("passes Mr H. for the motorbike job in his commune", () => {
    expect(hardRules(person(), jobFacts(), TODAY)).toEqual([]);
  });

  it("needs a live consent for the purpose: matching for jobs, training referral for courses", () => {
    expect(codes(hardRules(person({ consentPurposes: ["training_referral"] }), jobFacts(), TODAY))).toEqual([
      "noConsent",
    ]);
    expect(codes(hardRules(person({ consentPurposes: ["matching"] }), course(), TODAY))).toEqual(["noConsent"]);
    expect(hardRules(person({ consentPurposes: ["training_referral"] }), course(), TODAY)).toEqual([]);
  });

  it("excludes a closed or anonymised file", () => {
    expect(codes(hardRules(person({ active: false }), jobFacts(), TODAY))).toEqual(["personInactive"]);
  });

  it("court bans: the listing's occupation, its commune or province; an ended ban no longer counts", () => {
    const occupationBan = {
      kind: "occupation" as const,
      occupationCodes: ["72311"],
      provinceCode: null,
      communeCode: null,
      endsOn: "2027-01-01",
    };
    expect(codes(hardRules(person({ bans: [occupationBan] }), jobFacts(), TODAY))).toEqual(["courtBanOccupation"]);
    expect(hardRules(person({ bans: [{ ...occupationBan, endsOn: "2026-11-14" }] }), jobFacts(), TODAY)).toEqual([]);
    expect(hardRules(person({ bans: [{ ...occupationBan, endsOn: TODAY }] }), jobFacts(), TODAY)).toHaveLength(1);
    expect(hardRules(person({ bans: [{ ...occupationBan, occupationCodes: ["83220"] }] }), jobFacts(), TODAY)).toEqual(
      [],
    );
    const communeBan = {
      kind: "place" as const,
      occupationCodes: [],
      provinceCode: LAM_DONG,
      communeCode: NAM_DA,
      endsOn: null,
    };
    expect(codes(hardRules(person({ bans: [communeBan] }), jobFacts(), TODAY))).toEqual(["courtBanPlace"]);
    expect(hardRules(person({ bans: [communeBan] }), jobFacts({ communeCode: OTHER_COMMUNE }), TODAY)).toEqual([]);
    const provinceBan = {
      kind: "place" as const,
      occupationCodes: [],
      provinceCode: LAM_DONG,
      communeCode: null,
      endsOn: null,
    };
    expect(banHits(provinceBan, jobFacts({ communeCode: OTHER_COMMUNE }), TODAY)).toBe("place");
    expect(banHits(provinceBan, jobFacts({ provinceCode: HA_NOI }), TODAY)).toBeNull();
  });

  it("the organisation's stance on unexpunged records applies only while the record stands", () => {
    expect(codes(hardRules(person(), jobFacts({ acceptsUnexpunged: "no" }), TODAY))).toEqual(["rejectsUnexpunged"]);
    expect(
      hardRules(person({ recordStanding: false, offenceCategories: [] }), jobFacts({ acceptsUnexpunged: "no" }), TODAY),
    ).toEqual([]);
    expect(hardRules(person(), jobFacts({ acceptsUnexpunged: "case_by_case" }), TODAY)).toEqual([]);
    expect(codes(hardRules(person(), course({ acceptsUnexpunged: "no" }), TODAY))).toEqual(["rejectsUnexpunged"]);
  });

  it("a job's excluded offence categories meet the person's, only while the record stands", () => {
    const excluding = jobFacts({ excludedOffenceCategories: ["property", "drugs"] });
    expect(hardRules(person(), excluding, TODAY)).toEqual([
      { code: "excludedOffence", params: { categories: "property" } },
    ]);
    expect(hardRules(person({ offenceCategories: ["traffic"] }), excluding, TODAY)).toEqual([]);
    expect(hardRules(person({ recordStanding: false, offenceCategories: [] }), excluding, TODAY)).toEqual([]);
  });

  it("age: 18 for a job, 15 for an apprenticeship or a course, counted to the day", () => {
    const seventeen = person({ dateOfBirth: "2009-11-16" });
    expect(hardRules(seventeen, jobFacts(), TODAY)).toEqual([{ code: "tooYoung", params: { minAge: 18 } }]);
    expect(hardRules(person({ dateOfBirth: "2008-11-15" }), jobFacts(), TODAY)).toEqual([]);
    expect(hardRules(seventeen, jobFacts({ employmentType: "apprenticeship" }), TODAY)).toEqual([]);
    expect(hardRules(seventeen, course(), TODAY)).toEqual([]);
    expect(codes(hardRules(person({ dateOfBirth: "2011-11-16" }), course(), TODAY))).toEqual(["tooYoung"]);
  });

  it("location: same province, or willing to move (to the preferred province if one is named)", () => {
    const faraway = jobFacts({ provinceCode: HA_NOI, communeCode: "00004" });
    expect(codes(hardRules(person(), faraway, TODAY))).toEqual(["tooFar"]);
    expect(hardRules(person({ willingToMove: true }), faraway, TODAY)).toEqual([]);
    expect(hardRules(person({ willingToMove: true, preferredProvinceCode: HA_NOI }), faraway, TODAY)).toEqual([]);
    expect(codes(hardRules(person({ willingToMove: true, preferredProvinceCode: "79" }), faraway, TODAY))).toEqual([
      "tooFar",
    ]);
    expect(withinReach(person({ willingToMove: true, preferredProvinceCode: "79" }), jobFacts())).toBe(true);
  });

  it("a job must be open, not past its closing date, with openings left", () => {
    expect(codes(hardRules(person(), jobFacts({ status: "filled" }), TODAY))).toEqual(["listingClosed"]);
    expect(codes(hardRules(person(), jobFacts({ closesAt: "2026-11-14" }), TODAY))).toEqual(["listingClosed"]);
    expect(hardRules(person(), jobFacts({ closesAt: TODAY }), TODAY)).toEqual([]);
    expect(codes(hardRules(person(), jobFacts({ capacity: 2, taken: 2 }), TODAY))).toEqual(["noOpenings"]);
  });

  it("a course must be open, before its deadline, with seats left", () => {
    expect(codes(hardRules(person(), course({ applicationDeadline: "2026-11-14" }), TODAY))).toEqual([
      "deadlinePassed",
    ]);
    expect(codes(hardRules(person(), course({ capacity: 3, taken: 3 }), TODAY))).toEqual(["noSeats"]);
    expect(codes(hardRules(person(), course({ status: "closed" }), TODAY))).toEqual(["listingClosed"]);
  });

  it("lists every rule broken, in a fixed order", () => {
    const all = hardRules(
      person({ consentPurposes: [], dateOfBirth: "2010-01-01" }),
      jobFacts({ acceptsUnexpunged: "no", provinceCode: HA_NOI }),
      TODAY,
    );
    expect(codes(all)).toEqual(["noConsent", "tooYoung", "rejectsUnexpunged", "tooFar"]);
  });
});

describe("skills and words", () => {
  it("folds accents and case", () => {
    expect(words("Sửa XE máy, Đồng hồ")).toEqual(["sua", "xe", "may", "dong", "ho"]);
  });
  it("matches a skill whose words all appear in a phrase of the listing, or the reverse", () => {
    expect(matchingSkills(["sửa xe máy", "thay nhớt", "nấu ăn"], ["Thợ sửa xe máy", "thay nhot"])).toEqual([
      "sửa xe máy",
      "thay nhớt",
    ]);
    expect(matchingSkills(["sửa xe máy giỏi"], ["sửa xe máy"])).toEqual(["sửa xe máy giỏi"]);
    expect(matchingSkills(["hàn"], ["Thợ hàn điện"])).toEqual(["hàn"]);
    expect(matchingSkills(["sửa xe"], ["Phụ bếp"])).toEqual([]);
  });
});

describe("scoring", () => {
  it("Mr H. and the repair shop: trade, skill, commune, wage, stance, in weight order", () => {
    const { score, reasons } = scoreMatch(person(), jobFacts());
    const w = MATCHING_WEIGHTS;
    expect(score).toBe(
      w.occupation.sameTrade +
        w.skills.perSkill +
        w.distance.sameCommune +
        w.wage.meetsExpectation +
        w.wage.aboveMinimum +
        w.acceptsUnexpunged,
    );
    expect(codes(reasons)).toEqual([
      "sameTrade",
      "sameCommune",
      "skill",
      "wageMeetsExpectation",
      "aboveMinimumWage",
      "acceptsUnexpunged",
    ]);
    expect(reasons[2]).toEqual({ code: "skill", params: { skill: "sửa xe máy" } });
    expect(scoreMatch(person(), jobFacts({ skills: ["sửa xe máy", "thay nhớt"] })).score).toBe(
      score + w.skills.perSkill,
    );
  });

  it("occupation: same trade > desired > related > none", () => {
    const score = (p: Partial<PersonFacts>) => scoreMatch(person({ skills: [], ...p }), jobFacts()).score;
    const trade = score({});
    const desired = score({ trades: [] });
    const related = score({ trades: [], desiredOccupations: [], relatedTrades: ["72311"] });
    const none = score({ trades: [], desiredOccupations: [], relatedTrades: [] });
    expect(trade).toBeGreaterThan(desired);
    expect(desired).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(none);
  });

  it("distance tiers: commune > province > preferred province > elsewhere", () => {
    const mover = person({ willingToMove: true, preferredProvinceCode: HA_NOI, skills: [] });
    const at = (over: Partial<JobFacts>) => scoreMatch(mover, jobFacts(over)).score;
    const commune = at({});
    const province = at({ communeCode: OTHER_COMMUNE });
    const preferred = at({ provinceCode: HA_NOI, communeCode: "00004" });
    const elsewhere = scoreMatch(
      person({ willingToMove: true, skills: [] }),
      jobFacts({ provinceCode: "79", communeCode: "26734" }),
    ).score;
    expect([commune > province, province > preferred, preferred > elsewhere]).toEqual([true, true, true]);
    expect(codes(scoreMatch(mover, jobFacts({ provinceCode: HA_NOI, communeCode: "00004" })).reasons)).toContain(
      "preferredProvince",
    );
  });

  it("wage against expectation and the regional minimum", () => {
    expect(codes(scoreMatch(person({ expectedWage: 7_000_000 }), jobFacts()).reasons)).not.toContain(
      "wageMeetsExpectation",
    );
    expect(codes(scoreMatch(person({ expectedWage: null }), jobFacts()).reasons)).not.toContain("wageMeetsExpectation");
    expect(codes(scoreMatch(person(), jobFacts({ wageMin: 3_000_000, minimumWage: 3_700_000 })).reasons)).not.toContain(
      "aboveMinimumWage",
    );
    expect(codes(scoreMatch(person(), jobFacts({ minimumWage: null })).reasons)).not.toContain("aboveMinimumWage");
  });

  it("accommodation counts for a person who needs housing", () => {
    const housed = jobFacts({ benefits: ["accommodation"] });
    expect(codes(scoreMatch(person({ needs: ["housing"] }), housed).reasons)).toContain("accommodation");
    expect(codes(scoreMatch(person(), housed).reasons)).not.toContain("accommodation");
  });

  it("the organisation's stance: yes adds points and a reason; case by case a reason only; nothing once expunged", () => {
    const yes = scoreMatch(person(), jobFacts());
    const maybe = scoreMatch(person(), jobFacts({ acceptsUnexpunged: "case_by_case" }));
    expect(yes.score - maybe.score).toBe(MATCHING_WEIGHTS.acceptsUnexpunged);
    expect(codes(maybe.reasons)).toContain("caseByCase");
    const expunged = scoreMatch(person({ recordStanding: false, offenceCategories: [] }), jobFacts());
    expect(codes(expunged.reasons)).not.toContain("acceptsUnexpunged");
  });

  it("retention counts from two placements that could have lasted 6 months", () => {
    expect(codes(scoreMatch(person(), jobFacts({ retention: { kept: 1, total: 1 } })).reasons)).not.toContain(
      "keepsWorkers",
    );
    const kept = scoreMatch(person(), jobFacts({ retention: { kept: 3, total: 4 } }));
    expect(kept.reasons).toContainEqual({ code: "keepsWorkers", params: { percent: 75 } });
    const lost = scoreMatch(person(), jobFacts({ retention: { kept: 0, total: 4 } }));
    expect(kept.score - lost.score).toBe(Math.round(MATCHING_WEIGHTS.retention.max * 0.75));
  });

  it("a training path when the person lacks the trade and the skills, through a course within reach", () => {
    const welding = jobFacts({
      occupationCode: "72121",
      title: "Thợ hàn",
      skills: ["hàn điện"],
      trainingPaths: [{ id: "t1", title: "Hàn điện cơ bản", provinceCode: LAM_DONG }],
    });
    const { reasons } = scoreMatch(person(), welding);
    expect(reasons).toContainEqual({ code: "trainingPath", params: { course: "Hàn điện cơ bản", courseId: "t1" } });
    expect(codes(scoreMatch(person({ trades: ["72121"] }), welding).reasons)).not.toContain("trainingPath");
    const far = { ...welding, trainingPaths: [{ id: "t9", title: "Hàn", provinceCode: HA_NOI }] };
    expect(codes(scoreMatch(person(), far).reasons)).not.toContain("trainingPath");
  });

  it("a course: leads to a job, free, boarding for those who need housing", () => {
    const c = course({
      leadsToJobs: [{ id: "j2", title: "Thợ hàn", occupationCode: "72121" }],
      support: ["free", "boarding"],
    });
    const { reasons } = scoreMatch(person({ needs: ["housing"] }), c);
    expect(codes(reasons)).toEqual(
      expect.arrayContaining(["leadsToJob", "freeCourse", "accommodation", "sameProvince", "caseByCase"]),
    );
    expect(scoreMatch(person(), c).score).toBeGreaterThan(
      scoreMatch(person(), course({ costVnd: 2_000_000, support: [] })).score,
    );
  });

  it("scores are integers within 0–100", () => {
    const best = scoreMatch(
      person({ needs: ["housing"] }),
      jobFacts({ skills: ["sửa xe máy", "thay nhớt"], benefits: ["accommodation"], retention: { kept: 3, total: 3 } }),
    );
    expect(best.score).toBe(100);
    const { score } = scoreMatch(person(), jobFacts({ retention: { kept: 1, total: 3 } }));
    expect(Number.isInteger(score)).toBe(true);
  });

  it("the weights of a perfect job match add up to 100", () => {
    const w = MATCHING_WEIGHTS;
    expect(
      w.occupation.sameTrade +
        w.skills.cap +
        w.wage.meetsExpectation +
        w.wage.aboveMinimum +
        w.distance.sameCommune +
        w.accommodation +
        w.acceptsUnexpunged +
        w.retention.max,
    ).toBe(100);
    expect(w.version).toMatch(/^\d{4}-\d{2}-[a-z]$/);
  });

  it("evaluate: exclusions, or a score; ties ranked by id", () => {
    expect(evaluate(person(), jobFacts({ acceptsUnexpunged: "no" }), TODAY)).toEqual({
      ok: false,
      exclusions: [{ code: "rejectsUnexpunged" }],
    });
    expect(evaluate(person(), jobFacts(), TODAY)).toMatchObject({ ok: true });
    const ranked = [
      { id: "b", score: 50 },
      { id: "a", score: 50 },
      { id: "c", score: 70 },
    ].sort(byRank);
    expect(ranked.map((r) => r.id)).toEqual(["c", "a", "b"]);
  });
});

describe("record standing (expungement)", () => {
  const conviction = {
    offenceDate: "2022-03-10",
    offenceCategory: "property",
    penalty: "prison" as const,
    sentenceMonths: 36,
    mainCompletedOn: "2025-05-20",
    supplementaryCompletedOn: null,
    nationalSecurity: false,
  };
  it("stands until the automatic date, or until an officer records the expungement", () => {
    const p = { dateOfBirth: "1990-08-02", recordExpungedOn: null };
    expect(recordStandsOn(p, [conviction], "2026-11-15")).toBe(true);
    expect(recordStandsOn(p, [conviction], "2027-05-20")).toBe(false);
    expect(recordStandsOn({ ...p, recordExpungedOn: "2026-11-01" }, [conviction], "2026-11-15")).toBe(false);
    expect(recordStandsOn(p, [], "2026-11-15")).toBe(false);
  });
  it("a national-security record waits for the court decision", () => {
    const p = { dateOfBirth: "1990-08-02", recordExpungedOn: null };
    expect(recordStandsOn(p, [{ ...conviction, nationalSecurity: true }], "2035-01-01")).toBe(true);
  });
});

describe("reason sentences", () => {
  const vi = translator("vi");
  const labels = { occupations: { "72311": "Thợ sửa xe máy" } };
  it("renders the sentences of the brief", () => {
    expect(reasonText(vi, { code: "sameCommune" }, "reason", labels)).toBe("Cùng xã");
    expect(reasonText(vi, { code: "skill", params: { skill: "sửa xe máy" } }, "reason", labels)).toBe(
      "Có kỹ năng sửa xe máy",
    );
    expect(reasonText(vi, { code: "acceptsUnexpunged" }, "reason", labels)).toBe(
      "Cơ sở nhận người chưa được xóa án tích",
    );
    expect(reasonText(vi, { code: "sameTrade", params: { occupation: "72311" } }, "reason", labels)).toBe(
      "Đã làm nghề Thợ sửa xe máy",
    );
    expect(reasonText(vi, { code: "trainingPath", params: { course: "Hàn điện" } }, "reason", labels)).toBe(
      "Học khóa Hàn điện rồi vào làm",
    );
  });
  it("names excluded offence categories for officers through the catalogue", () => {
    expect(
      reasonText(vi, { code: "excludedOffence", params: { categories: "property,drugs" } }, "exclusion", labels),
    ).toContain("Xâm phạm sở hữu");
  });
  it("every code has its own key, and unknown codes a generic one", () => {
    for (const code of POSITIVE_REASONS) expect(reasonKey({ code }, "reason")).toBe(`match.reason.${code}`);
    for (const code of EXCLUSION_REASONS) expect(reasonKey({ code }, "exclusion")).toBe(`match.exclusion.${code}`);
    expect(reasonKey({ code: "nope" }, "reason")).toBe("match.reason.other");
    expect(reasonCodes([{ code: "skill", params: { skill: "x" } }])).toEqual(["skill"]);
  });
});

describe("retrieval queries", () => {
  const uid = (n: string) => `t_${n}`;
  it("a person stays in their province unless willing to move", () => {
    expect(reachFilter({ provinceCode: LAM_DONG, willingToMove: false, preferredProvinceCode: HA_NOI })).toBe(
      `provinceCode = "68"`,
    );
    expect(reachFilter({ provinceCode: LAM_DONG, willingToMove: true, preferredProvinceCode: HA_NOI })).toBe(
      `provinceCode IN ["68", "01"]`,
    );
    expect(reachFilter({ provinceCode: LAM_DONG, willingToMove: true, preferredProvinceCode: null })).toBeNull();
  });
  it("jobs and courses by occupation and by skills, open only", () => {
    const qs = personQueries(
      uid,
      {
        communeCode: NAM_DA,
        provinceCode: LAM_DONG,
        willingToMove: false,
        preferredProvinceCode: null,
        occupationCodes: ["72311"],
        skills: ["sửa xe máy"],
      },
      TODAY,
    );
    expect(
      qs.every((q) =>
        (q.filter as string[]).some(
          (f) => f.startsWith("closesAt >= 20261115") || f.startsWith("applicationDeadline >= 20261115"),
        ),
      ),
    ).toBe(true);
    expect(qs.filter((q) => q.indexUid === "t_jobs").map((q) => q.q ?? "")).toEqual(["", "", "sửa xe máy"]);
    expect(qs[0].filter).toContain(`communeCode = "24802"`);
  });
  it("candidates within the officer's communes, by trade or wish, and by text", () => {
    const qs = candidateQueries(
      "t_candidates",
      { occupationCodes: ["72311", "72310"], text: "Thợ sửa xe máy" },
      { communeCodes: [NAM_DA] },
    );
    expect(qs).toHaveLength(2);
    expect(qs[0].filter).toEqual([
      `communeCode IN ["24802"]`,
      `(trades IN ["72311", "72310"] OR occupationsWanted IN ["72311", "72310"])`,
    ]);
    expect(qs[1]).toMatchObject({ q: "Thợ sửa xe máy", filter: [`communeCode IN ["24802"]`] });
    expect(candidateQueries("c", { occupationCodes: [], text: "" }, { communeCodes: [] })).toEqual([]);
    // A course also asks for anyone of the reach, whatever their trade.
    const course = candidateQueries(
      "t_candidates",
      { occupationCodes: ["72120"], text: "Hàn" },
      { provinceCodes: [LAM_DONG] },
      true,
    );
    expect(course.at(-1)).toMatchObject({ filter: [`provinceCode IN ["68"]`] });
    expect(course.at(-1)?.q).toBeUndefined();
  });
});

describe("first-stage ranking from index fields", () => {
  const hit = (over: Partial<JobFacts> = {}) => {
    const j = jobFacts(over);
    return {
      id: j.id,
      title: j.title,
      occupationCode: j.occupationCode,
      communeCode: j.communeCode,
      provinceCode: j.provinceCode,
      skills: j.skills,
      wageMin: j.wageMin,
      wageMax: j.wageMax,
      benefits: j.benefits,
      employmentType: j.employmentType,
    };
  };
  it("orders jobs as the full scorer would, without the facts the index lacks", () => {
    const near = prescoreJob(person(), hit());
    const far = prescoreJob(person(), hit({ id: "j2", communeCode: OTHER_COMMUNE }));
    const otherTrade = prescoreJob(person(), hit({ id: "j3", occupationCode: "51200", title: "Phụ bếp", skills: [] }));
    expect(near).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(otherTrade);
    // The stance and the minimum wage are not in the index: the first score stays under the full one.
    expect(near).toBe(
      scoreMatch(person(), jobFacts()).score - MATCHING_WEIGHTS.acceptsUnexpunged - MATCHING_WEIGHTS.wage.aboveMinimum,
    );
  });
  it("courses: a course that leads to a job counts before its facts are loaded", () => {
    const c = course();
    const fields = {
      id: c.id,
      title: c.title,
      occupationCode: c.occupationCode,
      communeCode: c.communeCode,
      provinceCode: c.provinceCode,
      costVnd: c.costVnd,
      support: c.support,
    };
    expect(
      prescoreTraining(person(), { ...fields, leadsToJobs: 2 }) -
        prescoreTraining(person(), { ...fields, leadsToJobs: 0 }),
    ).toBe(MATCHING_WEIGHTS.leadsToJob);
  });
  it("candidates: the trade first, a related trade counts, a banned trade goes last", () => {
    const doc = {
      id: "p1",
      skills: ["sửa xe máy"],
      trades: ["72311"],
      occupationsWanted: [],
      communeCode: NAM_DA,
      provinceCode: LAM_DONG,
      preferredProvinceCode: null,
      willingToMove: false,
      expectedWage: null,
      bannedOccupationCodes: [],
    };
    const listing = { ...jobFacts(), relatedOccupations: ["72310"] };
    const same = prescoreCandidate(doc, listing);
    const related = prescoreCandidate({ ...doc, id: "p2", trades: ["72310"], skills: [] }, listing);
    const none = prescoreCandidate({ ...doc, id: "p3", trades: ["51200"], skills: [] }, listing);
    expect([same > related, related > none]).toEqual([true, true]);
    expect(prescoreCandidate({ ...doc, bannedOccupationCodes: ["72311"] }, listing)).toBe(-1);
  });
  it("keeps the k best, ties by id", () => {
    const items = [
      { id: "c", s: 1 },
      { id: "b", s: 5 },
      { id: "a", s: 5 },
      { id: "d", s: 9 },
    ];
    expect(topByScore(items, (i) => i.s, 3).map((i) => i.id)).toEqual(["d", "a", "b"]);
    expect(topByScore(items, (i) => i.s, 10)).toHaveLength(4);
  });
});
