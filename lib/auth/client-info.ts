// Server only. Who is on the other end of a request: the client IP (first X-Forwarded-For hop, set by the reverse
// proxy in front of the app) and the user agent, for session rows and audit rows.
import 'server-only';
export function clientInfoFrom(headers: Headers | Record<string, string | string[] | undefined>): { ip: string | null; userAgent: string | null } {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || get('x-real-ip') || null;
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: get('user-agent')?.slice(0, 300) ?? null };
}
