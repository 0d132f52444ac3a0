// The three admin screens as their admins use them, in Chinese: forms with per-field errors, version conflicts,
// the audit filter without JavaScript, and screenshots (test-results/screenshots/admin-*.png) to look at.
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


test('the system admin creates an account: every field says what is wrong, then it works', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAdmin(context, 'sysadmin');
  await page.goto('/admin/users');
  expect(await page.locator('h1').innerText()).toBe('用户管理');
  const table = await page.locator('main table').innerText();
  for (const text of ['reviewer', '专班办公室 王审核', '区科技局', '专班办公室审核员', '单位填报员', '系统管理员', '已启用动态验证码', '演示账户']) expect(table).toContain(text);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-users-zh.png`, fullPage: true });

  await page.getByLabel('用户名', { exact: true }).fill('张三');
  await page.getByLabel('临时密码').fill('short');
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.locator('#username-error p').waitFor();
  expect(await page.locator('#username-error').innerText()).toContain('3–32 位字母');
  expect(await page.locator('#displayName-error').innerText()).toContain('此项必填');
  expect(await page.getByLabel('用户名', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  // What was typed is kept (passwords excepted).
  expect(await page.getByLabel('用户名', { exact: true }).inputValue()).toBe('张三');

  await page.getByLabel('用户名', { exact: true }).fill('Viewer');
  await page.getByLabel('姓名（显示名称）').fill('重名的人');
  await page.getByLabel('临时密码').fill('short');
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.locator('#temporaryPassword-error p').first().waitFor();
  expect(await page.locator('#temporaryPassword-error').innerText()).toContain('至少 10 个字符');

  await page.getByLabel('临时密码').fill('Screens#2026ab');
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.getByRole('alert').filter({ hasText: '已存在' }).waitFor();
  expect(await page.locator('form [role=alert]').innerText()).toContain('用户名“viewer”已存在（不区分大小写）');

  await page.getByLabel('用户名', { exact: true }).fill('Screens.Li');
  await page.getByLabel('姓名（显示名称）').fill('李 截图');
  await page.getByRole('combobox', { name: '所属单位' }).selectOption({ label: '天生街道' });
  await page.getByLabel('临时密码').fill('Screens#2026ab');
  await page.getByRole('button', { name: '创建用户' }).click();
  await page.getByText('已创建用户 screens.li').waitFor();
  const row = await page.locator('tr', { hasText: 'screens.li' }).innerText();
  expect(row).toContain('天生街道');
  expect(row).toContain('未分配角色');
  expect(row).toContain('须修改密码');

  await page.getByRole('link', { name: '管理 screens.li' }).click();
  await page.waitForURL(/\?user=\d+$/);
  await page.getByRole('button', { name: '停用账户' }).click();
  await page.locator('#reason-error p').waitFor();
  expect(await page.locator('#reason-error').innerText()).toContain('请填写原因');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-users-panel-zh.png`, fullPage: true });
  await printed(page, 'admin-users');
  await context.close();
});

test('the security admin: roles refused in combination, a stale policy refused as changed by someone else', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAdmin(context, 'secadmin');
  await page.goto('/admin/security');
  expect(await page.locator('h1').innerText()).toBe('安全管理');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-security-zh.png`, fullPage: true });

  await page.getByRole('link', { name: '管理 kjj' }).click();
  await page.waitForURL(/\?user=\d+$/);
  await page.getByLabel('审计管理员', { exact: true }).check();
  await page.getByRole('button', { name: '保存角色' }).click();
  await page.locator('#roles-error p').waitFor();
  expect(await page.locator('#roles-error').innerText()).toContain('角色组合不允许');
  // The boxes still show what was ticked.
  expect(await page.getByLabel('审计管理员', { exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('单位填报员', { exact: true }).isChecked()).toBe(true);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-security-panel-zh.png`, fullPage: true });

  // Nobody changes their own roles.
  await page.goto('/admin/security');
  await page.getByRole('link', { name: '管理 secadmin' }).click();
  await page.waitForURL(/\?user=\d+$/);
  await page.getByLabel('安全管理员', { exact: true }).uncheck();
  await page.getByRole('button', { name: '保存角色' }).click();
  await page.getByRole('alert').filter({ hasText: '不能修改自己的角色' }).waitFor();

  // Two tabs show the same policy; the second save is refused.
  const other = await context.newPage();
  await other.goto('/admin/security');
  await page.goto('/admin/security');
  await page.getByLabel('密码最短长度（字符）').fill('11');
  await page.getByRole('button', { name: '保存策略' }).click();
  await page.getByText('策略已保存').waitFor();
  await other.getByLabel('密码最短长度（字符）').fill('12');
  await other.getByRole('button', { name: '保存策略' }).click();
  await other.getByRole('alert').filter({ hasText: '已被他人修改' }).waitFor();
  await other.reload();
  expect(await other.getByLabel('密码最短长度（字符）').inputValue()).toBe('11');
  await other.getByLabel('连续登录失败几次锁定账户').fill('2');
  await other.getByLabel('密码最短长度（字符）').fill('10');
  await other.getByRole('button', { name: '保存策略' }).click();
  await other.locator('#lockoutThreshold-error p').waitFor();
  expect(await other.locator('#lockoutThreshold-error').innerText()).toMatch(/3/);
  await other.getByLabel('连续登录失败几次锁定账户').fill('5');
  await other.getByRole('button', { name: '保存策略' }).click();
  await other.getByText('策略已保存').waitFor();
  await context.close();
});

test('the audit admin filters without JavaScript, pages through, exports the same filter; each view is audited once', async () => {
  const signedIn = await newContext(browser, baseUrl);
  await signInAdmin(signedIn, 'auditadmin');
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addCookies(await signedIn.cookies());
  const page = await context.newPage();

  await page.goto('/admin/audit');
  expect(await page.locator('h1').innerText()).toBe('审计日志');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-audit-zh.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-audit-top-zh.png` });

  await page.getByLabel('事件（前缀）').fill('auth.');
  await page.getByLabel('结果').selectOption('success');
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/event=auth\.&actor=&result=success/);
  const rows = page.locator('main table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allInnerTexts()) {
    expect(text).toMatch(/auth\./);
    expect(text).toContain('成功');
  }
  const exportHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
  expect(exportHref).toBe('/api/admin/audit/export?event=auth.&result=success');

  await page.goto('/admin/audit?from=2026-11-20&to=2026-11-01');
  expect(await page.locator('#to-error').innerText()).toContain('结束日期不能早于开始日期');
  expect(await page.locator('main table').count()).toBe(0);
  expect(await page.getByRole('link', { name: /导出 CSV/ }).count()).toBe(0);

  const views = async () => {
    await page.goto('/admin/audit?event=audit.viewed');
    return Number(/共 (\d+) 条/.exec(await page.locator('main caption').innerText())![1]);
  };
  const first = await views();
  expect(await views()).toBe(first + 1);

  await page.goto('/admin/audit?page=2');
  expect(await page.locator('main caption').innerText()).toMatch(/第 2\/\d+ 页/);
  await page.goto('/admin/audit');
  await printed(page, 'admin-audit');
  await context.close();
  await signedIn.close();
});

test('the admin pages in English', async () => {
  const context = await newContext(browser, baseUrl, { locale: 'en' });
  const page = await signInAdmin(context, 'sysadmin');
  await page.goto('/admin/users');
  expect(await page.locator('h1').innerText()).toBe('Users');
  expect(await page.locator('main table').innerText()).toContain('Second factor on');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-users-en.png`, fullPage: true });
  await context.close();
});
