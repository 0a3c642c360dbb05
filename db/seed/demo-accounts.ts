import { and, ilike, inArray, isNull, or } from "drizzle-orm";

import { verifyPassword } from "~/auth/password.server";

import type { Database } from "../client.server";
import { appUser } from "../schema";

/**
 * What makes an account a demo account (docs/decisions/040), so production can refuse to start beside one
 * and never mistake a real account for one:
 * - an e-mail in a `.test` domain: reserved by RFC 6761, no mail can ever reach it, so no real person or
 *   organisation has one (every demo e-mail is `@chungtay.test` or another `.test` domain, and
 *   `npm run admin:create` refuses them);
 * - the demo person's phone-only login (0900000001) *while it still opens with the published demo
 *   password*: a real person could own that number, never with that password unless it is public anyway.
 */
export const DEMO_EMAIL_SUFFIX = ".test";
export const DEMO_PHONES = ["0900000001"] as const;
/** The demo password of every demo account (README lists them). */
export const DEMO_PASSWORD = "ChungTay@2026";

export const isDemoEmail = (email: string) => email.trim().toLowerCase().endsWith(DEMO_EMAIL_SUFFIX);

export type DemoAccount = { id: string; login: string };

/** Every demo account in `db` (empty in a real deployment). */
export async function findDemoAccounts(db: Database): Promise<DemoAccount[]> {
  const rows = await db
    .select({ id: appUser.id, email: appUser.email, phone: appUser.phone, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(
      or(
        ilike(appUser.email, `%${DEMO_EMAIL_SUFFIX}`),
        and(isNull(appUser.email), inArray(appUser.phone, [...DEMO_PHONES])),
      ),
    );
  const found: DemoAccount[] = [];
  for (const row of rows) {
    if (row.email && isDemoEmail(row.email)) found.push({ id: row.id, login: row.email });
    else if (row.phone && (await verifyPassword(row.passwordHash, DEMO_PASSWORD)))
      found.push({ id: row.id, login: row.phone });
  }
  return found;
}

/** The production start's refusal, saying how to get out of it (no login named: the logs are redacted anyway). */
export function demoAccountsMessage(accounts: DemoAccount[]): string {
  return [
    `Refusing to start in production: this database holds ${accounts.length} demo account(s) (an e-mail ending in`,
    `${DEMO_EMAIL_SUFFIX}, or the demo person's login with its published password).`,
    "To remove the demo data (only when no real account is in the database), with the same DATABASE_URL:",
    "  npm run demo:remove -- --yes",
    "or point DATABASE_URL at a new, empty database and create the first admin with `npm run admin:create`.",
    "A demo on PostgreSQL is APP_MODE=demo (docs/decisions/040-demo-and-production-modes.md).",
  ].join("\n");
}
