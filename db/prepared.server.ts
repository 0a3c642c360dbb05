/*
 * Statements built once, run many times (issue 14). Drizzle builds a statement's SQL text from its query
 * builder on every execution: for the statements every page runs (the session check, the unread count, the
 * audit insert) and the officer's list of persons (a dozen correlated subqueries), building cost more of the
 * Node thread than PostgreSQL took to run them (a CPU profile under load: 12 % of /officer/persons in
 * drizzle's SQL building). `builtOnce` keeps drizzle's prepared query (`.prepare()`: the SQL text and its
 * parameters, values left as `sql.placeholder`s) per executor and key, so the building happens once per
 * process; `.execute({ … })` fills the placeholders. On the PostgreSQL server the text is then also a
 * prepared statement of each connection (db/postgres-client.server.ts), on PGlite it is sent as it is.
 *
 * The key must name everything the builder reads that is not a placeholder (a shape: which filters, which
 * scope): two calls with one key get one statement. Kept per executor (a database handle, or a transaction
 * while it lives), at most MAX_SHAPES per executor.
 */

const perExecutor = new WeakMap<object, Map<string, unknown>>();

/** More shapes than this on one executor (an unexpected key with a value in it) start the cache afresh. */
export const MAX_SHAPES = 1_000;

/** The prepared query `build` makes, made once per `executor` and `key`. */
export function builtOnce<T>(executor: object, key: string, build: () => T): T {
  let shapes = perExecutor.get(executor);
  if (!shapes) {
    shapes = new Map();
    perExecutor.set(executor, shapes);
  }
  let query = shapes.get(key) as T | undefined;
  if (query === undefined) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    query = build();
    shapes.set(key, query);
  }
  return query;
}
