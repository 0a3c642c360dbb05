import type { HeadersFunction } from "@remix-run/node";

/**
 * Public listing pages may be cached for a short while by browsers and proxies, but only for anonymous
 * visitors: a signed-in visitor's page carries their name in the header. The session and language
 * cookies change the page, hence `Vary: Cookie`.
 */
const SESSION_COOKIE = /(?:^|;\s*)ct_session=[^;]/;
export const PUBLIC_CACHE = "public, max-age=30";
const PRIVATE_CACHE = "private, no-store";

export function listingCacheHeaders(request: Request): Record<string, string> {
  const signedIn = SESSION_COOKIE.test(request.headers.get("Cookie") ?? "");
  return { "Cache-Control": signedIn ? PRIVATE_CACHE : PUBLIC_CACHE, Vary: "Cookie" };
}

/** The document's headers: the loader's choice, unless the root loader set a cookie (then it is personal). */
export const listingHeaders: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const personal = parentHeaders.has("Set-Cookie");
  return {
    "Cache-Control": personal ? PRIVATE_CACHE : (loaderHeaders.get("Cache-Control") ?? PRIVATE_CACHE),
    Vary: "Cookie",
  };
};
