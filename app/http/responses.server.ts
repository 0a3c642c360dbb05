import { json } from "@remix-run/node";
import { z } from "zod";

import type { NotFound } from "~/utils/outcome";

/*
 * The answers every route shares: one 404, one check of uuid ids from the URL, one way to turn a service's
 * "not found" outcome into that 404, the "?done=…" notice after a redirect, and the same-site redirect check.
 */

/** Only same-site paths: "/x" yes, "//evil.example" or "https://…" no. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs, turning "/\t/evil.example" into "//evil.example".
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

/** The one 404 answer for ids that do not exist or lie outside the user's reach (the error page renders it). */
export const notFound = () => json({ messageKey: "error.notFound.body" }, { status: 404 });

/** A uuid from the URL or the query string; anything else is simply not found (never a 500). */
export function idOf(raw: string | null | undefined): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** An optional uuid from the query string: absent is null, malformed is not found. */
export function optionalIdOf(raw: string | null): string | null {
  return raw === null || raw === "" ? null : idOf(raw);
}

/** The "?done=…" notice after a redirect, if it is one this page knows. */
export function doneParam<T extends readonly [string, ...string[]]>(request: Request, values: T): T[number] | null {
  return (
    z
      .enum(values)
      .optional()
      .catch(undefined)
      .parse(new URL(request.url).searchParams.get("done") ?? undefined) ?? null
  );
}

/** A value the service found, or the 404 (missing and out of reach look the same). */
export function found<T>(value: T | null | undefined | false): T {
  if (value === null || value === undefined || value === false) throw notFound();
  return value;
}

/** A service outcome with its "not found" case answered here as the 404; the other cases go back to the route. */
export function orNotFound<T extends { ok: boolean }>(outcome: T): Exclude<T, NotFound> {
  if (!outcome.ok && "notFound" in outcome) throw notFound();
  return outcome as Exclude<T, NotFound>;
}
