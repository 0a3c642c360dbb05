/**
 * How busy this process's database connections are, for /metrics (`chungtay_db_pool_connections`): every
 * statement drizzle runs on the pool and every transaction holds a connection until it settles; beyond the
 * pool's size they wait in the driver's queue. Counted where drizzle calls the driver (`unsafe` and `begin`
 * for postgres.js, `query`/`exec`/`transaction` for PGlite, which has one connection).
 */
let inFlight = 0;
let size = 1;

export function poolUsage(): { busy: number; waiting: number; size: number } {
  return { busy: Math.min(inFlight, size), waiting: Math.max(0, inFlight - size), size };
}

function track<T>(value: T): T {
  inFlight += 1;
  let settled = false;
  const done = () => {
    if (settled) return;
    settled = true;
    inFlight -= 1;
  };
  const thenable = value as { then?: (f?: unknown, r?: unknown) => unknown };
  if (!thenable || typeof thenable.then !== "function") {
    done();
    return value;
  }
  // postgres.js queries run when awaited (their `then`), and drizzle awaits every one: count until settled,
  // keeping the query object itself (drizzle calls `.values()` on it).
  const original = thenable.then.bind(thenable);
  thenable.then = (onFulfilled?: unknown, onRejected?: unknown) =>
    original(
      (v: unknown) => {
        done();
        return typeof onFulfilled === "function" ? onFulfilled(v) : v;
      },
      (e: unknown) => {
        done();
        if (typeof onRejected === "function") return onRejected(e);
        throw e;
      },
    );
  return value;
}

/** The driver client with its pool-level calls counted; `poolSize` is its `max` (1 for PGlite). */
export function countPoolUsage<C extends object>(client: C, methods: readonly string[], poolSize: number): C {
  size = poolSize;
  return new Proxy(client, {
    // The target as `this`: PGlite's getters read private fields, which a proxy receiver would break.
    get: (target, prop) => {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      // Every method runs on the target itself (PGlite's read private fields, which a proxy `this` breaks).
      if (typeof prop !== "string" || !methods.includes(prop))
        return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => track((value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}
