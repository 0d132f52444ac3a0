import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, printed, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('pages need a session: an anonymous visit lands on the sign-in page', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  await page.goto('/units');
  await page.waitForURL('**/sign-in?callbackUrl=%2Funits');
  expect(await page.locator('h1').innerText()).toContain('双倍增');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-zh.png` });
  await context.close();
});

test('a wrong password gets the same message as an unknown user, in Chinese', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  const attempt = async (username: string, password: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.locator('form [role=alert]');
    await alert.waitFor();
    return alert.innerText();
  };
  const wrong = await attempt('viewer', 'not-the-password');
  const unknown = await attempt('nobody-here', 'not-the-password');
  expect(wrong).toContain('用户名或密码错误');
  expect(unknown).toBe(wrong);
  await context.close();
});

test('after sign-out a copied session cookie is refused', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  expect(await page.locator('header').innerText()).toContain('专班办公室 王审核');
  const copied = (await context.cookies()).find((c) => c.name.includes('session-token'))!;
  expect(copied).toBeTruthy();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/sign-in');

  // Replay the old cookie in a fresh browser: the session row is revoked, so the server refuses it.
  const thief = await newContext(browser, baseUrl);
  await thief.addCookies([copied]);
  const replay = await thief.newPage();
  await replay.goto('/units');
  await replay.waitForURL('**/sign-in**');
  await thief.close();
  await context.close();
});

test('responses carry the security headers', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  const response = await page.goto('/tasks');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['x-powered-by']).toBeUndefined();
  await context.close();
});

test('a user sees where they are signed in and ends the other sessions; a tampered form gets a message', async () => {
  const office = await newContext(browser, baseUrl);
  const elsewhere = await newContext(browser, baseUrl);
  const page = await signInAs(office, 'leader');
  const other = await signInAs(elsewhere, 'leader');

  await page.goto('/account/sessions');
  expect(await page.locator('h1').innerText()).toBe('登录会话');
  const table = page.locator('main table');
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  expect(await table.locator('tbody tr').first().innerText()).toContain('当前会话');
  expect(await table.innerText()).toContain('Chrome · Linux');
  expect(await page.content()).not.toMatch(/name="session" value="[^"]{17,}"/); // handles, never session ids

  // A hand-edited handle is refused with a message, and ends nothing.
  await table.locator('input[name=session]').first().evaluate((input) => ((input as HTMLInputElement).value = 'not-a-session'));
  await table.getByRole('button', { name: '结束此会话' }).first().click();
  await page.getByText('请选择要结束的会话').waitFor();
  await other.goto('/');
  expect(new URL(other.url()).pathname).toBe('/');

  await page.screenshot({ path: `${SCREENSHOT_DIR}/account-sessions-zh.png`, fullPage: true });
  await page.getByRole('button', { name: '结束其他全部会话' }).click();
  await page.getByText(/已结束 \d+ 个会话/).waitFor();
  expect(await page.locator('main table tbody tr').count()).toBe(1);
  await printed(page, 'account-sessions');
  await other.goto('/');
  await other.waitForURL('**/sign-in**');
  await office.close();
  await elsewhere.close();
});
