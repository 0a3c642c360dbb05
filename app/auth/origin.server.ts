/** Methods that change state: each must come from one of our own pages. */
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Paths that never act on the session cookie, so a cross-site POST cannot borrow it: providers' delivery
 * reports (/hooks/…, checked by their own secret) and the one-tap stop of a message (/n/<code>: the code is
 * the credential; mail clients send RFC 8058 one-click unsubscribes without an Origin).
 */
const COOKIELESS_POST_PATHS = [/^\/hooks\//, /^\/n\/[A-Za-z0-9_-]+$/];

export function isCookielessPath(path: string): boolean {
  return COOKIELESS_POST_PATHS.some((p) => p.test(path));
}

export type OriginCheckInput = {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  trustedOrigins: string[];
};

/**
 * CSRF defence on top of SameSite=Lax cookies: a state-changing request must carry an Origin header
 * naming this host (or a configured trusted origin). Browsers send Origin on every cross-site POST.
 */
export function isAllowedOrigin({ method, origin, host, trustedOrigins }: OriginCheckInput): boolean {
  if (!UNSAFE.has(method.toUpperCase())) return true;
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (host && originHost.toLowerCase() === host.toLowerCase()) return true;
  return trustedOrigins.some((trusted) => {
    try {
      return new URL(trusted).host.toLowerCase() === originHost.toLowerCase();
    } catch {
      return false;
    }
  });
}
