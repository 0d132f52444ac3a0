// 任务分解 and scoring-rule versions in the browser, on the demo data as of 15 November 2026. Named to sort after
// z-bulletin: it changes a town's share and publishes rule No. 3, which no other file expects.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** "1,234.5家" → 1234.5 */
const number = (text: string) => Number(/[\d,]+(\.\d+)?/.exec(text)![0].replace(/,/g, ''));

/** The first breakdown group's (各镇街) total of a year: each group splits the whole district target on its own. */
const totalCell = (page: Page, year: number) => page.locator(`tr[data-group-total="0"] td[data-year="${year}"]`);
async function sumOf(page: Page, year: number): Promise<number> {
  return number(await totalCell(page, year).locator('span').first().innerText());
}

test('the bureau enters a share; the grid shows the new sum against the district target, a stale grid conflicts, and the unit page shows the unit against its share', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  await page.goto('/rankings');
  await page.getByRole('link', { name: '任务分解' }).click();
  await page.waitForURL(/\/rankings\/shares/);
  await expect.poll(() => page.locator('form table tbody input[name$=".value"]').count()).toBeGreaterThan(10);
  const cell = page.locator('input[name$="_2027.value"]').first();
  const name = (await cell.getAttribute('name'))!;
  const unitId = Number(/cells\.(\d+)_/.exec(name)![1]);
  const before = Number(await cell.inputValue());
  const sumBefore = await sumOf(page, 2027);
  const target = number((await totalCell(page, 2027).locator('span').first().innerText()).split('/')[1]);
  // A second, stale copy of the grid, opened before the save.
  const stale = await context.newPage();
  await stale.goto('/rankings/shares');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/rankings-shares-zh-1280.png`, fullPage: true });

  const next = before + 7;
  await page.fill('#effectiveFrom', '2026-01');
  await cell.fill(String(next));
  await page.click('button:has-text("保存分解任务")');
  await page.locator('text=已保存：新设 1 项').waitFor();
  await page.reload();
  await expect.poll(() => sumOf(page, 2027)).toBeCloseTo(sumBefore + 7, 4);
  const footer = await totalCell(page, 2027).innerText();
  const difference = sumBefore + 7 - target;
  expect(footer).toContain(Math.abs(difference) < 1e-9 ? '与区级目标一致' : `差额 ${difference > 0 ? '+' : '−'}`);

  // The stale grid saving the same cell is refused, naming the unit and year; nothing changes.
  await stale.fill(`input[name="${name}"]`, String(before + 100));
  await stale.click('button:has-text("保存分解任务")');
  await expect.poll(() => stale.locator('form [role="alert"]').innerText()).toContain('2027年的分解任务已被他人修改');
  await page.reload();
  expect(Number(await page.locator(`input[name="${name}"]`).inputValue())).toBe(next);
  // A bad number is named beside its cell, in Chinese.
  await page.fill(`input[name="${name}"]`, '-3');
  await page.click('button:has-text("保存分解任务")');
  await expect.poll(() => page.locator(`[id="${name}-error"]`).innerText()).toContain('请输入不小于 0 的数字');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/rankings-shares-zh-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The unit page: the latest approved figure against the new 2027 share, value ÷ share.
  await page.goto(`/units/${unitId}`);
  const row = page.locator('[data-testid="unit-shares"] tr[data-indicator="high_tech_enterprises"]');
  await row.waitFor({ timeout: 30_000 });
  const value = number(await row.locator('td').first().innerText());
  const share = await row.locator('td[data-year="2027"]').innerText();
  expect(number(share)).toBe(next);
  expect(share).toContain(`完成度 ${((value / next) * 100).toFixed(1)}%`);
  expect(share).toContain('2026年1月起施行');
  await page.locator('[data-testid="unit-shares"]').screenshot({ path: `${SCREENSHOT_DIR}/unit-shares-zh-1280.png` });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/unit-page-shares-zh-1280.png`, fullPage: true });

  // Only the bureau enters shares.
  const viewerContext = await newContext(browser, baseUrl);
  const viewer = await signInAs(viewerContext, 'viewer');
  await viewer.goto('/rankings/shares');
  expect(await viewer.locator('main').innerText()).toContain('无权访问');
  expect(await viewer.locator('main form').count()).toBe(0);
  await viewerContext.close();
  await context.close();
});

test('the bureau publishes a new rule version; the ranking of its month prints it under the table, earlier months keep theirs', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  await page.goto('/rankings/rule');
  await page.locator('text=发布新版本（第3号）').waitFor();
  // Not after the rule in force (No. 2, from July): refused beside the field.
  await page.fill('#effectiveFrom', '2026-05');
  await page.click('button:has-text("发布评分规则")');
  await expect.poll(() => page.locator('[id="effectiveFrom-error"]').innerText()).toContain('须晚于 2026-07');
  await page.fill('#effectiveFrom', '2026-10');
  await page.fill('[id="indicators.high_tech_enterprises.level"]', '33');
  await page.fill('#note', '提高高新技术企业完成度分值');
  await page.click('button:has-text("发布评分规则")');
  await page.locator('text=已发布评分规则第3号').waitFor();
  await page.reload();
  await page.locator('text=发布新版本（第4号）').waitFor();
  expect(await page.locator('main').innerText()).toContain('修订说明：提高高新技术企业完成度分值');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/rankings-rule-zh-1280.png`, fullPage: true });

  const viewerContext = await newContext(browser, baseUrl);
  const viewer = await signInAs(viewerContext, 'viewer');
  await viewer.goto('/rankings?month=2026-10');
  const rule = await viewer.locator('aside').innerText();
  expect(rule).toContain('评分规则（第3号，2026年10月起施行）');
  expect(rule).toContain('国家高新技术企业：完成度 33 分');
  const town = viewer.locator('section[aria-labelledby="league-towns"] tbody tr').first();
  await town.locator('summary').click();
  expect(await town.innerText()).toMatch(/国家高新技术企业 · 完成度: [\d.]+ \/ 33/);
  await viewer.goto('/rankings?month=2026-09');
  expect(await viewer.locator('aside').innerText()).toContain('评分规则（第2号');
  // Everyone reads the rule book; only the bureau gets the form.
  await viewer.goto('/rankings/rule');
  expect(await viewer.locator('main').innerText()).toContain('评分规则（第3号');
  expect(await viewer.locator('main form').count()).toBe(0);
  await viewerContext.close();
  await context.close();
});
