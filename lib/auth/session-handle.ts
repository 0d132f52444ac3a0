// Server only. Pages name a session by a handle derived from its id, never by the id itself: the id is what the
// session cookie carries, and it has no business in HTML, form fields or logs.
import 'server-only';
import { createHash } from 'node:crypto';

/** 16 hex digits (endSessionSchema in lib/schemas/auth.ts checks the form). */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 16);
}
