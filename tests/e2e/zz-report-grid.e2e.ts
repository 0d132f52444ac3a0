// Issue 9 items 20, 5, 17 in the browser, on 区经济信息委's November (规模以上高新技术企业 per 镇街; empty in the demo
// and open: the clock is fixed at 2026-11-15). Breakdowns are compact grids: a column pasted from Excel fills the cells
// below (checked like typed input, all or nothing, with a message when it does not fit), Enter moves down, the live
// sum follows and is checked against the total (a warning with both numbers, also on the reviewer's page); the page
// stays within a phone's width. And an inflated workbook of 150,000 rows is refused in the import page with a clear
// message. Issue 14: on 区科技局's November, the registry-counted indicators' cells are read only, each count a link
// to the firms behind it. Named to sort last: it leaves 区经济信息委's November draft behind, which no other file reads.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, VALUES_SHEET } from '@/lib/excel/template';
import { openWorkbook } from '../support/workbook';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
const MONTH = '2026-11';
const CODE = 'above_scale_high_tech';
const SLOW = { timeout: 45_000, interval: 500 };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let page: Page;
let unitId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signInAs(await newContext(browser, baseUrl), 'jxw');
  const res = await page.request.get(`/api/reporting/template?month=${MONTH}`);
  unitId = Number((await openWorkbook(new Uint8Array(await res.body()))).getWorksheet(META_SHEET)!.getCell('B4').value);
  await page.goto(`/report/${MONTH}`);
});
afterAll(async () => {
  await browser?.close();
});

const section = () => page.locator(`section[data-indicator="${CODE}"]`);
const townGrid = () => section().locator('[data-grid]', { has: page.getByRole('heading', { name: '各镇街' }) });
const townInputs = () => townGrid().locator('tbody input[data-nav="value"]');

/** What Excel puts on the clipboard, pasted into one cell as the browser delivers it. */
async function paste(input: Locator, text: string) {
  await input.focus();
  await input.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

const values = async (inputs: Locator) => inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const sumOf = (xs: string[]) => xs.filter((x) => x !== '').reduce((a, x) => a + Number(x), 0);

test('a column pasted from Excel fills the cell and the ones below it, and the live sum follows', async () => {
  const inputs = townInputs();
  expect(await inputs.count()).toBe(17);
  // 区经济信息委's November may hold figures from earlier files (reporting-withdraw): the fourth cell keeps its own.
  const before = await values(inputs);
  await paste(inputs.nth(0), '1\r\n2\r\n3\r\n');
  expect((await values(inputs)).slice(0, 4)).toEqual(['1', '2', '3', before[3]]);
  expect(await townGrid().locator('[data-paste-message]').innerText()).toContain('填入 3 个数');
  await expect.poll(() => townGrid().locator('[data-live-sum]').innerText()).toBe(String(sumOf(await values(inputs))));
  // The change column compares with last month, row by row.
  const firstRow = townGrid().locator('tbody tr').first();
  const previous = (await firstRow.locator('td').first().innerText()).trim();
  if (previous !== '—') expect((await firstRow.locator('[data-change]').innerText()).replace('−', '-').replace('+', '')).toBe(String(1 - Number(previous)));
});

test('Enter moves down the column (Shift+Enter up) and never submits the form', async () => {
  const inputs = townInputs();
  await inputs.nth(2).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(await inputs.nth(3).getAttribute('name'));
  await page.keyboard.press('Shift+Enter');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(await inputs.nth(2).getAttribute('name'));
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  expect((await values(inputs))[2]).toBe('5'); // moving selects the cell, as in Excel: typing replaces
  await inputs.nth(2).fill('3');
  expect((await page.locator('[data-form-result]').innerText()).trim()).toBe(''); // nothing was submitted
});

test('a paste that does not fit fills nothing and says why', async () => {
  const inputs = townInputs();
  const before = await values(inputs);
  await paste(inputs.nth(15), '1\n2\n3\n4\n5');
  expect(await townGrid().locator('[data-paste-message]').innerText()).toContain('粘贴了 5 个数，但从该格往下只有 2 个可填的格，未填入任何数据');
  await paste(inputs.nth(0), '7\nabc\n-2\n1.5');
  const message = await townGrid().locator('[data-paste-message]').innerText();
  expect(message).toContain('粘贴的数据有误，未填入任何数据');
  expect(message).toMatch(/第 2 个（.+）“abc”：请输入数字/);
  expect(message).toMatch(/第 3 个（.+）“-2”：不能为负数/);
  expect(message).toMatch(/第 4 个（.+）“1.5”：请输入整数/);
  await paste(inputs.nth(0), '1\t2\n3\t4');
  expect(await townGrid().locator('[data-paste-message]').innerText()).toContain('有 2 列');
  expect(await values(inputs)).toEqual(before);
});

test('the total against the towns’ live sum: a difference is a warning with both numbers', async () => {
  const column = Array.from({ length: 17 }, (_, i) => String(20 + i));
  await paste(townInputs().nth(0), column.join('\n'));
  const sum = sumOf(column);
  const total = section().locator('input[data-nav="value"]').first();
  expect(await total.getAttribute('name')).not.toBe(await townInputs().nth(0).getAttribute('name'));
  await total.fill(String(sum + 1));
  const check = section().locator('[data-breakdown-checks] [data-breakdown-check]').first();
  await expect.poll(() => check.getAttribute('data-breakdown-check')).toBe('mismatch');
  expect(await check.innerText()).toContain(`合计 ${sum + 1} 家 与各镇街合计 ${sum} 家 相差 1 家`);
  await total.fill(String(sum));
  await expect.poll(() => check.getAttribute('data-breakdown-check')).toBe('match');

  // Saved with the difference: a warning, not a refusal. The grid posts the same fields as before.
  const stateBefore = await page.locator('[data-month-state]').getAttribute('data-month-state');
  const labelBefore = await page.locator('[data-month-state]').innerText();
  await total.fill(String(sum + 1));
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect.poll(() => page.locator('[data-form-result]').innerText(), SLOW).toContain('草稿已保存');
  await page.goto(`/report/${MONTH}`);
  expect(await values(townInputs())).toEqual(column);
  // The month's badge is the queue's state, which a draft does not move: never submitted and not yet due on a fresh
  // month (未到期未报送), or as reporting-withdraw left it (撤回) when that file ran first. Never 草稿 as a state.
  expect(stateBefore).toMatch(/^(pending|withdrawn)$/);
  expect(await page.locator('[data-month-state]').getAttribute('data-month-state')).toBe(stateBefore);
  expect(await page.locator('[data-month-state]').innerText()).toBe(labelBefore);
  expect(await section().locator('[data-breakdown-check="mismatch"]').count()).toBe(1);

  const reviewer = await signInAs(await newContext(browser, baseUrl), 'reviewer');
  await reviewer.goto(`/review/${unitId}?month=${MONTH}`);
  const shown = reviewer.locator(`[data-indicator="${CODE}"] [data-breakdown-check="mismatch"]`);
  expect(await shown.innerText()).toContain(`合计 ${sum + 1} 家 与各镇街合计 ${sum} 家 相差 1 家`);
  await reviewer.screenshot({ path: `${SCREENSHOT_DIR}/review-breakdown-mismatch.png` });
  await reviewer.context().close();
});

test('the editable grid, with a paste message and a soft check showing, has no serious or critical axe-core finding', async () => {
  await page.goto(`/report/${MONTH}`);
  await paste(townInputs().nth(15), '1\n2\n3');
  await page.addScriptTag({ path: AXE });
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const runOnly = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
    const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
});

test('the grid on a desktop and on a phone: the page stays within the screen, the grid scrolls in its own box', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/report/${MONTH}`);
  // The sticky save bar would sit across an element screenshot of a long section: let it scroll for this picture.
  const unpinned = await page.addStyleTag({ content: '[data-form-bar]{position:static !important}' });
  await section().screenshot({ path: `${SCREENSHOT_DIR}/report-grid-1280.png` });
  await unpinned.evaluate((el) => (el as HTMLElement).remove());
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/report/${MONTH}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const box = townGrid().locator('[role="region"]');
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(clientWidth).toBeLessThan(width);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // Pasting and Enter work the same on a phone.
    await paste(townInputs().nth(0), '9\n8');
    expect((await values(townInputs())).slice(0, 2)).toEqual(['9', '8']);
  }
  await page.setViewportSize({ width: 390, height: 800 });
  await section().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/report-grid-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a registry-counted indicator: its cells are read only, each count a link to the firms it counts', async () => {
  const kjj = await signInAs(await newContext(browser, baseUrl), 'kjj');
  await kjj.setViewportSize({ width: 1280, height: 900 });
  await kjj.goto(`/report/${MONTH}`);
  const block = kjj.locator('section[data-indicator="high_tech_enterprises"]');
  expect(await block.locator('input[data-nav="value"]').count()).toBe(0);
  const cells = block.locator('[data-registry-cell]');
  const links = block.locator('[data-registry-link]');
  // The district, each 镇街 and each 园区: every slot shows the registry's count as a link.
  const slots = 1 + (await block.locator('[data-grid] tbody tr').count());
  expect(await cells.count()).toBe(slots);
  expect(await links.count()).toBe(slots);
  expect(await block.locator('[data-registry-hint]').innerText()).toContain('不能手工填写');
  const town = block.locator('[data-grid] [data-registry-link]').first();
  const count = Number(await town.innerText());
  const href = (await town.getAttribute('href'))!;
  expect(href).toContain('holds=high_tech');
  expect(href).toContain('on=2026-11-30');
  expect(href).toMatch(/town=\d+/);
  const unpinned = await kjj.addStyleTag({ content: '[data-form-bar]{position:static !important}' });
  await block.screenshot({ path: `${SCREENSHOT_DIR}/report-registry-cells.png` });
  await unpinned.evaluate((el) => (el as HTMLElement).remove());
  await town.click();
  await kjj.waitForURL(/\/enterprises\?/);
  // The list behind the number: as many firms as the count (区科技局 reads the firms behind what it reports).
  expect(await kjj.locator('main').innerText()).toContain(`共 ${count.toLocaleString('zh-CN')} 家企业`);
  await kjj.screenshot({ path: `${SCREENSHOT_DIR}/report-registry-list.png` });
  await kjj.context().close();
});

test('an inflated workbook of 150,000 rows is refused in the import page with a clear message', async () => {
  const file = path.join(os.tmpdir(), `e2e-rows-${process.pid}.xlsx`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const meta = writer.addWorksheet(META_SHEET);
  for (const [k, v] of [['template', TEMPLATE_ID], ['version', TEMPLATE_VERSION], ['planId', 'beibei-2023-2027'], ['unitId', unitId], ['month', MONTH]] as const) meta.addRow([k, v]).commit();
  await meta.commit();
  const sheet = writer.addWorksheet(VALUES_SHEET);
  sheet.addRow(['指标', '对象', '期间', '口径', '单位', '上月', '本月', '说明', '', '', '', '', 'key', 'version']).commit();
  for (let r = 0; r < 150_000; r++) sheet.addRow([null, null, null, null, null, null, r % 97, null, null, null, null, null, 'k']).commit();
  await sheet.commit();
  await writer.commit();
  const buffer = fs.readFileSync(file);
  fs.rmSync(file);
  expect(buffer.length).toBeLessThan(2 * 1024 * 1024);

  await page.goto(`/report/${MONTH}/import`);
  await page.locator('#import-file').setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const started = Date.now();
  await page.getByRole('button', { name: '预览' }).click();
  await expect.poll(() => page.locator('#file-error').innerText(), SLOW).toContain('文件行数不能超过 5000 行');
  console.log(`[e2e] 150,000-row workbook (${(buffer.length / 1024 / 1024).toFixed(2)} MiB) refused in the browser after ${Date.now() - started} ms`);
  expect(await page.locator('main tr[data-action]').count()).toBe(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-too-many-rows.png` });
});
