// Runs before every page request: malformed server-action posts refused with a 4xx (lib/http/action-request.ts), a
// per-request nonce CSP and security headers, and a redirect to sign-in when there is no session cookie at all. The redirect is a convenience: pages, actions and routes check the session
// and permissions themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { actionRequestProblem } from '@/lib/http/action-request';
import { REFUSAL_HEADERS, refusalToken } from '@/lib/http/refusal-token';

const PUBLIC_PATHS = ['/sign-in'];
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Charts set style attributes, which nonces cannot cover; no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const problem = actionRequestProblem(request);
  if (problem) {
    // Answered (and audited) by a route handler, which can read the session; the proxy only names the problem.
    const headers = new Headers(request.headers);
    headers.set(REFUSAL_HEADERS.token, refusalToken());
    headers.set(REFUSAL_HEADERS.status, String(problem.status));
    headers.set(REFUSAL_HEADERS.reason, problem.reason);
    headers.set(REFUSAL_HEADERS.path, pathname.slice(0, 150));
    return NextResponse.rewrite(new URL('/api/refused-request', request.url), { request: { headers } });
  }
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSessionCookie) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // Pages show figures and personal data: never kept by the browser or a proxy.
  response.headers.set('Cache-Control', 'no-store, max-age=0');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
