import { type ActionFunction, json, type LoaderFunction, type ServerBuild } from "@remix-run/node";

import { log } from "./log.server";

/**
 * When the database server is down or restarting, every loader and action fails the same way. Instead of a
 * 500 and a stack in the log per request, the visitor gets a 503 with Retry-After: the root error page says
 * "temporarily unavailable" with the request id, JSON and resource routes get a small JSON body. The app
 * process stays up; postgres.js reconnects by itself when the server is back
 * (docs/decisions/018-failing-fast-when-a-part-is-down.md).
 */

/** Seconds a client should wait before trying again: about what a PostgreSQL restart takes. */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors, postgres.js's own connection errors, and SQLSTATEs of a server that is going away,
// starting up or full: none of them says anything about the request, only that the database is not there.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * The code that makes this error (or one it wraps) an outage, or null for any other error. Mostly the
 * database; a search call with no fallback that cannot connect is an outage too, and gets the same 503.
 */
export function outageCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e) || e instanceof Response) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.has(code) || code.startsWith("08"))
    ) {
      return code;
    }
    // drizzle wraps driver errors in `cause`; a connect to "localhost" fails with an AggregateError (IPv4 and IPv6).
    queue.push((e as { cause?: unknown }).cause);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}

export function unavailableResponse(): Response {
  return json(
    { messageKey: "error.unavailable.body" },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

type DataFunction = LoaderFunction | ActionFunction;

function guard<F extends DataFunction>(fn: F, routeId: string): F {
  const guarded = async (args: Parameters<F>[0]) => {
    try {
      return await fn(args as never);
    } catch (error) {
      const code = outageCode(error);
      if (!code) throw error;
      // One line per refused request (the request id is on the page the visitor sees), not a stack.
      const requestId = (args.context as { requestId?: string } | undefined)?.requestId ?? "-";
      log.warn("unavailable", `${requestId} ${routeId}: a part is unavailable (${code}), answered 503`);
      throw unavailableResponse();
    }
  };
  return guarded as unknown as F;
}

/**
 * The same build with every route's loader and action guarded: a database outage becomes a thrown 503
 * Response (which Remix renders with the error boundary for documents and returns as-is for data and
 * resource requests). Everything else passes through untouched.
 */
export function guardDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = guard(module.loader, id);
    if (module.action) module.action = guard(module.action, id);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
