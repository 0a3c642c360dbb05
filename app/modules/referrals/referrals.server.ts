import { and, eq, notInArray, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { liveGrants } from "~/modules/consent/live.server";
import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { checkReferralEligibility } from "~/modules/matching/eligibility.server";
import { type MatchReason, reasonCodes } from "~/modules/matching/reasons";
import { personInScope } from "~/modules/persons/scope.server";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { NotFound } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import type { ReferralKind } from "../../../db/enums";
import { isUniqueViolation } from "../../../db/errors";
import {
  commune,
  job,
  organization,
  province,
  referral,
  referralEvent,
  referralRequest,
  releasedPerson,
  trainingSlot,
} from "../../../db/schema";
import { notifyParties, referralHead } from "./parties.server";
import type { ReferInput } from "./schema.server";
import { buildSnapshot, type ShareableField, sharingAllowed } from "./snapshot.server";

/**
 * An officer refers a person of their communes to a job or a course: under a live consent grant for the
 * purpose, sharing only the fields the officer ticked (frozen as a snapshot), after the matching engine's
 * hard rules say yes. Everything in one transaction, with its history row, audit event and notifications.
 */

export type ListingSummary = {
  kind: ReferralKind;
  id: string;
  title: string;
  organizationId: string;
  organizationName: string;
  place: string;
  wageMin: number | null;
  wageMax: number | null;
  capacity: number;
  deadline: string;
  /** Open today, published, its organisation verified. Openings left are the matching rules' to judge. */
  open: boolean;
};

/** The listing a referral is for: title, organisation, place, capacity and whether it is open today. */
export async function listingSummary(
  executor: Executor,
  kind: ReferralKind,
  listingId: string,
): Promise<ListingSummary | undefined> {
  const today = todayIso();
  const table = kind === "job" ? job : trainingSlot;
  const [row] = await executor
    .select({
      id: table.id,
      title: table.title,
      organizationId: table.organizationId,
      organizationName: organization.name,
      place: sql<string>`${commune.name} || ', ' || ${province.name}`,
      status: table.status,
      publishedAt: table.publishedAt,
      verified: sql<boolean>`${organization.verificationStatus} = 'verified'`,
      deadline: kind === "job" ? job.closesAt : trainingSlot.applicationDeadline,
      capacity: kind === "job" ? job.openings : trainingSlot.seats,
      wageMin: kind === "job" ? job.wageMin : sql<null>`null`,
      wageMax: kind === "job" ? job.wageMax : sql<null>`null`,
    })
    .from(table)
    .innerJoin(organization, eq(organization.id, table.organizationId))
    .innerJoin(commune, eq(commune.code, table.communeCode))
    .innerJoin(province, eq(province.code, table.provinceCode))
    .where(eq(table.id, listingId));
  if (!row) return undefined;
  const open = row.status === "open" && row.publishedAt !== null && row.verified && row.deadline >= today;
  return {
    kind,
    id: row.id,
    title: row.title,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    place: row.place,
    wageMin: row.wageMin,
    wageMax: row.wageMax,
    capacity: row.capacity,
    deadline: row.deadline,
    open,
  };
}

/** The person's live (not declined, not withdrawn) referral to this listing, if any. */
async function liveReferralTo(executor: Executor, personId: string, kind: ReferralKind, listingId: string) {
  const [row] = await executor
    .select({ id: referral.id })
    .from(referral)
    .where(
      and(
        eq(referral.personId, personId),
        eq(kind === "job" ? referral.jobId : referral.trainingSlotId, listingId),
        notInArray(referral.status, ["declined", "withdrawn"]),
      ),
    );
  return row?.id ?? null;
}

/** A pending request of this person for this listing (the officer approves it by referring). */
async function pendingRequest(
  executor: Executor,
  requestId: string,
  personId: string,
  kind: ReferralKind,
  listingId: string,
) {
  const [row] = await executor
    .select({ id: referralRequest.id, message: referralRequest.message, createdAt: referralRequest.createdAt })
    .from(referralRequest)
    .where(
      and(
        eq(referralRequest.id, requestId),
        eq(referralRequest.personId, personId),
        eq(referralRequest.kind, kind),
        eq(referralRequest.listingId, listingId),
        eq(referralRequest.status, "pending"),
      ),
    );
  return row;
}

const activePersonInScope = (scope: StaffScope, personId: string) =>
  and(personInScope(scope, personId), eq(releasedPerson.status, "active"));

export type ReferForm = {
  person: { id: string; fullName: string };
  listing: ListingSummary;
  /** The fields the officer may tick (all ticked at first), with today's values to see what is shared. */
  fields: ShareableField[];
  preview: Record<string, string | number | string[]>;
  hasConsent: boolean;
  eligibility: Awaited<ReturnType<typeof checkReferralEligibility>>;
  existingReferralId: string | null;
  request: { id: string; message: string; createdAt: Date } | null;
};

/**
 * What the refer page shows: the listing, the match reasons (or what excluded it), and the shareable
 * fields with their values. Shows the person's data, so it is audit-logged as a view for the referral.
 */
export async function getReferForm(
  scope: StaffScope,
  personId: string,
  kind: ReferralKind,
  listingId: string,
  requestId?: string,
): Promise<ReferForm | undefined> {
  const [person] = await db()
    .select({ id: releasedPerson.id, fullName: releasedPerson.fullName })
    .from(releasedPerson)
    .where(activePersonInScope(scope, personId));
  if (!person) return undefined;
  const listing = await listingSummary(db(), kind, listingId);
  if (!listing) return undefined;
  const [grants, eligibility, existingReferralId, request] = await Promise.all([
    liveGrants(personId, db()),
    checkReferralEligibility(db(), personId, { kind, listingId }),
    liveReferralTo(db(), personId, kind, listingId),
    requestId ? pendingRequest(db(), requestId, personId, kind, listingId) : undefined,
  ]);
  const { grant, fields } = sharingAllowed(grants, kind);
  const preview = grant ? await buildSnapshot(db(), personId, fields) : {};
  await audit(db(), { id: scope.actorId, role: scope.role }, personId, "view", "referral", { kind, listingId });
  return {
    person,
    listing,
    fields,
    preview,
    hasConsent: !!grant,
    eligibility,
    existingReferralId,
    request: request ?? null,
  };
}

export type ReferOutcome =
  { ok: true; referralId: string } | NotFound | { ok: false; errors: FieldErrors; exclusions?: MatchReason[] };

function formError(
  key:
    | "referrals.error.noConsent"
    | "referrals.error.listingClosed"
    | "referrals.error.duplicate"
    | "referrals.error.request"
    | "referrals.error.excluded",
): ReferOutcome {
  return { ok: false, errors: { _form: { key } } };
}

/** Refer a person (see the module comment). Refusals the officer can act on come back as messages, never a 500. */
export async function createReferral(scope: StaffScope, personId: string, input: ReferInput): Promise<ReferOutcome> {
  const { kind, listingId } = input;
  try {
    return await db().transaction(async (tx): Promise<ReferOutcome> => {
      // Locked: two quick submissions cannot both pass the "no live referral" check.
      const [person] = await tx
        .select({ id: releasedPerson.id })
        .from(releasedPerson)
        .where(activePersonInScope(scope, personId))
        .for("update");
      if (!person) return { ok: false, notFound: true };
      const listing = await listingSummary(tx, kind, listingId);
      if (!listing) return { ok: false, notFound: true };
      if (!listing.open) return formError("referrals.error.listingClosed");
      const { grant, fields: allowed } = sharingAllowed(await liveGrants(personId, tx), kind);
      if (!grant) return formError("referrals.error.noConsent");
      const refused = input.fields.find((f) => !allowed.includes(f));
      if (refused) {
        const key =
          refused === "phone"
            ? "referrals.error.phoneNeedsContact"
            : refused === "record_status"
              ? "referrals.error.recordStatusNeedsPurpose"
              : "referrals.error.fieldNotAllowed";
        return { ok: false, errors: { fields: { key } } };
      }
      if (await liveReferralTo(tx, personId, kind, listingId)) return formError("referrals.error.duplicate");
      const eligibility = await checkReferralEligibility(tx, personId, { kind, listingId });
      if (!eligibility.ok)
        return {
          ok: false,
          errors: { _form: { key: "referrals.error.excluded" } },
          exclusions: eligibility.exclusions,
        };
      if (input.requestId) {
        if (!(await pendingRequest(tx, input.requestId, personId, kind, listingId)))
          return formError("referrals.error.request");
        await tx
          .update(referralRequest)
          .set({ status: "approved", decidedBy: scope.actorId, decidedAt: now() })
          .where(eq(referralRequest.id, input.requestId));
      }
      const sharedSnapshot = await buildSnapshot(tx, personId, input.fields);
      const at = now();
      const [created] = await tx
        .insert(referral)
        .values({
          personId,
          kind,
          jobId: kind === "job" ? listingId : null,
          trainingSlotId: kind === "training" ? listingId : null,
          organizationId: listing.organizationId,
          consentGrantId: grant.id,
          sharedFields: input.fields,
          sharedSnapshot,
          requestId: input.requestId,
          matchScore: Math.round(eligibility.score),
          matchReasons: reasonCodes(eligibility.reasons),
          matchWeightsVersion: eligibility.weightsVersion,
          note: input.note,
          createdBy: scope.actorId,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: referral.id });
      await tx.insert(referralEvent).values({
        referralId: created.id,
        status: "referred",
        actorId: scope.actorId,
        actorRole: scope.role,
        note: input.note,
        at,
      });
      await audit(tx, { id: scope.actorId, role: scope.role }, personId, "refer", LISTING_PURPOSE[kind], {
        referralId: created.id,
        kind,
        listingId,
        sharedFields: input.fields,
      });
      const head = await referralHead(tx, created.id);
      if (head) {
        await notifyParties(
          tx,
          head,
          {
            officer: "notify.referral.officer.referred",
            organization: "notify.referral.organization.referred",
            person: "notify.referral.person.referred",
          },
          scope.actorId,
        );
      }
      return { ok: true, referralId: created.id };
    });
  } catch (error) {
    // Another submission won the race for the one live referral per person and listing.
    if (isUniqueViolation(error)) return formError("referrals.error.duplicate");
    throw error;
  }
}
