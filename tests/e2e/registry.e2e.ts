// The enterprise registry in Chromium on the demo data: the list and its filters, a firm's profile, the expiry
// forecast, the xlsx exports, and the role scope (a town sees its own firms; a department's reporter sees none).
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, printed, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const totalOf = (subtitle: string) => Number(/共 (\d+) 家企业/.exec(subtitle)?.[1] ?? NaN);

test('the bureau browses the registry: filters, a profile, the expiry forecast, exports', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'leader');
  await page.goto('/');
  await page.getByRole('link', { name: '企业库' }).first().click();
  await page.waitForURL('**/enterprises');
  const all = totalOf(await page.locator('main p').first().innerText());
  expect(all).toBeGreaterThan(4000);
  expect(await page.locator('main').innerText()).toContain('含演示数据');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-list.png`, fullPage: false });

  await page.getByLabel('持有资质').selectOption('high_tech');
  await page.getByLabel('镇街').selectOption({ label: '天生街道' });
  await page.getByRole('button', { name: '筛选' }).click();
  await page.waitForURL(/holds=high_tech/);
  const filtered = totalOf(await page.locator('main p').first().innerText());
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  const towns = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(new Set(towns)).toEqual(new Set(['天生街道']));
  const holds = await page.locator('tbody tr td:nth-child(6)').allInnerTexts();
  expect(holds.filter((cell) => !cell.includes('高新技术企业'))).toEqual([]);

  const exported = await page.request.get(await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href').then((h) => h!));
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('spreadsheetml');

  await page.locator('tbody tr th a').first().click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const profile = await page.locator('main').innerText();
  expect(profile).toContain('资质历程');
  expect(profile).toContain('高新技术企业');
  expect(profile).toContain('国家高新技术企业数');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-profile.png`, fullPage: true });

  await page.goto('/enterprises/forecast');
  const forecast = await page.locator('main').innerText();
  expect(forecast).toContain('2027-Q1');
  expect(forecast).toContain('2028-Q4');
  expect(forecast).toMatch(/重新认定工作清单（\d+ 家）/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-forecast.png`, fullPage: true });
  await printed(page, 'registry-forecast');
  const workList = await page.request.get('/api/registry/forecast');
  expect(workList.status()).toBe(200);

  expect((await page.goto('/enterprises/999999'))?.status()).toBe(404);
  expect((await page.goto('/enterprises/abc'))?.status()).toBe(404);
  await context.close();
});

test('a town sees only its own firms, also at 360 px; the department reporting a registry count reads those firms, another department none', async () => {
  const narrow = await newContext(browser, baseUrl, { width: 360 });
  const town = await signInAs(narrow, 'tiansheng');
  await town.goto('/enterprises');
  const rows = await town.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  const parksOrTowns = await town.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(new Set(parksOrTowns)).toEqual(new Set(['天生街道']));
  await town.screenshot({ path: `${SCREENSHOT_DIR}/registry-list-360.png`, fullPage: false });
  // Another town's firm is not found, not forbidden: its existence is not disclosed.
  await narrow.close();

  // 区科技局 reports 国家高新技术企业 and 市级科技型企业: it reads the firms holding them, read only (no 新增企业).
  const context = await newContext(browser, baseUrl);
  const kjj = await signInAs(context, 'kjj');
  await kjj.goto('/enterprises?holds=high_tech');
  expect(await kjj.locator('tbody tr').count()).toBeGreaterThan(0);
  expect(await kjj.getByRole('link', { name: '新增企业' }).count()).toBe(0);
  await context.close();
  // 区经济信息委 reports no registry-counted indicator: it sees none.
  const other = await newContext(browser, baseUrl);
  const jxw = await signInAs(other, 'jxw');
  await jxw.goto('/enterprises');
  expect(await jxw.locator('main').innerText()).toContain('没有可查看的企业');
  await other.close();
});
