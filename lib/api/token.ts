// Pure: API tokens. A token is 32 random bytes (base64url) behind a readable prefix; only its SHA-256 is stored, so a
// copy of the database does not hand out working tokens. The Authorization header is the only place a token is read.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'bbk_';
const TOKEN_RE = /^bbk_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first characters shown in the admin list and audit rows, to tell tokens apart without revealing them. */
export function tokenPrefixOf(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** The token of an `Authorization: Bearer …` header, or null when the header is missing or not a well-formed token. */
export function bearerToken(header: string | null): { token: string } | { problem: 'missing' | 'malformed' } {
  if (header === null || header.trim() === '') return { problem: 'missing' };
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match || !TOKEN_RE.test(match[1])) return { problem: 'malformed' };
  return { token: match[1] };
}

/** SHA-256 of a request body, for idempotency: the same key with another body is refused. */
export function bodyHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
