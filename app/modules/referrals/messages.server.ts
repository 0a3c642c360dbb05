import { and, asc, eq, inArray } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { personsInScope } from "~/modules/persons/scope.server";
import { now } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { appUser, referral, referralMessage, releasedPerson } from "../../../db/schema";
import { kindsAnsweredBy, notifyParties, referralHead } from "./parties.server";

/**
 * The thread between the officer and the organisation on one referral. The person does not see it (it is
 * about arranging their referral, not addressed to them). Each new message notifies the other side.
 */

export async function listMessages(referralId: string) {
  return db()
    .select({
      id: referralMessage.id,
      authorRole: referralMessage.authorRole,
      authorName: appUser.fullName,
      body: referralMessage.body,
      at: referralMessage.at,
    })
    .from(referralMessage)
    .leftJoin(appUser, eq(appUser.id, referralMessage.authorId))
    .where(eq(referralMessage.referralId, referralId))
    .orderBy(asc(referralMessage.at), asc(referralMessage.id));
}

/** An officer serving the person writes to the organisation. False: not a referral within their reach. */
export async function postMessageAsOfficer(scope: StaffScope, referralId: string, body: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [target] = await tx
      .select({ id: referral.id })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .where(and(eq(referral.id, referralId), personsInScope(scope)));
    if (!target) return false;
    await tx
      .insert(referralMessage)
      .values({ referralId, authorId: scope.actorId, authorRole: scope.role, body, at: now() });
    const head = await referralHead(tx, referralId);
    if (head) await notifyParties(tx, head, { organization: "notify.referral.organization.message" }, scope.actorId);
    return true;
  });
}

/** The organisation writes to the person's officers. False: not one of its referrals. */
export async function postMessageAsOrganization(scope: OrgScope, referralId: string, body: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [target] = await tx
      .select({ id: referral.id })
      .from(referral)
      .where(
        and(
          eq(referral.id, referralId),
          eq(referral.organizationId, scope.organizationId),
          inArray(referral.kind, kindsAnsweredBy(scope.role)),
        ),
      );
    if (!target) return false;
    await tx
      .insert(referralMessage)
      .values({ referralId, authorId: scope.actorId, authorRole: scope.role, body, at: now() });
    const head = await referralHead(tx, referralId);
    if (head) await notifyParties(tx, head, { officer: "notify.referral.officer.message" }, scope.actorId);
    return true;
  });
}
