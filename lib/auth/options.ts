// Server only. next-auth configuration: Credentials against our own user table, JWT carrying only a session id that
// is checked against the Session table on every request (lib/auth/current-actor.ts).
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientInfoFrom } from '@/lib/auth/client-info';
import { sameSitePath } from '@/lib/auth/request-origin';
import { systemClock } from '@/lib/clock';
import { isDomainError } from '@/lib/errors';
import { signIn, signOut, SignInError } from '@/lib/mutations/auth';
import { signInSchema } from '@/lib/schemas/auth';

/** The cookie may live as long as the longest absolute session the policy allows; the Session table decides. */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { username: { type: 'text' }, password: { type: 'password' }, secondFactor: { type: 'text' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse({
          username: credentials?.username ?? '',
          password: credentials?.password ?? '',
          secondFactor: credentials?.secondFactor ?? '',
        });
        if (!parsed.success) throw new Error('invalid');
        try {
          const { userId, sessionId } = await signIn(parsed.data, clientInfoFrom(req?.headers ?? {}), systemClock());
          return { id: String(userId), sid: sessionId };
        } catch (error) {
          // The code travels to the sign-in page, which shows the message in the user's language.
          if (error instanceof SignInError) throw new Error(error.code);
          if (isDomainError(error)) throw new Error('invalid');
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user && 'sid' in user) token.sid = (user as { sid: string }).sid;
      return token;
    },
    // The session id stays inside the encrypted cookie: no answer hands it to page JavaScript.
    async session({ session }) {
      return session;
    },
    // Same-site paths only, on the host the request came to (the route trusts and checks that host when NEXTAUTH_URL
    // is unset). Absolute, because next-auth's client parses the URL it is given after sign-in.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${sameSitePath(url, baseUrl)}`;
    },
  },
  events: {
    async signOut({ token }) {
      const sid = typeof token?.sid === 'string' ? token.sid : null;
      if (!sid) return;
      const { resolveSession } = await import('@/lib/mutations/auth');
      const state = await resolveSession(sid, { ip: null, userAgent: null }, systemClock());
      if (state) await signOut(state.actor, systemClock());
    },
  },
};

