/**
 * `/metrics` in Prometheus's text format (prom-client), for the operators' Prometheus only: answered to the
 * addresses of METRICS_ALLOW (loopback by default; nginx never forwards /metrics), 404 to anyone else.
 *
 * What it shows (docs/OPERATIONS.md says what each alert built on it means):
 * - `http_request_duration_seconds{route,method,status}`: every answer, by Remix route id (the pattern, never
 *   the URL: no ids, no personal data in labels);
 * - `chungtay_admission_queue_length`, `chungtay_requests_in_flight`: page requests waiting at the door, and
 *   all requests being served;
 * - `chungtay_db_pool_connections{state}`: database connections busy and queries waiting for one;
 * - `chungtay_worker_lease_held`, `chungtay_worker_task_lag_seconds{task}`: whether this instance runs the
 *   background work, and how late each task is past its period;
 * - `chungtay_deliveries{channel,status}`: messages leaving the app, by channel and state;
 * - `chungtay_search_up`, `chungtay_database_up`: the parts this instance depends on;
 * - Node's own (CPU, memory, event-loop lag, GC), from prom-client's default collectors.
 * Each scrape reads the gauges from callbacks; the database counts are cached for a few seconds, so a
 * scrape costs at most one small query.
 */
import type { NextFunction, Request, Response } from "express";
import client from "prom-client";

export type MetricsSources = {
  admissionQueue: () => number;
  inFlight: () => number;
  pool: () => { busy: number; waiting: number };
  worker: () => { leaseHeld: boolean; lagSeconds: Record<string, number> };
  deliveries: () => Promise<{ channel: string; status: string; count: number }[]>;
  health: () => Promise<{ db: string; search: string }>;
};

/** One answer, as the access log line sees it (no URL: the route id only, no personal data). */
export type Answer = { route: string; method: string; status: number; ms: number };

export type Metrics = {
  /** Express middleware timing every answer; the route id comes from `routeIdOf(res)` when it finishes. */
  timing: (req: Request, res: Response, next: NextFunction) => void;
  /** The /metrics handler (mounted before the Remix handler). */
  handler: (req: Request, res: Response) => Promise<void>;
  registry: client.Registry;
};

/** Where the Remix entry writes the matched route id for the timing middleware (res.locals). */
export const ROUTE_ID_LOCAL = "routeId";

const DB_CACHE_MS = 5_000;

/** "127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8": an address list as METRICS_ALLOW gives it. */
export function addressAllowed(address: string | undefined, allow: readonly string[]): boolean {
  if (!address) return false;
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  for (const entry of allow) {
    const [base, bits] = entry.split("/");
    if (!bits) {
      if (ip === base) return true;
      continue;
    }
    const a = ipv4ToInt(ip);
    const b = ipv4ToInt(base);
    const n = Number(bits);
    if (a === undefined || b === undefined || !(n >= 0 && n <= 32)) continue;
    const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
    if ((a & mask) >>> 0 === (b & mask) >>> 0) return true;
  }
  return false;
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n >>> 0;
}

export function createMetrics(
  sources: MetricsSources,
  options: { allow: readonly string[]; onAnswer?: (req: Request, res: Response, answer: Answer) => void },
): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const duration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "Time from the request's arrival to the end of its answer, by Remix route id, method and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new client.Gauge({
    name: "chungtay_admission_queue_length",
    help: "Page requests waiting for a slot (MAX_CONCURRENT_REQUESTS)",
    registers: [registry],
    collect() {
      this.set(sources.admissionQueue());
    },
  });
  new client.Gauge({
    name: "chungtay_requests_in_flight",
    help: "Requests being served by this instance",
    registers: [registry],
    collect() {
      this.set(sources.inFlight());
    },
  });
  new client.Gauge({
    name: "chungtay_db_pool_connections",
    help: "Database connections running a query or transaction (busy), and queries waiting for one (waiting)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const { busy, waiting } = sources.pool();
      this.set({ state: "busy" }, busy);
      this.set({ state: "waiting" }, waiting);
    },
  });
  new client.Gauge({
    name: "chungtay_worker_lease_held",
    help: "1 when this instance holds the background-work lease (only one instance does)",
    registers: [registry],
    collect() {
      this.set(sources.worker().leaseHeld ? 1 : 0);
    },
  });
  new client.Gauge({
    name: "chungtay_worker_task_lag_seconds",
    help: "How late each background task is past its period on the lease holder (0: on time)",
    labelNames: ["task"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [task, lag] of Object.entries(sources.worker().lagSeconds)) this.set({ task }, lag);
    },
  });

  let cached: { at: number; deliveries: Awaited<ReturnType<MetricsSources["deliveries"]>> } | undefined;
  new client.Gauge({
    name: "chungtay_deliveries",
    help: "Messages leaving the app (SMS, Zalo, e-mail) by channel and state, all instances together",
    labelNames: ["channel", "status"] as const,
    registers: [registry],
    async collect() {
      if (!cached || Date.now() - cached.at > DB_CACHE_MS) {
        try {
          cached = { at: Date.now(), deliveries: await sources.deliveries() };
        } catch {
          return; // the database is down: chungtay_database_up says so
        }
      }
      this.reset();
      for (const row of cached.deliveries) this.set({ channel: row.channel, status: row.status }, row.count);
    },
  });
  const up = (name: string, help: string, part: "db" | "search") =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const health = await sources.health().catch(() => ({ db: "down", search: "down" }));
        this.set(health[part] === "ok" ? 1 : 0);
      },
    });
  up("chungtay_database_up", "1 when the database answers", "db");
  up("chungtay_search_up", "1 when Meilisearch answers", "search");

  const timing: Metrics["timing"] = (req, res, next) => {
    const end = duration.startTimer();
    res.once("finish", () => {
      const route =
        (res.locals[ROUTE_ID_LOCAL] as string | undefined) ?? (req.path === "/metrics" ? "metrics" : "other");
      const seconds = end({ route, method: req.method, status: String(res.statusCode) });
      options.onAnswer?.(req, res, {
        route,
        method: req.method,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      });
    });
    next();
  };

  const handler: Metrics["handler"] = async (req, res) => {
    // The socket's address, not X-Forwarded-For: Prometheus scrapes the instance's own port.
    if (!addressAllowed(req.socket.remoteAddress, options.allow)) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    res.setHeader("Content-Type", registry.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.send(await registry.metrics());
  };

  return { timing, handler, registry };
}
