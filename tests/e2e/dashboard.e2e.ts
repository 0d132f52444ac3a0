import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');
const STATUS_WORDS = /已达标|正常|滞后|严重滞后/;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A context that shares a signed-in session but runs no JavaScript at all. */
async function withoutScript(signedIn: BrowserContext, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 900 }, javaScriptEnabled: false });
  await context.addCookies(await signedIn.cookies());
  return context;
}

test('the overview gives every target a status in words, and a permalink shows a past month', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'leader');
  await page.goto('/');
  await expect.poll(() => page.locator('main [data-card]').count()).toBeGreaterThan(10);
  const overview = await page.locator('main').innerText();
  expect(overview).toMatch(/\d+ 项目标进展/);
  expect(overview).toContain('国家高新技术企业');
  expect(overview).toContain('超过470家');
  expect(overview).toContain('细分产业集群');
  for (const badge of await page.locator('main [data-card] [data-status]').allInnerTexts()) expect(badge).toMatch(STATUS_WORDS);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-overview-zh-1280.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENSHOT_DIR}/dashboard-overview-a4.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/?month=2025-06');
  await expect.poll(() => page.locator('main').innerText()).toContain('数据截至 2025年6月');
  expect(await page.locator('[data-card="high_tech_enterprises"]').innerText()).toContain('2025年6月');
  await context.close();
});

test('opening the overview asks the server for nothing more; a card still opens its page without reloading the document', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'leader');
  const toServer: { url: string; type: string; rsc: boolean; prefetch: boolean }[] = [];
  page.on('request', (r) => {
    const h = r.headers();
    if (r.url().startsWith(baseUrl) && !r.url().includes('/_next/static/')) toServer.push({ url: r.url(), type: r.resourceType(), rsc: !!h['rsc'], prefetch: !!h['next-router-prefetch'] });
  });
  await page.goto('/');
  await expect.poll(() => page.locator('main [data-card]').count()).toBeGreaterThan(10);
  await page.mouse.wheel(0, 4000); // every link has been in view
  await page.waitForTimeout(1500);
  expect(toServer.filter((r) => r.prefetch)).toEqual([]);
  expect(toServer.map((r) => `${r.type} ${new URL(r.url).pathname}`)).toEqual(['document /']);

  toServer.length = 0;
  await page.locator('[data-card="tech_smes"] a[href^="/indicators/"]').click();
  await page.waitForURL(/\/indicators\/tech_smes$/);
  await page.locator('.recharts-surface').first().waitFor();
  expect(toServer.filter((r) => r.type === 'document')).toEqual([]);
  expect(toServer.some((r) => r.rsc && r.url.includes('/indicators/tech_smes'))).toBe(true);
  await context.close();
});

test('on a phone the overview reads in one column', async () => {
  const context = await newContext(browser, baseUrl, { width: 390 });
  const page = await signInAs(context, 'leader');
  await page.goto('/');
  await expect.poll(() => page.locator('main [data-card]').count()).toBeGreaterThan(10);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-overview-zh-390.png`, fullPage: true });
  await context.close();
});

test('an indicator page draws actual, plan, projection and milestones, and lists every figure in a table', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'leader');
  await page.goto('/indicators/high_tech_enterprises');
  await page.locator('.recharts-surface').first().waitFor();
  const text = await page.locator('main').innerText();
  expect(text).toContain('超过470家');
  expect(text).toContain('2023年1月');
  expect(text).toContain('各镇街');
  expect(text).toMatch(STATUS_WORDS);
  expect(await page.locator('.recharts-reference-line').count()).toBe(2);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-indicator-high-tech-zh.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${SCREENSHOT_DIR}/dashboard-indicator-a4.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/indicators/tech_contract_turnover');
  await page.locator('.recharts-surface').first().waitFor();
  expect(await page.locator('main').innerText()).toContain('同比');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-indicator-contracts-zh.png`, fullPage: true });

  expect((await page.goto('/indicators/no_such_indicator'))?.status()).toBe(404);
  await context.close();
});

test('without JavaScript the numbers are there and the task filters work', async () => {
  const context = await newContext(browser, baseUrl);
  await signInAs(context, 'leader');
  const plain = await withoutScript(context);
  const page = await plain.newPage();

  await page.goto('/indicators/high_tech_enterprises');
  await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('2023年1月');

  await page.goto('/tasks?status=far_behind');
  await expect.poll(() => page.locator('main ol > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  for (const item of await page.locator('main ol > li').all()) expect(await item.locator('h3 + [data-status]').innerText()).toContain('严重滞后');

  await page.goto('/units');
  const href = await page.getByRole('link', { name: '天生街道' }).getAttribute('href');
  const unitId = href!.split('/').pop();
  await page.goto(`/tasks?unit=${unitId}`);
  await expect.poll(() => page.locator('main ol > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const board = await page.locator('main').innerText();
  expect(board).toContain('鼓励龙头骨干企业派生科技型企业'); // 各镇街 are responsible
  expect(board).not.toContain('鼓励科技人员领办创办科技型企业'); // no town named
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-tasks-filtered-nojs.png`, fullPage: true });
  await plain.close();
  await context.close();
});

test('the dashboards in English', async () => {
  const context = await newContext(browser, baseUrl, { locale: 'en' });
  const page = await signInAs(context, 'leader');
  await page.goto('/');
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Targets at a glance');
  expect(await page.locator('main').innerText()).toMatch(/Met|On track|Behind|Far behind/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-overview-en-1280.png`, fullPage: true });
  await page.goto('/indicators/tech_contract_turnover');
  await page.locator('.recharts-surface').first().waitFor();
  expect(await page.locator('main').innerText()).toContain('Milestones');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-indicator-contracts-en.png`, fullPage: true });
  await page.goto('/tasks');
  expect(await page.locator('main').innerText()).toContain('Lead units');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-tasks-en.png`, fullPage: true });
  await context.close();
});
