import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { isAllowedAuthHost } from '@/lib/auth/request-origin';
import { sessionAnswer } from '@/lib/auth/session-endpoint';

// With NEXTAUTH_URL unset, next-auth would fall back to http://localhost:3000 for every URL it builds; trusting the
// request's host instead keeps sign-out and its JSON answers on the host the user is on. The host is checked below.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

const handler = NextAuth(authOptions);

async function auth(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!isAllowedAuthHost(host, process.env)) {
    return Response.json({ error: 'This host is not allowed: set NEXTAUTH_URL or list it in APP_ALLOWED_HOSTS.' }, { status: 400 });
  }
  const { nextauth } = await context.params;
  if (request.method === 'GET' && nextauth.length === 1 && nextauth[0] === 'session') return sessionAnswer();
  return handler(request, context);
}

export { auth as GET, auth as POST };
