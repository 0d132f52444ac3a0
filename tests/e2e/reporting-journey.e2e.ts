// The journey of issue 4 in Chinese, as the bureau and a unit live it: the bureau returns one figure with a reason,
// the unit sees the reason next to the field and fixes it, the bureau approves and the figure shows as approved on
// the indicator page; 催办 reaches the unit's users after sign-in; a viewer is refused. Screenshots of the review
// pages go to test-results/screenshots/review-*.png. The demo data has 区科技局 (kjj, unit 2) submitted for 2026-10
// and awaiting review, 区财政局 overdue for 2026-10, and the clock fixed at 2026-11-15.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');
const MONTH = '2026-10';
/** Indicators counted from the enterprise registry cannot be typed (issue 14): the journey corrects a typed figure. */
const plan = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'prisma/plans/beibei-2023-2027.json'), 'utf8')) as { indicators: { code: string; registry?: unknown }[] };
const typedIndicator = plan.indicators
  .filter((i) => i.registry)
  .map((i) => `:not([data-indicator="${i.code}"])`)
  .join('');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function reviewer(): Promise<Page> {
  return signInAs(await newContext(browser, baseUrl), 'reviewer');
}

/** The 区科技局 unit id, read from the queue's link (ids come from the plan load order, not from the test). */
async function kjjUnitId(page: Page): Promise<string> {
  await page.goto(`/review?month=${MONTH}`);
  const href = await page.getByRole('link', { name: '区科技局', exact: true }).first().getAttribute('href');
  return /\/review\/(\d+)/.exec(href ?? '')![1];
}

test('the bureau returns one figure with a reason, the unit fixes it, the bureau approves it and the indicator shows it approved', async () => {
  const page = await reviewer();
  const unitId = await kjjUnitId(page);
  expect(await page.locator('h1').innerText()).toBe('审核与调度');
  const queued = page.locator('section[aria-labelledby="bucket-submitted"]');
  expect(await queued.innerText()).toContain('区科技局');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-queue-zh.png`, fullPage: true });

  await page.goto(`/review/${unitId}?month=${MONTH}`);
  const indicator = page.locator(`article[data-indicator]${typedIndicator}`).first();
  const code = (await indicator.getAttribute('data-indicator'))!;
  const row = indicator.locator('tr[data-item]').first();
  const key = (await row.getAttribute('data-item'))!;
  expect(await row.innerText()).toContain('已报送待审核');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-unit-zh.png` });

  await row.getByPlaceholder('原因').fill('与统计局口径不一致，请核实');
  await row.getByRole('button', { name: '退回', exact: true }).click();
  // The page refreshes with the new status: a returned figure has no review buttons until the unit submits again.
  await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('已退回');
  const returnedRow = page.locator(`tr[data-item="${key}"]`);
  expect(await returnedRow.innerText()).toContain('已退回');
  expect(await returnedRow.innerText()).toContain('与统计局口径不一致，请核实');

  // The unit sees the reason next to the field, corrects the figure and submits again.
  const kjj = await signInAs(await newContext(browser, baseUrl), 'kjj');
  await kjj.goto(`/report/${MONTH}`);
  const field = kjj.locator(`[data-item="${key}"]`).first();
  expect(await field.innerText()).toContain('与统计局口径不一致，请核实');
  const input = field.locator(`input[name="values.${key}.value"]`);
  const before = Number(await input.inputValue());
  await input.fill(String(before + 1));
  await kjj.getByRole('button', { name: '提交', exact: true }).click();
  await expect.poll(async () => (await kjj.locator('[role=status], [role=alert]').allInnerTexts()).join(' '), { timeout: 45_000 }).toMatch(/已报送/);

  // The bureau sees the new figure awaiting review and approves it, then the whole submission.
  await page.goto(`/review/${unitId}?month=${MONTH}`);
  const fixedRow = page.locator(`tr[data-item="${key}"]`);
  expect(await fixedRow.innerText()).toContain('已报送待审核');
  expect(await fixedRow.innerText()).toContain(String(before + 1));
  await fixedRow.getByRole('button', { name: '审核通过', exact: true }).click();
  await expect.poll(() => fixedRow.innerText(), { timeout: 15_000 }).toContain('已审核');
  await page.getByRole('button', { name: '整体审核通过' }).click();
  await expect.poll(async () => (await page.locator('section[aria-labelledby="whole-title"]').innerText()), { timeout: 15_000 }).toContain('已整体审核通过');
  await page.reload();
  expect(await page.locator(`tr[data-item="${key}"]`).innerText()).toContain('已审核');
  // Approved figures are locked: only 解锁 (with a reason) is offered.
  expect(await page.locator(`tr[data-item="${key}"]`).getByRole('button', { name: '解锁' }).count()).toBe(1);

  // The first view after a change streams its widgets in: wait for the table rather than reading the skeleton.
  await page.goto(`/indicators/${code}?month=${MONTH}`);
  await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('已审核');
  await page.context().close();
  await kjj.context().close();
});

test('an approval bound to the version the reviewer saw fails when the unit changed the figure meanwhile', async () => {
  const page = await reviewer();
  await page.goto(`/review?month=${MONTH}`);
  const href = (await page.getByRole('link', { name: '区经济信息委', exact: true }).first().getAttribute('href'))!;
  // This tab holds the figure at the version it saw.
  await page.goto(href);
  const row = page.locator('tr[data-item]').first();
  const key = (await row.getAttribute('data-item'))!;
  // Meanwhile (second tab) the figure is returned, and the unit corrects and resubmits it.
  const other = await page.context().newPage();
  await other.goto(href);
  const otherRow = other.locator(`tr[data-item="${key}"]`);
  await otherRow.getByPlaceholder('原因').fill('请补充说明');
  await otherRow.getByRole('button', { name: '退回', exact: true }).click();
  await expect.poll(() => otherRow.innerText(), { timeout: 15_000 }).toContain('已退回');
  const jxw = await signInAs(await newContext(browser, baseUrl), 'jxw');
  await jxw.goto(`/report/${MONTH}`);
  const input = jxw.locator(`input[name="values.${key}.value"]`);
  await input.fill(String(Number(await input.inputValue()) + 1));
  await jxw.getByRole('button', { name: '提交', exact: true }).click();
  await expect.poll(async () => (await jxw.locator('[role=status], [role=alert]').allInnerTexts()).join(' '), { timeout: 15_000 }).toMatch(/已报送/);
  await jxw.context().close();

  await row.getByRole('button', { name: '审核通过', exact: true }).click();
  await expect.poll(async () => (await row.locator('[role=alert]').allInnerTexts()).join(' '), { timeout: 15_000 }).toMatch(/已被 .+ 于 .+ 修改，请刷新后重试/);
  await page.context().close();
});

test('催办: the bureau reminds units, the unit sees the reminder after sign-in and the bureau sees who read it', async () => {
  const page = await reviewer();
  await page.goto(`/review?month=${MONTH}`);
  const overdue = page.locator('section[aria-labelledby="overdue-title"]');
  expect(await overdue.innerText()).toContain('区财政局');
  const row = overdue.locator('li', { hasText: '区财政局' });
  await row.getByRole('button', { name: '催办', exact: true }).click();
  await expect.poll(() => row.locator('[role=status]').innerText(), { timeout: 15_000 }).toContain('已催办 1 家');

  // 区经济信息委 (jxw) has not submitted November yet: the bureau reminds it from its page.
  await page.goto(`/review?month=${MONTH}`);
  const jxwHref = (await page.getByRole('link', { name: '区经济信息委', exact: true }).first().getAttribute('href'))!.replace(MONTH, '2026-11');
  await page.goto(jxwHref);
  await page.getByRole('button', { name: '催办', exact: true }).click();
  await expect.poll(() => page.locator('section[aria-labelledby="deadline-title"] [role=status]').innerText(), { timeout: 15_000 }).toContain('已催办 1 家');

  // Right after signing in, wherever the unit's user lands, the reminder is shown with a link to the form.
  const jxw = await signInAs(await newContext(browser, baseUrl), 'jxw');
  await expect.poll(() => jxw.locator('body').innerText(), { timeout: 15_000 }).toContain('专班办公室催办：2026年11月的报送尚未完成');
  await jxw.getByRole('link', { name: '立即填报' }).click();
  await jxw.waitForURL('**/report/2026-11');
  await expect.poll(() => jxw.locator('main').innerText(), { timeout: 15_000 }).toContain('催办');

  // Each month's page lists that month's reminders: November's to 区经济信息委, October's to 区财政局.
  const sent = async (month: string) => {
    await page.goto(`/review?month=${month}`);
    return page.locator('section[aria-labelledby="reminders-title"]').innerText();
  };
  await expect.poll(() => sent('2026-11'), { timeout: 30_000 }).toMatch(/区经济信息委[^\n]*已读/);
  expect(await sent(MONTH)).toMatch(/区财政局[^\n]*尚无人查看/);
  expect(await sent(MONTH)).not.toContain('区经济信息委');
  await jxw.context().close();
  await page.context().close();
});

test('completeness per unit never shows a rate above 100 % and prints on A4', async () => {
  const page = await reviewer();
  await page.goto('/review/completeness?year=2026');
  expect(await page.locator('h1').innerText()).toBe('报送完整性');
  const rates = await page.locator('tbody td:nth-last-child(-n+2)').allInnerTexts();
  expect(rates.length).toBeGreaterThan(0);
  for (const r of rates.filter((x) => x !== '—')) expect(Number.parseFloat(r)).toBeLessThanOrEqual(100);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-completeness-zh.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENSHOT_DIR}/review-completeness.pdf`, format: 'A4' });
  await page.goto('/review/settings');
  expect(await page.getByLabel('每月截止日').inputValue()).toBe('5');
  await page.context().close();
});

test('a viewer gets 403 on every review page', async () => {
  const page = await signInAs(await newContext(browser, baseUrl), 'viewer');
  for (const path of ['/review', '/review/2?month=2026-10', '/review/completeness', '/review/settings']) {
    await page.goto(path);
    expect(await page.getByRole('alert', { name: '无权访问' }).innerText()).toContain('仅专班办公室审核员');
  }
  await page.context().close();
});
