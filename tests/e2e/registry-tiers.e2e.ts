// The registry's bureau pages in Chromium on the demo data: the pipeline funnel, the gap view, the upload page
// (preview with a refused row → nothing can be written; a clean file → preview → import → the same file again is
// all unchanged), and the forms (a wrong credit code refused with its reason; a firm created, edited, a
// qualification recorded).
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeListWorkbook } from '@/lib/excel/write-list';
import { makeCreditCode } from '@/lib/registry/credit-code';
import { launchBrowser, newContext, printed, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Not the demo registry's codes (MA + base-31 serials): YY + a serial.
const code = (n: number) => makeCreditCode('91', '500109', `YY${String(n).padStart(7, '0')}`);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the funnel and the gap view', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  await page.goto('/enterprises/pipeline');
  const stage = async (s: string) => Number((await page.locator(`[data-stage="${s}"]`).innerText()).replace(/,/g, ''));
  expect(await stage('high_tech')).toBeGreaterThan(0);
  expect(await stage('tech_sme')).toBeGreaterThan(await stage('high_tech'));
  expect(await stage('above_scale_high_tech')).toBeLessThanOrEqual(await stage('high_tech'));
  expect(await page.locator('main').innerText()).toContain('2026（至今）');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-pipeline.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-pipeline-top.png`, fullPage: false });

  await page.getByRole('link', { name: '缺口与候选' }).click();
  await page.waitForURL('**/enterprises/gap');
  const gap = await page.locator('main').innerText();
  expect(gap).toContain('2027 年目标');
  expect(gap).toContain('国科发火〔2016〕32号');
  expect(await page.locator('[data-closing]').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-gap.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-gap-top.png`, fullPage: false });
  await printed(page, 'registry-gap');
  await context.close();
});

test('upload a list: a refused row blocks it; a clean list previews, imports, and imports again as unchanged', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  const headers = ['序号', '统一社会信用代码', '企业名称', '所属镇街', '证书编号', '发证日期'];
  const rows = [1, 2, 3].map((n) => [n, code(n), `浏览器测试企业${n}有限公司`, '天生街道', `GR2025500099${n}`, new Date(Date.UTC(2025, 10, n))]);
  const badCode = code(9).slice(0, 17) + (code(9)[17] === 'A' ? 'B' : 'A');
  const bad = await writeListWorkbook('高新技术企业', headers, [...rows, [4, badCode, '录入有误有限公司', '天生街道', 'GR20255000994', new Date(Date.UTC(2025, 10, 4))]]);
  const good = await writeListWorkbook('高新技术企业', headers, rows);

  await page.goto('/enterprises/import');
  await page.getByLabel('名单类别').selectOption('high_tech');
  await page.setInputFiles('#import-file', { name: '高企名单-有误.xlsx', mimeType: XLSX, buffer: bad });
  await page.getByRole('button', { name: '预览' }).click();
  await expect.poll(() => page.locator('main tr[data-outcome]').count()).toBeGreaterThan(0);
  expect(await page.locator('tr[data-outcome="refused"]').count()).toBe(1);
  expect(await page.locator('tr[data-outcome="refused"] td').last().innerText()).toContain('第 18 位校验码应为');
  expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
  expect(await page.getByLabel('统一社会信用代码', { exact: true }).inputValue()).toBe('1'); // the mapping recognised the column
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-import-refused.png`, fullPage: true });

  await page.setInputFiles('#import-file', { name: '高企名单.xlsx', mimeType: XLSX, buffer: good });
  await page.getByRole('button', { name: '预览' }).click();
  const counts = async () => JSON.parse((await page.locator('#preview-title').getAttribute('data-counts')) ?? '{}');
  await expect.poll(counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 0 });
  expect(await page.locator('tr[data-outcome="created"]').count()).toBe(3);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => page.locator('main [role="status"]').allInnerTexts().then((t) => t.join(' '))).toContain('新增 3 行');
  expect(await counts()).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-import-done.png`, fullPage: true });

  await page.goto(`/enterprises?q=${code(2)}`);
  expect(await page.locator('tbody tr').count()).toBe(1);
  expect(await page.locator('tbody').innerText()).toContain('浏览器测试企业2有限公司');
  await context.close();
});

test('the forms: a wrong code refused with its reason; a firm created, edited, a certificate recorded', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'reviewer');
  await page.goto('/enterprises');
  await page.getByRole('link', { name: '新增企业' }).click();
  await page.waitForURL('**/enterprises/new');
  const wrong = code(20).slice(0, 17) + (code(20)[17] === 'A' ? 'B' : 'A');
  await page.getByLabel('统一社会信用代码').fill(wrong);
  await page.getByLabel('企业名称').fill('表单测试有限公司');
  await page.getByRole('button', { name: '新增' }).click();
  await expect.poll(() => page.locator('#creditCode-error').innerText()).toContain('校验码');
  expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(wrong);

  await page.getByLabel('统一社会信用代码').fill(code(20).toLowerCase());
  await page.getByLabel('所属镇街').selectOption({ label: '天生街道' });
  await page.getByRole('button', { name: '新增' }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  expect(await page.locator('main').innerText()).toContain(code(20));

  await page.getByRole('link', { name: '编辑' }).click();
  await page.waitForURL(/\/enterprises\/\d+\/edit$/);
  await page.getByLabel('企业名称').fill('表单测试科技有限公司');
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('已保存');

  await page.getByLabel('资质类别').selectOption('high_tech');
  await page.getByLabel('年度').fill('2025');
  await page.getByLabel('发证（登记、入库）日期').fill('2025-12-01');
  await page.getByLabel('证书编号').fill('GR202550009920');
  await page.getByRole('button', { name: '记录' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('已记录');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/registry-edit.png`, fullPage: true });

  await page.getByRole('link', { name: '返回企业画像' }).click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  const profile = await page.locator('main').innerText();
  expect(profile).toContain('表单测试科技有限公司');
  expect(profile).toContain('GR202550009920');
  expect(profile).toContain('2028-11-30'); // three years from 2025-12-01, less a day
  await context.close();
});

test('a town may not open the upload or the forms', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'tiansheng');
  for (const path of ['/enterprises/import', '/enterprises/new']) {
    await page.goto(path);
    const main = await page.locator('main').innerText();
    expect(main, path).toContain('无权访问');
    expect(await page.locator('input[type="file"], input[name="creditCode"]').count(), path).toBe(0);
  }
  await context.close();
});

test('counted from the registry: beside the monthly form with the difference, filled as drafts, in the review, on the indicator page', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'kjj');
  await page.goto('/report/2026-10');
  const section = page.locator('[data-registry-figures]');
  expect(await section.innerText()).toContain('企业库计数');
  // The demo registry agrees with the demo figures; this file added four certificates in force on 2026-10-31 in
  // 天生街道 (three imported, one typed in), so the district and 天生街道 differ by −4 and nothing else does.
  const district = section.locator('table[data-registry-indicator="high_tech_enterprises"] tbody tr').first();
  expect(await district.locator('[data-difference]').getAttribute('data-difference')).toBe('-4');
  const differences = await section.locator('table[data-registry-indicator="high_tech_enterprises"] [data-difference]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-difference')));
  expect(differences.filter((d) => d !== '0' && d !== '')).toEqual(['-4', '-4']);
  expect(await section.locator('[data-disagreements]').getAttribute('data-disagreements')).toBe('2');
  await section.screenshot({ path: `${SCREENSHOT_DIR}/registry-form-figures.png` });

  // The department that reports the count reads the firms behind it: its counts are links to the list.
  expect(await district.locator('a[data-registry-count]').count()).toBe(1);
  // The form's own cells of a registry-counted indicator are read only, each count a link as well.
  const block = page.locator('section[data-indicator="high_tech_enterprises"]');
  expect(await block.locator('input[data-nav="value"]').count()).toBe(0);
  expect(await block.locator('[data-registry-link]').count()).toBe(await block.locator('[data-registry-cell]').count());

  await page.goto('/report/2026-11');
  await page.getByRole('button', { name: '按企业库计数填入' }).click();
  await expect.poll(() => page.locator('[data-registry-figures]').innerText(), { timeout: 60_000 }).toMatch(/已填入 \d+ 项/);
  await page.reload();
  const filled = await page.locator('table[data-registry-indicator="high_tech_enterprises"] tbody tr').first().innerText();
  expect(filled).toContain('企业库 · 草稿');
  await context.close();

  const reviewerContext = await newContext(browser, baseUrl);
  const reviewer = await signInAs(reviewerContext, 'reviewer');
  await reviewer.goto('/review?month=2026-10');
  await reviewer.getByRole('link', { name: '区科技局', exact: true }).first().click();
  await reviewer.waitForURL(/\/review\/\d+/);
  const inReview = reviewer.locator('[data-registry-figures]');
  expect(await inReview.locator('[data-disagreements]').getAttribute('data-disagreements')).toBe('2');
  expect(await inReview.getByRole('button', { name: '按企业库计数填入' }).count()).toBe(0);
  // The bureau follows a count to the firms behind it: the list judged on the month's last day has as many.
  const reviewDistrict = inReview.locator('table[data-registry-indicator="high_tech_enterprises"] tbody tr').first();
  const count = Number((await reviewDistrict.locator('[data-registry-count]').innerText()).replace(/,/g, ''));
  await reviewDistrict.locator('a[data-registry-count]').click();
  await reviewer.waitForURL(/holds=high_tech&on=2026-10-31/);
  expect(Number(/共 (\d+) 家企业/.exec(await reviewer.locator('main p').first().innerText())?.[1])).toBe(count);

  await reviewer.goto('/indicators/high_tech_enterprises');
  const comparison = reviewer.locator('[data-registry-comparison]');
  expect(await comparison.locator('tbody tr').count()).toBe(12);
  await comparison.screenshot({ path: `${SCREENSHOT_DIR}/registry-indicator-comparison.png` });
  await reviewerContext.close();
});
