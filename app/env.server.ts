import path from "node:path";

import { z } from "zod";

/**
 * The one configuration of the app: every environment variable it reads, validated here, and documented
 * beside its schema (`ENV_DOCS`). README's configuration table is generated from `ENV_DOCS`
 * (`npm run env:doc`, app/cli/env-doc.ts); `tests/unit/env-doc.test.ts` fails when the two differ.
 */

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const optionalUrl = (example: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ error: `must be a URL, for example ${example}` }).optional())
    .optional();

const flag = (example: "true" | "false") =>
  z.preprocess(blank, z.enum(["true", "false"], { error: `must be true or false, for example ${example}` }).optional());

/** A retention period in whole days, at least 30: a typo such as 0 must not wipe a whole table. */
const retentionDays = (fallback: number, example: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: `must be a whole number of days, for example ${example}` })
      .int({ error: `must be a whole number of days, for example ${example}` })
      .min(30, { error: `must be at least 30 days, for example ${example}` })
      .max(36_500, { error: `must be at most 36500 days (100 years), for example ${example}` })
      .default(fallback),
  );

/** A provider's setting, checked in depth by its channel adapter at start (app/modules/notifications/channels/). */
const providerSetting = () => z.string().optional();

export const APP_MODES = ["demo", "production"] as const;
export type AppMode = (typeof APP_MODES)[number];

const envSchema = z.object({
  APP_MODE: z.preprocess(
    blank,
    z.enum(APP_MODES, { error: "must be demo or production, for example production" }).optional(),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "must be a port number, for example 3000" }).int().min(0).max(65535).default(3000),
  HOST: z.preprocess(blank, z.string().optional()),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalUrl("postgres://user:password@db.example.vn:5432/chungtay"),
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
  MEILI_URL: optionalUrl("https://search.example.vn"),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, { error: "may only contain letters, digits, - and _, for example ct_" })
    .default("ct_"),
  DEMO_DATA: flag("false"),
  TRUSTED_ORIGINS: z.string().default(""),
  COOKIE_SECURE: flag("false"),
  TRUST_PROXY: flag("true"),
  MAX_CONCURRENT_REQUESTS: z.coerce
    .number({ error: "must be a whole number, for example 16 (0 for no limit)" })
    .int()
    .min(0)
    .default(16),
  METRICS_ALLOW: z.string().default("127.0.0.1,::1"),
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  SHUTDOWN_DRAIN_MS: z.coerce.number({ error: "must be milliseconds, for example 2000" }).int().min(0).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "must be milliseconds, for example 15000" })
    .int()
    .min(0)
    .default(15_000),
  RETENTION_CLOSED_FILE_DAYS: retentionDays(1826, 1826),
  RETENTION_AUDIT_DAYS: retentionDays(1826, 2555),
  RETENTION_DELIVERY_DAYS: retentionDays(180, 90),
  TEST_CLOCK_FILE: z.string().optional(),
  PUBLIC_URL: optionalUrl("https://chungtay.example.vn"),
  DEV_OUTBOX: flag("false"),
  HOOKS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, {
      error: "must be 16 or more letters, digits, - or _, for example 3f9a1c7e5b2d4a6c8e0f",
    })
    .optional(),
  ESMS_API_KEY: providerSetting(),
  ESMS_SECRET_KEY: providerSetting(),
  ESMS_BRANDNAME: providerSetting(),
  ESMS_SMS_TYPE: providerSetting(),
  ESMS_URL: providerSetting(),
  ESMS_SANDBOX: providerSetting(),
  ESMS_REQUEST_ID_PREFIX: providerSetting(),
  SMS_FOLD_DIACRITICS: providerSetting(),
  ZNS_ACCESS_TOKEN: providerSetting(),
  ZNS_URL: providerSetting(),
  ZNS_TEMPLATE_REFERRAL_NEW: providerSetting(),
  ZNS_TEMPLATE_INTERVIEW_TOMORROW: providerSetting(),
  ZNS_TEMPLATE_FOLLOW_UP_DUE: providerSetting(),
  ZNS_TEMPLATE_VERIFICATION_DECIDED: providerSetting(),
  ZNS_TEMPLATE_NEWS: providerSetting(),
  SMTP_URL: providerSetting(),
  MAIL_FROM: providerSetting(),
});

export type EnvVariable = keyof typeof envSchema.shape;

/** How README documents a variable: its default (as words), an example value, and what it means. */
export type EnvDoc = { default: string; example: string; meaning: string };

/**
 * The documentation of every variable, in README's order. A `Record` over the schema's keys: a variable
 * added to the schema without its line here does not compile.
 */
export const ENV_DOCS: Record<EnvVariable, EnvDoc> = {
  APP_MODE: {
    default: "`demo` without `DATABASE_URL`, `production` with it",
    example: "`production`",
    meaning:
      "**demo**: seeds the demo accounts, shows a “demo data” ribbon on every page, the dev outbox is on (embedded setup). **production**: never seeds, refuses to start while a demo account exists, requires the settings marked *production* below (decision 040). `APP_MODE=demo` with `DATABASE_URL` is a demo on PostgreSQL (the test harnesses).",
  },
  NODE_ENV: {
    default: "`development`",
    example: "`production`",
    meaning: "`npm start` and `npm run serve` set `production` themselves.",
  },
  PORT: { default: "`3000`", example: "`8080`", meaning: "HTTP port." },
  HOST: {
    default: "`127.0.0.1` in demo mode, `0.0.0.0` in production",
    example: "`0.0.0.0`",
    meaning:
      "Interface to listen on. The demo answers only this machine unless you say otherwise; behind nginx on the same host, `127.0.0.1` suits production too.",
  },
  DATA_DIR: {
    default: "`.data`",
    example: "`/var/lib/chungtay`",
    meaning:
      "Where the embedded PGlite (`pglite/`) and the launched Meilisearch (`meilisearch/`, with its generated master key) keep their files. Unused when both `DATABASE_URL` and `MEILI_URL` are set.",
  },
  DATABASE_PREPARE: {
    default: "`true`",
    example: "`false`",
    meaning:
      "Prepared statements on the PostgreSQL server (each connection keeps its statements and their plans: planning a join cost more than running it). Set `false` behind PgBouncer in transaction mode, which cannot keep a statement on a server connection. Unused with PGlite.",
  },
  DATABASE_URL: {
    default: "unset → PGlite in `DATA_DIR/pglite`",
    example: "`postgres://user:password@db.example.vn:5432/chungtay`",
    meaning: "A PostgreSQL server (15 or newer). *Production: required.*",
  },
  MEILI_URL: {
    default: "unset → launch the bundled binary",
    example: "`https://search.example.vn`",
    meaning: "An external Meilisearch.",
  },
  MEILI_MASTER_KEY: {
    default: "unset (generated for the launched binary)",
    example: "`a-long-random-key`",
    meaning:
      "Key for `MEILI_URL`: the master key or an admin API key (the app creates indexes and applies settings). *Production: required with `MEILI_URL`.*",
  },
  MEILI_INDEX_PREFIX: {
    default: "`ct_`",
    example: "`ct_staging_`",
    meaning: "Prefix of index names, so several environments can share one Meilisearch. Letters, digits, `-`, `_`.",
  },
  DEMO_DATA: {
    default: "`true` in demo mode",
    example: "`false`",
    meaning:
      "Demo mode only: seed the demo data (accounts, organisations, marketplace) at start; does nothing when it is already there. `false` for a second demo instance on the same database. Production refuses `true`.",
  },
  TRUSTED_ORIGINS: {
    default: "empty",
    example: "`https://chungtay.example.vn,https://www.chungtay.example.vn`",
    meaning: "Extra origins allowed to send form posts, e.g. when a proxy changes the `Host` header.",
  },
  COOKIE_SECURE: {
    default: "`true` when `NODE_ENV=production`, else `false`",
    example: "`false`",
    meaning: "Send cookies with `Secure`. Set `false` only for plain-HTTP intranets.",
  },
  TRUST_PROXY: {
    default: "`false` in demo mode; production: no default",
    example: "`true`",
    meaning:
      "Trust `X-Forwarded-*` from a load balancer (client address, host, HTTPS). *Production: required*, `true` behind nginx, `false` when browsers reach the app directly: a wrong guess either lets anyone forge their address or puts every visitor behind one.",
  },
  MAX_CONCURRENT_REQUESTS: {
    default: "`16`",
    example: "`32`",
    meaning:
      "Pages served at once per instance; further GET requests wait in line, in order (0: no limit). Keeps latency even under load (docs/RELIABILITY.md, section 5).",
  },
  METRICS_ALLOW: {
    default: "`127.0.0.1,::1`",
    example: "`127.0.0.1,10.0.0.0/8`",
    meaning:
      "Addresses allowed to read `/metrics` (Prometheus text format), comma-separated: single addresses or IPv4 ranges. Everyone else gets a 404; nginx never forwards `/metrics` (docs/OPERATIONS.md §6).",
  },
  LOG_FORMAT: {
    default: "`text`",
    example: "`json`",
    meaning:
      "`json`: one JSON object a line (time, level, scope, message, request id; one line per answer with the route id, status and latency), for a log shipper. `text`: readable lines (the demo). Both redacted: no phone numbers, e-mails, citizen ids, SQL parameters, query strings (decision 017).",
  },
  SHUTDOWN_DRAIN_MS: {
    default: "`2000` with `DATABASE_URL`, `0` otherwise",
    example: "`3000`",
    meaning:
      "On SIGTERM an instance stops accepting new connections at once; for this long it still serves the requests that come on kept-alive ones, answering `Connection: close` so the proxy drops them cleanly, before it closes what is left idle (decision 041). Keep it above the proxy's upstream `keepalive_timeout` (1 s).",
  },
  SHUTDOWN_TIMEOUT_MS: {
    default: "`15000`",
    example: "`30000`",
    meaning: "On SIGTERM, how long requests in flight may take to finish before they are cut.",
  },
  RETENTION_CLOSED_FILE_DAYS: {
    default: "`1826` (5 years)",
    example: "`1826`",
    meaning:
      "Days after a file is closed before the daily `retention.apply` task anonymises it, exactly as an officer's “delete” does (decision 042). Whole days, at least 30.",
  },
  RETENTION_AUDIT_DAYS: {
    default: "`1826` (5 years)",
    example: "`2555`",
    meaning: "Days an audit-log event is kept before the retention task deletes it. Whole days, at least 30.",
  },
  RETENTION_DELIVERY_DAYS: {
    default: "`180`",
    example: "`90`",
    meaning:
      "Days a finished SMS, Zalo or e-mail delivery record (number or address, text) is kept; messages still queued or sending are never deleted. Whole days, at least 30.",
  },
  TEST_CLOCK_FILE: {
    default: "unset",
    example: "`/tmp/ct-clock`",
    meaning:
      "**Browser tests only**: a file holding an offset in days that moves the app's “today” (decision 014). Never set it in production.",
  },
  PUBLIC_URL: {
    default: "`http://localhost:PORT` in demo mode",
    example: "`https://chungtay.example.vn`",
    meaning: "The address in the links of text messages, Zalo messages and e-mails. *Production: required.*",
  },
  DEV_OUTBOX: {
    default: "`true` in the embedded demo, `false` with `DATABASE_URL`",
    example: "`false`",
    meaning:
      "A channel with no provider configured sends to the dev outbox (`/dev/outbox`) instead of nowhere. Production refuses `true`.",
  },
  HOOKS_TOKEN: {
    default: "unset → no delivery reports asked for",
    example: "`3f9a1c7e5b2d4a6c8e0f`",
    meaning:
      "The secret in the delivery-report URLs given to eSMS and Zalo (`/hooks/esms/<token>`, `/hooks/zns/<token>`). *Production: required with `ESMS_API_KEY` or `ZNS_ACCESS_TOKEN`.*",
  },
  ESMS_API_KEY: {
    default: "unset → SMS to the dev outbox (or off)",
    example: "`A1B2C3D4E5F6`",
    meaning: "The eSMS.vn account (decision 032).",
  },
  ESMS_SECRET_KEY: { default: "unset", example: "`9F8E7D6C5B4A`", meaning: "Its secret, with `ESMS_API_KEY`." },
  ESMS_BRANDNAME: {
    default: "unset",
    example: "`ChungTay`",
    meaning: "The brand name registered at eSMS (required with `ESMS_SMS_TYPE=2`).",
  },
  ESMS_SMS_TYPE: {
    default: "`2`",
    example: "`8`",
    meaning: "2 is brand-name customer care, 8 a fixed number without brand name.",
  },
  ESMS_URL: { default: "`https://rest.esms.vn`", example: "", meaning: "The gateway's address." },
  ESMS_SANDBOX: { default: "`false`", example: "`true`", meaning: "eSMS's sandbox: accepted, never sent." },
  ESMS_REQUEST_ID_PREFIX: {
    default: "`ct-`",
    example: "`ct-staging-`",
    meaning: "The idempotency prefix of each request to eSMS (give staging its own).",
  },
  SMS_FOLD_DIACRITICS: {
    default: "`true`",
    example: "`false`",
    meaning: "Send Vietnamese without diacritics (one segment is 160 characters instead of 70).",
  },
  ZNS_ACCESS_TOKEN: {
    default: "unset → Zalo to the dev outbox (or off)",
    example: "",
    meaning: "The Zalo Official Account's token (decision 033).",
  },
  ZNS_URL: { default: "the documented endpoint", example: "", meaning: "Zalo's template-message endpoint." },
  ZNS_TEMPLATE_REFERRAL_NEW: {
    default: "a placeholder id",
    example: "`312345`",
    meaning: "The template id Zalo approved for a new referral.",
  },
  ZNS_TEMPLATE_INTERVIEW_TOMORROW: {
    default: "a placeholder id",
    example: "",
    meaning: "… for the interview reminder the day before.",
  },
  ZNS_TEMPLATE_FOLLOW_UP_DUE: { default: "a placeholder id", example: "", meaning: "… for a follow-up to confirm." },
  ZNS_TEMPLATE_VERIFICATION_DECIDED: {
    default: "a placeholder id",
    example: "",
    meaning: "… for an organisation's verification decided.",
  },
  ZNS_TEMPLATE_NEWS: { default: "a placeholder id", example: "", meaning: "… for “you have news”." },
  SMTP_URL: {
    default: "unset → e-mail to the dev outbox (or off)",
    example: "`smtp://user:pass@mail.example.vn:587`",
    meaning: "E-mail for organisations and staff (`smtps://` for port 465).",
  },
  MAIL_FROM: {
    default: "unset",
    example: "`Chung Tay <no-reply@chungtay.vn>`",
    meaning: "The sender, required with `SMTP_URL`.",
  },
};

export type Env = z.infer<typeof envSchema> & {
  mode: AppMode;
  dataDir: string;
  host: string;
  demoData: boolean;
  devOutbox: boolean;
  publicUrl: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  trustedOrigins: string[];
  metricsAllow: string[];
};

/** Parse and validate the environment; throws one readable message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  const lines = result.success ? [] : result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  if (result.success) {
    const mode = modeOf(result.data);
    // Production never seeds demo data nor keeps messages in a page anyone can open: an explicit request
    // for either is a mistake worth stopping for, not something to ignore silently.
    if (mode === "production" && result.data.DEMO_DATA === "true")
      lines.push("  DEMO_DATA: production never seeds demo data (use APP_MODE=demo for a demo on PostgreSQL)");
    if (mode === "production" && result.data.DEV_OUTBOX === "true")
      lines.push("  DEV_OUTBOX: the dev outbox is for the demo only; production sends through the providers");
  }
  if (!result.success || lines.length > 0) throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  const env = result.data;
  const mode = modeOf(env);
  const demo = mode === "demo";
  return {
    ...env,
    mode,
    dataDir: path.resolve(env.DATA_DIR),
    host: env.HOST ?? (demo ? "127.0.0.1" : "0.0.0.0"),
    demoData: demo && env.DEMO_DATA !== "false",
    // A demo on PostgreSQL keeps the outbox off unless asked for, as before modes existed (the harnesses rely on it).
    devOutbox: demo && (env.DEV_OUTBOX ? env.DEV_OUTBOX === "true" : !env.DATABASE_URL),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : env.NODE_ENV === "production",
    metricsAllow: env.METRICS_ALLOW.split(",")
      .map((a) => a.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === "true",
    trustedOrigins: env.TRUSTED_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Demo unless a real database is configured; APP_MODE says it explicitly either way. */
function modeOf(env: { APP_MODE?: AppMode; DATABASE_URL?: string }): AppMode {
  return env.APP_MODE ?? (env.DATABASE_URL ? "production" : "demo");
}

/**
 * What a production server needs before it may serve, one line per missing setting (empty in demo mode).
 * Checked by the server at start only: the CLIs (migrate, backup, admin:create, …) need none of it.
 */
export function missingForProduction(env: Env): string[] {
  if (env.mode !== "production") return [];
  const missing: string[] = [];
  if (!env.DATABASE_URL)
    missing.push(
      "DATABASE_URL: the PostgreSQL server, for example postgres://user:password@db.example.vn:5432/chungtay",
    );
  if (!env.PUBLIC_URL)
    missing.push(
      "PUBLIC_URL: the address people open, for the links in messages, for example https://chungtay.example.vn",
    );
  if (env.TRUST_PROXY === undefined)
    missing.push("TRUST_PROXY: true behind a reverse proxy such as nginx, false when browsers reach the app directly");
  if (env.MEILI_URL && !env.MEILI_MASTER_KEY)
    missing.push("MEILI_MASTER_KEY: the master key or an admin API key of MEILI_URL");
  if ((env.ESMS_API_KEY?.trim() || env.ZNS_ACCESS_TOKEN?.trim()) && !env.HOOKS_TOKEN)
    missing.push(
      "HOOKS_TOKEN: the secret of the delivery-report URLs given to eSMS and Zalo, 16 or more letters, digits, - or _",
    );
  return missing;
}

/** The server's first log line: which mode, and what it means, so a demo is never taken for the real thing. */
export function modeLine(env: Env): string {
  return env.mode === "demo"
    ? `DEMO mode: demo data${env.demoData ? " and accounts with a published password" : ""}, not for real people. Listening on ${env.host} (set APP_MODE=production and DATABASE_URL for a deployment; docs/decisions/040)`
    : `PRODUCTION mode: no demo data, listening on ${env.host}`;
}

let cached: Env | undefined;
/** The validated environment of this process (re-read after `refreshEnv`, e.g. once the launcher set MEILI_URL). */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
export function refreshEnv(): Env {
  cached = undefined;
  return getEnv();
}
