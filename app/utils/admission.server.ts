import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * At most `limit` page requests run at once; the others wait at the door, first come first served.
 *
 * Why: Node serves every request in flight on one thread. Overloaded with 100 at once, each request moves
 * one step (a query, a render) per turn of the event loop, so a page of many steps (an officer's page:
 * 10–20 queries) waits many turns and timed out in the load test, while PGlite's single queue thrashed.
 * Queued here instead, a request waits once and then runs about as fast as on a quiet server: under the
 * same load, no timeouts and similar latencies for every kind of page (docs/RELIABILITY.md, section 5).
 *
 * Only GET and HEAD are queued: a body arrives at the client's pace, and a slow upload must not hold a
 * slot. `bypass` lets health checks through, so an overloaded instance is not taken for a dead one.
 * A limit of 0 turns the queue off.
 */
export type AdmissionHandler = RequestHandler & { queueLength: () => number };

export function admissionLimit(limit: number, options: { bypass?: (req: Request) => boolean } = {}): AdmissionHandler {
  if (limit <= 0)
    return Object.assign((_req: Request, _res: Response, next: NextFunction) => next(), { queueLength: () => 0 });
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    while (active < limit && waiting.length > 0) waiting.shift()!();
  };
  const handler = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || options.bypass?.(req)) return next();
    const start = () => {
      // The visitor left while waiting: nobody would read the page.
      if (req.socket.destroyed) return;
      active++;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      // "finish": the answer was handed to the network; "close": the connection ended first.
      res.once("finish", done);
      res.once("close", done);
      next();
    };
    if (active < limit) start();
    else waiting.push(start);
  };
  return Object.assign(handler, { queueLength: () => waiting.length });
}
