/**
 * "A live consent for this purpose" in SQL, written once (decision 021: P = any(purposes), withdrawn_at is
 * null, expires_at after now). Every query that needs it uses these fragments; the time is the app's clock
 * (utils/clock.server: the test clock in tests) unless the caller passes its own `at`. The client-safe half
 * of the vocabulary (purposes, the listing → purpose map, grantState) is vocabulary.ts. A query that needs
 * the listing → purpose map in SQL builds it from LISTING_PURPOSE there, never by hand.
 */
import {
  and,
  type AnyColumn,
  Column,
  desc,
  eq,
  getTableName,
  gt,
  inArray,
  is,
  isNull,
  lt,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";

import { now } from "~/utils/clock.server";

import { db, type Executor } from "../../../db/client.server";
import { consentGrant } from "../../../db/schema";
import type { ConsentPurpose } from "./vocabulary";

/** A person id: a column of the outer query (qualified here, so a correlated subquery cannot rebind it) or a value/fragment. */
export type PersonRef = AnyColumn | SQL | string;

/** A PersonRef as SQL: a column qualified with its table, a uuid value, or the fragment itself. */
export function personRefSql(person: PersonRef): SQL {
  if (is(person, Column)) return sql`${sql.identifier(getTableName(person.table))}.${sql.identifier(person.name)}`;
  return typeof person === "string" ? sql`${person}::uuid` : person;
}

/**
 * A moment as the SQL below takes it: a Date, or the placeholder of a statement built once
 * (db/prepared.server.ts) whose value is then the moment's ISO string.
 */
export type Instant = Date | Placeholder;
const instantSql = (at: Instant) => sql`${at instanceof Date ? at.toISOString() : at}::timestamptz`;

/** The grant alias `g` is in force at `at` (raw SQL, for the subqueries below). */
const gIsLive = (at: Instant) => sql`g.withdrawn_at is null and g.expires_at > ${instantSql(at)}`;

/**
 * EXISTS a live grant of `person` at `at` (for `purpose` when given; expiring no later than `expiresBy`
 * when given, the renewal reminders' "expiring soon"). For queries on persons or anything that names one.
 */
export function liveConsent(
  person: PersonRef,
  purpose?: ConsentPurpose | null,
  at: Instant = now(),
  expiresBy?: Instant,
): SQL {
  const forPurpose = purpose ? sql` and ${purpose} = any(g.purposes)` : sql``;
  const until = expiresBy ? sql` and g.expires_at <= ${instantSql(expiresBy)}` : sql``;
  return sql`exists (select 1 from ${consentGrant} g where g.person_id = ${personRefSql(person)} and ${gIsLive(at)}${forPurpose}${until})`;
}

/** The purposes of `person`'s live grants at `at`, as a text array ('{}' when none). */
export function livePurposesSql(person: PersonRef, at: Instant = now()): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(distinct p) from ${consentGrant} g, unnest(g.purposes) p
        where g.person_id = ${personRefSql(person)} and ${gIsLive(at)}), '{}')`;
}

/** The grant row has not been withdrawn as a whole (it may have expired): for queries on consent_grant. */
export function grantNotWithdrawn(): SQL {
  return isNull(consentGrant.withdrawnAt);
}

/** The grant row lists `purpose` among the purposes in force: for queries on consent_grant. */
export function grantCovers(purpose: ConsentPurpose): SQL {
  return sql`${purpose} = any(${consentGrant.purposes})`;
}

/** The grant row is in force at `at` (and covers `purpose` when given): the drizzle condition for queries on consent_grant. */
export function grantIsLive(at: Date = now(), purpose?: ConsentPurpose): SQL {
  return and(grantNotWithdrawn(), gt(consentGrant.expiresAt, at), purpose ? grantCovers(purpose) : undefined)!;
}

/** The grant row ran out before `at` without being withdrawn (what the expiry sweeper processes): for queries on consent_grant. */
export function grantHasExpired(at: Date = now()): SQL {
  return and(lt(consentGrant.expiresAt, at), grantNotWithdrawn())!;
}

type Reader = Pick<ReturnType<typeof db>, "select">;

/** Grants in force now (not withdrawn, not expired), newest first. */
export async function liveGrants(personId: string, reader: Reader = db()) {
  return reader
    .select({
      id: consentGrant.id,
      purposes: consentGrant.purposes,
      shareableFields: consentGrant.shareableFields,
      expiresAt: consentGrant.expiresAt,
    })
    .from(consentGrant)
    .where(and(eq(consentGrant.personId, personId), grantIsLive()))
    .orderBy(desc(consentGrant.givenAt));
}

/** The purposes a person has live consent for now (any grant in force that lists them). */
export async function livePurposesOf(executor: Executor, personId: string): Promise<Set<ConsentPurpose>> {
  const rows = await executor
    .select({ purposes: consentGrant.purposes })
    .from(consentGrant)
    .where(and(eq(consentGrant.personId, personId), grantIsLive()));
  return new Set(rows.flatMap((r) => r.purposes));
}

/** Which of these persons have a live grant for the purpose (the last word before anything is shown). */
export async function personsWithLiveConsent(personIds: string[], purpose: ConsentPurpose): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db()
    .selectDistinct({ personId: consentGrant.personId })
    .from(consentGrant)
    .where(and(inArray(consentGrant.personId, personIds), grantIsLive(now(), purpose)));
  return new Set(rows.map((r) => r.personId));
}

/**
 * The grant row is outlived by a later grant of the same person, not withdrawn, covering every purpose it
 * did (a renewal): for queries on consent_grant (the person need not be told it ends).
 */
export function grantRenewed(): SQL {
  return sql`exists (select 1 from ${consentGrant} later where later.person_id = ${consentGrant.personId}
    and later.id <> ${consentGrant.id} and later.withdrawn_at is null
    and later.expires_at > ${consentGrant.expiresAt} and later.purposes @> ${consentGrant.purposes})`;
}
