import type { JobRow, TrainingRow } from "../../../search/facade.server";

/**
 * The one rule of what the public may see, for both kinds of listing: open, published, not past its date
 * (a job's closing date, a course's application deadline), by a verified organisation. The documents the
 * search index holds (jobs/ and trainings/search-rows.server.ts) and the public detail pages both use it.
 */
export function isJobPublic(
  row: Pick<JobRow, "status" | "publishedAt" | "closesAt" | "organizationVerified">,
  today: string,
): boolean {
  return row.status === "open" && row.publishedAt !== null && row.organizationVerified && row.closesAt >= today;
}

export function isTrainingPublic(
  row: Pick<TrainingRow, "status" | "publishedAt" | "applicationDeadline" | "organizationVerified">,
  today: string,
): boolean {
  return (
    row.status === "open" && row.publishedAt !== null && row.organizationVerified && row.applicationDeadline >= today
  );
}
