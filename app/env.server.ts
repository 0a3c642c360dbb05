import path from "node:path";

import { z } from "zod";

const optionalUrl = (example: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ error: `must be a URL, for example ${example}` }).optional())
    .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "must be a port number, for example 3000" }).int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Where the embedded PGlite database and the local Meilisearch keep their files. */
  DATA_DIR: z.string().default(".data"),
  /** A real PostgreSQL server; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: optionalUrl("postgres://user:password@db.example.vn:5432/chungtay"),
  /**
   * Prepared statements on the PostgreSQL server (on by default: planning a join cost more than running it).
   * "false" behind PgBouncer in transaction mode, which cannot keep a statement on a server connection.
   */
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
  /** An external Meilisearch; unset means the app launches the bundled binary. */
  MEILI_URL: optionalUrl("https://search.example.vn"),
  MEILI_MASTER_KEY: z.string().optional(),
  /** Prefix for index names, so several environments can share one Meilisearch. */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, { error: "may only contain letters, digits, - and _, for example ct_" })
    .default("ct_"),
  /** Seed demo accounts and data at start. Defaults to on for the embedded setup, off with DATABASE_URL. */
  DEMO_DATA: z.enum(["true", "false"]).optional(),
  /** Extra origins allowed to POST (comma-separated), e.g. when a proxy rewrites the Host header. */
  TRUSTED_ORIGINS: z.string().default(""),
  /** Send cookies with Secure. Defaults to on in production; set false only for plain-HTTP intranets. */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** Trust X-Forwarded-* headers from a load balancer. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /**
   * Page requests (GET) served at once; more wait their turn in order (app/utils/admission.server.ts).
   * 0 turns the queue off. The default suits 2 cores with PGlite or a pool of 10 connections.
   */
  MAX_CONCURRENT_REQUESTS: z.coerce
    .number({ error: "must be a whole number, for example 16 (0 for no limit)" })
    .int()
    .min(0)
    .default(16),
  /**
   * Browser tests only: a file holding a clock offset in days (e.g. "365"), re-read when it changes, so a
   * test can move the running app's "today" forward a year. Never set it in production.
   */
  TEST_CLOCK_FILE: z.string().optional(),
  /**
   * The address people open the app at, for the links in text messages, Zalo messages and e-mails
   * (https://chungtay.example.vn). Defaults to http://localhost:PORT.
   */
  PUBLIC_URL: optionalUrl("https://chungtay.example.vn"),
  /**
   * Messages on a channel with no provider configured go to the dev outbox (/dev/outbox) instead of
   * nowhere. Defaults to on for the embedded demo, off with DATABASE_URL; never on in a real deployment.
   */
  DEV_OUTBOX: z.enum(["true", "false"]).optional(),
  /**
   * The secret in the URLs providers call back with delivery reports (/hooks/esms/<token>, /hooks/zns/<token>);
   * eSMS and Zalo sign nothing, so an unguessable path is the check. Unset: no delivery reports are asked for.
   */
  HOOKS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, {
      error: "must be 16 or more letters, digits, - or _, for example 3f9a1c7e5b2d4a6c8e0f",
    })
    .optional(),
});

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  demoData: boolean;
  devOutbox: boolean;
  publicUrl: string;
  cookieSecure: boolean;
  trustedOrigins: string[];
};

/** Parse and validate the environment; throws one readable message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    demoData: env.DEMO_DATA ? env.DEMO_DATA === "true" : !env.DATABASE_URL,
    devOutbox: env.DEV_OUTBOX ? env.DEV_OUTBOX === "true" : !env.DATABASE_URL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : env.NODE_ENV === "production",
    trustedOrigins: env.TRUSTED_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
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
