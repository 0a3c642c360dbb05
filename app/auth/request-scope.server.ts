import { AsyncLocalStorage } from "node:async_hooks";

import { singleton } from "~/utils/singleton.server";

/**
 * What one HTTP request computes once and every loader of it reuses (today: the session check). Remix hands
 * each loader its own `Request` object, so a cache keyed on the Request misses; app/server.ts opens a scope
 * around the Remix handler instead, and everything the request awaits runs inside it (AsyncLocalStorage
 * follows promises). Outside a scope (route modules called directly by tests, the worker, scripts) nothing
 * is shared: each call computes afresh.
 */
export type RequestScope = {
  /** The session check of this request: the token it was made for, and its result. */
  auth?: { token: string | null; result: Promise<unknown> };
};

// One store for the Node entry (tsx) and the Remix bundle, which each load this file.
const storage = () => singleton("request-scope", () => new AsyncLocalStorage<RequestScope>());

/** Run `work` (and everything it awaits) in a fresh request scope. */
export function inRequestScope<T>(work: () => T): T {
  return storage().run({}, work);
}

/** The current request's scope, or undefined outside one. */
export function requestScope(): RequestScope | undefined {
  return storage().getStore();
}
