import { eq, sql } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { MessageKey } from "~/i18n";
import {
  notify,
  officersOfPerson,
  userOfPerson,
  usersOfOrganization,
} from "~/modules/notifications/notifications.server";

import type { Executor } from "../../../db/client.server";
import type { ReferralKind } from "../../../db/enums";
import { job, organization, referral, releasedPerson, trainingSlot } from "../../../db/schema";

/** Each party reads a referral on its own page: the officer's, the organisation's, the person's list. */
export const officerReferralLink = (id: string) => `/officer/referrals/${id}`;
/** The organisation's page follows who it is: a business also answers referrals to its own training slots. */
export const organizationReferralLink = (organizationRole: string, id: string) =>
  `/${organizationRole === "training_provider" ? "provider" : "employer"}/referrals/${id}`;

/** The referral kinds an organisation answers: an employer its jobs and its training slots, a provider its courses. */
export const kindsAnsweredBy = (role: OrgScope["role"]): ReferralKind[] =>
  role === "employer" ? ["job", "training"] : ["training"];
export const PERSON_REFERRALS_LINK = "/me/referrals";

/** The referral facts every notification needs: who, which listing (its title), which organisation. */
export type ReferralHead = {
  id: string;
  personId: string;
  kind: ReferralKind;
  organizationId: string;
  organizationRole: string;
  title: string;
};

export async function referralHead(executor: Executor, referralId: string): Promise<ReferralHead | undefined> {
  const [row] = await executor
    .select({
      id: referral.id,
      personId: referral.personId,
      kind: referral.kind,
      organizationId: referral.organizationId,
      organizationRole: organization.role,
      title: sql<string>`coalesce(${job.title}, ${trainingSlot.title}, '')`,
    })
    .from(referral)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(eq(referral.id, referralId));
  return row;
}

export type PartyKeys = { officer?: MessageKey; organization?: MessageKey; person?: MessageKey };

/**
 * Tell each party what changed, each with its own sentence and link, in the caller's transaction. The
 * organisation and the person get the listing title only; officers also get the person (by reference,
 * named when their list is read: they serve them). The acting user is never told about their own change.
 */
export async function notifyParties(
  executor: Executor,
  head: ReferralHead,
  keys: PartyKeys,
  actorId: string | null = null,
): Promise<void> {
  const notMe = (ids: (string | null)[]) => ids.filter((id) => id && id !== actorId);
  if (keys.officer) {
    await notify(executor, notMe(await officersOfPerson(executor, head.personId)), {
      messageKey: keys.officer,
      // The person by reference: the officer's list names them while they are in the officer's communes.
      params: { title: head.title, personId: head.personId },
      link: officerReferralLink(head.id),
    });
  }
  if (keys.organization) {
    await notify(executor, notMe(await usersOfOrganization(executor, head.organizationId)), {
      messageKey: keys.organization,
      params: { title: head.title },
      link: organizationReferralLink(head.organizationRole, head.id),
    });
  }
  if (keys.person) {
    await notify(executor, notMe([await userOfPerson(executor, head.personId)]), {
      messageKey: keys.person,
      params: { title: head.title },
      link: PERSON_REFERRALS_LINK,
    });
  }
}
