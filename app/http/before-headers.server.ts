import type { ServerResponse } from "node:http";

/**
 * Run `decide` just before the response's headers go out (its writeHead), after the route has set its own:
 * for headers that depend on the moment of answering (the drain's Connection: close) or on what the route
 * set (no-store for sessions). One wrapper, shared by app/server.ts and app/http/shutdown.server.ts.
 */
export function beforeHeaders<R extends ServerResponse>(res: R, decide: (res: R) => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: R, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent) decide(this);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
