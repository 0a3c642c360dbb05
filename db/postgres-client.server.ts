import postgres from "postgres";

/*
 * The postgres.js client for a PostgreSQL server, made to survive the server going away (restart, failover)
 * without taking the app down (docs/decisions/018-failing-fast-when-a-part-is-down.md):
 *
 * - connect_timeout 5 s and a fixed 0.2 s reconnect pause: by default postgres.js waits longer after each
 *   failed connect (3^n / 100 s, up to 20 s), so requests after the server is back would hang that long.
 * - transactions whose connection dies are left to postgres.js to reject, and our callback then never
 *   settles. postgres.js 3.4.9 answers a failed callback with ROLLBACK, and on a dead connection that write
 *   throws from a timer (an uncaught TypeError: the process exits) and leaves the connection unusable
 *   (porsager/postgres issues 1154 and 1208). The transaction itself is rejected at once all the same: begin()
 *   races the callback against the connection's close. (sql.reserve() is no way round it: a reservation that
 *   fails while the server is down stays queued and later swallows a connection.)
 * - prepared statements (issue 14): drizzle asks postgres.js not to prepare its unnamed queries, so every
 *   statement with parameters was parsed, described and planned afresh in two round trips (planning a 5-table
 *   join cost 1.7 ms, running it 0.2 ms). With `prepare` each connection keeps a named statement per SQL text
 *   and reuses it: one round trip, no parse, and PostgreSQL's plan cache. Statements without parameters
 *   (migrations, SET, several statements at once) still go as simple queries, and statements with more than
 *   PREPARE_MAX_PARAMETERS parameters (bulk writes) are not kept. A connection's statements die
 *   with it, so a reconnect after a restart prepares them again. Off (`DATABASE_PREPARE=false`) behind
 *   PgBouncer in transaction mode, which may run a statement on a server connection that never prepared it.
 */

// Codes meaning the connection itself is gone (not that a statement failed).
const LOST = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
]);

/** True when this error (or one it wraps, e.g. drizzle's DrizzleQueryError) says the connection was lost. */
export function connectionLost(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 6;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (LOST.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

// If a "lost" connection turns out not to be closed after all, settle normally after this long.
const CLOSE_GRACE_MS = 5_000;

export function createPostgresClient(url: string, max: number, options: { prepare?: boolean } = {}): postgres.Sql {
  const prepare = options.prepare ?? true;
  const client = postgres(url, {
    max,
    // Off: nothing is prepared, even a query that asks (drizzle's named .prepare()).
    prepare,
    onnotice: () => {},
    connect_timeout: 5,
    backoff: () => 0.2,
    connection: { application_name: "chung-tay" },
  });
  // drizzle runs statements with client.unsafe(...) (+ .values()), transactions with client.begin(fn) and
  // nested ones with tx.savepoint(fn).
  return new Proxy(client, {
    get: (target, prop, receiver) =>
      prop === "begin"
        ? (...args: unknown[]) => {
            const progress = { started: false };
            return retryStale(
              () => begin(target, args, progress, prepare),
              () => progress.started,
            );
          }
        : prop === "unsafe"
          ? (...args: Parameters<postgres.Sql["unsafe"]>) =>
              retryingQuery(() => target.unsafe(...withPrepare(args, prepare)))
          : Reflect.get(target, prop, receiver),
  });
}

// Bulk writes (imports, seeds) make a different SQL text for each row count: not worth keeping.
const PREPARE_MAX_PARAMETERS = 100;

/** unsafe(query, params, options) with `prepare: true` when prepared statements are on (drizzle passes false). */
function withPrepare(args: Parameters<postgres.Sql["unsafe"]>, prepare: boolean): Parameters<postgres.Sql["unsafe"]> {
  const [query, params, options] = args;
  // unsafe(query, options) is postgres.js's other form; left as it is.
  if (!prepare || (params !== undefined && !Array.isArray(params))) return args;
  if ((params?.length ?? 0) > PREPARE_MAX_PARAMETERS) return args;
  return [query, params ?? [], { ...options, prepare: true }];
}

/*
 * After a restart, the first statement on a connection whose previous statement the shutdown interrupted
 * fails with that old backend's 57P01, although it never reached the new server (postgres.js 3.4.9 keeps the
 * error). A statement interrupted by 57P01/57P02 was rolled back either way, so one more try is safe. A
 * transaction is tried again only when nothing of it ran (the BEGIN itself failed).
 */
const STALE = new Set(["57P01", "57P02"]);
const isStale = (error: unknown) => STALE.has(String((error as { code?: unknown })?.code));

async function retryStale<T>(run: () => Promise<T>, started?: () => boolean): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isStale(error) || started?.()) throw error;
    return run();
  }
}

/** A pending statement as drizzle uses it (awaited, optionally after .values()), tried twice on a stale error. */
function retryingQuery(make: () => postgres.PendingQuery<postgres.Row[]>) {
  let values = false;
  let result: Promise<unknown> | undefined;
  const run = () => (result ??= retryStale(async () => (values ? await make().values() : await make())));
  const pending = {
    values: () => ((values = true), pending),
    then: <A, B>(ok?: ((v: unknown) => A) | null, fail?: ((e: unknown) => B) | null) => run().then(ok, fail),
    catch: <B>(fail?: ((e: unknown) => B) | null) => run().catch(fail),
    finally: (fn?: (() => void) | null) => run().finally(fn),
  };
  return pending as unknown as postgres.PendingQuery<postgres.Row[]>;
}

type TxFn = (tx: postgres.TransactionSql) => unknown;
type TxState = { lost: boolean; settled: boolean };

function begin(
  client: postgres.Sql,
  args: unknown[],
  progress: { started: boolean },
  prepare: boolean,
): Promise<unknown> {
  const [options, fn] =
    typeof args[0] === "function" ? ["", args[0] as TxFn] : [String(args[0] ?? ""), args[1] as TxFn];
  const state: TxState = { lost: false, settled: false };
  const outcome = client.begin(options, (raw) => {
    progress.started = true;
    return guarded(state, () => fn(transactionSql(raw, state, prepare)));
  });
  outcome.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return outcome;
}

/**
 * Run a transaction callback; once its connection is lost, never settle (postgres.js has already rejected
 * the transaction): settling would make postgres.js write ROLLBACK to the dead connection.
 */
async function guarded(state: TxState, run: () => unknown): Promise<unknown> {
  let result: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    result = { ok: true, value: await run() };
  } catch (error) {
    if (connectionLost(error)) state.lost = true;
    result = { ok: false, error };
  }
  if (state.lost) {
    await new Promise<void>((resolve) => {
      const check = setTimeout(() => (state.settled ? undefined : resolve()), CLOSE_GRACE_MS);
      check.unref();
    });
  }
  if (!result.ok) throw result.error;
  return result.value;
}

/** postgres.js's transaction client, noticing a lost connection and refusing further work on it. */
function transactionSql(raw: postgres.TransactionSql, state: TxState, prepare: boolean): postgres.TransactionSql {
  const unsafe = (...args: Parameters<postgres.Sql["unsafe"]>) => {
    if (state.lost)
      throw Object.assign(new Error("The database connection of this transaction was lost"), {
        code: "CONNECTION_CLOSED",
      });
    const query = raw.unsafe(...withPrepare(args, prepare));
    // Noticed as soon as it happens, even if the caller catches it and carries on.
    query.catch((e: unknown) => void (state.lost ||= connectionLost(e)));
    return query;
  };
  const savepoint = (fn: TxFn) =>
    raw.savepoint((inner) => guarded(state, () => fn(transactionSql(inner, state, prepare))));
  return new Proxy(raw, {
    get: (target, prop, receiver) =>
      prop === "unsafe" ? unsafe : prop === "savepoint" ? savepoint : Reflect.get(target, prop, receiver),
  });
}
