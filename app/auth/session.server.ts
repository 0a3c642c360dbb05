import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { Lucia, TimeSpan, type Session } from "lucia";
import { getDatabase, type DatabaseHandle } from "../../db/client.server";
import { appUser, officerCommune, userSession, type Locale, type Role } from "../../db/schema";
import { getEnv } from "../env.server";

/*
 * The only module that imports lucia (v3 is no longer maintained upstream; see
 * docs/decisions/002-lucia-wrapped.md). Everything else uses the functions below.
 */

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

export const SESSION_COOKIE = "ct_session";

function createLucia(handle: DatabaseHandle) {
  return new Lucia(new DrizzlePostgreSQLAdapter(handle.db, userSession, appUser), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: getEnv().cookieSecure, sameSite: "lax", path: "/" },
    },
    // Only the declared attributes: the adapter hands over the whole row, password hash included.
    getUserAttributes: (a) => ({
      email: a.email,
      phone: a.phone,
      role: a.role,
      fullName: a.fullName,
      organizationId: a.organizationId,
      provinceCode: a.provinceCode,
      locale: a.locale,
      disabledAt: a.disabledAt,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: UserAttributes;
  }
}

// One Lucia per database handle (tests swap databases between files).
const instances = new WeakMap<DatabaseHandle, ReturnType<typeof createLucia>>();
function lucia() {
  const handle = getDatabase();
  let instance = instances.get(handle);
  if (!instance) {
    instance = createLucia(handle);
    instances.set(handle, instance);
  }
  return instance;
}

export type SessionUser = UserAttributes & {
  id: string;
  /** Commune codes an officer serves (empty for other roles). */
  communeCodes: string[];
};

export type AuthResult = { user: SessionUser; session: Session; setCookie?: string } | { user: null; setCookie?: string };

// A document request runs several loaders with the same Request: validate the session once.
const perRequest = new WeakMap<Request, Promise<AuthResult>>();

function readSessionId(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

async function loadAuth(request: Request): Promise<AuthResult> {
  const sessionId = readSessionId(request);
  if (!sessionId) return { user: null };
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user || user.disabledAt) {
    return { user: null, setCookie: lucia().createBlankSessionCookie().serialize() };
  }
  const communeCodes =
    user.role === "officer"
      ? (
          await getDatabase()
            .db.select({ code: officerCommune.communeCode })
            .from(officerCommune)
            .where(eq(officerCommune.userId, user.id))
        ).map((r) => r.code)
      : [];
  return {
    user: { ...user, communeCodes },
    session,
    // lucia extends a session past half its life: send the refreshed cookie.
    setCookie: session.fresh ? lucia().createSessionCookie(session.id).serialize() : undefined,
  };
}

export function authenticate(request: Request): Promise<AuthResult> {
  let result = perRequest.get(request);
  if (!result) {
    result = loadAuth(request);
    perRequest.set(request, result);
  }
  return result;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await authenticate(request)).user;
}

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const { user } = await authenticate(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Start a new session (a fresh id at every login, never a reused one) and return its cookie. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {});
  return lucia().createSessionCookie(session.id).serialize();
}

/** End this request's session and return the blank cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = readSessionId(request);
  if (sessionId) await lucia().invalidateSession(sessionId);
  return lucia().createBlankSessionCookie().serialize();
}

/** End every session of a user (log out everywhere, password or role change). */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}
