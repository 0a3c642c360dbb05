import { and, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";

import { audit } from "~/modules/audit/audit.server";
import { personsWithLiveConsent, withdrawConsent } from "~/modules/consent/consent.server";
import { CONSENT_PURPOSES, type ConsentPurpose, grantState, LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { notifyRequestCreated } from "~/modules/referrals/requests.server";
import { todayIso } from "~/utils/clock.server";
import { optionalText, requiredText } from "~/utils/zod-fields.server";

import { db } from "../../../db/client.server";
import {
  appUser,
  auditEvent,
  commune,
  dataRequest,
  job,
  occupation,
  organization,
  province,
  referralRequest,
  releasedPerson,
  savedListing,
  trainingSlot,
} from "../../../db/schema";
import type { PersonExport } from "./data-rights.server";
import { getOwnRecord } from "./record.server";

/**
 * What a person does for themself: see their record, save listings, ask their officer for a referral,
 * ask for a correction or deletion. Every function takes the account id and finds the person from it;
 * no id a person sends ever names another person.
 */

export const LISTING_KINDS = ["job", "training"] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** The person linked to this account: id and status only, so acting on it is not a read of the record. */
export async function ownPerson(userId: string) {
  const [person] = await db()
    .select({ id: releasedPerson.id, status: releasedPerson.status, communeCode: releasedPerson.communeCode })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.userId, userId), isNull(releasedPerson.anonymizedAt)));
  return person;
}

/** Is the listing open to the public today (the same rule as its public page)? */
export async function isListingOpen(kind: ListingKind, listingId: string): Promise<boolean> {
  const today = todayIso();
  const rows =
    kind === "job"
      ? await db()
          .select({ id: job.id })
          .from(job)
          .where(
            and(eq(job.id, listingId), eq(job.status, "open"), isNotNull(job.publishedAt), gte(job.closesAt, today)),
          )
      : await db()
          .select({ id: trainingSlot.id })
          .from(trainingSlot)
          .where(
            and(
              eq(trainingSlot.id, listingId),
              eq(trainingSlot.status, "open"),
              isNotNull(trainingSlot.publishedAt),
              gte(trainingSlot.applicationDeadline, today),
            ),
          );
  return rows.length > 0;
}

// Listing title, organisation and whether it is still open, for both kinds of listing in one query.
function listingColumns() {
  const today = todayIso();
  return {
    title: sql<string | null>`coalesce(${job.title}, ${trainingSlot.title})`,
    organizationName: organization.name,
    open: sql<boolean>`case
      when ${job.id} is not null then (${job.status} = 'open' and ${job.publishedAt} is not null and ${job.closesAt} >= ${today})
      when ${trainingSlot.id} is not null then (${trainingSlot.status} = 'open' and ${trainingSlot.publishedAt} is not null and ${trainingSlot.applicationDeadline} >= ${today})
      else false end`,
  };
}

export async function listSaved(personId: string) {
  return db()
    .select({
      kind: savedListing.kind,
      listingId: savedListing.listingId,
      savedAt: savedListing.savedAt,
      ...listingColumns(),
    })
    .from(savedListing)
    .leftJoin(job, and(eq(savedListing.kind, "job"), eq(job.id, savedListing.listingId)))
    .leftJoin(trainingSlot, and(eq(savedListing.kind, "training"), eq(trainingSlot.id, savedListing.listingId)))
    .leftJoin(organization, eq(organization.id, sql`coalesce(${job.organizationId}, ${trainingSlot.organizationId})`))
    .where(eq(savedListing.personId, personId))
    .orderBy(desc(savedListing.savedAt));
}

export async function listReferralRequests(personId: string) {
  return db()
    .select({
      id: referralRequest.id,
      kind: referralRequest.kind,
      listingId: referralRequest.listingId,
      message: referralRequest.message,
      status: referralRequest.status,
      createdAt: referralRequest.createdAt,
      decidedAt: referralRequest.decidedAt,
      decisionNote: referralRequest.decisionNote,
      ...listingColumns(),
    })
    .from(referralRequest)
    .leftJoin(job, and(eq(referralRequest.kind, "job"), eq(job.id, referralRequest.listingId)))
    .leftJoin(trainingSlot, and(eq(referralRequest.kind, "training"), eq(trainingSlot.id, referralRequest.listingId)))
    .leftJoin(organization, eq(organization.id, sql`coalesce(${job.organizationId}, ${trainingSlot.organizationId})`))
    .where(eq(referralRequest.personId, personId))
    .orderBy(desc(referralRequest.createdAt));
}

/** The person's home page: their record (audited as a self view), live consents, requests and saved listings. */
export async function getPersonHome(userId: string) {
  const record = await getOwnRecord({ id: userId });
  if (!record) return undefined;
  const [requests, saved] = await Promise.all([listReferralRequests(record.id), listSaved(record.id)]);
  return {
    person: {
      fullName: record.fullName,
      communeName: record.communeName,
      provinceName: record.provinceName,
      phone: record.phone,
      status: record.status,
      skills: record.skills,
      releaseDate: record.releaseDate,
    },
    liveGrants: record.grants.filter((g) => grantState(g) === "live"),
    requests,
    saved,
  };
}

/** Names for the codes on an exported record (occupations, provinces, communes), to show it in words. */
export async function namesFor(data: PersonExport) {
  const p = data.person;
  const occupationCodes = [
    ...new Set([...p.trades, ...p.desiredOccupations, ...data.courtBans.flatMap((b) => b.occupationCodes)]),
  ];
  const provinceCodes = [
    ...new Set([p.preferredProvinceCode, ...data.courtBans.map((b) => b.provinceCode)].filter((c): c is string => !!c)),
  ];
  const communeCodes = [
    ...new Set(
      [
        ...data.courtBans.map((b) => b.communeCode),
        ...data.transfers.flatMap((t) => [t.fromCommuneCode, t.toCommuneCode]),
      ].filter((c): c is string => !!c),
    ),
  ];
  const [occupations, provinces, communes] = await Promise.all([
    occupationCodes.length
      ? db()
          .select({ code: occupation.code, vi: occupation.nameVi, en: occupation.nameEn })
          .from(occupation)
          .where(inArray(occupation.code, occupationCodes))
      : [],
    provinceCodes.length
      ? db()
          .select({ code: province.code, name: province.name })
          .from(province)
          .where(inArray(province.code, provinceCodes))
      : [],
    communeCodes.length
      ? db().select({ code: commune.code, name: commune.name }).from(commune).where(inArray(commune.code, communeCodes))
      : [],
  ]);
  return {
    occupations: Object.fromEntries(occupations.map((o) => [o.code, { vi: o.vi, en: o.en }])),
    provinces: Object.fromEntries(provinces.map((o) => [o.code, o.name])),
    communes: Object.fromEntries(communes.map((o) => [o.code, o.name])),
  };
}

/** One purpose of a grant (`purpose`), or the whole grant when no purpose is posted. */
export const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  grantId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES).optional(),
  note: optionalText(500),
});

/**
 * The person withdraws one purpose of one of their own grants, or the whole grant; the rest stays in force.
 * A guessed grant id of someone else changes nothing.
 */
export async function withdrawOwnConsent(
  userId: string,
  grantId: string,
  note: string,
  purpose?: ConsentPurpose,
): Promise<{ ok: boolean }> {
  const person = await ownPerson(userId);
  if (!person) return { ok: false };
  return withdrawConsent(
    { id: userId, role: "person" },
    { personId: person.id, grantId, ownPersonId: person.id, purposes: purpose ? [purpose] : undefined },
    note,
    "online",
  );
}

/** Where the person stands on one listing: saved, asked for, allowed to ask. For the public detail pages. */
export async function listingStateForPerson(userId: string, kind: ListingKind, listingId: string) {
  const person = await ownPerson(userId);
  if (!person) return { linked: false as const };
  const [[saved], [request], consented] = await Promise.all([
    db()
      .select({ at: savedListing.savedAt })
      .from(savedListing)
      .where(
        and(eq(savedListing.personId, person.id), eq(savedListing.kind, kind), eq(savedListing.listingId, listingId)),
      ),
    db()
      .select({ status: referralRequest.status, createdAt: referralRequest.createdAt })
      .from(referralRequest)
      .where(
        and(
          eq(referralRequest.personId, person.id),
          eq(referralRequest.kind, kind),
          eq(referralRequest.listingId, listingId),
        ),
      )
      .orderBy(desc(referralRequest.createdAt))
      .limit(1),
    personsWithLiveConsent([person.id], LISTING_PURPOSE[kind]),
  ]);
  return {
    linked: true as const,
    active: person.status === "active",
    saved: !!saved,
    request: request ? { status: request.status, createdAt: request.createdAt } : null,
    hasConsent: consented.has(person.id),
  };
}

export type SaveOutcome = { ok: true; saved: boolean } | { ok: false; error: "not_linked" | "closed" };

/** Save a listing that is open today, or remove it from the saved list (always allowed). */
export async function setSaved(
  userId: string,
  kind: ListingKind,
  listingId: string,
  save: boolean,
): Promise<SaveOutcome> {
  const person = await ownPerson(userId);
  if (!person) return { ok: false, error: "not_linked" };
  const where = and(
    eq(savedListing.personId, person.id),
    eq(savedListing.kind, kind),
    eq(savedListing.listingId, listingId),
  );
  if (!save) {
    await db().delete(savedListing).where(where);
    return { ok: true, saved: false };
  }
  if (!(await isListingOpen(kind, listingId))) return { ok: false, error: "closed" };
  await db().insert(savedListing).values({ personId: person.id, kind, listingId }).onConflictDoNothing();
  return { ok: true, saved: true };
}

export const referralMessageField = optionalText(1000);

export type ReferralOutcome =
  | { ok: true; requestId: string }
  | { ok: false; error: "not_linked" | "inactive" | "closed" | "no_consent" | "already_pending" };

/**
 * Ask the person's officer to introduce them for a listing. Needs an open listing, an active record and a
 * live consent for the listing's purpose; one pending request per listing.
 */
export async function requestReferral(
  userId: string,
  kind: ListingKind,
  listingId: string,
  message: string,
): Promise<ReferralOutcome> {
  const person = await ownPerson(userId);
  if (!person) return { ok: false, error: "not_linked" };
  if (person.status !== "active") return { ok: false, error: "inactive" };
  if (!(await isListingOpen(kind, listingId))) return { ok: false, error: "closed" };
  if (!(await personsWithLiveConsent([person.id], LISTING_PURPOSE[kind])).has(person.id))
    return { ok: false, error: "no_consent" };
  return db().transaction(async (tx): Promise<ReferralOutcome> => {
    // Lock the person's row: two quick clicks cannot both pass the "one pending" check.
    await tx
      .select({ id: releasedPerson.id })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, person.id))
      .for("update");
    const [pending] = await tx
      .select({ id: referralRequest.id })
      .from(referralRequest)
      .where(
        and(
          eq(referralRequest.personId, person.id),
          eq(referralRequest.kind, kind),
          eq(referralRequest.listingId, listingId),
          eq(referralRequest.status, "pending"),
        ),
      );
    if (pending) return { ok: false, error: "already_pending" };
    const [created] = await tx
      .insert(referralRequest)
      .values({ personId: person.id, kind, listingId, message })
      .returning({ id: referralRequest.id });
    await audit(tx, { id: userId, role: "person" }, person.id, "referral_request", LISTING_PURPOSE[kind], {
      requestId: created.id,
      kind,
      listingId,
    });
    await notifyRequestCreated(tx, person.id, kind, listingId);
    return { ok: true, requestId: created.id };
  });
}

export const dataRequestSchema = z.object({
  kind: z.enum(["correction", "deletion"], { error: "validation.choose" }),
  message: requiredText(2000),
});

/** A correction or deletion request, handled by the person's officer at /officer/requests. */
export async function createDataRequest(userId: string, input: z.output<typeof dataRequestSchema>) {
  const person = await ownPerson(userId);
  if (!person) return { ok: false as const };
  const id = await db().transaction(async (tx) => {
    const [created] = await tx
      .insert(dataRequest)
      .values({ personId: person.id, kind: input.kind, message: input.message })
      .returning({ id: dataRequest.id });
    await audit(tx, { id: userId, role: "person" }, person.id, "data_request", "data_rights", {
      requestId: created.id,
      kind: input.kind,
    });
    return created.id;
  });
  return { ok: true as const, id };
}

export async function listOwnDataRequests(personId: string) {
  return db()
    .select({
      id: dataRequest.id,
      kind: dataRequest.kind,
      message: dataRequest.message,
      status: dataRequest.status,
      createdAt: dataRequest.createdAt,
      resolvedAt: dataRequest.resolvedAt,
    })
    .from(dataRequest)
    .where(eq(dataRequest.personId, personId))
    .orderBy(desc(dataRequest.createdAt));
}

/**
 * Who looked at or changed the person's record, other than the person: role and organisation or commune
 * (never a staff member's own name), what and why, when. Only events about this person.
 */
export async function listAccessEvents(personId: string, ownUserId: string, limit = 200) {
  return db()
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      action: auditEvent.action,
      purpose: auditEvent.purpose,
      actorRole: auditEvent.actorRole,
      organizationName: organization.name,
      provinceName: province.name,
      communes: sql<
        string | null
      >`(select string_agg(c.name, ', ' order by c.name) from officer_commune oc join commune c on c.code = oc.commune_code where oc.user_id = ${auditEvent.actorId})`,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .leftJoin(organization, eq(organization.id, appUser.organizationId))
    .leftJoin(province, eq(province.code, appUser.provinceCode))
    .where(and(eq(auditEvent.personId, personId), or(isNull(auditEvent.actorId), ne(auditEvent.actorId, ownUserId))))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit);
}
