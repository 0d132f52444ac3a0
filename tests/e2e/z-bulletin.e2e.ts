// The 月通报 and the horse race in the browser, on the demo data as of 15 November 2026 (January–September published).
// Named to sort last: it publishes October's bulletin, which no other file expects.
import fs from 'node:fs';
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

test('a rank is explained: a town opens to its points on each item and why; the rule is printed under the tables', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  await page.goto('/rankings?month=2026-09');
  const towns = page.locator('#league-towns');
  await expect.poll(() => page.locator('section[aria-labelledby="league-towns"] tbody tr').count()).toBe(17);
  const first = page.locator('section[aria-labelledby="league-towns"] tbody tr').first();
  await first.locator('summary').click();
  const explanation = await first.innerText();
  expect(explanation).toContain('得分明细');
  expect(explanation).toMatch(/国家高新技术企业 · 完成度: [\d.]+ \/ 25/); // rule No. 2 from July: level 25
  expect(explanation).toMatch(/填报纪律/);
  expect(await towns.innerText()).toContain('镇街');
  const rule = await page.locator('aside').innerText();
  expect(rule).toContain('评分规则（第2号');
  expect(rule).toContain('得分相同者并列同一名次');
  expect(await page.locator('section[aria-labelledby="league-departments"] tbody tr').count()).toBeGreaterThan(5);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/rankings-2026-09-zh-1280.png`, fullPage: true });
  await page.goto('/rankings?month=2026-06');
  expect(await page.locator('aside').innerText()).toContain('评分规则（第1号');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/rankings-2026-06-zh-360.png`, fullPage: true });
  // The breakdown table shows each town and park against its own share (任务分解).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/indicators/high_tech_enterprises?month=2026-09');
  await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('对照2027年分解任务');
  expect(await page.locator('main').innerText()).toMatch(/ \/ [^\n\t]*（\d+\.\d%）/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/indicator-breakdown-shares-zh-1280.png`, fullPage: true });
  await context.close();
});

test('the bureau generates a draft, edits its foreword, publishes it; a viewer then reads it, and never saw the draft', async () => {
  const viewerContext = await newContext(browser, baseUrl);
  const viewer = await signInAs(viewerContext, 'viewer');
  await viewer.goto('/bulletins');
  expect(await viewer.locator('main table tbody tr').count()).toBe(9);
  expect(await viewer.locator('main').innerText()).not.toContain('草稿');

  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  await page.goto('/bulletins');
  await page.fill('input[name="month"]', '2026-10');
  await page.click('button:has-text("生成草稿")');
  await page.locator('text=草稿已生成').waitFor();
  await page.goto('/bulletins/2026-10');
  await expect.poll(() => page.locator('main').innerText()).toContain('草稿（未发布）');
  expect(await page.locator('article [data-section]').count()).toBe(6);
  const viewerDraft = await viewer.goto('/bulletins/2026-10');
  expect(viewerDraft?.status()).toBe(404);

  await page.fill('textarea[name="foreword"]', '现将10月全区“双倍增”工作情况通报如下，请认真对照。');
  await page.click('button:has-text("保存按语")');
  await page.locator('text=已保存').waitFor();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/bulletin-draft-zh-1280.png`, fullPage: true });
  await page.click('button:has-text("发布通报")');
  // Published: the page renders afresh without the draft banner or the editor.
  await expect.poll(async () => (await page.locator('main').innerText()).includes('草稿（未发布）'), { timeout: 30_000 }).toBe(false);
  expect(await page.locator('textarea').count()).toBe(0);

  await viewer.goto('/bulletins/2026-10');
  const text = await viewer.locator('article').innerText();
  expect(text).toContain('2026年第10期');
  expect(text).toContain('现将10月全区“双倍增”工作情况通报如下，请认真对照。');
  expect(text).toContain('三、赛马比拼');
  expect(text).not.toContain('草稿');
  expect(await viewer.locator('textarea').count()).toBe(0);
  await viewer.screenshot({ path: `${SCREENSHOT_DIR}/bulletin-published-zh-1280.png`, fullPage: true });
  await printed(viewer, 'bulletin-2026-10-a4');
  const docx = await viewer.request.get('/api/bulletins?month=2026-10&format=docx');
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
  // Kept beside the screenshots so that it can be rendered (LibreOffice) and looked at as the printed 公文.
  fs.writeFileSync(`${SCREENSHOT_DIR}/bulletin-2026-10.docx`, await docx.body());
  const xlsx = await viewer.request.get('/api/bulletins?month=2026-10&format=xlsx');
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await viewer.request.get('/api/bulletins?month=2026-10&format=pdf')).status()).toBe(400);
  await viewer.setViewportSize({ width: 360, height: 800 });
  await viewer.screenshot({ path: `${SCREENSHOT_DIR}/bulletin-published-zh-360.png`, fullPage: true });
  await context.close();
  await viewerContext.close();
});
