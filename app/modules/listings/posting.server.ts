import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { PgColumn, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";

import type { OrgScope } from "~/auth/org-scope.server";
import { isOrganizationVerified } from "~/modules/organizations/organizations.server";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { NotFound } from "~/utils/outcome";

import { db, type Executor, type Transaction } from "../../../db/client.server";
import { job, trainingSlot } from "../../../db/schema";
import { indexSoon, touch } from "../../../search/facade.server";

/*
 * One posting service for jobs and training slots: create, update and the status machine, with the
 * search writes in the same transaction. What differs between the two kinds is the `PostingKind` each
 * of app/modules/jobs/jobs.server.ts and app/modules/trainings/trainings.server.ts passes in.
 */

type PostingTable = typeof job | typeof trainingSlot;
export type PostingStatus = "draft" | "open" | "closed" | "filled";
type OwnRow = { status: PostingStatus; publishedAt: Date | null };

export type PostingKind<Input, Own extends OwnRow, Status extends PostingStatus, Transition extends string> = {
  /** The search index's name for the kind (the outbox and the search text). */
  searchKind: "job" | "training";
  /** Recompute the rows' stored search text (the kind's own module knows its columns). */
  refreshSearchText: (tx: Transaction, ids: string[]) => Promise<void>;
  table: PostingTable;
  /** Rules that need the database; empty when the input may be saved. */
  check: (scope: OrgScope, input: Input) => Promise<FieldErrors>;
  /** The table's columns as the form sets them. */
  columns: (scope: OrgScope, input: Input) => Record<string, unknown>;
  /** Writes next to the row itself (a training's links to jobs), in the same transaction. */
  afterSave?: (tx: Transaction, id: string, input: Input) => Promise<void>;
  /** Other listings whose documents change with this one's status, re-indexed in the same transaction. */
  afterTransition?: (tx: Transaction, id: string) => Promise<void>;
  getOwn: (scope: OrgScope, id: string) => Promise<Own | undefined>;
  /** The date after which the listing may not be opened again. */
  deadlineOf: (own: Own) => string;
  transitions: Record<Transition, { from: Status[]; to: Status }>;
};

export type PostingOutcome<Status> =
  { ok: true; id: string; status: Status; notice?: "saved_as_draft" } | { ok: false; errors: FieldErrors };
export type TransitionOutcome<Status> =
  { ok: true; status: Status } | { ok: false; reason: "not_found" | "not_verified" | "expired" | "invalid_transition" };

/**
 * Create a listing for the actor's organisation, as a draft or published at once. An organisation that
 * is not verified yet can only keep drafts: a request to publish is saved as a draft and says so.
 */
export async function createPosting<Input, Own extends OwnRow, Status extends PostingStatus, T extends string>(
  kind: PostingKind<Input, Own, Status, T>,
  scope: OrgScope,
  input: Input,
  options: { publish: boolean },
): Promise<PostingOutcome<Status>> {
  const errors = await kind.check(scope, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const publish = options.publish && (await isOrganizationVerified(scope.organizationId));
  const id = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(kind.table)
      .values({
        ...kind.columns(scope, input),
        organizationId: scope.organizationId,
        createdBy: scope.actorId,
        status: publish ? "open" : "draft",
        publishedAt: publish ? now() : null,
      } as never)
      .returning({ id: kind.table.id });
    await kind.afterSave?.(tx, row.id, input);
    await kind.refreshSearchText(tx, [row.id]);
    await touch(tx, kind.searchKind, [row.id]);
    return row.id;
  });
  indexSoon();
  return {
    ok: true,
    id,
    status: (publish ? "open" : "draft") as Status,
    notice: options.publish && !publish ? "saved_as_draft" : undefined,
  };
}

export async function updatePosting<Input, Own extends OwnRow, Status extends PostingStatus, T extends string>(
  kind: PostingKind<Input, Own, Status, T>,
  scope: OrgScope,
  id: string,
  input: Input,
): Promise<PostingOutcome<Status> | NotFound> {
  const existing = await kind.getOwn(scope, id);
  if (!existing) return { ok: false, notFound: true };
  const errors = await kind.check(scope, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await db().transaction(async (tx) => {
    await tx
      .update(kind.table)
      .set({ ...kind.columns(scope, input), updatedAt: now() } as never)
      .where(ownRow(kind.table, scope, id));
    await kind.afterSave?.(tx, id, input);
    await kind.refreshSearchText(tx, [id]);
    await touch(tx, kind.searchKind, [id]);
  });
  indexSoon();
  return { ok: true, id, status: existing.status as Status };
}

/** draft → open → filled / closed, and back to open; opening needs a verified organisation and a future date. */
export async function transitionPosting<Input, Own extends OwnRow, Status extends PostingStatus, T extends string>(
  kind: PostingKind<Input, Own, Status, T>,
  scope: OrgScope,
  id: string,
  action: T,
): Promise<TransitionOutcome<Status>> {
  const existing = await kind.getOwn(scope, id);
  if (!existing) return { ok: false, reason: "not_found" };
  const rule = kind.transitions[action];
  if (!rule.from.includes(existing.status as Status)) return { ok: false, reason: "invalid_transition" };
  if (rule.to === "open") {
    if (!(await isOrganizationVerified(scope.organizationId))) return { ok: false, reason: "not_verified" };
    if (kind.deadlineOf(existing) < todayIso()) return { ok: false, reason: "expired" };
  }
  await db().transaction(async (tx) => {
    await tx
      .update(kind.table)
      .set({
        status: rule.to,
        closedReason: rule.to === "closed" || rule.to === "filled" ? rule.to : null,
        publishedAt: rule.to === "open" ? now() : existing.publishedAt,
        updatedAt: now(),
      } as never)
      .where(ownRow(kind.table, scope, id));
    await touch(tx, kind.searchKind, [id]);
    await kind.afterTransition?.(tx, id);
  });
  indexSoon();
  return { ok: true, status: rule.to };
}

/** The row of the actor's organisation; another organisation's id matches nothing. */
export function ownRow(table: PostingTable, scope: OrgScope, id: string) {
  return and(eq(table.id, id), eq(table.organizationId, scope.organizationId));
}

/** A listing of the actor's organisation, every column; another organisation's id is simply not found. */
export async function selectOwnRow<T extends PostingTable>(
  table: T,
  scope: OrgScope,
  id: string,
): Promise<T["$inferSelect"] | undefined> {
  const [row] = await db()
    .select()
    .from(table as PostingTable)
    .where(ownRow(table, scope, id));
  return row as T["$inferSelect"] | undefined;
}

/** The organisation's own listings, newest change first, with the columns its list shows and whether its date passed. */
export async function listOwnPostings<T extends PostingTable, F extends SelectedFields>(
  table: T,
  deadline: PgColumn,
  scope: OrgScope,
  fields: F,
) {
  const columns = {
    id: table.id,
    title: table.title,
    status: table.status,
    closedReason: table.closedReason,
    ...fields,
    updatedAt: table.updatedAt,
    expired: sql<boolean>`${deadline} < ${todayIso()}`,
  };
  const rows = await db()
    .select(columns)
    .from(table as typeof job)
    .where(eq(table.organizationId, scope.organizationId))
    .orderBy(desc(table.updatedAt));
  return rows as (Omit<SelectResultFields<typeof columns>, "status" | "closedReason"> &
    Pick<T["$inferSelect"], "status" | "closedReason">)[];
}

/**
 * Close the open listings of a kind whose date (a job's closing date, a course's application deadline) has
 * passed, and queue their removal from the index, in the caller's transaction. Run by the worker's
 * "jobs.expiry" and "trainings.expiry" tasks (app/worker/tasks.server.ts). Public queries also filter on the
 * date, so nothing expired is served even before this runs. Returns how many closed.
 */
export async function expirePostings(
  tx: Executor,
  table: PostingTable,
  deadline: PgColumn,
  searchKind: "job" | "training",
): Promise<number> {
  const closed = await tx
    .update(table as typeof job)
    .set({ status: "closed", closedReason: "expired", updatedAt: sql`now()` })
    .where(and(eq(table.status, "open"), lt(deadline, todayIso())))
    .returning({ id: table.id });
  await touch(
    tx,
    searchKind,
    closed.map((row) => row.id),
  );
  return closed.length;
}
