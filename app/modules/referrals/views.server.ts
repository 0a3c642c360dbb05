import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { personInScope, personsInScope } from "~/modules/persons/scope.server";

import { db } from "../../../db/client.server";
import type { ReferralStatus } from "../../../db/enums";
import { appUser, job, organization, referral, referralEvent, releasedPerson, trainingSlot } from "../../../db/schema";
import { coverageOf, visibleSharing } from "./consent-coverage.server";
import { listMessages } from "./messages.server";
import { kindsAnsweredBy } from "./parties.server";
import { OPEN_REFERRAL_STATUSES } from "./transitions";

/**
 * Reading referrals, each party through its own door: officers within their scope (the person's name and
 * everything), organisations only their own and only the shared snapshot, the person only their own and
 * in plain words. Opening one referral is audit-logged on the person's record.
 */

const title = sql<string>`coalesce(${job.title}, ${trainingSlot.title}, '')`;
const listingId = sql<string>`coalesce(${referral.jobId}, ${referral.trainingSlotId})`;

/** Status counts for the filter tabs. */
async function countByStatus(where: SQL, joinPerson: boolean): Promise<Partial<Record<ReferralStatus, number>>> {
  const base = db().select({ status: referral.status, n: count() }).from(referral);
  const rows = await (joinPerson ? base.innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId)) : base)
    .where(where)
    .groupBy(referral.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Referrals of the persons an officer serves, newest first (optionally one status). */
export async function listReferralsForOfficer(scope: StaffScope, filter: { status?: ReferralStatus } = {}) {
  const where = and(personsInScope(scope), filter.status ? eq(referral.status, filter.status) : undefined)!;
  const [rows, counts] = await Promise.all([
    db()
      .select({
        id: referral.id,
        personId: referral.personId,
        personName: releasedPerson.fullName,
        kind: referral.kind,
        title,
        organizationName: organization.name,
        status: referral.status,
        interviewAt: referral.interviewAt,
        createdAt: referral.createdAt,
        updatedAt: referral.updatedAt,
      })
      .from(referral)
      .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
      .innerJoin(organization, eq(organization.id, referral.organizationId))
      .leftJoin(job, eq(job.id, referral.jobId))
      .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
      .where(where)
      .orderBy(desc(referral.createdAt))
      .limit(300),
    countByStatus(personsInScope(scope), true),
  ]);
  // Names of persons were shown: one event for the list, as the persons list does.
  await audit(db(), { id: scope.actorId, role: scope.role }, null, "view", "referral", {
    count: rows.length,
    list: "referrals",
  });
  return { rows, counts };
}

/** One person's referrals, for the "Giới thiệu" section of their page (the page itself audits the view). */
export async function listReferralsForPerson(scope: StaffScope, personId: string) {
  return db()
    .select({
      id: referral.id,
      kind: referral.kind,
      title,
      organizationName: organization.name,
      status: referral.status,
      interviewAt: referral.interviewAt,
      createdAt: referral.createdAt,
      updatedAt: referral.updatedAt,
    })
    .from(referral)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(personInScope(scope, personId))
    .orderBy(desc(referral.createdAt));
}

async function historyOf(referralId: string) {
  return db()
    .select({
      id: referralEvent.id,
      status: referralEvent.status,
      actorRole: referralEvent.actorRole,
      actorName: appUser.fullName,
      note: referralEvent.note,
      channel: referralEvent.channel,
      at: referralEvent.at,
    })
    .from(referralEvent)
    .leftJoin(appUser, eq(appUser.id, referralEvent.actorId))
    .where(eq(referralEvent.referralId, referralId))
    .orderBy(asc(referralEvent.at), asc(referralEvent.id));
}

const detailColumns = {
  id: referral.id,
  personId: referral.personId,
  kind: referral.kind,
  listingId,
  title,
  organizationId: referral.organizationId,
  organizationName: organization.name,
  status: referral.status,
  sharedFields: referral.sharedFields,
  sharedSnapshot: referral.sharedSnapshot,
  note: referral.note,
  interviewAt: referral.interviewAt,
  interviewPlace: referral.interviewPlace,
  declinedBy: referral.declinedBy,
  closeReason: referral.closeReason,
  createdAt: referral.createdAt,
  updatedAt: referral.updatedAt,
};

/** A referral of a person the officer serves, with its history and messages; audited. */
export async function getReferralForOfficer(scope: StaffScope, referralId: string) {
  const [row] = await db()
    .select({
      ...detailColumns,
      personName: releasedPerson.fullName,
      matchReasons: referral.matchReasons,
      matchScore: referral.matchScore,
    })
    .from(referral)
    .innerJoin(releasedPerson, eq(releasedPerson.id, referral.personId))
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(and(eq(referral.id, referralId), personsInScope(scope)));
  if (!row) return undefined;
  await audit(db(), { id: scope.actorId, role: scope.role }, row.personId, "view_referral", "referral", { referralId });
  const [events, messages] = await Promise.all([historyOf(referralId), listMessages(referralId)]);
  return { ...row, events, messages };
}

/** The organisation's side: its own referrals (employers: jobs and their training slots; providers: courses). */
export const ownedBy = (scope: OrgScope) =>
  and(eq(referral.organizationId, scope.organizationId), inArray(referral.kind, kindsAnsweredBy(scope.role)))!;

/** For the organisation's home: referrals not yet opened, and all still open. */
export async function openReferralCountsForOrganization(scope: OrgScope) {
  const rows = await db()
    .select({ status: referral.status, n: count() })
    .from(referral)
    .where(and(ownedBy(scope), inArray(referral.status, [...OPEN_REFERRAL_STATUSES])))
    .groupBy(referral.status);
  const unseen = Number(rows.find((r) => r.status === "referred")?.n ?? 0);
  return { unseen, open: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

/**
 * The organisation's list: the listing, the status, and the name only where it was shared and its consent
 * is still live (otherwise the date sharing ended).
 */
export async function listReferralsForOrganization(scope: OrgScope, filter: { status?: ReferralStatus } = {}) {
  const [found, counts] = await Promise.all([
    db()
      .select({
        id: referral.id,
        personId: referral.personId,
        kind: referral.kind,
        title,
        status: referral.status,
        sharedFields: referral.sharedFields,
        sharedName: sql<
          string | null
        >`case when ${referral.status} = 'withdrawn' then null else ${referral.sharedSnapshot} ->> 'full_name' end`,
        interviewAt: referral.interviewAt,
        createdAt: referral.createdAt,
        updatedAt: referral.updatedAt,
      })
      .from(referral)
      .leftJoin(job, eq(job.id, referral.jobId))
      .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
      .where(and(ownedBy(scope), filter.status ? eq(referral.status, filter.status) : undefined))
      .orderBy(desc(referral.createdAt))
      .limit(300),
    countByStatus(ownedBy(scope), false),
  ]);
  const coverage = await coverageOf(
    db(),
    found.map((r) => r.personId),
  );
  const rows = found.map(({ personId, kind, sharedFields, sharedName, ...r }) => {
    const sharing = visibleSharing(
      kind,
      sharedFields,
      sharedName ? { full_name: sharedName } : {},
      coverage.get(personId),
    );
    return {
      ...r,
      sharedName: typeof sharing.snapshot.full_name === "string" ? sharing.snapshot.full_name : null,
      consentEnded: sharing.ended[0] ?? null,
    };
  });
  return { rows, counts };
}

/**
 * One referral as the organisation may see it: the shared snapshot and nothing else about the person (no
 * id, no name unless shared). The officer's notes on their own moves stay with the officer. Audited.
 */
export async function getReferralForOrganization(scope: OrgScope, referralId: string) {
  const [row] = await db()
    .select(detailColumns)
    .from(referral)
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(and(eq(referral.id, referralId), ownedBy(scope)));
  if (!row) return undefined;
  await audit(db(), { id: scope.actorId, role: scope.role }, row.personId, "view_referral", "referral", { referralId });
  const [events, messages] = await Promise.all([historyOf(referralId), listMessages(referralId)]);
  const { personId: _personId, closeReason, ...shown } = row;
  void _personId;
  const orgRoles = ["employer", "provider"];
  // A withdrawn referral no longer stands (consent ended, file closed, or the officer withdrew it): what was
  // shared is no longer shown, whatever the reason, so the page says nothing about why.
  const sharingEnded = row.status === "withdrawn";
  // Whatever the state, fields whose consent was withdrawn or expired are not shown: the page says when instead.
  const sharing = visibleSharing(
    row.kind,
    row.sharedFields,
    row.sharedSnapshot,
    (await coverageOf(db(), [row.personId])).get(row.personId),
  );
  return {
    ...shown,
    sharingEnded,
    sharedFields: sharingEnded ? [] : sharing.fields,
    sharedSnapshot: sharingEnded ? {} : sharing.snapshot,
    consentEnded: sharing.ended,
    note: sharingEnded ? "" : shown.note,
    // Its own decline reason only; the reason an officer or the system withdrew stays with them.
    closeReason: row.declinedBy === "organization" ? closeReason : "",
    // The officer's note when referring is written for the organisation (the form says so): shown.
    // How the person answered (app, phone, meeting) is between them and their officer.
    events: events.map((e) => ({
      ...e,
      note: orgRoles.includes(e.actorRole) || e.status === "referred" ? e.note : "",
      actorName: orgRoles.includes(e.actorRole) ? e.actorName : null,
      channel: null,
    })),
    messages,
  };
}

/** The person's own referrals in plain words: no officer notes, no messages, no match scores. */
export async function listOwnReferrals(personId: string) {
  return db()
    .select({
      id: referral.id,
      kind: referral.kind,
      listingId,
      title,
      organizationName: organization.name,
      status: referral.status,
      declinedBy: referral.declinedBy,
      interviewAt: referral.interviewAt,
      interviewPlace: referral.interviewPlace,
      createdAt: referral.createdAt,
      updatedAt: referral.updatedAt,
    })
    .from(referral)
    .innerJoin(organization, eq(organization.id, referral.organizationId))
    .leftJoin(job, eq(job.id, referral.jobId))
    .leftJoin(trainingSlot, eq(trainingSlot.id, referral.trainingSlotId))
    .where(eq(referral.personId, personId))
    .orderBy(desc(referral.createdAt));
}
