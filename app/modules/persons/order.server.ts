import { asc, type SQL, sql } from "drizzle-orm";

import { releasedPerson } from "../../../db/schema";

/**
 * The order of every list of persons (docs/decisions/022): as Vietnamese registers sort, by given name, then
 * family and middle names, in the Vietnamese alphabet with tones after base letters. The key is computed by
 * the database from the name (ct_name_sort_key, migration 0010) and compared byte by byte (COLLATE "C", no
 * ICU, no server locale), so PostgreSQL and PGlite agree and paging is stable; the id breaks ties.
 */
export function personNameOrder(): SQL[] {
  return [sql`${releasedPerson.nameSortKey} collate "C"`, asc(releasedPerson.id)];
}

/** The same order in memory, for lists assembled after the query: byte order of the key, then the id. */
export function compareByNameKey(
  a: { nameSortKey: string; id: string },
  b: { nameSortKey: string; id: string },
): number {
  return compareBytes(a.nameSortKey, b.nameSortKey) || compareBytes(a.id, b.id);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The key alone, for orders that put something else first (a month, a due date) and the person second. */
export const personNameKey: SQL = sql`${releasedPerson.nameSortKey} collate "C"`;
