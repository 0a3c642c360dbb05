import { and, asc, count, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

import type { OrgScope } from "~/auth/org-scope.server";
import { audit } from "~/modules/audit/audit.server";
import { publishCount, type PublishedCell } from "~/modules/public-figures/small-numbers";
import { listOccupations } from "~/modules/reference/reference.server";
import { now } from "~/utils/clock.server";
import type { NotFound } from "~/utils/outcome";

import type { Executor } from "../../../db/client.server";
import { db } from "../../../db/client.server";
import { commune, job, organization, placement, province } from "../../../db/schema";
import { indexSoon, touch } from "../../../search/facade.server";

/*
 * The public directory of fair-chance employers (issue 16 §3, docs/decisions/045-employer-directory.md).
 * Unlike the self-declared fair-chance pledge, a place in it is earned: an employer is listed while it is
 * verified, has hired at least one person through the programme (a placement recorded with it) and has
 * chosen to appear. What it shows is the employer's name, place and trades and two counts (people hired,
 * people still there at the 12-month follow-up), each under the small-number rule: never a person.
 */

/**
 * The organisation's id inside a subquery, qualified: drizzle leaves a one-table select's columns bare, and
 * a bare "id" would be ambiguous next to the subqueries' own tables.
 */
const ORG_ID = sql.raw(`"organization"."id"`);

/** Has hired through the programme: at least one placement recorded with this organisation. */
const hasHired = sql`exists (select 1 from placement hp where hp.organization_id = ${ORG_ID})`;

/** Listed in the directory (and its job listings badged): verified, hired through the programme, opted in. */
export const recognisedSql: SQL<boolean> = sql<boolean>`(${organization.role} = 'employer'
  and ${organization.verificationStatus} = 'verified'
  and ${organization.directoryListedAt} is not null
  and ${hasHired})`;

/** People hired: distinct persons with a placement at the organisation. */
const hiredSql = sql<number>`(select count(distinct p.person_id) from placement p
  where p.organization_id = ${ORG_ID})`.mapWith(Number);

/** People kept a year: distinct persons whose 12-month follow-up there, once done, found them still employed. */
const keptSql = sql<number>`(select count(distinct p.person_id) from placement p
  join follow_up f on f.placement_id = p.id
  where p.organization_id = ${ORG_ID} and f.month_offset = 12 and f.done_at is not null
    and f.still_employed)`.mapWith(Number);

/** The trades: the occupations of the jobs it has published (a placement through a referral is one of them). */
const tradesSql = sql<string>`(select coalesce(string_agg(distinct j.occupation_code, ','), '') from job j
  where j.organization_id = ${ORG_ID} and j.published_at is not null)`;

export const DIRECTORY_PAGE_SIZE = 20;

export type DirectoryQuery = { province?: string; trade?: string; page: number };

/** Shared and hand-edited like the other public URLs: a bad parameter is dropped, never an error page. */
const querySchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  trade: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

/** /employers?province=68&trade=72311&page=2 → the directory query (an unknown value means "no filter"). */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  return querySchema.parse({
    province: params.get("province") || undefined,
    trade: params.get("trade") || undefined,
    page: params.get("page") ?? 1,
  });
}

export type DirectoryEntry = {
  id: string;
  name: string;
  provinceName: string;
  communeName: string;
  trades: { code: string; nameVi: string; nameEn: string }[];
  hired: PublishedCell;
  kept: PublishedCell;
};

export type Directory = {
  entries: DirectoryEntry[];
  total: number;
  page: number;
  totalPages: number;
  /** The filter choices: provinces and trades that have at least one listed employer. */
  provinces: { code: string; name: string }[];
  trades: { code: string; nameVi: string; nameEn: string }[];
};

function filters(query: Pick<DirectoryQuery, "province" | "trade">): SQL {
  const conds: SQL[] = [recognisedSql];
  if (query.province) conds.push(eq(organization.provinceCode, query.province));
  if (query.trade) {
    conds.push(sql`exists (select 1 from ${job} tj where tj.organization_id = ${ORG_ID}
      and tj.published_at is not null and tj.occupation_code = ${query.trade})`);
  }
  return and(...conds)!;
}

/** One page of the directory, filtered by province and trade (occupation code), with the filter choices. */
export async function loadDirectory(query: DirectoryQuery): Promise<Directory> {
  const where = filters(query);
  const [[{ total }], provinces, tradeRows, occupations] = await Promise.all([
    db().select({ total: count() }).from(organization).where(where),
    db()
      .selectDistinct({ code: province.code, name: province.name })
      .from(organization)
      .innerJoin(province, eq(province.code, organization.provinceCode))
      .where(recognisedSql)
      .orderBy(asc(province.name)),
    db()
      .selectDistinct({ code: job.occupationCode })
      .from(job)
      .innerJoin(organization, eq(organization.id, job.organizationId))
      .where(and(recognisedSql, isNotNull(job.publishedAt))),
    listOccupations(),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), totalPages);
  const rows = await db()
    .select({
      id: organization.id,
      name: organization.name,
      provinceName: province.name,
      communeName: commune.name,
      hired: hiredSql,
      kept: keptSql,
      trades: tradesSql,
    })
    .from(organization)
    .innerJoin(province, eq(province.code, organization.provinceCode))
    .innerJoin(commune, eq(commune.code, organization.communeCode))
    .where(where)
    .orderBy(asc(province.name), asc(organization.name), asc(organization.id))
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((page - 1) * DIRECTORY_PAGE_SIZE);
  const byCode = new Map(occupations.map((o) => [o.code, { code: o.code, nameVi: o.nameVi, nameEn: o.nameEn }]));
  const tradesOf = (codes: string[]) => codes.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
  return {
    entries: rows.map((r) => ({
      id: r.id,
      name: r.name,
      provinceName: r.provinceName,
      communeName: r.communeName,
      trades: tradesOf(r.trades ? r.trades.split(",") : []),
      hired: publishCount(r.hired),
      kept: publishCount(r.kept),
    })),
    total,
    page,
    totalPages,
    provinces,
    trades: tradesOf(tradeRows.map((t) => t.code)).sort((a, b) => a.nameVi.localeCompare(b.nameVi, "vi")),
  };
}

// ---- The employer's side ----------------------------------------------------------------------------

/** Why an employer cannot appear yet. */
export type DirectoryBlocker = "not_verified" | "no_hire";

export type DirectoryStatus = {
  /** It asked to appear (directory_listed_at set), since when. */
  listedAt: Date | null;
  /** What still keeps it out; empty when it may appear. */
  blockers: DirectoryBlocker[];
  /** Appears right now: opted in and nothing keeps it out. */
  shown: boolean;
  /** What the directory shows of it (the small-number rule applied). */
  hired: PublishedCell;
  kept: PublishedCell;
};

async function statusOf(executor: Executor, organizationId: string, lock: boolean) {
  const q = executor
    .select({
      role: organization.role,
      verificationStatus: organization.verificationStatus,
      listedAt: organization.directoryListedAt,
      hired: hiredSql,
      kept: keptSql,
    })
    .from(organization)
    .where(eq(organization.id, organizationId));
  const [row] = lock ? await q.for("update", { of: organization }) : await q;
  if (!row || row.role !== "employer") return undefined;
  const blockers: DirectoryBlocker[] = [];
  if (row.verificationStatus !== "verified") blockers.push("not_verified");
  if (row.hired === 0) blockers.push("no_hire");
  return { ...row, blockers };
}

/** The employer's own view of its place in the directory (its profile page). */
export async function getDirectoryStatus(scope: OrgScope): Promise<DirectoryStatus | undefined> {
  const row = await statusOf(db(), scope.organizationId, false);
  if (!row) return undefined;
  return {
    listedAt: row.listedAt,
    blockers: row.blockers,
    shown: row.listedAt !== null && row.blockers.length === 0,
    hired: publishCount(row.hired),
    kept: publishCount(row.kept),
  };
}

/** Inside the caller's transaction: re-index the organisation's open jobs (their badge may have changed). */
export async function touchOpenJobs(tx: Executor, organizationId: string): Promise<void> {
  const ids = await tx
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.organizationId, organizationId), eq(job.status, "open")));
  await touch(
    tx,
    "job",
    ids.map((r) => r.id),
  );
}

/**
 * Inside the transaction that recorded a placement with this organisation: on its first hire through the
 * programme, an employer already opted in (and verified) becomes listed, so its open jobs get the badge.
 */
export async function onPlacementRecorded(tx: Executor, organizationId: string): Promise<void> {
  const [row] = await tx.select({ n: count() }).from(placement).where(eq(placement.organizationId, organizationId));
  if (Number(row?.n ?? 0) === 1) await touchOpenJobs(tx, organizationId);
}

export type ListingOutcome = { ok: true; listed: boolean } | { ok: false; blockers: DirectoryBlocker[] } | NotFound;

/**
 * Appear in the directory or leave it, in one click. Leaving is always allowed and takes effect at once;
 * appearing needs the employer to be verified and to have hired through the programme. Audited, and its
 * open jobs re-indexed in the same transaction (their badge follows).
 */
export async function setDirectoryListing(scope: OrgScope, on: boolean): Promise<ListingOutcome> {
  if (scope.role !== "employer") return { ok: false, notFound: true };
  const result = await db().transaction(async (tx): Promise<ListingOutcome> => {
    const current = await statusOf(tx, scope.organizationId, true);
    if (!current) return { ok: false, notFound: true };
    if (on && current.blockers.length) return { ok: false, blockers: current.blockers };
    // Keep the first date on a repeated click; leaving clears it.
    const listedAt = on ? (current.listedAt ?? now()) : null;
    if ((listedAt === null) !== (current.listedAt === null)) {
      await tx
        .update(organization)
        .set({ directoryListedAt: listedAt, updatedAt: now() })
        .where(eq(organization.id, scope.organizationId));
      await audit(tx, { id: scope.actorId, role: scope.role }, null, "edit", "directory_listing", {
        organizationId: scope.organizationId,
        listed: on,
      });
      await touchOpenJobs(tx, scope.organizationId);
    }
    return { ok: true, listed: on };
  });
  indexSoon();
  return result;
}
