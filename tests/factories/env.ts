import { parseEnv } from "~/env.server";

/** A production database URL for configuration tests (never connected to). */
export const PRODUCTION_DB = "postgres://user:secret@db.example.vn:5432/chungtay";
/** Everything production needs, so each test can take one away. */
export const PRODUCTION_ENV = {
  DATABASE_URL: PRODUCTION_DB,
  PUBLIC_URL: "https://chungtay.example.vn",
  TRUST_PROXY: "true",
} as const;

/** The message parseEnv refuses a configuration with; fails the test if it accepts it. */
export function envFailure(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}
