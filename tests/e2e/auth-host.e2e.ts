// Sign-out and next-auth's own answers on a host and port other than localhost:3000, with NEXTAUTH_URL unset (the
// global setup leaves it unset): every URL stays on the host the user is on, and /api/auth/session tells page
// JavaScript nothing about a session that has ended, nor any session id.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');
// The same server reached by another name: neither is localhost:3000.
const otherHost = baseUrl.replace('127.0.0.1', 'localhost');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each([baseUrl, otherHost])('signing out at %s lands on that host’s sign-in page, and next-auth’s JSON names that host', async (origin) => {
  expect(new URL(origin).port).not.toBe('3000');
  const context = await newContext(browser, origin);
  const page = await signInAs(context, 'viewer');
  expect(new URL(page.url()).origin).toBe(origin);

  const providers = await (await page.request.get('/api/auth/providers')).json();
  expect(providers.credentials.signinUrl).toBe(`${origin}/api/auth/signin/credentials`);
  expect(providers.credentials.callbackUrl).toBe(`${origin}/api/auth/callback/credentials`);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 15_000 });
  expect(page.url()).toBe(`${origin}/sign-in`);
  expect(await page.locator('h1').innerText()).toContain('双倍增');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-out-other-host.png` });
  await context.close();
});

test('a forged Host header gets no next-auth URL on another site', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  const answer = await page.request.get('/api/auth/providers', { headers: { 'x-forwarded-host': 'evil.example/x' } });
  expect(answer.status()).toBe(400);
  expect(await answer.text()).not.toContain('evil.example');
  await context.close();
});

test('/api/auth/session: the user’s name for a live session and never its id; {} and no cookie once signed out', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  const live = await page.request.get('/api/auth/session');
  expect(live.status()).toBe(200);
  const body = await live.json();
  expect(Object.keys(body).sort()).toEqual(['expires', 'user']);
  expect(Object.keys(body.user)).toEqual(['name']);
  expect(await page.locator('header').innerText()).toContain(body.user.name);
  expect(Number.isNaN(Date.parse(body.expires))).toBe(false);
  expect(live.headers()['set-cookie']).toBeUndefined();

  const copied = (await context.cookies()).find((c) => c.name.includes('session-token'))!;
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 15_000 });

  // The signed-out browser, and a copy of its old cookie elsewhere: nothing, and no fresh cookie.
  for (const ctx of [context, await newContext(browser, baseUrl)]) {
    if (ctx !== context) await ctx.addCookies([copied]);
    const after = await ctx.request.get(`${baseUrl}/api/auth/session`, { headers: { cookie: `${copied.name}=${copied.value}` } });
    expect(after.status()).toBe(200);
    expect(await after.json()).toEqual({});
    expect(after.headers()['set-cookie']).toBeUndefined();
    await ctx.close();
  }
});
