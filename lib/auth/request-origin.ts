// Pure: which host an auth request may be answered for. With NEXTAUTH_URL unset, next-auth builds its URLs from the
// request's own host (so sign-out and its JSON answers stay on the host the user is on); in production that host must
// be one the operator listed, so a forged Host or X-Forwarded-Host header cannot point users at another site.

export interface OriginEnv {
  NEXTAUTH_URL?: string;
  APP_MODE?: string;
  /** Comma-separated host[:port] list, e.g. `sbz.beibei.gov.cn,10.1.2.3:3000`. */
  APP_ALLOWED_HOSTS?: string;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function parseAllowedHosts(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether next-auth may build its URLs from this request host. With NEXTAUTH_URL set next-auth uses that and ignores
 * the host; otherwise the host must be well formed, and in production also listed in APP_ALLOWED_HOSTS.
 */
export function isAllowedAuthHost(host: string | null | undefined, env: OriginEnv): boolean {
  if (env.NEXTAUTH_URL) return true;
  if (!host || !HOST.test(host)) return false;
  if (env.APP_MODE !== 'production') return true;
  return parseAllowedHosts(env.APP_ALLOWED_HOSTS).includes(host.toLowerCase());
}

/**
 * For next-auth's redirect callback: the path of a redirect target on this site. An absolute URL is kept
 * only as its path when it points at the site itself; anything else (another site, a scheme trick) becomes `/`.
 */
export function sameSitePath(url: string, baseUrl: string): string {
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    // not a URL at all
  }
  return '/';
}
