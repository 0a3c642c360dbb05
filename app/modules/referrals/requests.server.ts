import { and, eq, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { notify, officersOfPerson, userOfPerson } from "~/modules/notifications/notifications.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now } from "~/utils/clock.server";

import { db, type Executor } from "../../../db/client.server";
import type { ReferralKind } from "../../../db/enums";
import { job, organization, referralRequest, releasedPerson, trainingSlot } from "../../../db/schema";
import { PERSON_REFERRALS_LINK } from "./parties.server";

/**
 * A person asks their officer to be referred (self-service creates the request); the officer approves it
 * by referring (createReferral with the request id) or declines it here, with a word to the person.
 */

const listingTitle = sql<string>`coalesce(${job.title}, ${trainingSlot.title}, '')`;

/** Pending requests of the persons an officer serves, oldest first (the longest waiting on top). */
export async function listPendingRequests(scope: StaffScope) {
  return db()
    .select({
      id: referralRequest.id,
      personId: referralRequest.personId,
      personName: releasedPerson.fullName,
      kind: referralRequest.kind,
      listingId: referralRequest.listingId,
      title: listingTitle,
      organizationName: organization.name,
      message: referralRequest.message,
      createdAt: referralRequest.createdAt,
    })
    .from(referralRequest)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referralRequest.personId))
    .leftJoin(job, and(eq(referralRequest.kind, "job"), eq(job.id, referralRequest.listingId)))
    .leftJoin(trainingSlot, and(eq(referralRequest.kind, "training"), eq(trainingSlot.id, referralRequest.listingId)))
    .leftJoin(organization, eq(organization.id, sql`coalesce(${job.organizationId}, ${trainingSlot.organizationId})`))
    .where(and(eq(referralRequest.status, "pending"), personsInScope(scope)))
    .orderBy(referralRequest.createdAt);
}

async function titleOf(executor: Executor, kind: ReferralKind, listingId: string): Promise<string> {
  const table = kind === "job" ? job : trainingSlot;
  const [row] = await executor.select({ title: table.title }).from(table).where(eq(table.id, listingId));
  return row?.title ?? "";
}

/** Self-service calls this in the transaction that creates the request: the person's officers hear of it. */
export async function notifyRequestCreated(
  executor: Executor,
  personId: string,
  kind: ReferralKind,
  listingId: string,
): Promise<void> {
  await notify(executor, await officersOfPerson(executor, personId), {
    messageKey: "notify.referral.request.created",
    // The person by reference: named when the officer's list is read, while they serve them.
    params: { personId, title: await titleOf(executor, kind, listingId) },
    link: "/officer/referrals",
  });
}

/** Decline a pending request of a person in scope. False: no such pending request within reach. */
export async function declineRequest(scope: StaffScope, requestId: string, note: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [target] = await tx
      .select({
        id: referralRequest.id,
        personId: referralRequest.personId,
        kind: referralRequest.kind,
        listingId: referralRequest.listingId,
      })
      .from(referralRequest)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referralRequest.personId))
      .where(and(eq(referralRequest.id, requestId), eq(referralRequest.status, "pending"), personsInScope(scope)))
      .for("update", { of: referralRequest });
    if (!target) return false;
    await tx
      .update(referralRequest)
      .set({ status: "declined", decidedBy: scope.actorId, decidedAt: now(), decisionNote: note })
      .where(eq(referralRequest.id, requestId));
    await audit(tx, { id: scope.actorId, role: scope.role }, target.personId, "referral_request_decide", "referral", {
      requestId,
      outcome: "declined",
    });
    // The officer's word goes to the person only: in the notification and on their referrals page.
    const title = await titleOf(tx, target.kind, target.listingId);
    await notify(tx, [await userOfPerson(tx, target.personId)], {
      messageKey: note ? "notify.referral.request.declinedWithNote" : "notify.referral.request.declined",
      params: note ? { title, note } : { title },
      link: PERSON_REFERRALS_LINK,
    });
    return true;
  });
}

/** For the officer's home: requests waiting in their communes. */
export async function countPendingRequests(scope: StaffScope): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(referralRequest)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referralRequest.personId))
    .where(and(eq(referralRequest.status, "pending"), personsInScope(scope)));
  return row?.n ?? 0;
}
