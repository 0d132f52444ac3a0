// Server only. next-auth's GET /api/auth/session, answered from the Session table rather than from the JWT alone: a
// signed-out, revoked or expired session gets `{}` and no cookie (next-auth would re-issue the cookie of any JWT it can
// still decrypt), and no answer names the server-side session id.
import 'server-only';
import { getCurrentSession } from '@/lib/auth/current-actor';

export async function sessionAnswer(): Promise<Response> {
  const state = await getCurrentSession();
  const body = state ? { user: { name: state.displayName }, expires: state.expiresAt.toISOString() } : {};
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-cache, no-store', Pragma: 'no-cache', Expires: '0' } });
}
