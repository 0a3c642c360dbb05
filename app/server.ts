/**
 * The Node entry: validates the environment, starts or connects to Meilisearch and the database,
 * migrates, seeds the demo data when asked, and serves the Remix build through express.
 * Run with tsx (`npm start`, `npm run serve`, `npm run dev`); it is not part of the Remix bundle.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";

import { closeDatabase, databaseOptionsFromEnv, initDatabase, poolUsage } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { seedDemoData } from "../db/seed/demo";
import { demoAccountsMessage, findDemoAccounts } from "../db/seed/demo-accounts";
import { initSearch } from "../search/client.server";
import { type LaunchedMeilisearch, launchMeilisearch } from "../search/launcher";
import { isAllowedOrigin, isCookielessPath } from "./auth/origin.server";
import { inRequestScope } from "./auth/request-scope.server";
import { SESSION_COOKIE } from "./auth/session.server";
import { missingForProduction, modeLine, parseEnv, refreshEnv } from "./env.server";
import { beforeHeaders } from "./http/before-headers.server";
import { bodySizeLimit } from "./http/body-limit.server";
import { createMetrics, ROUTE_ID_LOCAL } from "./http/metrics.server";
import { labelResourceRoutes, routeIdSetter } from "./http/route-label.server";
import { createDrain } from "./http/shutdown.server";
import { localeFromCookie, translator } from "./i18n";
import { checkHealth } from "./modules/health/health.server";
import { deliveryCounts } from "./modules/notifications/delivery-admin.server";
import { admissionLimit } from "./utils/admission.server";
import { log as logger } from "./utils/log.server";
import { guardDatabaseOutages } from "./utils/unavailable.server";
import { startWorker } from "./worker/worker.server";

const BUILD_PATH = path.resolve("build/index.js");
const started = Date.now();

async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    logger.error("chung-tay", (error as Error).message);
    process.exit(1);
  }
  const log = (msg: string) => logger.info("chung-tay", msg);
  // The first line says which mode this is (docs/decisions/040): a demo is never taken for a deployment.
  if (env.mode === "demo") logger.warn("chung-tay", modeLine(env));
  else log(modeLine(env));
  const missing = missingForProduction(env);
  if (missing.length > 0) {
    logger.error(
      "chung-tay",
      `Production needs these settings (README, Configuration):\n${missing.map((m) => `  ${m}`).join("\n")}`,
    );
    process.exit(1);
  }

  if (!fs.existsSync(BUILD_PATH)) {
    logger.error("chung-tay", `No build at ${BUILD_PATH}: run \`npm run build\` first (npm start does it for you).`);
    process.exit(1);
  }

  let meili: LaunchedMeilisearch | undefined;
  if (!env.MEILI_URL) {
    meili = await launchMeilisearch({ dataDir: path.join(env.dataDir, "meilisearch") });
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    env = refreshEnv();
    log(`Meilisearch started at ${meili.url} (data in ${path.join(env.dataDir, "meilisearch")})`);
  }
  const search = initSearch({ url: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX });

  const dbOptions = databaseOptionsFromEnv(env);
  const database = await initDatabase(dbOptions);
  // PGlite is single-process: migrate through the open handle. A server gets its own locked connection.
  await runMigrations("url" in dbOptions ? dbOptions : database);
  log(
    `Database ready (${database.kind === "pglite" ? `PGlite in ${path.join(env.dataDir, "pglite")}` : "PostgreSQL server"})`,
  );
  try {
    await search.ensureIndexes();
  } catch (error) {
    // Search is never the source of truth: the app still serves, /healthz reports it as down.
    logger.error("chung-tay", "Could not apply Meilisearch settings", error);
  }
  if (env.mode === "production") {
    // Accounts whose password the README publishes must never be live beside real data.
    const demoAccounts = await findDemoAccounts(database.db);
    if (demoAccounts.length > 0) {
      logger.error("chung-tay", demoAccountsMessage(demoAccounts));
      await meili?.stop();
      await closeDatabase();
      process.exit(1);
    }
  } else if (env.demoData) {
    const seeded = await seedDemoData(database.db);
    log(seeded ? "Demo data seeded" : "Demo data already present");
  }
  // Background work (app/worker): every instance runs a worker; the instance holding the lease runs the
  // tasks (search delivery, expiries, reminders, pruning). Writes wake it through search/facade.server.ts.
  const worker = startWorker(database.db, search);
  log(`Background worker started (lease holder ${worker.holder})`);

  let build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads req.query (Remix reads the URL itself): express's qs parse of every query string was 3 % of a
  // search page's CPU time under load (issue 14).
  app.set("query parser", false);
  if (env.trustProxy) app.set("trust proxy", true);
  if (env.TEST_CLOCK_FILE)
    logger.warn(
      "clock",
      `TEST_CLOCK_FILE is set (${env.TEST_CLOCK_FILE}): "today" can be moved by a file. Browser tests only.`,
    );
  app.use(compression());
  // Counts the requests in flight and, once SIGTERM has come, closes kept-alive connections after each answer.
  const drain = createDrain();
  app.use(drain.middleware);
  const admission = admissionLimit(env.MAX_CONCURRENT_REQUESTS, { bypass: (req) => req.path === "/healthz" });
  // Prometheus (app/http/metrics.server.ts): every answer timed by route; /metrics for METRICS_ALLOW only.
  const metrics = createMetrics(
    {
      admissionQueue: admission.queueLength,
      inFlight: () => drain.inFlight,
      pool: () => poolUsage(),
      worker: () => worker.status(),
      deliveries: deliveryCounts,
      health: checkHealth,
    },
    {
      allow: env.metricsAllow,
      // LOG_FORMAT=json: one line per answer (request id, route id, status, latency; never the URL or a name).
      onAnswer: logger.requestLines
        ? (_req, res, a) =>
            logger.info("http", `${a.method} ${a.route} ${a.status}`, {
              requestId: res.locals.requestId as string,
              route: a.route,
              method: a.method,
              status: a.status,
              ms: a.ms,
            })
        : undefined,
    },
  );
  app.use(metrics.timing);

  // A request id for every request: logged with errors and shown on error pages.
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    res.locals.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID().slice(0, 8);
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });
  // Security headers on every answer (tests/reliability/headers.test.ts checks them on the running app).
  // Scripts: our own files and Remix's inline ones carrying this request's nonce; never inline handlers
  // or eval. No plugins, no <base> elsewhere, no framing by anyone, forms post only here.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: env.NODE_ENV === "development" ? ["'self'", "ws:"] : ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests:
            env.cookieSecure && env.NODE_ENV === "production" && env.TRUST_PROXY === "true" ? [] : null,
        },
      },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      frameguard: { action: "deny" },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: env.cookieSecure && env.TRUST_PROXY === "true",
    }),
  );
  // Powerful features the app never uses stay off, also for anything injected into a page.
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  });

  // Every state-changing request must come from our own pages (CSRF defence).
  app.use((req, res, next) => {
    const host = env.TRUST_PROXY === "true" ? (req.get("x-forwarded-host") ?? req.get("host")) : req.get("host");
    if (
      isCookielessPath(req.path) ||
      isAllowedOrigin({ method: req.method, origin: req.get("origin"), host, trustedOrigins: env.trustedOrigins })
    ) {
      return next();
    }
    const t = translator(localeFromCookie(req.get("cookie") ?? null));
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(`${t("error.origin")} (${res.locals.requestId})`);
  });

  // A body larger than any of our forms sends is refused unread (413), not buffered by request.formData().
  app.use(
    bodySizeLimit((req, res) => {
      const t = translator(localeFromCookie(req.get("cookie") ?? null));
      res
        .status(413)
        .type("text/plain; charset=utf-8")
        .send(`${t("error.bodyTooLarge")} (${res.locals.requestId})`);
    }),
  );

  app.get("/metrics", (req, res) => void metrics.handler(req, res));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // public/'s own files (favicon…), named at start: other paths go straight to Remix instead of costing a
  // file-system lookup each (a stat per page view showed in the CPU profile under load).
  const publicFiles = fs
    .readdirSync("public", { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${entry.name}`);
  if (publicFiles.length) app.get(publicFiles, express.static("public", { maxAge: "1h", index: false }));
  app.use(noStoreForSessions);
  // A bounded number of pages in the works at once, the rest queued in order (app/utils/admission.server.ts).
  app.use(admission);
  // One scope per request around Remix, opened after the queue (a queued request resumes from another's
  // callback): the root and route loaders share one session check (app/auth/request-scope.server.ts).
  app.use((_req, _res, next) => inRequestScope(next));

  const getLoadContext = (req: express.Request, res: express.Response) => ({
    requestId: res.locals.requestId as string,
    cspNonce: res.locals.cspNonce as string,
    clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    setRouteId: routeIdSetter(build, (id) => (res.locals[ROUTE_ID_LOCAL] = id)),
  });
  if (env.NODE_ENV === "development") {
    // `remix dev --manual` rebuilds; we re-import the new build on each change.
    const { watch } = await import("node:fs");
    watch(path.dirname(BUILD_PATH), async (_event, file) => {
      if (file !== "version.txt" && file !== "index.js") return;
      build = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
      broadcastDevReady(build);
    });
    app.all("*", (req, res, next) =>
      createRequestHandler({
        build: labelResourceRoutes(guardDatabaseOutages(build)),
        mode: "development",
        getLoadContext,
      })(req, res, next),
    );
  } else {
    // A database outage answers 503 with Retry-After and the friendly page, never a 500 (app/utils/unavailable.server.ts).
    app.all(
      "*",
      createRequestHandler({
        build: labelResourceRoutes(guardDatabaseOutages(build)),
        mode: env.NODE_ENV,
        getLoadContext,
      }),
    );
  }

  const server = app.listen(env.PORT, env.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const shown = env.host === "0.0.0.0" || env.host === "::" ? "localhost" : env.host;
    log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${shown}:${port}`);
    if (env.NODE_ENV === "development") broadcastDevReady(build);
  });
  server.keepAliveTimeout = 65_000;

  // Graceful stop (app/http/shutdown.server.ts): stop accepting, drain, finish what is in flight within a
  // bound, then release the worker's lease and close the pools.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const drainMs = env.SHUTDOWN_DRAIN_MS ?? (env.DATABASE_URL ? 2_000 : 0);
    const timeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    log(`${signal}: stopping (draining ${drainMs} ms, then up to ${timeoutMs} ms for requests in flight)`);
    const force = setTimeout(() => process.exit(1), drainMs + timeoutMs + 10_000);
    force.unref();
    const { forced } = await drain.close(server, { drainMs, timeoutMs });
    await worker.stop();
    await meili?.stop();
    await closeDatabase();
    log(forced ? `Stopped; requests still running after ${timeoutMs} ms were cut` : "Stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * Pages for a logged-in user carry personal data: they must not stay in a shared phone's cache or a proxy.
 * Any answer to a request with a session cookie, or setting one, is no-store, whatever the route said.
 * Decided when the headers go out (writeHead), after the route has set its own.
 */
function noStoreForSessions(req: express.Request, res: express.Response, next: express.NextFunction) {
  const hasSession = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(req.get("cookie") ?? "");
  beforeHeaders(res, (r) => {
    const setCookies = [r.getHeader("set-cookie") ?? []].flat().map(String);
    if (hasSession || setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`)))
      r.setHeader("Cache-Control", "private, no-store");
  });
  next();
}

main().catch((error) => {
  logger.error("chung-tay", "Failed to start", error);
  process.exit(1);
});

// Node would print these with every property of the error (PostgreSQL's row values included): print them
// through the redacting logger instead, then stop as Node would.
process.on("uncaughtException", (error) => {
  logger.error("chung-tay", "Uncaught exception", error);
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.error("chung-tay", "Unhandled rejection", reason);
  process.exit(1);
});
