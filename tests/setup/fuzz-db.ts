import { sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import type { FormValues } from "~/utils/forms";

import type { Database } from "../../db/client.server";
import { uniquePhone } from "../factories";
import { activatePerson, createPerson } from "../factories/persons";

/*
 * The database side of the bad-input tests (tests/setup/fuzz.ts): a cheap fingerprint of every table to prove
 * a refused request wrote nothing, the check that stored text is NFC, and a logged-in person to post as.
 */

// The fingerprint: per table, its row count and an order-independent sum of row hashes.

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Tables whose rows change on any request by design (sessions), or never through a form (reference data). */
const NEVER_FINGERPRINTED = new Set([
  "user_session",
  "sync_lease",
  "province",
  "commune",
  "occupation",
  "training_level",
  "minimum_wage",
  "wage_zone",
]);

let tableNames: string[] | undefined;
async function fingerprintedTables(db: Database): Promise<string[]> {
  tableNames ??= (
    await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  )
    .map((r) => r.name)
    .filter((n) => !NEVER_FINGERPRINTED.has(n) && !n.startsWith("__"));
  return tableNames;
}

export type Fingerprint = Record<string, string>;

/** Every table's rows, as one cheap query: equal fingerprints mean no row was inserted, updated or deleted. */
export async function fingerprint(db: Database, ignore: readonly string[] = []): Promise<Fingerprint> {
  const tables = (await fingerprintedTables(db)).filter((t) => !ignore.includes(t));
  const parts = tables.map(
    (t) =>
      `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`,
  );
  const result = await rows<{ t: string; h: string }>(db, sql.raw(parts.join(" union all ")));
  return Object.fromEntries(result.map((r) => [r.t, r.h]));
}

/** The tables whose fingerprint changed. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

/** Text columns holding a value that is not NFC: stored text must be one form only (app/utils/text.ts). */
export async function nonNfcColumns(db: Database): Promise<string[]> {
  const columns = await rows<{ t: string; c: string; type: string }>(
    db,
    sql`select table_name as t, column_name as c, data_type as type from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'ARRAY', 'jsonb')`,
  );
  const found: string[] = [];
  for (const { t, c, type } of columns) {
    const value = type === "ARRAY" ? `array_to_string("${c}", ' ')` : type === "jsonb" ? `"${c}"::text` : `"${c}"`;
    const [row] = await rows<{ n: number }>(
      db,
      sql.raw(
        `select count(*)::int as n from "${t}" where ${value} is not null and ${value} <> normalize(${value}, NFC)`,
      ),
    );
    if (Number(row.n) > 0) found.push(`${t}.${c} (${row.n})`);
  }
  return found;
}

let activations = 0;
/** A person registered by the officer, invited and activated through the real services: ids and phone. */
export async function activatedPerson(officer: StaffScope, overrides: FormValues = {}) {
  const phone = uniquePhone();
  const personId = await createPerson(officer, { phone, ...overrides });
  const ip = `10.99.${Math.floor(++activations / 250)}.${activations % 250}`;
  return { personId, userId: await activatePerson(officer, personId, { phone, ip }), phone };
}
