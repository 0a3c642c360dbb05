import { and, desc, eq, notExists } from "drizzle-orm";
import type { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { audit } from "~/modules/audit/audit.server";
import { notify, usersOfOrganization } from "~/modules/notifications/notifications.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import { enrolment, organization, placement, referral, releasedPerson, trainingSlot } from "../../../db/schema";
import { acceptedOnOf, checkBackdate, personHeading, START_DAYS_AHEAD } from "./placements.server";
import type { completeEnrolmentSchema, dropEnrolmentSchema, EnrolmentInput } from "./schema.server";

/** Course enrolments from accepted course referrals: enrolled → completed (certificate) or dropped out, then a job. */

type CourseReferral = {
  referralId: string;
  trainingSlotId: string;
  organizationId: string;
  courseTitle: string;
  providerName: string;
  startsAt: string;
};
type CourseSource =
  | { ok: true; course: CourseReferral }
  | { ok: false; problem: "not_found" | "not_training" | "not_accepted" | "already_enrolled"; enrolmentId?: string };

async function courseReferral(executor: Executor, personId: string, referralId: string): Promise<CourseSource> {
  const [row] = await executor
    .select({
      id: referral.id,
      kind: referral.kind,
      status: referral.status,
      trainingSlotId: trainingSlot.id,
      organizationId: referral.organizationId,
      courseTitle: trainingSlot.title,
      startsAt: trainingSlot.startsAt,
      providerName: organization.name,
    })
    .from(referral)
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(and(eq(referral.id, referralId), eq(referral.personId, personId)));
  if (!row) return { ok: false, problem: "not_found" };
  if (row.kind !== "training" || !row.trainingSlotId) return { ok: false, problem: "not_training" };
  if (row.status !== "accepted") return { ok: false, problem: "not_accepted" };
  const [existing] = await executor
    .select({ id: enrolment.id })
    .from(enrolment)
    .where(eq(enrolment.referralId, row.id));
  if (existing) return { ok: false, problem: "already_enrolled", enrolmentId: existing.id };
  return {
    ok: true,
    course: {
      referralId: row.id,
      trainingSlotId: row.trainingSlotId,
      organizationId: row.organizationId,
      courseTitle: row.courseTitle ?? "",
      providerName: row.providerName,
      startsAt: row.startsAt ?? "",
    },
  };
}

/** Accepted course referrals of the person with no enrolment yet. */
async function waitingCourseReferrals(personId: string) {
  return db()
    .select({
      id: referral.id,
      courseTitle: trainingSlot.title,
      providerName: organization.name,
      updatedAt: referral.updatedAt,
    })
    .from(referral)
    .innerJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .where(
      and(
        eq(referral.personId, personId),
        eq(referral.kind, "training"),
        eq(referral.status, "accepted"),
        notExists(db().select({ id: enrolment.id }).from(enrolment).where(eq(enrolment.referralId, referral.id))),
      ),
    )
    .orderBy(desc(referral.updatedAt));
}

/** The enrolment page: the form for one accepted course referral, or the list of referrals to choose from. */
export async function enrolmentForm(scope: StaffScope, personId: string, referralId: string | null) {
  const person = await personHeading(scope, personId);
  if (!person) return undefined;
  const today = todayIso();
  if (!referralId)
    return { person, today, course: null, problem: null, waiting: await waitingCourseReferrals(personId) };
  const found = await courseReferral(db(), personId, referralId);
  if (!found.ok)
    return found.problem === "not_found"
      ? undefined
      : { person, today, course: null, problem: found.problem, enrolmentId: found.enrolmentId, waiting: [] };
  return { person, today, course: found.course, problem: null, waiting: [] };
}

export type EnrolOutcome = Outcome<{ enrolmentId: string }>;

export async function createEnrolment(
  scope: StaffScope,
  personId: string,
  input: EnrolmentInput,
): Promise<EnrolOutcome> {
  const person = await personHeading(scope, personId);
  if (!person) return { ok: false, notFound: true };
  const found = await courseReferral(db(), personId, input.referralId);
  if (!found.ok) {
    if (found.problem === "not_found") return { ok: false, notFound: true };
    return {
      ok: false,
      errors: {
        _form: { key: `outcomes.enrolment.source.${found.problem}` as "outcomes.enrolment.source.not_accepted" },
      },
    };
  }
  const today = todayIso();
  if (person.status !== "active") return { ok: false, errors: { _form: { key: "outcomes.placement.error.closed" } } };
  if (input.enrolledOn > addDays(today, START_DAYS_AHEAD))
    return {
      ok: false,
      errors: { enrolledOn: { key: "outcomes.placement.error.startFuture", vars: { days: START_DAYS_AHEAD } } },
    };
  if (input.enrolledOn < person.releaseDate)
    return {
      ok: false,
      errors: {
        enrolledOn: {
          key: "outcomes.placement.error.startBeforeRelease",
          vars: { date: formatDate(person.releaseDate) },
        },
      },
    };
  const { course } = found;
  // An enrolment date before the person's yes to the course: confirmed with a reason, or refused.
  const errors: FieldErrors = {};
  const backdateReason = checkBackdate(
    "enrolledOn",
    input.enrolledOn,
    await acceptedOnOf(db(), course.referralId),
    input,
    errors,
  );
  if (Object.keys(errors).length) return { ok: false, errors };
  const enrolmentId = await db().transaction(async (tx) => {
    const [created] = await tx
      .insert(enrolment)
      .values({
        personId,
        referralId: course.referralId,
        trainingSlotId: course.trainingSlotId,
        organizationId: course.organizationId,
        enrolledOn: input.enrolledOn,
        backdateReason,
        createdBy: scope.actorId,
        createdAt: now(),
        updatedAt: now(),
      })
      .onConflictDoNothing()
      .returning({ id: enrolment.id });
    if (!created) return null;
    await notify(tx, await usersOfOrganization(tx, course.organizationId), {
      messageKey: "notify.enrolment.created.provider",
      params: { course: course.courseTitle, date: formatDate(input.enrolledOn) },
      link: `/provider/trainings/${course.trainingSlotId}`,
    });
    await audit(tx, { id: scope.actorId, role: scope.role }, personId, "enrolment", "case_management", {
      stage: "enrolled",
      enrolmentId: created.id,
    });
    return created.id;
  });
  if (!enrolmentId) return { ok: false, errors: { _form: { key: "outcomes.enrolment.source.already_enrolled" } } };
  return { ok: true, enrolmentId };
}

/** One enrolment for an officer whose reach includes the person. Audited as a read. */
export async function getEnrolment(scope: StaffScope, enrolmentId: string) {
  const [row] = await db()
    .select({
      id: enrolment.id,
      personId: enrolment.personId,
      personName: releasedPerson.fullName,
      status: enrolment.status,
      enrolledOn: enrolment.enrolledOn,
      backdateReason: enrolment.backdateReason,
      completedOn: enrolment.completedOn,
      certificate: enrolment.certificate,
      droppedOn: enrolment.droppedOn,
      dropReason: enrolment.dropReason,
      courseTitle: trainingSlot.title,
      providerName: organization.name,
      trainingSlotId: enrolment.trainingSlotId,
    })
    .from(enrolment)
    .innerJoin(releasedPerson, eq(releasedPerson.id, enrolment.personId))
    .innerJoin(trainingSlot, eq(trainingSlot.id, enrolment.trainingSlotId))
    .innerJoin(organization, eq(organization.id, enrolment.organizationId))
    .where(and(eq(enrolment.id, enrolmentId), personsInScope(scope)));
  if (!row) return undefined;
  const [placed] = await db().select({ id: placement.id }).from(placement).where(eq(placement.enrolmentId, row.id));
  await audit(db(), { id: scope.actorId, role: scope.role }, row.personId, "view", "case_management", { enrolmentId });
  return { enrolment: row, placementId: placed?.id ?? null, today: todayIso() };
}

export type EnrolmentChange = Outcome;
type Finish =
  | { kind: "completed"; input: z.output<typeof completeEnrolmentSchema> }
  | { kind: "dropped_out"; input: z.output<typeof dropEnrolmentSchema> };

/** Close an enrolment: completed with its certificate, or dropped out with the reason. Only from "enrolled". */
export async function finishEnrolment(
  scope: StaffScope,
  enrolmentId: string,
  finish: Finish,
): Promise<EnrolmentChange> {
  return db().transaction(async (tx): Promise<EnrolmentChange> => {
    const [row] = await tx
      .select({
        id: enrolment.id,
        personId: enrolment.personId,
        status: enrolment.status,
        enrolledOn: enrolment.enrolledOn,
      })
      .from(enrolment)
      .innerJoin(releasedPerson, eq(releasedPerson.id, enrolment.personId))
      .where(and(eq(enrolment.id, enrolmentId), personsInScope(scope)))
      .for("update", { of: enrolment });
    if (!row) return { ok: false, notFound: true };
    if (row.status !== "enrolled")
      return { ok: false, errors: { _form: { key: "outcomes.enrolment.error.finished" } } };
    const field = finish.kind === "completed" ? "completedOn" : "droppedOn";
    const on = finish.kind === "completed" ? finish.input.completedOn : finish.input.droppedOn;
    if (on < row.enrolledOn)
      return {
        ok: false,
        errors: {
          [field]: { key: "outcomes.enrolment.error.beforeEnrolled", vars: { date: formatDate(row.enrolledOn) } },
        },
      };
    if (on > todayIso()) return { ok: false, errors: { [field]: { key: "outcomes.placement.error.endFuture" } } };
    const set =
      finish.kind === "completed"
        ? { status: "completed" as const, completedOn: on, certificate: finish.input.certificate }
        : { status: "dropped_out" as const, droppedOn: on, dropReason: finish.input.dropReason };
    await tx
      .update(enrolment)
      .set({ ...set, updatedAt: now() })
      .where(eq(enrolment.id, row.id));
    await audit(tx, { id: scope.actorId, role: scope.role }, row.personId, "enrolment", "case_management", {
      stage: finish.kind,
      enrolmentId,
    });
    return { ok: true };
  });
}
