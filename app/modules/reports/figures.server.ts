import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { liveConsent } from "~/modules/consent/live.server";
import { DUE_DAYS_BEFORE, OVERDUE_DAYS_AFTER } from "~/modules/placements/schedule";
import { now, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { db } from "../../../db/client.server";
import { commune, enrolment, followUp, placement, referral, releasedPerson } from "../../../db/schema";
import { type Figures, sumFigures, zeroFigures } from "./indicator-keys";

/**
 * The commune's figures: plain counts straight from the database, per commune of the actor's reach (an
 * officer's communes, or a provincial admin's whole province) and summed. No names are read. Persons are
 * placed by the commune they live in now. The official reports (another issue) can build on these. Which
 * figures there are, their order and labels: FIGURE_KEYS in indicator-keys.ts.
 */

/**
 * The place part of the scope only: statistics keep counting records anonymised on request (the counts
 * carry no identity), unlike personsInScope, which guards reads of a person.
 */
function inReach(scope: StaffScope): SQL {
  return scope.communeCodes !== null
    ? inArray(releasedPerson.communeCode, scope.communeCodes.length ? scope.communeCodes : ["-"])
    : inArray(releasedPerson.provinceCode, scope.provinceCodes.length ? scope.provinceCodes : ["-"]);
}

const n = (expr: SQL) => sql<number>`count(*) filter (where ${expr})`.mapWith(Number);

/** Figures per commune of the reach (only communes with at least one registered person). */
export async function figuresByCommune(scope: StaffScope): Promise<{ code: string; name: string; figures: Figures }[]> {
  const today = todayIso();
  const at = now();
  const reach = inReach(scope);
  const code = releasedPerson.communeCode;
  const [persons, referrals, placements, enrolments, followUps] = await Promise.all([
    db()
      .select({
        code,
        personsActive: n(sql`${releasedPerson.status} = 'active' and ${releasedPerson.anonymizedAt} is null`),
        withMatchingConsent: n(
          sql`${releasedPerson.status} = 'active' and ${releasedPerson.anonymizedAt} is null and ${liveConsent(releasedPerson.id, "matching", at)}`,
        ),
      })
      .from(releasedPerson)
      .where(reach)
      .groupBy(code),
    db()
      .select({
        code,
        referralsTotal: n(sql`true`),
        referralsOpen: n(sql`${referral.status} in ('referred', 'seen', 'interview', 'offered')`),
        referralsAccepted: n(sql`${referral.status} = 'accepted'`),
      })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .where(reach)
      .groupBy(code),
    db()
      .select({
        code,
        placementsStarted: n(sql`${placement.startDate} <= ${today}`),
        employedNow: n(sql`${placement.startDate} <= ${today} and ${placement.endDate} is null`),
        outcomeStable: n(sql`${placement.outcome} = 'stable'`),
        outcomeUnstable: n(sql`${placement.outcome} = 'unstable'`),
        outcomeLeftWork: n(sql`${placement.outcome} = 'left_work'`),
        outcomeReoffended: n(sql`${placement.outcome} = 'reoffended'`),
      })
      .from(placement)
      .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
      .where(reach)
      .groupBy(code),
    db()
      .select({
        code,
        enrolled: n(sql`${enrolment.status} = 'enrolled'`),
        completed: n(sql`${enrolment.status} = 'completed'`),
        droppedOut: n(sql`${enrolment.status} = 'dropped_out'`),
      })
      .from(enrolment)
      .innerJoin(releasedPerson, eq(releasedPerson.id, enrolment.personId))
      .where(reach)
      .groupBy(code),
    db()
      .select({
        code,
        followUpsDue: n(sql`${followUp.dueOn} > ${addDays(today, -OVERDUE_DAYS_AFTER)}`),
        followUpsOverdue: n(sql`${followUp.dueOn} <= ${addDays(today, -OVERDUE_DAYS_AFTER)}`),
      })
      .from(followUp)
      .innerJoin(releasedPerson, eq(releasedPerson.id, followUp.personId))
      .where(
        and(
          reach,
          sql`${followUp.doneAt} is null and ${followUp.cancelledAt} is null and ${followUp.dueOn} <= ${addDays(today, DUE_DAYS_BEFORE)}`,
        ),
      )
      .groupBy(code),
  ]);
  const byCode = new Map<string, Figures>();
  for (const rows of [persons, referrals, placements, enrolments, followUps] as { code: string }[][]) {
    for (const { code: c, ...counts } of rows)
      byCode.set(c, { ...(byCode.get(c) ?? zeroFigures()), ...(counts as Partial<Figures>) });
  }
  if (byCode.size === 0) return [];
  const names = await db()
    .select({ code: commune.code, name: commune.name })
    .from(commune)
    .where(inArray(commune.code, [...byCode.keys()]))
    .orderBy(asc(commune.name));
  return names.map((c) => ({ code: c.code, name: c.name, figures: byCode.get(c.code)! }));
}

/** The figures of the whole reach: the sum over its communes. */
export async function communeFigures(scope: StaffScope): Promise<Figures> {
  return sumFigures((await figuresByCommune(scope)).map((c) => c.figures));
}
