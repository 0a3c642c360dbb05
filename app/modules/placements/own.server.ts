import { and, asc, desc, eq, gte, isNull, or } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { enrolment, followUp, organization, placement, trainingSlot } from "../../../db/schema";

/**
 * What the person is doing now, for their own pages (/me, /me/matches): the job they hold (employer,
 * position, start date, the next follow-up their officer will make) and the course they attend. Only the
 * person's own rows, and only what they already know; no officer notes, no wage history.
 */
export async function currentWorkOf(personId: string, today = todayIso()) {
  const [job] = await db()
    .select({
      id: placement.id,
      employerName: placement.employerName,
      position: placement.position,
      startDate: placement.startDate,
    })
    .from(placement)
    .where(and(eq(placement.personId, personId), or(isNull(placement.endDate), gte(placement.endDate, today))))
    .orderBy(desc(placement.startDate))
    .limit(1);
  const [next] = job
    ? await db()
        .select({ dueOn: followUp.dueOn, monthOffset: followUp.monthOffset })
        .from(followUp)
        .where(and(eq(followUp.placementId, job.id), isNull(followUp.doneAt), isNull(followUp.cancelledAt)))
        .orderBy(asc(followUp.dueOn))
        .limit(1)
    : [];
  const [course] = await db()
    .select({ courseTitle: trainingSlot.title, providerName: organization.name, enrolledOn: enrolment.enrolledOn })
    .from(enrolment)
    .innerJoin(trainingSlot, eq(trainingSlot.id, enrolment.trainingSlotId))
    .innerJoin(organization, eq(organization.id, enrolment.organizationId))
    .where(and(eq(enrolment.personId, personId), eq(enrolment.status, "enrolled")))
    .orderBy(desc(enrolment.enrolledOn))
    .limit(1);
  return {
    job: job
      ? { employerName: job.employerName, position: job.position, startDate: job.startDate, nextFollowUp: next ?? null }
      : null,
    course: course ?? null,
  };
}
export type CurrentWork = Awaited<ReturnType<typeof currentWorkOf>>;
