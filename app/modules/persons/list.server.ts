import { and, asc, count, eq, isNull, type Placeholder, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { liveConsent, livePurposesSql } from "~/modules/consent/live.server";
import type { ConvictionFact, CourtBanFact } from "~/modules/matching/rules";
import { now, todayIso } from "~/utils/clock.server";
import { daysAfter } from "~/utils/dates";

import { type Database, db } from "../../../db/client.server";
import { builtOnce } from "../../../db/prepared.server";
import {
  CLASSIFICATION_GROUPS,
  commune,
  CONSENT_PURPOSES,
  consentGrant,
  type ConsentPurpose,
  consentWithdrawal,
  PERSON_NEEDS,
  PERSON_STATUSES,
  releasedPerson,
} from "../../../db/schema";
import { ageOn } from "./expungement";
import { personNameOrder } from "./order.server";
import { expungementOf } from "./record.server";
import {
  convictionsJson,
  courtBansJson,
  type LatestClassification,
  latestClassificationGroup,
  latestClassificationJson,
} from "./record-sql.server";
import { personInScope, personsInScope } from "./scope.server";

/** The list's filters as the query string carries them; anything unexpected is ignored, never an error. */
export const personListFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["active", "closed", "all"]).optional().catch(undefined),
  group: z.enum(CLASSIFICATION_GROUPS).optional().catch(undefined),
  need: z.enum(PERSON_NEEDS).optional().catch(undefined),
  due: z.literal("1").optional().catch(undefined),
  expiring: z.literal("1").optional().catch(undefined),
  /** 1-based; a page past the end shows the last one. */
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
});
export type PersonListFilters = z.output<typeof personListFiltersSchema>;

/** How long before its expiry a consent is due for renewal (the officer's reminder). */
export const CONSENT_RENEWAL_DAYS = 30;

/** Persons per page of the list. */
export const PERSONS_PAGE_SIZE = 20;

export type PersonListRow = {
  id: string;
  fullName: string;
  age: number;
  communeName: string;
  status: (typeof PERSON_STATUSES)[number];
  latestGroup: (typeof CLASSIFICATION_GROUPS)[number] | null;
  latestQuarter: string | null;
  livePurposes: ConsentPurpose[];
  expungementDue: boolean;
};

/** What the user typed, as a LIKE operand: % and _ are plain characters. */
const likeOperand = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "Nguyễn", "nguyen" and "NGUYEN" find the same person; `q` is a likeOperand. */
function nameMatches(q: Placeholder): SQL {
  return sql`ct_fold(${releasedPerson.fullName}) like '%' || ct_fold(${q}) || '%'`;
}

export type PersonListPage = { persons: PersonListRow[]; total: number; page: number; pageCount: number };

/**
 * The list's conditions, values as placeholders (`q`, `at`, `soon`): the scope, status, need and group are
 * part of the statement's shape (listShapeKey).
 */
function listConditions(scope: StaffScope, filters: PersonListFilters): SQL | undefined {
  const status = filters.status ?? "active";
  const conds: (SQL | undefined)[] = [personsInScope(scope)];
  if (status !== "all") conds.push(eq(releasedPerson.status, status));
  if (filters.q) conds.push(nameMatches(sql.placeholder("q")));
  if (filters.need) conds.push(sql`${filters.need} = any(${releasedPerson.needs})`);
  if (filters.group) conds.push(sql`${latestClassificationGroup(releasedPerson.id)} = ${filters.group}`);
  if (filters.expiring)
    conds.push(liveConsent(releasedPerson.id, null, sql.placeholder("at"), sql.placeholder("soon")));
  return and(...conds);
}

/** Everything listConditions reads that is not a placeholder: one statement per key (db/prepared.server.ts). */
function listShapeKey(scope: StaffScope, filters: PersonListFilters): string {
  return JSON.stringify([
    scope.communeCodes,
    scope.communeCodes === null ? scope.provinceCodes : null,
    filters.status ?? "active",
    filters.need ?? null,
    filters.group ?? null,
    !!filters.q,
    !!filters.expiring,
  ]);
}

/** The placeholders' values of the list's statements. */
function listValues(filters: PersonListFilters, at: Date) {
  return {
    q: likeOperand(filters.q ?? ""),
    at: at.toISOString(),
    soon: daysAfter(at, CONSENT_RENEWAL_DAYS).toISOString(),
  };
}

/**
 * The persons of the officer's communes (a provincial admin's province), filtered, one page at a time in the
 * order of every list of persons (given name first, Vietnamese alphabet: order.server.ts), with their latest
 * classification, the purposes of their live consents and whether expungement is due. One audit event
 * records that the list was seen and how many it showed.
 */
export async function listPersons(scope: StaffScope, filters: PersonListFilters): Promise<PersonListPage> {
  const at = now();
  const today = todayIso(at);
  const wanted = filters.page ?? 1;
  const values = listValues(filters, at);
  const shape = listShapeKey(scope, filters);
  const database = db();
  // One audit event records that the list was seen, which page and how many it showed.
  const audited = (page: number, shown: number) =>
    audit(database, { id: scope.actorId, role: scope.role }, null, "view", "case_management", {
      count: shown,
      list: "persons",
      page,
    });
  let rows: ListedRow[];
  let total: number;
  let page: number;
  if (filters.due) {
    // "Due" is computed from the sentences and bans (expungementOf), not by SQL: the candidates (no recorded
    // expungement) are read in order with their convictions and bans, the due ones kept, then paged; then
    // the page's details.
    const candidates = await builtOnce(database, `persons.list.due ${shape}`, () =>
      database
        .select({
          id: releasedPerson.id,
          dateOfBirth: releasedPerson.dateOfBirth,
          recordExpungedOn: releasedPerson.recordExpungedOn,
          otherDecisionsCompletedOn: releasedPerson.otherDecisionsCompletedOn,
          convictions: convictionsJson(releasedPerson.id),
          bans: courtBansJson(releasedPerson.id),
        })
        .from(releasedPerson)
        .where(and(listConditions(scope, filters), isNull(releasedPerson.recordExpungedOn)))
        .orderBy(...personNameOrder())
        .prepare("persons_list_due"),
    ).execute(values);
    const keep = candidates
      .filter((p) => p.convictions.length && expungementOf(p, p.convictions, p.bans).eligibleNow)
      .map((p) => p.id);
    total = keep.length;
    page = Math.min(wanted, Math.max(1, Math.ceil(total / PERSONS_PAGE_SIZE)));
    const ids = keep.slice((page - 1) * PERSONS_PAGE_SIZE, page * PERSONS_PAGE_SIZE);
    const [found] = await Promise.all([
      ids.length
        ? builtOnce(database, "persons.list.ids", () =>
            listedPersons(database, sql`${releasedPerson.id} = any(${sql.placeholder("ids")}::uuid[])`).prepare(
              "persons_list_ids",
            ),
          ).execute({ ...values, ids })
        : [],
      audited(page, ids.length),
    ]);
    rows = found;
  } else {
    // The page, the count of the whole list and each listed person's details in one statement; a page past
    // the end (a list that shrank) has no row to carry the count: counted apart, and the last page read.
    const pageOf = (n: number) =>
      builtOnce(database, `persons.list ${shape}`, () =>
        listedPersons(database, listConditions(scope, filters), true).prepare("persons_list"),
      ).execute({ ...values, offset: (n - 1) * PERSONS_PAGE_SIZE });
    const asked = await pageOf(wanted);
    if (asked.length || wanted === 1) {
      total = asked[0]?.total ?? 0;
      page = wanted;
      rows = asked;
    } else {
      const [counted] = await database
        .select({ n: count() })
        .from(releasedPerson)
        .where(listConditions(scope, filters))
        .prepare("persons_list_count")
        .execute(values);
      total = Number(counted?.n ?? 0);
      page = Math.max(1, Math.ceil(total / PERSONS_PAGE_SIZE));
      rows = total ? await pageOf(page) : [];
    }
    await audited(page, rows.length);
  }

  const persons: PersonListRow[] = rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    age: ageOn(r.dateOfBirth, today),
    communeName: r.communeName,
    status: r.status,
    latestGroup: r.latest?.group ?? null,
    latestQuarter: r.latest?.quarter ?? null,
    livePurposes: [...r.purposes].sort() as ConsentPurpose[],
    expungementDue: expungementOf(r, r.convictions, r.bans).eligibleNow,
  }));

  return { persons, total, page, pageCount: Math.ceil(total / PERSONS_PAGE_SIZE) };
}

/** A listed person as listedPersons reads them: the row, the list's size, and the details the list shows. */
type ListedRow = {
  id: string;
  fullName: string;
  dateOfBirth: string;
  recordExpungedOn: string | null;
  otherDecisionsCompletedOn: string | null;
  status: (typeof PERSON_STATUSES)[number];
  communeName: string;
  /** How many persons `where` selects in all (the window's count, before the page is cut). */
  total: number;
  latest: LatestClassification | null;
  purposes: string[];
  convictions: ConvictionFact[];
  bans: CourtBanFact[];
};

/**
 * The statement reading the persons `where` selects, in the list's order, one page of them (from the
 * placeholder `offset`) when `paged`, each with its latest classification, live consent purposes (at the
 * placeholder `at`), convictions and bans: one statement (the details are correlated subqueries evaluated for
 * the page's rows only, outside the paged subquery).
 */
function listedPersons(database: Database, where: SQL | undefined, paged = false) {
  const inner = database
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      nameSortKey: releasedPerson.nameSortKey,
      dateOfBirth: releasedPerson.dateOfBirth,
      recordExpungedOn: releasedPerson.recordExpungedOn,
      otherDecisionsCompletedOn: releasedPerson.otherDecisionsCompletedOn,
      status: releasedPerson.status,
      communeName: commune.name,
      total: sql<number>`(count(*) over ())::int`.as("total"),
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(where)
    .orderBy(...personNameOrder())
    .$dynamic();
  const listed = (paged ? inner.limit(PERSONS_PAGE_SIZE).offset(sql.placeholder("offset")) : inner).as("listed");
  // Qualified by hand: inside the subqueries an unqualified "id" would bind to their own tables.
  const personId = sql.raw(`"listed"."id"`);
  return database
    .select({
      id: listed.id,
      fullName: listed.fullName,
      dateOfBirth: listed.dateOfBirth,
      recordExpungedOn: listed.recordExpungedOn,
      otherDecisionsCompletedOn: listed.otherDecisionsCompletedOn,
      status: listed.status,
      communeName: listed.communeName,
      total: listed.total,
      latest: latestClassificationJson(personId),
      purposes: livePurposesSql(personId, sql.placeholder("at")),
      convictions: convictionsJson(personId),
      bans: courtBansJson(personId),
    })
    .from(listed)
    .orderBy(sql`${listed.nameSortKey} collate "C"`, asc(listed.id));
}

/** How many active persons the officer's communes hold (the home page's count; names are not read). */
export async function countPersons(scope: StaffScope): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(releasedPerson)
    .where(and(personsInScope(scope), eq(releasedPerson.status, "active")));
  return Number(row?.n ?? 0);
}

/** Whether a person id is within the actor's reach; nothing is read, so nothing is audited. */
export async function personIsInScope(scope: StaffScope, personId: string): Promise<boolean> {
  const [row] = await db().select({ id: releasedPerson.id }).from(releasedPerson).where(personInScope(scope, personId));
  return !!row;
}

/**
 * What the printable consent form needs: the person's identity, their commune (the controller is its
 * police) and one grant of theirs. Out of scope, or a grant of someone else: undefined. Audited as a print.
 */
export async function consentFormFor(scope: StaffScope, personId: string, grantId: string) {
  const [row] = await db()
    .select({
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      citizenId: releasedPerson.citizenId,
      address: releasedPerson.address,
      communeName: commune.name,
      grant: {
        id: consentGrant.id,
        purposes: consentGrant.purposes,
        shareableFields: consentGrant.shareableFields,
        givenAt: consentGrant.givenAt,
        expiresAt: consentGrant.expiresAt,
        evidenceKind: consentGrant.evidenceKind,
        evidenceRef: consentGrant.evidenceRef,
        withdrawnAt: consentGrant.withdrawnAt,
      },
    })
    .from(consentGrant)
    .innerJoin(releasedPerson, eq(releasedPerson.id, consentGrant.personId))
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(and(eq(consentGrant.id, grantId), personInScope(scope, personId)));
  if (!row) return undefined;
  await audit(db(), { id: scope.actorId, role: scope.role }, personId, "print", "consent", {
    grantId,
    document: "consent_form",
  });
  // The form prints what was given: the purposes in force and those withdrawn since (decision 021).
  const withdrawn = await db()
    .select({ purpose: consentWithdrawal.purpose })
    .from(consentWithdrawal)
    .where(eq(consentWithdrawal.grantId, grantId));
  const given = CONSENT_PURPOSES.filter(
    (p) => row.grant.purposes.includes(p) || withdrawn.some((w) => w.purpose === p),
  );
  return { ...row, grant: { ...row.grant, purposes: given } };
}
