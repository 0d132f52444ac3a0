import { describe, expect, test } from 'vitest';
import { isAllowedAuthHost, parseAllowedHosts, sameSitePath } from '@/lib/auth/request-origin';

describe('which host next-auth may build its URLs from', () => {
  test('with NEXTAUTH_URL set, next-auth uses it and the request host does not matter', () => {
    expect(isAllowedAuthHost('evil.example', { NEXTAUTH_URL: 'https://sbz.beibei.gov.cn', APP_MODE: 'production' })).toBe(true);
  });
  test('unset, in a demo: any well-formed host, on any port', () => {
    for (const host of ['localhost:3103', '127.0.0.1:8080', 'sbz.beibei.gov.cn', '[::1]:3000']) expect(isAllowedAuthHost(host, {}), host).toBe(true);
    for (const host of ['', 'a b', 'evil.example/path', 'x@evil.example', null]) expect(isAllowedAuthHost(host, {}), String(host)).toBe(false);
  });
  test('unset, in production: only the listed hosts', () => {
    const env = { APP_MODE: 'production', APP_ALLOWED_HOSTS: ' SBZ.beibei.gov.cn , 10.1.2.3:3000' };
    expect(parseAllowedHosts(env.APP_ALLOWED_HOSTS)).toEqual(['sbz.beibei.gov.cn', '10.1.2.3:3000']);
    expect(isAllowedAuthHost('sbz.beibei.gov.cn', env)).toBe(true);
    expect(isAllowedAuthHost('10.1.2.3:3000', env)).toBe(true);
    expect(isAllowedAuthHost('10.1.2.3:3001', env)).toBe(false);
    expect(isAllowedAuthHost('evil.example', env)).toBe(false);
    expect(isAllowedAuthHost('localhost:3000', { APP_MODE: 'production' })).toBe(false);
  });
});

describe('redirect targets stay on the site', () => {
  const base = 'http://127.0.0.1:3103';
  test.each([
    ['/sign-in', '/sign-in'],
    ['/report/2026-10?x=1#top', '/report/2026-10?x=1#top'],
    ['http://127.0.0.1:3103/units?a=b', '/units?a=b'],
    ['http://localhost:3000/sign-in', '/'],
    ['https://evil.example/sign-in', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['not a url', '/'],
  ])('%s → %s', (url, path) => {
    expect(sameSitePath(url, base)).toBe(path);
  });
});
