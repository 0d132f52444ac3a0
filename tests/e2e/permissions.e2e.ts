// Every admin page, the audit export route and every admin and account server action, called with no session,
// with a revoked session and with a session of the wrong role: all refused, nothing changed. Server actions are
// captured from the admin's own form submit (Next's action protocol: a POST with a Next-Action header), then
// replayed with other cookies; the admin's own replay succeeding proves the captured request is a real one.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { enrolSecondFactor, forgetSecondFactor, signInAdmin } from './support/admin';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
const ADMIN_PAGES = ['/admin/users', '/admin/security', '/admin/audit'] as const;
const EXPORT = '/api/admin/audit/export';
const FORBIDDEN = '无权执行此操作';
const SIGN_IN = '登录已过期';
const TARGET = 'e2e-target';
const NEWCOMER = 'e2e-newcomer';
const TEMP = 'E2e#Fresh2026x';

let browser: Browser;
const ctx = {} as Record<'sys' | 'sec' | 'aud' | 'viewer', BrowserContext>;
const pages = {} as Record<'sys' | 'sec' | 'aud', Page>;
/** No cookie at all; and the cookie of a session that was signed out (revoked in the Session table). */
let anonymous: APIRequestContext;
let revoked: APIRequestContext;

beforeAll(async () => {
  browser = await launchBrowser();
  anonymous = await playwrightRequest.newContext({ baseURL: baseUrl });
  for (const key of ['sys', 'sec', 'aud', 'viewer'] as const) ctx[key] = await newContext(browser, baseUrl);
  pages.sys = await signInAdmin(ctx.sys, 'sysadmin');
  pages.sec = await signInAdmin(ctx.sec, 'secadmin');
  pages.aud = await signInAdmin(ctx.aud, 'auditadmin');
  await signInAs(ctx.viewer, 'viewer');

  const leaving = await newContext(browser, baseUrl);
  const page = await signInAs(leaving, 'leader');
  const cookie = (await leaving.cookies()).find((c) => c.name.includes('session-token'))!;
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/sign-in');
  await leaving.close();
  revoked = await playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
});

afterAll(async () => {
  await anonymous?.dispose();
  await revoked?.dispose();
  await browser?.close();
});

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Submits a form on the page but stops its server-action POST on the way out, returning it for replay. */
async function capture(page: Page, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  // A request still in this handler when `unroute` runs may find its route already settled by Playwright (it then
  // goes on unrouted): that is not a failure of the test, so settling it twice is ignored.
  const settled = () => undefined;
  const handler = async (route: Route) => {
    const req = route.request();
    const headers = await req.allHeaders();
    if (req.method() === 'POST' && headers['next-action']) {
      captured ??= { url: req.url(), headers, body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort().catch(settled);
    } else {
      await route.continue().catch(settled);
    }
  };
  await page.route('**/*', handler);
  await submit();
  await expect.poll(() => captured !== undefined, { timeout: 10_000 }).toBe(true);
  await page.unroute('**/*', handler);
  return captured!;
}

const DROP = new Set(['cookie', 'host', 'content-length', 'connection', 'accept-encoding']);

async function replay(client: APIRequestContext, action: Captured): Promise<{ status: number; location?: string; text: string }> {
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([k]) => !DROP.has(k) && !k.startsWith(':')));
  const res = await client.post(action.url, { headers, data: action.body, maxRedirects: 0 });
  return { status: res.status(), location: res.headers()['location'], text: await res.text() };
}

/** What an admin would see: the account table, the policy, and how many account and security events are logged. */
async function adminState() {
  await pages.sys.goto('/admin/users');
  const users = await pages.sys.locator('main table').innerText();
  await pages.sec.goto('/admin/security');
  const policy = await pages.sec.locator('form[aria-labelledby=policy-title] input').evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`).join('&'));
  const logged: string[] = [];
  for (const prefix of ['user.', 'security.', 'auth.passwordReset']) {
    await pages.aud.goto(`/admin/audit?event=${prefix}`);
    logged.push(await pages.aud.locator('main table caption').innerText());
  }
  return { users, policy, logged };
}

async function openPanel(page: Page, path: '/admin/users' | '/admin/security', username: string) {
  await page.goto(path);
  await page.getByRole('link', { name: `管理 ${username}` }).click();
  await page.waitForURL(/\?user=\d+$/);
}

/** Replays the captured action as everyone who must not run it; asserts each refusal and that nothing changed. */
async function expectRefusedToAllButOwner(action: Captured, wrongAdmins: ('sys' | 'sec' | 'aud')[]) {
  const before = await adminState();

  const bare = await replay(anonymous, action);
  expect(bare.status).toBe(307);
  expect(bare.location).toMatch(/\/sign-in\?callbackUrl=/);

  const stale = await replay(revoked, action);
  expect(stale.text).toContain(SIGN_IN);

  const asViewer = await replay(ctx.viewer.request, action);
  expect(asViewer.text).toContain(FORBIDDEN);

  for (const admin of wrongAdmins) {
    const asOtherAdmin = await replay(ctx[admin].request, action);
    expect(asOtherAdmin.text, admin).toContain(FORBIDDEN);
  }
  expect(await adminState()).toEqual(before);
}

function succeeded(result: { status: number; text: string }) {
  expect(result.status).toBe(200);
  expect(result.text).toContain('"status":"success"');
}

describe('admin pages and the export route', () => {
  test('without a session: pages go to sign-in, the export answers 401 JSON', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await page.waitForURL(`**/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    }
    const bare = await anonymous.get(EXPORT);
    expect(bare.status()).toBe(401);
    expect(bare.headers()['content-type']).toContain('application/json');
    expect((await bare.json()).error).toBeTruthy();

    // A session cookie the server no longer honours is no session either.
    expect((await revoked.get(EXPORT)).status()).toBe(401);
    const stale = await newContext(browser, baseUrl);
    await stale.addCookies([{ name: 'next-auth.session-token', value: 'forged', url: baseUrl }]);
    const stalePage = await stale.newPage();
    await stalePage.goto('/admin/audit');
    await stalePage.waitForURL('**/sign-in**');
    await stale.close();
    await context.close();
  });

  test('a viewer gets a 403 message on every admin page, no form, and 403 from the export', async () => {
    const page = await ctx.viewer.newPage();
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      const main = await page.locator('main').innerText();
      expect(main, path).toContain('403');
      expect(main, path).toContain('无权访问');
      expect(await page.locator('main form').count(), path).toBe(0);
      expect(await page.locator('main table').count(), path).toBe(0);
    }
    expect(await page.locator('nav[aria-label=main]').innerText()).not.toMatch(/用户管理|安全管理|审计日志/);
    const res = await ctx.viewer.request.get(`${EXPORT}?event=auth.`);
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toBe(FORBIDDEN);
    await page.close();
  });

  test('every refusal is in the audit log: who was refused what, from where', async () => {
    const page = await ctx.viewer.newPage();
    await page.goto('/admin/security');
    await page.goto('/review/settings');
    expect((await ctx.viewer.request.get(EXPORT)).status()).toBe(403);
    await page.close();
    await pages.aud.goto('/admin/audit?event=authz.denied&actor=viewer');
    const rows = await pages.aud.locator('main table tbody').innerText();
    for (const seen of ['action:role.assign', 'page /admin/security', 'action:reporting.manageDeadlines', 'page /review/settings', 'action:exportAuditLog', '越权访问被拒绝']) {
      expect(rows).toContain(seen);
    }
    await pages.aud.screenshot({ path: 'test-results/screenshots/admin-audit-refusals-zh.png', fullPage: true });
  });

  test('三权分立: each admin gets only their own page and only the audit admin the export', async () => {
    const own = { sys: '/admin/users', sec: '/admin/security', aud: '/admin/audit' } as const;
    for (const admin of ['sys', 'sec', 'aud'] as const) {
      const page = await ctx[admin].newPage();
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        const main = await page.locator('main').innerText();
        if (path === own[admin]) expect(main, `${admin} ${path}`).not.toContain('403');
        else expect(main, `${admin} ${path}`).toContain('403 无权访问');
      }
      const res = await ctx[admin].request.get(EXPORT);
      expect(res.status(), admin).toBe(admin === 'aud' ? 200 : 403);
      await page.close();
    }
  });

  test('the export is CSV with a BOM, neutralised cells, validated filter, and is itself audited', async () => {
    const res = await ctx.aud.request.get(`${EXPORT}?event=auth.&result=success`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{8}-\d{4}\.csv";/);
    expect(res.headers()['cache-control']).toContain('no-store');
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('"时间（北京时间）"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes('"auth.') && l.includes('"success"'))).toBe(true);

    const bad = await ctx.aud.request.get(`${EXPORT}?from=2026-02-30&to=yesterday&extra=1`);
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fieldErrors ?? {}).sort()).toEqual(['from', 'to']);

    // Another site cannot set an export off with the audit admin's cookies.
    const forged = await ctx.aud.request.get(EXPORT, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(forged.status()).toBe(403);

    await pages.aud.goto('/admin/audit?event=audit.exported');
    expect(await pages.aud.locator('main table tbody').innerText()).toContain('auditadmin');
  });
});

describe('server actions refuse everyone but their owner, and change nothing', () => {
  let createUser: Captured;

  test('createUser (system admin)', async () => {
    // The target account of the later actions, created through the form itself.
    await pages.sys.goto('/admin/users');
    await pages.sys.getByLabel('用户名', { exact: true }).fill(TARGET);
    await pages.sys.getByLabel('姓名（显示名称）').fill('端到端 测试对象');
    await pages.sys.getByLabel('临时密码').fill(TEMP);
    await pages.sys.getByRole('button', { name: '创建用户' }).click();
    await pages.sys.getByText(`已创建用户 ${TARGET}`).waitFor();

    await pages.sys.goto('/admin/users');
    await pages.sys.getByLabel('用户名', { exact: true }).fill(NEWCOMER);
    await pages.sys.getByLabel('姓名（显示名称）').fill('新来的管理员');
    await pages.sys.getByLabel('临时密码').fill(TEMP);
    createUser = await capture(pages.sys, () => pages.sys.getByRole('button', { name: '创建用户' }).click());
    await expectRefusedToAllButOwner(createUser, ['sec', 'aud']);

    succeeded(await replay(ctx.sys.request, createUser));
    await pages.sys.goto('/admin/users');
    expect(await pages.sys.locator('main table').innerText()).toContain(NEWCOMER);
  });

  test('assignUnit (system admin)', async () => {
    await openPanel(pages.sys, '/admin/users', TARGET);
    await pages.sys.getByRole('combobox', { name: '所属单位' }).selectOption({ label: '区科技局' });
    const action = await capture(pages.sys, () => pages.sys.getByRole('button', { name: '保存单位' }).click());
    await expectRefusedToAllButOwner(action, ['sec', 'aud']);
    succeeded(await replay(ctx.sys.request, action));
    await pages.sys.goto('/admin/users');
    expect(await pages.sys.locator('tr', { hasText: TARGET }).innerText()).toContain('区科技局');
  });

  test('setUserDisabled (system admin)', async () => {
    await openPanel(pages.sys, '/admin/users', TARGET);
    await pages.sys.getByLabel('原因').fill('端到端测试');
    const action = await capture(pages.sys, () => pages.sys.getByRole('button', { name: '停用账户' }).click());
    await expectRefusedToAllButOwner(action, ['sec', 'aud']);
    succeeded(await replay(ctx.sys.request, action));
    await pages.sys.goto('/admin/users');
    expect(await pages.sys.locator('tr', { hasText: TARGET }).innerText()).toContain('已停用');
  });

  test('resetPassword (system admin)', async () => {
    await openPanel(pages.sys, '/admin/users', TARGET);
    await pages.sys.getByLabel('临时密码').fill('E2e#Reset2026y');
    const action = await capture(pages.sys, () => pages.sys.getByRole('button', { name: '重置密码' }).click());
    await expectRefusedToAllButOwner(action, ['sec', 'aud']);
    succeeded(await replay(ctx.sys.request, action));
    await pages.aud.goto('/admin/audit?event=auth.passwordReset');
    expect(await pages.aud.locator('main table tbody').innerText()).toContain('sysadmin');
  });

  test('assignRoles (security admin)', async () => {
    await openPanel(pages.sec, '/admin/security', TARGET);
    await pages.sec.getByLabel('领导', { exact: true }).check();
    const action = await capture(pages.sec, () => pages.sec.getByRole('button', { name: '保存角色' }).click());
    await expectRefusedToAllButOwner(action, ['sys', 'aud']);
    succeeded(await replay(ctx.sec.request, action));
    await pages.sec.goto('/admin/security');
    expect(await pages.sec.locator('tr', { hasText: TARGET }).innerText()).toContain('领导');
  });

  test('terminateSessions (security admin)', async () => {
    await openPanel(pages.sec, '/admin/security', TARGET);
    const form = pages.sec.getByRole('form', { name: '强制下线' });
    await form.getByLabel('原因').fill('端到端测试');
    const action = await capture(pages.sec, () => form.getByRole('button', { name: '结束全部会话' }).click());
    await expectRefusedToAllButOwner(action, ['sys', 'aud']);
    succeeded(await replay(ctx.sec.request, action));
  });

  test('updateSecurityPolicy (security admin)', async () => {
    await pages.sec.goto('/admin/security');
    await pages.sec.getByLabel('无操作自动退出（分钟）').fill('45');
    const action = await capture(pages.sec, () => pages.sec.getByRole('button', { name: '保存策略' }).click());
    await expectRefusedToAllButOwner(action, ['sys', 'aud']);
    succeeded(await replay(ctx.sec.request, action));
    await pages.sec.goto('/admin/security');
    expect(await pages.sec.getByLabel('无操作自动退出（分钟）').inputValue()).toBe('45');
    // Put the default back through the form (other test files share this server).
    await pages.sec.getByLabel('无操作自动退出（分钟）').fill('30');
    await pages.sec.getByRole('button', { name: '保存策略' }).click();
    await pages.sec.getByText('策略已保存').waitFor();
  });

  test('resetSecondFactor (security admin)', async () => {
    // The viewer enrols a second factor of their own (open to every user), then loses the phone.
    const own = await ctx.viewer.newPage();
    await enrolSecondFactor(own, 'viewer');
    await openPanel(pages.sec, '/admin/security', 'viewer');
    const form = pages.sec.getByRole('form', { name: '重置动态验证码' });
    await form.getByLabel('原因').fill('手机丢失，已电话核实本人');
    await pages.sec.screenshot({ path: 'test-results/screenshots/admin-security-reset-totp-zh.png', fullPage: true });
    const action = await capture(pages.sec, () => form.getByRole('button', { name: '重置动态验证码' }).click());
    await expectRefusedToAllButOwner(action, ['sys', 'aud']);
    succeeded(await replay(ctx.sec.request, action));
    forgetSecondFactor('viewer');

    await openPanel(pages.sec, '/admin/security', 'viewer');
    await pages.sec.getByText('该用户未启用动态验证码').waitFor();
    // The reset ended the viewer's sessions; the password alone signs in again.
    await own.goto('/');
    await own.waitForURL('**/sign-in**');
    await own.close();
    await signInAs(ctx.viewer, 'viewer');
    await pages.aud.goto('/admin/audit?event=security.secondFactorReset');
    expect(await pages.aud.locator('main table tbody').innerText()).toContain('手机丢失，已电话核实本人');
  });

  test('an admin who still owes a password change and a second factor cannot run admin actions', async () => {
    // The security admin makes the newcomer a system admin; the newcomer signs in with the temporary password only.
    await openPanel(pages.sec, '/admin/security', NEWCOMER);
    await pages.sec.getByLabel('系统管理员', { exact: true }).check();
    await pages.sec.getByRole('button', { name: '保存角色' }).click();
    await pages.sec.getByText('角色已保存').waitFor();

    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill(NEWCOMER);
    await page.getByLabel('密码', { exact: true }).fill(TEMP);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/account/password');
    await page.goto('/admin/users');
    await page.waitForURL('**/account/password');

    const before = await adminState();
    const result = await replay(context.request, createUser);
    expect(result.text).toContain('请先修改密码');
    expect((await context.request.get(EXPORT)).status()).toBe(403);
    expect(await adminState()).toEqual(before);
    await context.close();
  });
});

describe('account actions need a live session', () => {
  test('changing a password, enrolling a second factor and ending sessions are refused without one', async () => {
    const page = await ctx.viewer.newPage();
    await page.goto('/account/password');
    await page.getByLabel('当前密码').fill('Viewer#2026bb');
    await page.getByLabel('新密码', { exact: true }).fill('Another#2026pw');
    await page.getByLabel('再次输入新密码').fill('Another#2026pw');
    const change = await capture(page, () => page.getByRole('button', { name: '保存新密码' }).click());

    await page.goto('/account/two-factor');
    const begin = await capture(page, () => page.getByRole('button', { name: '开始启用' }).click());

    const elsewhere = await newContext(browser, baseUrl);
    await signInAs(elsewhere, 'viewer');
    await page.goto('/account/sessions');
    const endOthers = await capture(page, () => page.getByRole('button', { name: '结束其他全部会话' }).click());

    for (const action of [change, begin, endOthers]) {
      const bare = await replay(anonymous, action);
      expect(bare.status).toBe(307);
      expect(bare.location).toMatch(/\/sign-in/);
      expect((await replay(revoked, action)).text).toContain(SIGN_IN);
    }
    // The other session is still open, and the viewer's password is unchanged: a fresh sign-in with it works.
    const stillOpen = await elsewhere.newPage();
    await stillOpen.goto('/');
    expect(new URL(stillOpen.url()).pathname).toBe('/');
    await elsewhere.close();
    const check = await newContext(browser, baseUrl);
    await signInAs(check, 'viewer');
    await check.close();
    await page.close();
  });
});
