// Issue 9 in the browser, on 区经济信息委's November (empty in the demo; the clock is fixed at 2026-11-15, so November is
// open): submitting with a field missing says the draft was saved, at the sticky bar and with focus; submitted
// figures are read-only and 撤回 (one item, then everything) takes them back with a confirmation, and the bureau's
// queue shows it; the queue lists every unit due, each once, with 催办. Named to sort after reporting-journey, whose
// November reminder the October queue must not list.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
const MONTH = '2026-11';
const VALUE_INPUTS = 'main input[name^="values."][name$=".value"]:not([readonly])';
// The machine is shared and loaded: a server action with a page refresh can take many seconds.
const SLOW = { timeout: 45_000, interval: 500 };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signInAs(await newContext(browser, baseUrl), 'jxw');
});
afterAll(async () => {
  await browser?.close();
});

async function reviewer(): Promise<Page> {
  return signInAs(await newContext(browser, baseUrl), 'reviewer');
}

test('submitting with fields missing says the draft was saved, where the buttons are, and moves focus there', async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/report/${MONTH}`);
  const inputs = page.locator(VALUE_INPUTS);
  expect(await inputs.count()).toBeGreaterThan(1);
  const first = inputs.first();
  await first.fill((await first.getAttribute('data-previous')) ?? '1');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const result = page.locator('[data-form-result]');
  await expect.poll(() => result.innerText(), SLOW).toMatch(/草稿已保存（1 项），但未能报送：尚有必填项未完成/);
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-form-result') ?? false)).toBe(true);
  const box = (await result.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/report-draft-saved-not-submitted.png` });

  // The draft really is stored: a fresh page shows it.
  await page.goto(`/report/${MONTH}`);
  expect(await page.locator(VALUE_INPUTS).first().inputValue()).not.toBe('');
});

test('submitted figures are read-only; 撤回 one item and then the rest, each confirmed, and the bureau sees it', async () => {
  await page.goto(`/report/${MONTH}`);
  for (const input of await page.locator(VALUE_INPUTS).all()) await input.fill((await input.getAttribute('data-previous')) ?? '1');
  for (const select of await page.locator('main select[name$=".progress"]:not([disabled])').all()) await select.selectOption('on_track');
  for (const area of await page.locator('main textarea[name$=".narrative"]:not([readonly])').all()) await area.fill('按计划推进。');
  // Soft checks may ask for a comment once the figures are saved: save, answer them, then submit.
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect.poll(() => page.locator('[data-form-result]').innerText(), SLOW).toContain('草稿已保存');
  for (const comment of await page.locator('main input[name$=".comment"]:visible').all()) await comment.fill('数据已与台账核实');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect.poll(() => page.locator('[data-form-result]').innerText(), SLOW).toMatch(/已报送，共 \d+ 项/);

  await page.goto(`/report/${MONTH}`);
  expect(await page.locator(VALUE_INPUTS).count()).toBe(0);
  expect(await page.locator('main [data-submitted-note]').innerText()).toContain('不能直接修改');
  const item = page.locator('main [data-item]').first();
  const key = (await item.getAttribute('data-item'))!;
  await item.getByRole('button', { name: /^撤回/ }).click();
  const dialog = page.getByRole('alertdialog');
  expect(await dialog.innerText()).toContain('确认撤回');
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  await item.getByRole('button', { name: /^撤回/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认撤回' }).click();
  await expect.poll(() => page.locator('[data-withdraw-result]').innerText(), SLOW).toContain('已撤回 1 项');
  await expect.poll(() => page.locator(`input[name="values.${key}.value"]:not([readonly])`).count(), SLOW).toBe(1);

  const bureau = await reviewer();
  await bureau.goto(`/review?month=${MONTH}`);
  const row = bureau.locator('tr[data-queue-unit="区经济信息委"]');
  expect(await row.innerText()).toContain('已撤回');

  await page.getByRole('button', { name: '撤回全部报送' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认撤回' }).click();
  await expect.poll(() => page.locator('[data-withdraw-result]').innerText(), SLOW).toMatch(/已撤回 \d+ 项/);
  await bureau.goto(`/review?month=${MONTH}`);
  expect(await bureau.locator('section[data-bucket="withdrawn"]').innerText()).toContain('区经济信息委');
  expect(await bureau.locator('section[data-bucket="submitted"]').innerText()).not.toContain('区经济信息委');
  await bureau.screenshot({ path: `${SCREENSHOT_DIR}/review-queue-withdrawn.png`, fullPage: true });
  await bureau.context().close();
});

test('the queue lists every unit due, each in one table, with 催办 per unit; counts add up; reminders are the month\'s own', async () => {
  const bureau = await reviewer();
  await bureau.goto(`/review?month=${MONTH}`);
  const counts = await bureau.locator('[data-queue-counts]').innerText();
  const expected = Number(/应报 (\d+) 家/.exec(counts)![1]);
  const listed = await bureau.locator('tr[data-queue-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue-unit')));
  expect(new Set(listed).size).toBe(listed.length); // no unit in two tables
  expect(listed.length).toBeGreaterThanOrEqual(expected);
  const parts = [...counts.matchAll(/(?:待审核|已退回|已撤回|逾期未报送|未到期未报送|有改动|已审核) (\d+)/g)].map((m) => Number(m[1]));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(expected);
  // Units not yet due are named, each with its own 催办.
  const pending = bureau.locator('section[data-bucket="pending"] tr[data-queue-unit]');
  expect(await pending.count()).toBeGreaterThan(0);
  const name = (await pending.filter({ hasNotText: '已催办' }).first().getAttribute('data-queue-unit'))!;
  const target = bureau.locator(`tr[data-queue-unit="${name}"]`);
  await target.getByRole('button', { name: '催办', exact: true }).click();
  await expect.poll(() => target.locator('[role=status]').innerText(), SLOW).toContain('已催办 1 家');

  // October lists October's reminders only (reporting-journey sent November ones).
  await bureau.goto('/review?month=2026-10');
  expect(await bureau.locator('section[aria-labelledby="reminders-title"]').innerText()).not.toContain('2026年11月');
  expect(await bureau.locator('[data-remind-all-late]').getByRole('button').innerText()).toMatch(/催办全部逾期未报送单位（\d+ 家）/);
  // A unit's page never says 填报中 (the window's name) beside 已报送待审核 (the submission's state).
  await bureau.goto((await bureau.locator('section[data-bucket="submitted"] tr[data-queue-unit] a').first().getAttribute('href'))!);
  expect(await bureau.locator('main').innerText()).not.toContain('填报中');
  await bureau.context().close();
});

test('a return reaches the unit\'s users on the first page after sign-in, until they have read it', async () => {
  const bureau = await reviewer();
  await bureau.goto('/review?month=2026-10');
  await bureau.goto((await bureau.locator('tr[data-queue-unit="区经济信息委"] a').first().getAttribute('href'))!);
  const first = bureau.locator('tr[data-item]', { has: bureau.getByRole('button', { name: '退回', exact: true }) }).first();
  const row = bureau.locator(`tr[data-item="${await first.getAttribute('data-item')}"]`);
  await row.getByPlaceholder('原因').fill('请附统计局核定口径说明');
  await row.getByRole('button', { name: '退回', exact: true }).click();
  await expect.poll(() => row.innerText(), SLOW).toContain('已退回');
  await bureau.context().close();

  const jxw = await signInAs(await newContext(browser, baseUrl), 'jxw');
  await expect.poll(() => jxw.locator('body').innerText(), SLOW).toContain('专班办公室退回了2026年10月的报送数据');
  await jxw.getByRole('link', { name: '查看退回原因' }).click();
  await jxw.waitForURL('**/report/2026-10', { timeout: 45_000 });
  await expect.poll(() => jxw.locator('main').innerText(), SLOW).toContain('请附统计局核定口径说明');
  // Read: the next page no longer shows it.
  await expect.poll(async () => {
    await jxw.goto('/');
    return jxw.locator('body').innerText();
  }, SLOW).not.toContain('专班办公室退回了');
  await jxw.context().close();
});
