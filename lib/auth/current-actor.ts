// Server only. The acting user of the current request, from the next-auth cookie and the Session table. Whether they
// may do what they ask is the gate's question (lib/gate/).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { clientInfoFrom } from '@/lib/auth/client-info';
import { sessionIdFromCookie, sessionTokenFrom } from '@/lib/auth/session-cookie';
import { systemClock } from '@/lib/clock';
import { resolveSession, type SessionState } from '@/lib/mutations/auth';

/** Once per request (React cache): the session row is checked, and touched, at most once. */
export const getCurrentSession = cache(async (): Promise<SessionState | null> => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const sessionId = await sessionIdFromCookie(sessionTokenFrom((name) => cookieStore.get(name)?.value));
  return resolveSession(sessionId, clientInfoFrom(requestHeaders), systemClock());
});

/**
 * For pages: the signed-in user, or a redirect to sign-in. A user who must change the password or enrol a second
 * factor is sent there first (`allowPending` is for those pages themselves).
 */
export async function requireSession(options: { allowPending?: boolean } = {}): Promise<SessionState> {
  const state = await getCurrentSession();
  if (!state) redirect('/sign-in');
  if (!options.allowPending) {
    if (state.mustChangePassword) redirect('/account/password');
    if (state.needsSecondFactor) redirect('/account/two-factor');
  }
  return state;
}
