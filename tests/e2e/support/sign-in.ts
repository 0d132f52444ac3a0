// Signs a browser context in through the real sign-in form.
import type { BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORDS = {
  reviewer: 'Review#2026bb',
  kjj: 'Report#2026kj',
  jxw: 'Report#2026jx',
  tiansheng: 'Report#2026ts',
  leader: 'Leader#2026bb',
  viewer: 'Viewer#2026bb',
  sysadmin: 'Sysadm#2026bb',
  secadmin: 'Secadm#2026bb',
  auditadmin: 'Audadm#2026bb',
} as const;

export async function signInAs(context: BrowserContext, username: keyof typeof DEMO_PASSWORDS, options: { secondFactor?: string } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORDS[username]);
  if (options.secondFactor) await page.getByLabel(/动态验证码或恢复码|Authenticator code/).fill(options.secondFactor);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  // Sign-in lands through /inbox/land (the inbox when work waits, else home) and refreshes: wait until it has settled,
  // so a test's own request log does not catch the landing's last fetch.
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in') && url.pathname !== '/inbox/land');
  await page.waitForLoadState('networkidle');
  return page;
}
