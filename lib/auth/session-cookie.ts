// Server only. The session id inside next-auth's session cookie. Read here rather than through `getServerSession`,
// which on every page also runs next-auth's request machinery and re-encrypts a renewed token that a server component
// cannot set anyway (about 1 ms of an empty signed-in page's 7 ms). Decoding stays next-auth's own (`decode`).
import 'server-only';
import { decode } from 'next-auth/jwt';

const SECURE_COOKIE = '__Secure-next-auth.session-token';
const PLAIN_COOKIE = 'next-auth.session-token';

/** next-auth's choice of cookie name: the secure one when the site is served over https. */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ? SECURE_COOKIE : PLAIN_COOKIE;
}

/**
 * The session token of a request. With NEXTAUTH_URL unset, next-auth picks the cookie name from the request's own
 * scheme (the secure one behind an https proxy), so both names are read, the secure one first.
 */
export function sessionTokenFrom(get: (name: string) => string | undefined): string | undefined {
  return get(SECURE_COOKIE) ?? get(PLAIN_COOKIE);
}

interface Decoded {
  sid: string | null;
  /** Milliseconds since the epoch; the token is refused from then on. */
  expiresAt: number;
}

// The same token decrypts to the same claims (authenticated encryption), so a token seen before is not decrypted again;
// its expiry is still checked on every use.
const decodedTokens = new Map<string, Decoded>();
const MAX_REMEMBERED = 1000;

async function decodeToken(token: string): Promise<Decoded | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  try {
    const claims = await decode({ token, secret });
    if (!claims || typeof claims.exp !== 'number') return null;
    return { sid: typeof claims.sid === 'string' ? claims.sid : null, expiresAt: claims.exp * 1000 };
  } catch {
    return null; // tampered, expired or written with another secret
  }
}

/** The session id the cookie carries, or null for no cookie, an undecodable or an expired token. */
export async function sessionIdFromCookie(token: string | undefined, nowMs = Date.now()): Promise<string | null> {
  if (!token) return null;
  let decoded = decodedTokens.get(token);
  if (!decoded) {
    const fresh = await decodeToken(token);
    if (!fresh) return null;
    decoded = fresh;
    decodedTokens.set(token, decoded);
    if (decodedTokens.size > MAX_REMEMBERED) decodedTokens.delete(decodedTokens.keys().next().value!);
  }
  return nowMs < decoded.expiresAt ? decoded.sid : null;
}
