/**
 * Graceful shutdown of one app instance behind a load balancer (deploy/nginx/chung-tay.conf).
 *
 * On SIGTERM (systemd's stop, a rolling restart) an instance:
 * 1. **stops accepting** at once: the listener closes, so new connections are refused and the proxy sends
 *    them to the other instances (a refused connection is safe to retry, POST included: nothing was sent).
 *    Closing the listener resets the connections the kernel has accepted but Node has not yet taken, so it
 *    is done first, while the proxy still reuses its kept-alive connections and opens almost no new ones.
 *    Closing it at the end of the drain, when every answer closed its connection and the proxy was opening
 *    new ones all the time, reset a POST the proxy had just written (a 502 no proxy may retry; CI saw it);
 * 2. **drains** for `drainMs`: kept-alive connections keep carrying requests, served as usual but answered
 *    with `Connection: close`, so the proxy drops them after a complete answer instead of writing a request
 *    into a socket the instance is closing. Idle ones are left alone (http.Server#close would close them,
 *    racing a request being written into one): the proxy closes them itself once idle for its upstream
 *    `keepalive_timeout` (1 s in deploy/nginx/chung-tay.conf), shorter than the drain;
 * 3. **finishes what is in flight** within `timeoutMs`, then closes what is left;
 * 4. the caller then releases the worker's lease and closes the pools.
 */
import type { Server } from "node:http";
import net from "node:net";

import type { NextFunction, Request, Response } from "express";

import { beforeHeaders } from "./before-headers.server";

export type Drain = {
  /** Express middleware: while draining, every answer carries `Connection: close`. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /** Stop accepting, drain, wait for the requests in flight. Resolves when the server is closed. */
  close: (server: Server, options: { drainMs: number; timeoutMs: number }) => Promise<{ forced: boolean }>;
  /** Requests being served right now. */
  readonly inFlight: number;
};

export function createDrain(): Drain {
  let draining = false;
  let inFlight = 0;
  const idleWaiters = new Set<() => void>();
  const settled = () => {
    if (inFlight === 0) for (const wake of idleWaiters) wake();
  };

  const middleware = (_req: Request, res: Response, next: NextFunction) => {
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      settled();
    };
    res.once("finish", finish);
    res.once("close", finish);
    // Decided when the headers go out, not when the request came in: a request that arrived just before
    // SIGTERM and waited in the admission queue is answered during the drain, and a kept-alive answer then
    // left an idle connection the proxy could reuse as the drain ended (a GET lost in CI).
    beforeHeaders(res, (r) => {
      if (draining) r.setHeader("Connection", "close");
    });
    next();
  };

  const close: Drain["close"] = async (server, { drainMs, timeoutMs }) => {
    draining = true;
    // Stop accepting now (step 1), with net.Server#close: http.Server#close would also close the idle
    // kept-alive connections, one of which the proxy may be writing a request into at that very moment.
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
    server.closeIdleConnections();
    const idle = new Promise<void>((resolve) => {
      if (inFlight === 0) return resolve();
      idleWaiters.add(resolve);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const outcome = await Promise.race([idle.then(() => "idle" as const), timedOut]);
    clearTimeout(timer);
    // Kept-alive sockets that carried a request during the drain are idle now: close them, then anything left.
    server.closeIdleConnections();
    if (outcome === "timeout") server.closeAllConnections();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1_000))]);
    return { forced: outcome === "timeout" };
  };

  return {
    middleware,
    close,
    get inFlight() {
      return inFlight;
    },
  };
}
