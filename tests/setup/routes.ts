import type { AppLoadContext } from "@remix-run/node";
import { startSession } from "../../app/auth/session.server";

/** A route module's loader or action, as Remix calls it. */
export type RouteHandler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

export const routeContext = (clientIp = "127.0.0.1"): AppLoadContext => ({ requestId: "t", cspNonce: "n", clientIp });

/** A loader or action's answer as a Response, whether it returned or threw it (Remix throws redirects and 404s). */
export async function callRoute(handler: RouteHandler, request: Request, params: Record<string, string> = {}, context = routeContext()): Promise<Response> {
  try {
    const result = await handler({ request, params, context });
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** The Cookie header value of a fresh session for a user. */
export async function cookieFor(userId: string): Promise<string> {
  return (await startSession(userId)).split(";")[0]!;
}

/** A GET, or a same-origin POST of a form, as a logged-in user (or anonymous without a cookie). */
export function routeRequest(path: string, options: { cookie?: string; form?: Record<string, string | string[]> } = {}): Request {
  const url = `http://localhost${path}`;
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (!options.form) return new Request(url, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return new Request(url, { method: "POST", headers: { ...headers, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" }, body });
}
