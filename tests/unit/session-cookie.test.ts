import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sessionCookieName, sessionIdFromCookie, sessionTokenFrom } from '@/lib/auth/session-cookie';

const SECRET = 'unit-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const saved = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});
afterEach(() => {
  process.env.NEXTAUTH_SECRET = saved.secret;
  process.env.NEXTAUTH_URL = saved.url;
});

const token = (claims: Record<string, unknown>, maxAge = 3600, secret = SECRET) => encode({ token: claims, secret, maxAge });

describe('session cookie', () => {
  test('a token next-auth wrote gives back its session id, again from memory on the next request', async () => {
    const t = await token({ sid: 'abc123', sub: '7' });
    expect(await sessionIdFromCookie(t)).toBe('abc123');
    expect(await sessionIdFromCookie(t)).toBe('abc123');
  });

  test('no cookie, garbage, a tampered token and one written with another secret give no session', async () => {
    const t = await token({ sid: 'abc123' });
    expect(await sessionIdFromCookie(undefined)).toBeNull();
    expect(await sessionIdFromCookie('not-a-token')).toBeNull();
    const flipped = t.slice(0, -5) + (t.at(-5) === 'A' ? 'B' : 'A') + t.slice(-4);
    expect(await sessionIdFromCookie(flipped)).toBeNull();
    expect(await sessionIdFromCookie(await token({ sid: 'abc123' }, 3600, 'another-secret-0123456789abcdefghijklmnopq'))).toBeNull();
  });

  test('a token without a session id gives none', async () => {
    expect(await sessionIdFromCookie(await token({ sub: '7' }))).toBeNull();
  });

  test('a remembered token still expires at its own time', async () => {
    const t = await token({ sid: 'exp-1' }, 60);
    expect(await sessionIdFromCookie(t)).toBe('exp-1');
    // The token's expiry is in whole seconds: keep a second's margin either side, or a slow machine crosses it.
    expect(await sessionIdFromCookie(t, Date.now() + 58_000)).toBe('exp-1');
    expect(await sessionIdFromCookie(t, Date.now() + 62_000)).toBeNull();
  });

  test('both cookie names are read, the secure one first (next-auth picks by the request scheme when NEXTAUTH_URL is unset)', () => {
    const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];
    expect(sessionTokenFrom(jar({ '__Secure-next-auth.session-token': 's', 'next-auth.session-token': 'p' }))).toBe('s');
    expect(sessionTokenFrom(jar({ 'next-auth.session-token': 'p' }))).toBe('p');
    expect(sessionTokenFrom(jar({}))).toBeUndefined();
  });

  test('the cookie name follows next-auth: the secure one over https', () => {
    process.env.NEXTAUTH_URL = 'https://kjj.beibei.gov.cn';
    expect(sessionCookieName()).toBe('__Secure-next-auth.session-token');
    process.env.NEXTAUTH_URL = 'http://127.0.0.1:3000';
    expect(sessionCookieName()).toBe('next-auth.session-token');
  });
});
