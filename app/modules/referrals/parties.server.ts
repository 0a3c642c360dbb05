import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.server";
import type { ReferralKind } from "../../../db/enums";
import { job, referral, releasedPerson, trainingSlot } from "../../../db/schema";
import type { MessageKey } from "../../i18n";
import { notify, officersOfPerson, userOfPerson, usersOfOrganization } from "../notifications/notifications.server";

/** Each party reads a referral on its own page: the officer's, the organisation's, the person's list. */
export const officerReferralLink = (id: string) => `/officer/referrals/${id}`;
export const organizationReferralLink = (kind: ReferralKind, id: string) => `/${kind === "job" ? "employer" : "provider"}/referrals/${id}`;
export const PERSON_REFERRALS_LINK = "/me/referrals";

/** The referral facts every notification needs: who, which listing (its title), which organisation. */
export type ReferralHead = { id: string; personId: string; kind: ReferralKind; organizationId: string; title: string; personName: string };

export async function referralHead(executor: Executor, referralId: string): Promise<ReferralHead | undefined> {
  const [row] = await executor
    .select({
      id: referral.id,
      personId: referral.personId,
      kind: referral.kind,
      organizationId: referral.organizationId,
      title: sql<string>`coalesce(${job.title}, ${trainingSlot.title}, '')`,
      personName: releasedPerson.fullName,
    })
    .from(referral)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(eq(referral.id, referralId));
  return row;
}

export type PartyKeys = { officer?: MessageKey; organization?: MessageKey; person?: MessageKey };

/**
 * Tell each party what changed, each with its own sentence and link, in the caller's transaction. The
 * organisation and the person get the listing title only; officers also get the person's name (they
 * serve them). The acting user is never told about their own change.
 */
export async function notifyParties(executor: Executor, head: ReferralHead, keys: PartyKeys, actorId: string | null = null): Promise<void> {
  const notMe = (ids: (string | null)[]) => ids.filter((id) => id && id !== actorId);
  if (keys.officer) {
    await notify(executor, notMe(await officersOfPerson(executor, head.personId)), {
      messageKey: keys.officer,
      params: { title: head.title, name: head.personName },
      link: officerReferralLink(head.id),
    });
  }
  if (keys.organization) {
    await notify(executor, notMe(await usersOfOrganization(executor, head.organizationId)), {
      messageKey: keys.organization,
      params: { title: head.title },
      link: organizationReferralLink(head.kind, head.id),
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
