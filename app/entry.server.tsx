import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

import { log } from "./utils/log.server";
import { RequestInfoProvider } from "./utils/request-context";
import { RETRY_AFTER_SECONDS } from "./utils/unavailable.server";

/**
 * The document, rendered whole and sent in one piece. No route defers data or suspends, so streaming would
 * send the same page in ~15 small chunks, each its own gzip pass and socket write (issue 14: a third of a
 * light page's CPU time); one string is one of each. A string render also never has React 18's streaming
 * defect of NUL bytes padding a chunk where a multi-byte letter did not fit (github.com/facebook/react/issues/31134).
 * A render error throws here, and Remix renders the error boundary instead.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  loadContext.setRouteId?.(remixContext.staticHandlerContext.matches.at(-1)?.route.id);
  const html = renderToString(
    <RequestInfoProvider value={{ nonce, requestId: loadContext.requestId }}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </RequestInfoProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // A part is down (app/utils/unavailable.server.ts): tell clients and proxies when to try again.
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

/** A client-side navigation's data request: named by the route it asked for (`?_data=<route id>`). */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  (context as AppLoadContext).setRouteId?.(new URL(request.url).searchParams.get("_data"));
  return response;
};

/**
 * Errors the user cannot fix are logged with the request id they see on the error page: the path without
 * its query, and the error described by the redacting logger (never SQL parameters or row values).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const requestId = (context as AppLoadContext | undefined)?.requestId ?? "-";
  log.error("request", `${requestId} ${request.method} ${new URL(request.url).pathname}`, error);
};
