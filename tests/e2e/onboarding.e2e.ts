// A new account from creation to its first report, as the three people involved see it (三权分立): the system admin
// creates it with a unit and a temporary password, the security admin gives it a role, the user signs in, replaces
// the password and lands on its unit's report. An account still waiting for its role can manage itself and is told
// who must act. Creates its own users, so it depends on no other file and leaves the demo accounts alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInAdmin } from './support/admin';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const UNIT = '天生街道';
const TEMPORARY = 'Onboard#2026ab';
const CHOSEN = 'Chosen#Mine2026';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function createUser(page: Page, username: string, displayName: string) {
  await page.goto('/admin/users');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('姓名（显示名称）').fill(displayName);
  await page.getByRole('combobox', { name: '所属单位' }).selectOption({ label: UNIT });
  await page.getByLabel('临时密码').fill(TEMPORARY);
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.getByText(`已创建用户 ${username}`).waitFor();
}

/** Signs in with the temporary password and replaces it through the page the user is sent to. */
async function firstSignIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(TEMPORARY);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/account/password');
  await page.getByLabel('当前密码').fill(TEMPORARY);
  await page.getByLabel('新密码', { exact: true }).fill(CHOSEN);
  await page.getByLabel('再次输入新密码').fill(CHOSEN);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL((url) => url.pathname !== '/account/password', { timeout: 20_000 });
  return page;
}

test('system admin creates, security admin assigns the role, the user changes the password and lands on its unit’s report', async () => {
  const sys = await newContext(browser, baseUrl);
  const sysPage = await signInAdmin(sys, 'sysadmin');
  await createUser(sysPage, 'onboard.zhao', '赵 新人');
  // The system admin is told the account cannot be used yet, and that the security admin must act.
  expect(await sysPage.locator('tr', { hasText: 'onboard.zhao' }).innerText()).toContain('未分配角色');
  expect(await sysPage.getByTestId('no-role-notice').innerText()).toContain('安全管理员');
  await sys.close();

  const sec = await newContext(browser, baseUrl);
  const secPage = await signInAdmin(sec, 'secadmin');
  await secPage.goto('/admin/security');
  expect(await secPage.getByTestId('no-role-notice').innerText()).toContain('尚未分配角色');
  await secPage.getByRole('link', { name: '管理 onboard.zhao' }).click();
  await secPage.waitForURL(/\?user=\d+$/);
  await secPage.getByLabel('单位填报员', { exact: true }).check();
  await secPage.getByRole('button', { name: '保存角色' }).click();
  await secPage.getByText('角色已保存').waitFor();
  await sec.close();

  const user = await newContext(browser, baseUrl);
  const page = await firstSignIn(user, 'onboard.zhao');
  await page.waitForURL(/\/report\/\d{4}-\d{2}$/);
  expect(await page.locator('main').innerText()).toContain(UNIT);
  expect(await page.locator('body').innerText()).not.toContain('无权执行此操作');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/onboarding-first-report.png`, fullPage: false });

  // Second factor (issue 9 item 18): the key comes with its QR code, drawn on the server as an inline image.
  await page.goto('/account/two-factor');
  await page.getByRole('button', { name: '开始启用' }).click();
  const qr = page.getByTestId('totp-qr');
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(await qr.getAttribute('alt')).toContain('二维码');
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await page.getByTestId('totp-secret').innerText()).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/totp-qr.png` });
  fs.mkdirSync(path.resolve(__dirname, '../../docs/screenshots'), { recursive: true });
  await page.screenshot({ path: path.resolve(__dirname, '../../docs/screenshots/totp-enrolment-qr.png') });
  await user.close();
});

test('an account still without a role replaces its password and is told who must give it a role', async () => {
  const sys = await newContext(browser, baseUrl);
  await createUser(await signInAdmin(sys, 'sysadmin'), 'onboard.qian', '钱 待分配');
  await sys.close();

  const user = await newContext(browser, baseUrl);
  const page = await firstSignIn(user, 'onboard.qian');
  expect(new URL(page.url()).pathname).toBe('/account');
  const notice = await page.getByTestId('no-role').innerText();
  expect(notice).toContain('尚未分配角色');
  expect(notice).toContain('安全管理员');
  expect(await page.locator('body').innerText()).not.toContain('无权执行此操作');
  // Any other page brings it back here rather than to an error.
  await page.goto('/');
  await page.waitForURL('**/account');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/onboarding-no-role.png` });
  await user.close();
});
