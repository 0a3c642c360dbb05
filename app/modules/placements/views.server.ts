import { aliasedTable, and, asc, desc, eq, inArray, notExists } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { personInScope, personsInScope } from "~/modules/persons/scope.server";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import {
  appUser,
  enrolment,
  followUp,
  job,
  organization,
  placement,
  referral,
  releasedPerson,
  trainingSlot,
} from "../../../db/schema";
import { canRecord, type FollowUpState, followUpState } from "./schedule";

/** What officers read about placements, follow-ups and enrolments: one placement, or a person's whole history. */

const confirmer = aliasedTable(appUser, "confirmer");
const recorder = aliasedTable(appUser, "recorder");

export type FollowUpView = Awaited<ReturnType<typeof followUpsOf>>[number];

/** The follow-ups of some placements with their state on `today`, earliest first. */
export async function followUpsOf(placementIds: string[], today: string) {
  if (placementIds.length === 0) return [];
  const rows = await db()
    .select({
      id: followUp.id,
      placementId: followUp.placementId,
      monthOffset: followUp.monthOffset,
      dueOn: followUp.dueOn,
      doneAt: followUp.doneAt,
      doneByName: recorder.fullName,
      cancelledAt: followUp.cancelledAt,
      stillEmployed: followUp.stillEmployed,
      currentWage: followUp.currentWage,
      stable: followUp.stable,
      livingSituation: followUp.livingSituation,
      violation: followUp.violation,
      violationNote: followUp.violationNote,
      note: followUp.note,
      employerConfirmedAt: followUp.employerConfirmedAt,
      employerConfirmedByName: confirmer.fullName,
      employerNote: followUp.employerNote,
    })
    .from(followUp)
    .leftJoin(recorder, eq(recorder.id, followUp.doneBy))
    .leftJoin(confirmer, eq(confirmer.id, followUp.employerConfirmedBy))
    .where(inArray(followUp.placementId, placementIds))
    .orderBy(asc(followUp.monthOffset));
  return rows.map((r) => {
    const state: FollowUpState = followUpState(r, today);
    return { ...r, state, recordable: canRecord(state) };
  });
}

const placementColumns = {
  id: placement.id,
  personId: placement.personId,
  referralId: placement.referralId,
  enrolmentId: placement.enrolmentId,
  organizationId: placement.organizationId,
  employerName: placement.employerName,
  position: placement.position,
  wage: placement.wage,
  contractKind: placement.contractKind,
  startDate: placement.startDate,
  backdateReason: placement.backdateReason,
  endDate: placement.endDate,
  endReason: placement.endReason,
  endNote: placement.endNote,
  outcome: placement.outcome,
  outcomeAt: placement.outcomeAt,
};

/** One placement with its follow-ups, for an officer whose reach includes the person. Audited as a read. */
export async function getPlacementView(scope: StaffScope, placementId: string) {
  const [row] = await db()
    .select({ ...placementColumns, personName: releasedPerson.fullName, personStatus: releasedPerson.status })
    .from(placement)
    .innerJoin(releasedPerson, eq(releasedPerson.id, placement.personId))
    .where(and(eq(placement.id, placementId), personsInScope(scope)));
  if (!row) return undefined;
  const today = todayIso();
  const followUps = await followUpsOf([row.id], today);
  await audit(db(), { id: scope.actorId, role: scope.role }, row.personId, "view", "follow_up", {
    placementId: row.id,
  });
  return { placement: row, followUps, today };
}

export type AcceptedReferral = {
  id: string;
  kind: "job" | "training";
  title: string;
  organizationName: string;
  updatedAt: Date;
};

/**
 * A person's jobs and courses for their officer's page: placements with follow-ups and outcome, enrolments,
 * and accepted referrals still waiting to be recorded. The caller has checked (and audited) the read.
 */
export async function personOutcomes(scope: StaffScope, personId: string) {
  const [inScope] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!inScope) return undefined;
  const today = todayIso();
  const placements = await db()
    .select(placementColumns)
    .from(placement)
    .where(eq(placement.personId, personId))
    .orderBy(desc(placement.startDate));
  const followUps = await followUpsOf(
    placements.map((p) => p.id),
    today,
  );
  const enrolments = await db()
    .select({
      id: enrolment.id,
      status: enrolment.status,
      enrolledOn: enrolment.enrolledOn,
      completedOn: enrolment.completedOn,
      certificate: enrolment.certificate,
      droppedOn: enrolment.droppedOn,
      courseTitle: trainingSlot.title,
      providerName: organization.name,
    })
    .from(enrolment)
    .innerJoin(trainingSlot, eq(trainingSlot.id, enrolment.trainingSlotId))
    .innerJoin(organization, eq(organization.id, enrolment.organizationId))
    .where(eq(enrolment.personId, personId))
    .orderBy(desc(enrolment.enrolledOn));
  // Accepted referrals with nothing recorded yet: the officer's next step.
  const waiting = await db()
    .select({
      id: referral.id,
      kind: referral.kind,
      jobTitle: job.title,
      courseTitle: trainingSlot.title,
      organizationName: organization.name,
      updatedAt: referral.updatedAt,
    })
    .from(referral)
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(
      and(
        eq(referral.personId, personId),
        eq(referral.status, "accepted"),
        notExists(db().select({ id: placement.id }).from(placement).where(eq(placement.referralId, referral.id))),
        notExists(db().select({ id: enrolment.id }).from(enrolment).where(eq(enrolment.referralId, referral.id))),
      ),
    )
    .orderBy(desc(referral.updatedAt));
  const accepted: AcceptedReferral[] = waiting.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: (r.kind === "job" ? r.jobTitle : r.courseTitle) ?? "",
    organizationName: r.organizationName,
    updatedAt: r.updatedAt,
  }));
  return {
    placements: placements.map((p) => ({ ...p, followUps: followUps.filter((f) => f.placementId === p.id) })),
    enrolments,
    accepted,
    today,
  };
}
