/// <reference types="@remix-run/node" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    /** The client address as express saw it (X-Forwarded-For counts only with TRUST_PROXY=true). */
    clientIp: string;
    /** Names the request's Remix route for the latency histogram of /metrics (app/http/metrics.server.ts). */
    setRouteId?: (id: string | null | undefined) => void;
  }
}
