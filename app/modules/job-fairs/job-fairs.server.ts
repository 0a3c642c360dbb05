import { and, asc, desc, eq, inArray, notExists, type SQL, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { now } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import { commune, jobFair, jobFairEmployer, jobFairParticipant, organization } from "../../../db/schema";
import type { FairEmployerInput, FairInput } from "./schema.server";

/**
 * Job fairs (phiên giao dịch việc làm): a commune officer organises one in a commune they serve, invites
 * verified employers of the province with their openings, registers persons of their communes and records
 * what came of it. A provincial admin reads the province's fairs. Participants live in participants.server.ts,
 * the per-session report in report.server.ts.
 */

/** The fairs a staff member reaches: an officer's communes, or a provincial admin's province. */
export function fairsInScope(scope: StaffScope): SQL {
  return scope.communeCodes !== null
    ? inArray(jobFair.communeCode, scope.communeCodes.length ? scope.communeCodes : ["-"])
    : inArray(jobFair.provinceCode, scope.provinceCodes.length ? scope.provinceCodes : ["-"]);
}

export type Fair = {
  id: string;
  title: string;
  heldOn: string;
  place: string;
  note: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
};

const fairColumns = {
  id: jobFair.id,
  title: jobFair.title,
  heldOn: jobFair.heldOn,
  place: jobFair.place,
  note: jobFair.note,
  communeCode: jobFair.communeCode,
  communeName: commune.name,
  provinceCode: jobFair.provinceCode,
};

/** One fair within reach (undefined otherwise: the caller answers 404). */
export async function getFair(scope: StaffScope, fairId: string, executor: Executor = db()): Promise<Fair | undefined> {
  const [row] = await executor
    .select(fairColumns)
    .from(jobFair)
    .innerJoin(commune, eq(commune.code, jobFair.communeCode))
    .where(and(eq(jobFair.id, fairId), fairsInScope(scope)));
  return row;
}

/** The same, locked for a change (two officers adding the same employer wait for each other). */
export async function lockFair(executor: Executor, scope: StaffScope, fairId: string): Promise<Fair | undefined> {
  const [row] = await executor
    .select(fairColumns)
    .from(jobFair)
    .innerJoin(commune, eq(commune.code, jobFair.communeCode))
    .where(and(eq(jobFair.id, fairId), fairsInScope(scope)))
    .for("update", { of: jobFair });
  return row;
}

export type FairListRow = Fair & { employers: number; openings: number; participants: number; hired: number };

/** The fairs within reach, latest first, with what the list shows of each (counts only, no names). */
export async function listFairs(scope: StaffScope): Promise<FairListRow[]> {
  const rows = await db()
    .select({
      ...fairColumns,
      employers: sql<number>`(select count(*) from ${jobFairEmployer} e where e.fair_id = ${jobFair.id})`.mapWith(
        Number,
      ),
      openings:
        sql<number>`(select coalesce(sum(e.openings), 0) from ${jobFairEmployer} e where e.fair_id = ${jobFair.id})`.mapWith(
          Number,
        ),
      participants: sql<number>`(select count(*) from ${jobFairParticipant} p where p.fair_id = ${jobFair.id})`.mapWith(
        Number,
      ),
      hired:
        sql<number>`(select count(*) from ${jobFairParticipant} p where p.fair_id = ${jobFair.id} and p.outcome = 'hired')`.mapWith(
          Number,
        ),
    })
    .from(jobFair)
    .innerJoin(commune, eq(commune.code, jobFair.communeCode))
    .where(fairsInScope(scope))
    .orderBy(desc(jobFair.heldOn), desc(jobFair.createdAt))
    .limit(300);
  return rows;
}

export type CreateFairOutcome = { ok: true; fairId: string } | { ok: false; errors: FieldErrors };

/** A new fair, held in one of the officer's communes. */
export async function createFair(scope: StaffScope, input: FairInput): Promise<CreateFairOutcome> {
  if (scope.communeCodes === null || !scope.communeCodes.includes(input.communeCode)) {
    return { ok: false, errors: { communeCode: { key: "events.fair.error.commune" } } };
  }
  const [place] = await db()
    .select({ provinceCode: commune.provinceCode })
    .from(commune)
    .where(eq(commune.code, input.communeCode));
  if (!place) return { ok: false, errors: { communeCode: { key: "events.fair.error.commune" } } };
  const [row] = await db()
    .insert(jobFair)
    .values({ ...input, provinceCode: place.provinceCode, createdBy: scope.actorId, createdAt: now() })
    .returning({ id: jobFair.id });
  return { ok: true, fairId: row.id };
}

export type FairEmployer = { organizationId: string; name: string; communeName: string; openings: number };

export async function fairEmployers(fairId: string, executor: Executor = db()): Promise<FairEmployer[]> {
  return executor
    .select({
      organizationId: jobFairEmployer.organizationId,
      name: organization.name,
      communeName: commune.name,
      openings: jobFairEmployer.openings,
    })
    .from(jobFairEmployer)
    .innerJoin(organization, eq(organization.id, jobFairEmployer.organizationId))
    .innerJoin(commune, eq(commune.code, organization.communeCode))
    .where(eq(jobFairEmployer.fairId, fairId))
    .orderBy(asc(organization.name));
}

/** Employers that may join: verified employers of the fair's province, not there yet. */
export async function employerOptions(fair: Fair): Promise<{ id: string; name: string; communeName: string }[]> {
  return db()
    .select({ id: organization.id, name: organization.name, communeName: commune.name })
    .from(organization)
    .innerJoin(commune, eq(commune.code, organization.communeCode))
    .where(
      and(
        eq(organization.role, "employer"),
        eq(organization.verificationStatus, "verified"),
        eq(organization.provinceCode, fair.provinceCode),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(jobFairEmployer)
            .where(and(eq(jobFairEmployer.fairId, fair.id), eq(jobFairEmployer.organizationId, organization.id))),
        ),
      ),
    )
    .orderBy(asc(organization.name))
    .limit(500);
}

export type FairChange = Outcome;

/** Add a verified employer of the province with its openings; adding it again updates the openings. */
export async function addFairEmployer(
  scope: StaffScope,
  fairId: string,
  input: FairEmployerInput,
): Promise<FairChange> {
  return db().transaction(async (tx) => {
    const fair = await lockFair(tx, scope, fairId);
    if (!fair) return { ok: false as const, notFound: true as const };
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(
        and(
          eq(organization.id, input.organizationId),
          eq(organization.role, "employer"),
          eq(organization.verificationStatus, "verified"),
          eq(organization.provinceCode, fair.provinceCode),
        ),
      );
    if (!org)
      return {
        ok: false as const,
        errors: { organizationId: { key: "events.fair.error.notVerifiedEmployer" as const } },
      };
    await tx
      .insert(jobFairEmployer)
      .values({ fairId, organizationId: org.id, openings: input.openings })
      .onConflictDoUpdate({
        target: [jobFairEmployer.fairId, jobFairEmployer.organizationId],
        set: { openings: input.openings },
      });
    return { ok: true as const };
  });
}

/** Take an employer off the fair, unless someone's interview or hire with it is recorded. */
export async function removeFairEmployer(
  scope: StaffScope,
  fairId: string,
  organizationId: string,
): Promise<FairChange> {
  return db().transaction(async (tx) => {
    const fair = await lockFair(tx, scope, fairId);
    if (!fair) return { ok: false as const, notFound: true as const };
    const [used] = await tx
      .select({ personId: jobFairParticipant.personId })
      .from(jobFairParticipant)
      .where(and(eq(jobFairParticipant.fairId, fairId), eq(jobFairParticipant.organizationId, organizationId)))
      .limit(1);
    if (used) return { ok: false as const, errors: { _form: { key: "events.fair.error.employerInUse" as const } } };
    const removed = await tx
      .delete(jobFairEmployer)
      .where(and(eq(jobFairEmployer.fairId, fairId), eq(jobFairEmployer.organizationId, organizationId)))
      .returning({ id: jobFairEmployer.organizationId });
    if (removed.length === 0) return { ok: false as const, notFound: true as const };
    return { ok: true as const };
  });
}
