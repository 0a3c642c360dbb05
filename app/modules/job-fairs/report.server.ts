import { and, asc, eq, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";

import { db } from "../../../db/client.server";
import { jobFairEmployer, jobFairParticipant, organization } from "../../../db/schema";
import { type Fair, getFair } from "./job-fairs.server";

/**
 * The report of one session (báo cáo kết quả phiên giao dịch việc làm): counted from the participant rows
 * each time it is read, never stored. No person is named, so a provincial admin may read it and nothing is
 * audited. Outcomes are steps: a hire was interviewed, an interview attended.
 */

export type EmployerLine = {
  organizationId: string;
  name: string;
  openings: number;
  interviews: number;
  hires: number;
  placements: number;
};

export type FairReport = {
  fair: Fair;
  employers: EmployerLine[];
  totals: {
    employers: number;
    openings: number;
    registered: number;
    /** Came to the fair: attended, interviewed or hired. */
    attended: number;
    absent: number;
    /** Registered, no outcome recorded yet. */
    pending: number;
    interviews: number;
    hires: number;
    placements: number;
    /** Hires per person who came (null when nobody came). */
    hireRate: number | null;
  };
};

const n = (expr: ReturnType<typeof sql>) => expr.mapWith(Number);

export async function fairReport(scope: StaffScope, fairId: string): Promise<FairReport | undefined> {
  const fair = await getFair(scope, fairId);
  if (!fair) return undefined;
  const p = jobFairParticipant;
  const employers = await db()
    .select({
      organizationId: jobFairEmployer.organizationId,
      name: organization.name,
      openings: jobFairEmployer.openings,
      interviews: n(sql`count(${p.personId}) filter (where ${p.outcome} in ('interviewed', 'hired'))`),
      hires: n(sql`count(${p.personId}) filter (where ${p.outcome} = 'hired')`),
      placements: n(sql`count(${p.placementId}) filter (where ${p.outcome} = 'hired')`),
    })
    .from(jobFairEmployer)
    .innerJoin(organization, eq(organization.id, jobFairEmployer.organizationId))
    .leftJoin(p, and(eq(p.fairId, jobFairEmployer.fairId), eq(p.organizationId, jobFairEmployer.organizationId)))
    .where(eq(jobFairEmployer.fairId, fairId))
    .groupBy(jobFairEmployer.organizationId, organization.name, jobFairEmployer.openings)
    .orderBy(asc(organization.name));
  const [counts] = await db()
    .select({
      registered: n(sql`count(*)`),
      attended: n(sql`count(*) filter (where ${p.outcome} in ('attended', 'interviewed', 'hired'))`),
      absent: n(sql`count(*) filter (where ${p.outcome} = 'absent')`),
      pending: n(sql`count(*) filter (where ${p.outcome} = 'registered')`),
      interviews: n(sql`count(*) filter (where ${p.outcome} in ('interviewed', 'hired'))`),
      hires: n(sql`count(*) filter (where ${p.outcome} = 'hired')`),
      placements: n(sql`count(${p.placementId})`),
    })
    .from(p)
    .where(eq(p.fairId, fairId));
  const totals = {
    employers: employers.length,
    openings: employers.reduce((sum, e) => sum + e.openings, 0),
    ...counts,
    hireRate: counts.attended > 0 ? counts.hires / counts.attended : null,
  };
  return { fair, employers, totals };
}
