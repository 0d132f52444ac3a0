import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
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

test('a bare start on the embedded database serves the plan in Chinese: targets, 19 + 4 tasks, units', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'leader');

  await page.goto('/');
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('目标总览');
  // Widgets may stream in after a data change: wait for the cards before reading them.
  await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('超过570家');
  const overview = await page.locator('main').innerText();
  expect(overview).toContain('国家高新技术企业');
  expect(overview).toContain('超过470家');
  expect(overview).toContain('超过570家');
  expect(await page.locator('[role=note]').innerText()).toContain('演示数据');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/overview-zh.png`, fullPage: true });

  await page.goto('/tasks');
  await expect.poll(() => page.locator('main ol > li').count(), { timeout: 15_000 }).toBe(23);
  expect(await page.locator('main').innerText()).toContain('鼓励科技人员领办创办科技型企业');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/tasks-zh.png`, fullPage: true });

  await page.getByRole('link', { name: '培育发展智能传感器产业' }).click();
  await page.waitForURL('**/tasks/7');
  const task = await page.locator('main').innerText();
  expect(task).toContain('科学城北碚片区管委会');
  expect(task).toContain('到2027年,聚集企业200家,实现产值300亿元以上');

  await page.goto('/units');
  await page.getByRole('link', { name: '天生街道' }).click();
  await page.waitForURL(/\/units\/\d+$/);
  expect(await page.locator('main').innerText()).toContain('鼓励龙头骨干企业派生科技型企业');
  await expect.poll(() => page.locator('h1').first().textContent()).toBe('天生街道');
  // A unit that does not exist, or a malformed id, is a plain 404, asked twice (the second answer is remembered).
  for (const bad of ['/units/999999', '/units/999999', '/units/abc']) expect((await page.goto(bad))?.status(), bad).toBe(404);
  await context.close();
});

test('the English switch keeps the plan and changes the interface language', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  await page.goto('/tasks');
  await page.getByRole('button', { name: /切换语言|Switch language/ }).click();
  await expect.poll(async () => page.locator('h1').first().textContent(), { timeout: 10_000 }).toContain('Key tasks');
  expect(await page.locator('main').innerText()).toContain('Lead units');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/tasks-en.png`, fullPage: true });
  await context.close();
});
