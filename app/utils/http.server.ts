import { json } from "@remix-run/node";
import { z } from "zod";

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
