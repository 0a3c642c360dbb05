import crypto from "node:crypto";

import { redirect } from "@remix-run/node";
import { desc, eq, lt, sql } from "drizzle-orm";
import { Cookie, generateIdFromEntropySize } from "lucia";

import { getEnv } from "~/env.server";
import { clientLabel } from "~/modules/accounts/client-label";
import { sessionNow } from "~/utils/clock.server";

import { type Database, db } from "../../db/client.server";
import { builtOnce } from "../../db/prepared.server";
import { appUser, type Locale, officerCommune, type Role, userSession } from "../../db/schema";
import { type Permission, requirePermission } from "./permissions.server";
import { requestScope } from "./request-scope.server";

/*
 * The only module that imports lucia (v3 is no longer maintained upstream; see
 * docs/decisions/002-lucia-wrapped.md). Lucia gives the token and the cookie; expiry is ours, because it
 * depends on the role and has an idle part (docs/decisions/017-sessions-lockout-and-logs.md).
 */

export const SESSION_COOKIE = "ct_session";

/** Staff reach many persons' records: short sessions. Persons and organisations: longer, their own data. */
export const SESSION_POLICY: Record<Role, { idleMinutes: number; lifetimeHours: number }> = {
  admin: { idleMinutes: 30, lifetimeHours: 12 },
  officer: { idleMinutes: 30, lifetimeHours: 12 },
  employer: { idleMinutes: 24 * 60, lifetimeHours: 14 * 24 },
  provider: { idleMinutes: 24 * 60, lifetimeHours: 14 * 24 },
  person: { idleMinutes: 7 * 24 * 60, lifetimeHours: 30 * 24 },
  national: { idleMinutes: 30, lifetimeHours: 12 },
};
/**
 * last_seen_at is written at most this often per session, not per request: a twentieth of the role's idle
 * window, between one and five minutes (officers 90 s, everyone else 5 min). The idle timeout can therefore
 * end a session up to that much early, never late; a GET writes nothing in between.
 */
export function touchEveryMs(role: Role): number {
  return Math.min(5 * 60_000, Math.max(60_000, (SESSION_POLICY[role].idleMinutes * 60_000) / 20));
}

type UserAttributes = {
  email: string | null;
  phone: string | null;
  role: Role;
  fullName: string;
  organizationId: string | null;
  provinceCode: string | null;
  locale: Locale;
  disabledAt: Date | null;
};

export type SessionUser = UserAttributes & {
  id: string;
  /** Commune codes an officer serves (empty for other roles). */
  communeCodes: string[];
};

/** A session as the app sees it; `id` is the stored hash, never the cookie's token. */
export type SessionInfo = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; client: string | null };

/** `expired`: the cookie named a session that ran out (idle or lifetime), so the login page can say so. */
export type AuthResult =
  | { user: SessionUser; session: SessionInfo; setCookie?: string }
  | { user: null; setCookie?: string; expired?: boolean };

// The token travels in the cookie; the database keeps only its hash, so a copy of the table opens nothing.
const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function cookieAttributes(maxAge: number) {
  // No Domain: the cookie stays on the exact host. HttpOnly: no script reads it. Lax: no cross-site POSTs.
  return { httpOnly: true, secure: getEnv().cookieSecure, sameSite: "lax" as const, path: "/", maxAge };
}
const blankCookie = () => new Cookie(SESSION_COOKIE, "", cookieAttributes(0)).serialize();

function readToken(request: Request): string | null {
  const match = (request.headers.get("Cookie") ?? "").match(/(?:^|;\s*)ct_session=([a-z0-9]{20,64})(?:;|$)/);
  return match?.[1] ?? null;
}

const USER_COLUMNS = {
  id: appUser.id,
  email: appUser.email,
  phone: appUser.phone,
  role: appUser.role,
  fullName: appUser.fullName,
  organizationId: appUser.organizationId,
  provinceCode: appUser.provinceCode,
  locale: appUser.locale,
  disabledAt: appUser.disabledAt,
};

/**
 * One statement: the session, its user and (for an officer) the communes they serve. Built once per database
 * (db/prepared.server.ts): every page of a logged-in user runs it.
 */
const sessionQuery = (database: Database) =>
  builtOnce(database, "auth.session", () =>
    database
      .select({
        session: userSession,
        user: USER_COLUMNS,
        communes: sql<
          string | null
        >`(select string_agg(${officerCommune.communeCode}, ',' order by ${officerCommune.communeCode}) from ${officerCommune} where ${officerCommune.userId} = ${appUser.id})`,
      })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .where(eq(userSession.id, sql.placeholder("id")))
      .prepare("auth_session"),
  );

/** Why a stored session no longer counts, or null while it does. */
export function sessionEnded(
  session: Pick<SessionInfo, "lastSeenAt" | "expiresAt">,
  role: Role,
  at: Date,
): "lifetime" | "idle" | null {
  if (at.getTime() >= session.expiresAt.getTime()) return "lifetime";
  if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_POLICY[role].idleMinutes * 60_000) return "idle";
  return null;
}

// Without a request scope (route modules called directly), calls with the same Request share one check.
const perRequest = new WeakMap<Request, Promise<AuthResult>>();

/**
 * Sessions this process wrote last_seen_at for, and when (session clock): a burst of concurrent requests
 * that all read the old value writes it once, not once each. Only ever skips a write; bounded.
 */
const touched = new Map<string, number>();
const TOUCHED_MAX = 10_000;

function shouldTouch(id: string, role: Role, lastSeenAt: Date, at: Date): boolean {
  const every = touchEveryMs(role);
  if (at.getTime() - lastSeenAt.getTime() < every) return false;
  const mine = touched.get(id);
  if (mine !== undefined && at.getTime() - mine < every && at.getTime() >= mine) return false;
  if (touched.size >= TOUCHED_MAX) touched.clear();
  touched.set(id, at.getTime());
  return true;
}

async function loadAuth(request: Request): Promise<AuthResult> {
  const token = readToken(request);
  if (!token)
    return request.headers.get("Cookie")?.includes(`${SESSION_COOKIE}=`)
      ? { user: null, setCookie: blankCookie() }
      : { user: null };
  const id = hashToken(token);
  const [row] = await sessionQuery(db()).execute({ id });
  const at = sessionNow();
  const ended = row ? sessionEnded(row.session, row.user.role, at) : null;
  if (!row || row.user.disabledAt || ended) {
    if (row) await db().delete(userSession).where(eq(userSession.id, id));
    return { user: null, setCookie: blankCookie(), expired: ended !== null && !row?.user.disabledAt };
  }
  const { session, user } = row;
  if (shouldTouch(id, user.role, session.lastSeenAt, at)) {
    await db().update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, id));
  }
  const communeCodes = user.role === "officer" && row.communes ? row.communes.split(",") : [];
  return {
    user: { ...user, communeCodes },
    session: {
      id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      client: session.client,
    },
  };
}

/**
 * The session of this request, checked once per request: a document GET runs the root loader and the
 * route's loaders, each with its own Request, in one request scope (app/auth/request-scope.server.ts) that
 * shares the check. An action (any other method) checks afresh and drops the shared result, so the loaders
 * Remix runs after it see what the action did (a login, a logout, a password change ending sessions).
 */
export function authenticate(request: Request): Promise<AuthResult> {
  const scope = requestScope();
  const reading = request.method === "GET" || request.method === "HEAD";
  if (scope && reading) {
    const token = readToken(request);
    if (scope.auth?.token === token) return scope.auth.result as Promise<AuthResult>;
    const result = loadAuth(request);
    scope.auth = { token, result };
    return result;
  }
  if (scope) scope.auth = undefined;
  let result = perRequest.get(request);
  if (!result) {
    result = loadAuth(request);
    perRequest.set(request, result);
  }
  return result;
}

/** Sessions were started or ended: this request's shared check is stale. */
function forgetRequestAuth(): void {
  const scope = requestScope();
  if (scope) scope.auth = undefined;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await authenticate(request)).user;
}

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const auth = await authenticate(request);
  if (auth.user) return auth.user;
  const url = new URL(request.url);
  const expired = auth.expired ? "&expired=1" : "";
  // The blank cookie goes with the redirect: the browser forgets the ended session at once.
  throw redirect(
    `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}${expired}`,
    auth.setCookie ? { headers: { "Set-Cookie": auth.setCookie } } : undefined,
  );
}

/** A logged-in user holding every given permission: else the login page, or the 403 page. */
export async function requireUserWith(request: Request, ...permissions: Permission[]): Promise<SessionUser> {
  const user = await requireUser(request);
  for (const permission of permissions) requirePermission(user, permission);
  return user;
}

/**
 * Start a new session (a fresh token at every login, never a reused one) and return its cookie. With the
 * login's request, the session it presented ends first: a token planted before login opens nothing after.
 */
export async function startSession(userId: string, request?: Request): Promise<string> {
  forgetRequestAuth();
  if (request) await endPresentedSession(request);
  const [user] = await db().select({ role: appUser.role }).from(appUser).where(eq(appUser.id, userId));
  if (!user) throw new Error("startSession: no such user");
  const policy = SESSION_POLICY[user.role];
  const at = sessionNow();
  const token = generateIdFromEntropySize(25);
  // Housekeeping on the way: sessions past their lifetime, anyone's (the table holds live sessions only).
  await db().delete(userSession).where(lt(userSession.expiresAt, at));
  await db()
    .insert(userSession)
    .values({
      id: hashToken(token),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + policy.lifetimeHours * 3_600_000),
      client: request ? clientLabel(request.headers.get("User-Agent")) : null,
    });
  return new Cookie(SESSION_COOKIE, token, cookieAttributes(policy.lifetimeHours * 3600)).serialize();
}

async function endPresentedSession(request: Request): Promise<void> {
  forgetRequestAuth();
  const token = readToken(request);
  if (token)
    await db()
      .delete(userSession)
      .where(eq(userSession.id, hashToken(token)));
}

/** End this request's session and return the blank cookie. */
export async function endSession(request: Request): Promise<string> {
  await endPresentedSession(request);
  return blankCookie();
}

/** End every session of a user (log out everywhere; the database does it too on privilege changes). */
export async function endAllSessions(userId: string): Promise<void> {
  forgetRequestAuth();
  await db().delete(userSession).where(eq(userSession.userId, userId));
}

/** The user's live sessions, newest first, for the account page; `current` marks the one asking. */
export async function listSessions(
  user: Pick<SessionUser, "id" | "role">,
  currentId: string,
): Promise<(SessionInfo & { current: boolean })[]> {
  const rows = await db()
    .select()
    .from(userSession)
    .where(eq(userSession.userId, user.id))
    .orderBy(desc(userSession.lastSeenAt));
  const at = sessionNow();
  return rows
    .filter((s) => !sessionEnded(s, user.role, at))
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      client: s.client,
      current: s.id === currentId,
    }));
}
