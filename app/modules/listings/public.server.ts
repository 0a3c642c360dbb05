import { eq } from "drizzle-orm";

import { organization, type RecordStance } from "../../../db/schema";

/*
 * What the public pages of jobs and training slots share: dates of search documents, and the block
 * about the organisation that posts. Each kind's reader (jobs/public.server.ts, trainings/public.server.ts)
 * picks its own fields one by one, never spread from a row: officer-only columns must not reach loader data.
 */

/** 20261231 → "2026-12-31": search documents keep days as numbers for filtering. */
export function isoFromDayNumber(day: number | null): string | null {
  if (!day) return null;
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export type PublicOrganization = {
  name: string;
  description: string;
  fairChancePledgedAt: string | null;
  acceptsUnexpunged: RecordStance;
};

/** The organisation's public columns, to select next to a listing's own (joined on its organisation). */
export const publicOrganizationColumns = {
  orgDescription: organization.description,
  fairChancePledgedAt: organization.fairChancePledgedAt,
  acceptsUnexpunged: organization.acceptsUnexpunged,
};

export const organizationOfListing = (organizationId: Parameters<typeof eq>[0]) => eq(organization.id, organizationId);

/** The block about who posts, as the public page shows it. */
export function publicOrganization(
  name: string,
  extra: { orgDescription: string; fairChancePledgedAt: Date | null; acceptsUnexpunged: RecordStance },
): PublicOrganization {
  return {
    name,
    description: extra.orgDescription,
    fairChancePledgedAt: extra.fairChancePledgedAt ? extra.fairChancePledgedAt.toISOString() : null,
    acceptsUnexpunged: extra.acceptsUnexpunged,
  };
}

export const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);

/** A listing of the other kind shown on a page (courses leading to a job, jobs a course leads to). */
export type RelatedListing = {
  id: string;
  title: string;
  organizationName: string;
  communeName: string;
  provinceName: string;
};

export function relatedListing(row: RelatedListing): RelatedListing {
  return {
    id: row.id,
    title: row.title,
    organizationName: row.organizationName,
    communeName: row.communeName,
    provinceName: row.provinceName,
  };
}
