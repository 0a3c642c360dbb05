import { type Indicators, PROCEDURE_KEY, zeroIndicators } from "~/modules/reports/indicator-keys";

import type { Generated } from "./report-data";

/**
 * Every report indicator recomputed from the raw rows in plain TypeScript (filtering arrays, no SQL), from
 * the definitions in docs/decisions/016-report-indicators.md, so the honest-figures test compares two
 * independent readings of the same rules.
 */

/** The calendar day of an instant in Vietnam (UTC+7 all year). */
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;

export function expectedIndicators(
  g: Generated,
  input: { communeCodes: string[]; from: string; to: string; modelId?: string },
): Indicators {
  const { from, to } = input;
  const scope = new Set(input.communeCodes);
  const inP = (iso: string | null | undefined) => iso != null && iso >= from && iso <= to;
  const inPTs = (d: Date | null | undefined) => d != null && inP(vnDay(d));
  const covered = (personId: string) =>
    !input.modelId ||
    g.modelPersons.some(
      (mp) =>
        mp.modelId === input.modelId &&
        mp.personId === personId &&
        mp.joinedOn <= to &&
        (mp.leftOn === null || mp.leftOn >= from),
    );
  const persons = g.persons.filter((p) => scope.has(p.communeCode) && covered(p.id));
  const personIds = new Set(persons.map((p) => p.id));
  const resident = persons.filter((p) => vnDay(p.createdAt) <= to && (p.closedAt === null || vnDay(p.closedAt) > to));
  const out = zeroIndicators();

  const received = persons.filter((p) => inP(p.releaseDate));
  out.received = received.length;
  out.receivedCompleted = received.filter((p) => p.releaseType === "completed").length;
  out.receivedAmnesty = received.filter((p) => p.releaseType === "amnesty").length;
  out.receivedConditionalRelease = received.filter((p) => p.releaseType === "conditional_release").length;
  out.residentNow = resident.length;
  out.notExpunged = resident.filter((p) => p.recordExpungedOn === null || p.recordExpungedOn > to).length;

  const quarter = quarterOf(to);
  for (const p of resident) {
    const latest = g.classifications
      .filter((c) => c.personId === p.id && c.quarter <= quarter)
      .sort((a, b) => b.quarter.localeCompare(a.quarter))[0];
    if (latest) out[`group${latest.group}`] += 1;
  }

  for (const p of resident) {
    const running = g.placements.filter(
      (pl) => pl.personId === p.id && pl.startDate <= to && (pl.endDate === null || pl.endDate > to),
    );
    if (running.length === 0) continue;
    const stable = running.some((pl) => {
      const done = g.followUps
        .filter((f) => f.placementId === pl.id && f.doneAt !== null && vnDay(f.doneAt) <= to)
        .sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime() || b.monthOffset - a.monthOffset);
      return done.length ? done[0]!.stable === true : pl.contractKind === "labour_contract";
    });
    if (stable) out.employedStable += 1;
    else out.employedUnstable += 1;
  }

  const placed = g.placements.filter((pl) => personIds.has(pl.personId) && inP(pl.startDate));
  out.placed = placed.length;
  out.placedPersons = new Set(placed.map((pl) => pl.personId)).size;
  out.apprenticeships = placed.filter((pl) => pl.contractKind === "apprenticeship").length;
  out.localBusiness = placed.filter((pl) => {
    const org = g.organizations.find((o) => o.id === pl.organizationId);
    return org !== undefined && org.communeCode === persons.find((p) => p.id === pl.personId)!.communeCode;
  }).length;
  out.averageWage = placed.length ? Math.round(placed.reduce((s, pl) => s + pl.wage, 0) / placed.length) : null;

  const trained = new Set([
    ...g.referrals
      .filter((x) => x.kind === "training" && personIds.has(x.personId) && inPTs(x.createdAt))
      .map((x) => x.personId),
    ...g.enrolments.filter((e) => personIds.has(e.personId) && inP(e.enrolledOn)).map((e) => e.personId),
  ]);
  out.referredToTraining = trained.size;
  out.trainingCompleted = g.enrolments.filter(
    (e) => personIds.has(e.personId) && e.status === "completed" && inP(e.completedOn),
  ).length;

  const loans = g.loans.filter((l) => scope.has(l.communeCode) && covered(l.personId));
  const disbursed = loans.filter(
    (l) => ["disbursed", "repaid", "overdue", "bad_debt"].includes(l.status) && inP(l.disbursedOn),
  );
  out.loans = disbursed.length;
  out.loanAmount = disbursed.reduce((s, l) => s + l.amountVnd, 0);
  out.badDebt = disbursed.filter((l) => l.status === "bad_debt").length;
  out.badDebtAmount = disbursed.filter((l) => l.status === "bad_debt").reduce((s, l) => s + l.amountVnd, 0);
  out.listedForBank = loans.filter((l) => inP(l.listMonth)).length;

  const acts = g.activities.filter((a) => scope.has(a.communeCode) && inP(a.occurredOn) && covered(a.personId));
  const kind = (k: string) => acts.filter((a) => a.kind === k);
  out.encouragementVisits = kind("encouragement_visit").length;
  out.educationReviews = kind("education_review").length;
  out.counselling = kind("counselling").length;
  out.counsellingPsychological = kind("counselling").filter((a) => a.topic === "psychological").length;
  out.counsellingCareer = kind("counselling").filter((a) => a.topic === "career").length;
  out.counselledPersons = new Set(kind("counselling").map((a) => a.personId)).size;
  out.procedureHelps = kind("procedure_help").length;
  for (const [topic, key] of Object.entries(PROCEDURE_KEY))
    out[key] = kind("procedure_help").filter((a) => a.topic === topic).length;

  const held = g.meetings.filter(
    (m) =>
      scope.has(m.communeCode) &&
      inP(m.heldOn) &&
      (!input.modelId || g.attendances.some((a) => a.meetingId === m.id && covered(a.personId))),
  );
  out.meetings = held.length;
  out.meetingGuests = held.reduce((s, m) => s + m.guestCount, 0);
  out.meetingAttendances = g.attendances.filter(
    (a) => held.some((m) => m.id === a.meetingId) && covered(a.personId),
  ).length;

  out.expungedOrClosed = persons.filter((p) => inP(p.recordExpungedOn) || inPTs(p.closedAt)).length;
  out.reoffended = persons.filter(
    (p) =>
      (p.closedReason === "re_imprisoned" && inPTs(p.closedAt)) ||
      g.placements.some(
        (pl) =>
          pl.personId === p.id &&
          ((pl.endReason === "reoffended" && inP(pl.endDate)) || (pl.outcome === "reoffended" && inPTs(pl.outcomeAt))),
      ),
  ).length;
  out.supervised = persons.filter(
    (p) => vnDay(p.createdAt) <= to && (p.closedAt === null || vnDay(p.closedAt) >= from),
  ).length;
  out.reoffendingRate = out.supervised ? out.reoffended / out.supervised : null;

  const fu = g.followUps.filter((f) => personIds.has(f.personId) && inPTs(f.doneAt));
  const fu6 = fu.filter((f) => f.monthOffset === 6);
  const fu12 = fu.filter((f) => f.monthOffset === 12);
  out.followUps6m = fu6.length;
  out.stillEmployed6mCount = fu6.filter((f) => f.stillEmployed === true).length;
  out.stillEmployed6m = fu6.length ? out.stillEmployed6mCount / fu6.length : null;
  out.followUps12m = fu12.length;
  out.stillEmployed12mCount = fu12.filter((f) => f.stillEmployed === true).length;
  out.stillEmployed12m = fu12.length ? out.stillEmployed12mCount / fu12.length : null;
  return out;
}
