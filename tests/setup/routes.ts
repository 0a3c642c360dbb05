import type { AppLoadContext } from "@remix-run/node";

import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { setClock } from "~/utils/clock.server";

import { UNITS } from "../factories";
import { createOfficerScope } from "../factories/persons";

/** A route module's loader or action, as Remix calls it. */
export type RouteHandler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => Promise<unknown>;

export const routeContext = (clientIp = "127.0.0.1"): AppLoadContext => ({ requestId: "t", cspNonce: "n", clientIp });

export type CallOptions = {
  /** Fail the test when the handler answers with plain data instead of a Response (default: wrap it as JSON). */
  responseOnly?: boolean;
};

/** What a loader or action answered, as a Response, whether it returned or threw it (Remix throws redirects and 404s). */
export async function responseOf(run: () => Promise<unknown>, options: CallOptions = {}): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    if (options.responseOnly) throw new Error(`expected a Response, got ${JSON.stringify(result)}`);
    return Response.json(result);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** A loader or action's answer to a request as a Response (see `responseOf`). */
export function callRoute(
  handler: RouteHandler,
  request: Request,
  params: Record<string, string> = {},
  context = routeContext(),
  options: CallOptions = {},
): Promise<Response> {
  return responseOf(() => handler({ request, params, context }), options);
}

/** A GET (or, with `form`, a same-origin form POST) to a loader or action as the user of `cookie`. */
export function call(
  handler: RouteHandler,
  path: string,
  cookie: string,
  params: Record<string, string> = {},
  form?: Record<string, string | string[]>,
): Promise<Response> {
  return callRoute(handler, routeRequest(path, { cookie, form }), params);
}

/** The Cookie header value of a fresh session for a user. */
export async function cookieFor(userId: string): Promise<string> {
  return (await startSession(userId)).split(";")[0]!;
}

/** A GET, or a same-origin POST of a form, as a logged-in user (or anonymous without a cookie). */
export function routeRequest(
  path: string,
  options: { cookie?: string; form?: Record<string, string | string[]> } = {},
): Request {
  const url = `http://localhost${path}`;
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (!options.form) return new Request(url, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return new Request(url, {
    method: "POST",
    headers: { ...headers, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** Who sends a request: a Cookie header value, anything holding one, or nobody. */
export type Who = string | { cookie: string } | undefined;
const cookieOf = (who: Who) => (typeof who === "string" ? who : who?.cookie);

/** A GET request as `who`. */
export const getRequest = (path: string, who?: Who): Request => routeRequest(path, { cookie: cookieOf(who) });

/** A same-origin form POST request as `who`. */
export const postRequest = (path: string, who: Who, form: Record<string, string | string[]>): Request =>
  routeRequest(path, { cookie: cookieOf(who), form });

/** An officer of some communes (of Lâm Đồng unless told) with a live session, for route tests. */
export type LoggedInOfficer = StaffScope & { cookie: string };
export async function loggedInOfficer(
  communeCodes: string[],
  provinceCode: string = UNITS.lamDong,
): Promise<LoggedInOfficer> {
  const scope = await createOfficerScope(communeCodes, provinceCode);
  return { ...scope, cookie: await cookieFor(scope.actorId) };
}

/** Pin the app's clock to 10:00 in Vietnam on a given day (YYYY-MM-DD). */
export const at = (day: string) => setClock({ at: new Date(`${day}T03:00:00Z`) });
