// 督办 in the browser, with three roles: the leader raises an item on a key task for 区科技局, the unit answers, the
// leader returns it with a reason, the unit answers again, the bureau extends it, the leader accepts it. Then each
// demo role's 待办 inbox: the header count equals the entries listed, and each role sees its own kind of work.
// Screenshots (looked at) go to docs/screenshots/supervision-*.png and inbox-*.png. Runs after the reporting files
// and depends on nothing they leave behind: the demo's supervision items are seeded at start-up.
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { signInAs } from './support/sign-in';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TEXT = '请区科技局加快科技型企业入库培育，11月底前报送进展（浏览器测试）';

async function as(user: 'leader' | 'kjj' | 'reviewer' | 'jxw' | 'tiansheng' | 'viewer'): Promise<Page> {
  return signInAs(await newContext(browser, baseUrl), user);
}

async function stateOf(page: Page): Promise<string> {
  return (await page.locator('main [data-state]').first().getAttribute('data-state')) ?? '';
}

async function events(page: Page): Promise<string[]> {
  return page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
}

test('raise → answer → return → answer → extend → accept, by the leader, the unit and the bureau', async () => {
  const leader = await as('leader');
  await leader.goto('/supervision/new');
  const target = (await leader.locator('#target option[value^="task:"]').first().getAttribute('value'))!;
  await leader.locator('#target').selectOption(target);
  await leader.locator('#text').fill(TEXT);
  await leader.locator('#leadUnitId').selectOption({ label: '区科技局' });
  await leader.locator('#cooperatingUnitIds').selectOption({ label: '区经济信息委' });
  await leader.locator('#dueDate').fill('2026-11-30');
  await leader.getByRole('button', { name: '提出督办' }).click();
  await leader.waitForURL(/\/supervision\/\d+$/, { timeout: 20_000 });
  const itemPath = new URL(leader.url()).pathname;
  expect(await stateOf(leader)).toBe('open');
  expect(await leader.locator('main').innerText()).toContain(TEXT);

  // The unit lands on 待办 after signing in (something waits), finds the item there and answers it.
  const kjj = await as('kjj');
  await kjj.waitForURL((url) => url.pathname !== '/inbox/land', { timeout: 15_000 });
  expect(new URL(kjj.url()).pathname).toBe('/inbox');
  expect(await kjj.locator(`[data-entry="supervision:${itemPath.split('/').pop()}"]`).count()).toBe(1);
  await kjj.goto(itemPath);
  await kjj.getByLabel('办理进展', { exact: true }).fill('已完成入库企业摸底 40 家');
  await kjj.getByRole('button', { name: '提交反馈' }).click();
  await expect.poll(() => stateOf(kjj), { timeout: 15_000 }).toBe('answered');

  await leader.reload();
  expect(await stateOf(leader)).toBe('answered');
  await leader.screenshot({ path: `${SHOTS}/supervision-item-answered-zh.png`, fullPage: true });
  const returnForm = leader.locator('[data-form="return"]');
  await returnForm.getByLabel('退回原因').fill('请补充企业名单和培育措施');
  await returnForm.getByRole('button', { name: '退回' }).click();
  await expect.poll(() => stateOf(leader), { timeout: 15_000 }).toBe('returned');

  await kjj.reload();
  expect(await kjj.locator('main').innerText()).toContain('请补充企业名单和培育措施');
  await kjj.getByLabel('办理进展', { exact: true }).fill('已补充企业名单 40 家及培育措施');
  await kjj.getByRole('radio', { name: '已完成' }).check();
  await kjj.locator('input[name="attachments"]').setInputFiles({ name: '企业名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.alloc(3_000, 1) });
  await kjj.getByRole('button', { name: '提交反馈' }).click();
  await expect.poll(() => stateOf(kjj), { timeout: 15_000 }).toBe('answered');

  const reviewer = await as('reviewer');
  await reviewer.goto(itemPath);
  const extendForm = reviewer.locator('[data-form="extend"]');
  await extendForm.getByLabel('新的办理期限').fill('2026-12-15');
  await extendForm.getByLabel('延期原因').fill('等待季度统计数据');
  await extendForm.getByRole('button', { name: '延期' }).click();
  await expect.poll(async () => (await reviewer.locator('main dl').innerText()), { timeout: 15_000 }).toContain('2026-12-15');

  await leader.reload();
  await leader.locator('[data-form="close"]').getByRole('button', { name: '办结' }).click();
  await expect.poll(() => stateOf(leader), { timeout: 15_000 }).toBe('closed');
  await leader.reload();
  expect(await events(leader)).toEqual(['raised', 'answered', 'returned', 'answered', 'extended', 'closed']);
  const history = await leader.locator('main ol').innerText();
  for (const who of ['分管副区长', '区科技局 李填报', '专班办公室 王审核']) expect(history).toContain(who);
  expect(history).toContain('2026-11-30 → 2026-12-15');
  // Only the attachment chosen is recorded (name and size); the first answer, sent with no file, has none.
  expect(await leader.locator('[data-event="answered"] li').allInnerTexts()).toEqual(['附件：企业名单.xlsx（3 KB）']);
  // Nothing more to decide on a closed item.
  expect(await leader.locator('[data-form]').count()).toBe(0);
  await leader.screenshot({ path: `${SHOTS}/supervision-item-zh.png`, fullPage: true });

  await leader.goto('/supervision');
  expect(await leader.locator('tr[data-item]').count()).toBeGreaterThanOrEqual(7);
  await leader.screenshot({ path: `${SHOTS}/supervision-list-zh.png`, fullPage: true });
  await leader.goto('/supervision?state=overdue');
  const overdue = await leader.locator('tr[data-item] [data-due]').evaluateAll((els) => els.map((e) => e.getAttribute('data-due')));
  expect(overdue.length).toBeGreaterThan(0);
  expect(new Set(overdue)).toEqual(new Set(['overdue']));
});

test('an overdue demo item is shown on its unit\'s page', async () => {
  const viewer = await as('viewer');
  await viewer.goto('/supervision?state=overdue');
  const href = await viewer.locator('tr[data-item] a').first().getAttribute('href');
  await viewer.goto(href!);
  const unitLink = viewer.locator('main dl a[href^="/units/"], main dl a[href^="/indicators/"], main dl a[href^="/tasks/"]').first();
  expect(await unitLink.count()).toBe(1);
  await viewer.goto('/units');
  const kjjHref = await viewer.getByRole('link', { name: '区科技局', exact: true }).first().getAttribute('href');
  await viewer.goto(kjjHref!);
  expect(await viewer.locator('section[aria-labelledby="overdue-supervision"]').innerText()).toContain('逾期');
});

test.each([
  ['kjj', ['supervision.toAnswer']],
  ['tiansheng', []],
  ['reviewer', ['review.submitted', 'review.late', 'supervision.toAccept']],
  ['leader', ['supervision.toAccept', 'supervision.overdue']],
  ['viewer', []],
] as const)('the inbox of %s: the header count matches the list, with its kinds of work', async (user, kinds) => {
  const page = await as(user);
  await page.goto('/inbox');
  const listed = await page.locator('[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  const count = Number(await page.locator('[data-inbox-count]').getAttribute('data-inbox-count'));
  expect(count).toBe(listed.length);
  for (const kind of kinds) expect(listed).toContain(kind);
  if (user === 'viewer') expect(listed).toEqual([]);
  // Every entry links somewhere the user can open.
  for (const href of await page.locator('[data-entry] a').evaluateAll((els) => els.map((e) => e.getAttribute('href')))) expect(href).toMatch(/^\//);
  await page.screenshot({ path: `${SHOTS}/inbox-${user}-zh.png`, fullPage: true });
});
