import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { log } from "./utils/log.server";
import { RequestInfoProvider } from "./utils/request-context";
import { stripNulBytes } from "./utils/strip-nul.server";
import { RETRY_AFTER_SECONDS } from "./utils/unavailable.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  loadContext.setRouteId?.(remixContext.staticHandlerContext.matches.at(-1)?.route.id);
  // Bots and no-JS clients get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Rendering gives up after ABORT_DELAY; the timer is cleared as soon as it is done or has failed, so
    // each request does not leave a live 5 s timer (and its closure) behind.
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = () => {
      settled = true;
      clearTimeout(timer);
    };
    const respond = () => {
      shellRendered = true;
      const body = stripNulBytes();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      // A part is down (app/utils/unavailable.server.ts): tell clients and proxies when to try again.
      if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <RequestInfoProvider value={{ nonce, requestId: loadContext.requestId }}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestInfoProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          finished();
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          finished();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered)
            log.error("render", `${loadContext.requestId} ${request.method} ${new URL(request.url).pathname}`, error);
        },
      },
    );
    if (!settled) timer = setTimeout(abort, ABORT_DELAY);
  });
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
