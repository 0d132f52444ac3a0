// The platform's own 404, 403 and bench-page answers: a mistyped address gets the platform's page in the user's
// language with a way home, the benchmark's baseline pages do not exist on a server started without
// APP_BENCH_PAGES=1 (whatever cookie is sent), and a dashboard page refused to an admin shows the 403 panel and is
// audited like every other refusal. Screenshots: test-results/screenshots/not-found-*.png, forbidden-dashboard-zh.png.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { request as playwrightRequest, type Browser } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAdmin } from './support/admin';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the bench pages answer 404 when the server was not started for a benchmark, even to a forged session cookie', async () => {
  const forged = await playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { cookie: 'next-auth.session-token=anything' } });
  for (const path of ['/bench/trivial', '/bench/shell']) {
    const res = await forged.get(path, { maxRedirects: 0 });
    expect(res.status(), path).not.toBe(200);
    expect(await res.text(), path).not.toContain('<p>ok</p>');
  }
  const trivial = await forged.get('/bench/trivial', { maxRedirects: 0 });
  expect(trivial.status()).toBe(404);
  expect(await trivial.text()).toContain('页面不存在');
  await forged.dispose();

  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  for (const path of ['/bench/trivial', '/bench/shell']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('页面不存在');
  }
  await context.close();
});

test('a mistyped address gets the platform page in Chinese, then in English, with a way home', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect.poll(() => page.locator('h1').innerText()).toBe('页面不存在');
  expect(await page.title()).toContain('页面不存在');
  expect(await page.locator('main').innerText()).toContain('北碚区');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/not-found-zh.png`, fullPage: true });

  await page.getByRole('button', { name: '切换语言' }).click();
  await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Page not found');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/not-found-en.png`, fullPage: true });
  await page.getByRole('link', { name: 'Back to your home page' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await context.close();

  // Inside the signed-in layout (an unknown indicator): the menu stays, the panel says the same.
  const inside = await newContext(browser, baseUrl, { width: 360 });
  const reader = await signInAs(inside, 'viewer');
  expect((await reader.goto('/indicators/no_such_indicator'))?.status()).toBe(404);
  await expect.poll(() => reader.locator('main h1').innerText()).toBe('页面不存在');
  expect(await reader.locator('header').innerText()).toContain('退出登录');
  await reader.screenshot({ path: `${SCREENSHOT_DIR}/app-not-found-zh-360.png`, fullPage: true });
  await inside.close();
});

test('an admin opening a dashboard page gets the 403 panel, and the refusal is in the audit log', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAdmin(context, 'auditadmin');
  await page.goto('/tasks');
  const main = await page.locator('main').innerText();
  expect(main).toContain('403 无权访问');
  expect(await page.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/admin/audit');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/forbidden-dashboard-zh.png`, fullPage: true });

  // The landing page is not a refusal: an admin is sent to their own home.
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/admin/audit');

  await page.goto('/admin/audit?event=authz.denied');
  const rows = await page.locator('main table tbody').innerText();
  expect(rows).toContain('page /tasks');
  await context.close();
});
