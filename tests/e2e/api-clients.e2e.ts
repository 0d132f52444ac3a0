// /admin/api-clients (issue 15) as the system admin uses it: a bad form names its fields; a client is created and its
// token shown once; the token reads /api/v1 over real HTTP while the admin's own session cookie is refused there;
// revoking stops the very next call. Screenshots: test-results/screenshots/api-clients-*.png.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, printed, SCREENSHOT_DIR } from './support/browser';
import { signInAdmin } from './support/admin';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function apiGet(path: string, token: string | null): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

test('the system admin creates an API client, sees the token once, and revokes it', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAdmin(context, 'sysadmin');
  await page.goto('/admin/api-clients');
  expect(await page.locator('h1').innerText()).toBe('接口客户端');

  await page.getByRole('button', { name: '创建并显示令牌' }).click();
  await page.locator('#name-error p').waitFor();
  expect(await page.locator('#name-error').innerText()).toContain('客户端系统名称');

  await page.getByLabel('客户端系统名称').fill('区大数据中心大屏');
  await page.getByRole('button', { name: '创建并显示令牌' }).click();
  const panel = page.locator('[data-token-panel]');
  await panel.waitFor();
  const token = await page.locator('#api-token').inputValue();
  expect(token).toMatch(/^bbk_[A-Za-z0-9_-]{43}$/);
  expect(await panel.innerText()).toContain('只显示这一次');
  await page.locator('tr[data-api-client="区大数据中心大屏"][data-state="active"]').waitFor();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/api-clients-created-zh.png`, fullPage: true });

  // The token reads the API over HTTP; the admin's signed-in browser session does not.
  const plan = await apiGet('/plan', token);
  expect(plan.status).toBe(200);
  expect(Array.isArray(plan.body.indicators)).toBe(true);
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const withCookie = await fetch(`${baseUrl}/api/v1/plan`, { headers: { cookie: cookies }, redirect: 'manual' });
  expect(withCookie.status).toBe(401);
  expect(((await withCookie.json()) as { error: { code: string } }).error.code).toBe('cookie_not_accepted');
  expect((await apiGet('/no-such-endpoint', token)).status).toBe(404);

  // Shown once: a reload shows the prefix only.
  await page.reload();
  expect(await page.locator('[data-token-panel]').count()).toBe(0);
  expect(await page.locator('main').innerText()).not.toContain(token);
  expect(await page.locator('tr[data-api-client="区大数据中心大屏"]').innerText()).toContain(token.slice(0, 10));

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('form', { name: '撤销 区大数据中心大屏' }).getByRole('button', { name: '撤销' }).click();
  // The row turns to 已撤销 as soon as the action returns (the page is rendered afresh), and stays so on reload.
  await page.locator('tr[data-api-client="区大数据中心大屏"][data-state="revoked"]').waitFor();
  await page.reload();
  await page.locator('tr[data-api-client="区大数据中心大屏"][data-state="revoked"]').waitFor();
  expect(await page.locator('tr[data-api-client="区大数据中心大屏"]').innerText()).toContain('已撤销');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/api-clients-revoked-zh.png`, fullPage: true });
  const refused = await apiGet('/plan', token);
  expect(refused).toMatchObject({ status: 401, body: { error: { code: 'token_revoked' } } });
  await printed(page, 'api-clients');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/api-clients-360.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
}, 180_000);

test('a reporting client lists its units and indicators; a bad address is named next to its field', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAdmin(context, 'sysadmin');
  await page.goto('/admin/api-clients');
  await page.getByLabel('客户端系统名称').fill('区统计局数据平台');
  await page.getByLabel('报送月度数据（进入审核流程）').check();
  await page.getByRole('button', { name: '创建并显示令牌' }).click();
  await page.locator('#scopes-error p').waitFor();
  expect(await page.locator('#scopes-error').innerText()).toContain('至少选择一个单位和一个指标');

  // After the refusal the unit and indicator lists are already open (report was ticked); a user opens them otherwise.
  if ((await page.locator('main details').getAttribute('open')) === null) await page.getByText('可报送的单位编号 / 可报送的指标编号').click();
  await page.getByRole('group', { name: '可报送的单位编号' }).getByLabel(/^区科技局（\d+）$/).check();
  await page.getByRole('group', { name: '可报送的指标编号' }).getByLabel(/（high_tech_enterprises）$/).check();
  await page.getByLabel('允许的来源地址（可选）').fill('10.20.0.0/16\nintranet');
  await page.getByRole('button', { name: '创建并显示令牌' }).click();
  await page.locator('#allowedIps-error p').waitFor();
  expect(await page.locator('#allowedIps-error').innerText()).toContain('IP 或 CIDR');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/api-clients-report-scope-zh.png`, fullPage: true });

  await page.getByLabel('允许的来源地址（可选）').fill('10.20.0.0/16');
  await page.getByRole('button', { name: '创建并显示令牌' }).click();
  await page.locator('[data-token-panel]').waitFor();
  const row = await page.locator('tr[data-api-client="区统计局数据平台"]').innerText();
  expect(row).toContain('报送');
  expect(row).toContain('10.20.0.0/16');
  // The e2e server trusts no proxy: a client with an address list is refused (fail closed), as docs/api.md says.
  const token = await page.locator('#api-token').inputValue();
  const refused = await fetch(`${baseUrl}/api/v1/plan`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.20.1.1' } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('address_not_allowed');
  await context.close();
}, 180_000);
