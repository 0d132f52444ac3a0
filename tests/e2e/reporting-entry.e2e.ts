// The reporter's side of monthly reporting, in the browser: the form with milestones, a refused value that saves
// nothing, a draft that survives a reload, the Excel round trip (template → one change → preview → confirm → re-upload
// changes nothing), submitting, and another unit's reporter kept out of 区科技局's month. The clock is fixed at
// 2026-11-15, after 2026-10's deadline, and the demo has 区科技局 submitted for 2026-10: the bureau first reopens
// the month for 区科技局 (its own page, /review/<unit>), as it would for a late correction, and the unit withdraws
// (撤回) its submission: submitted figures are read-only.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { META_SHEET, VALUE_COLUMNS } from '@/lib/excel/template';
import { openWorkbook, saveWorkbook, valueRows } from '../support/workbook';
import { launchBrowser, newContext, SCREENSHOT_DIR } from './support/browser';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
const MONTH = '2026-10';
const VALUE_INPUTS = 'main input[name^="values."][name$=".value"]:not([readonly])';

let browser: Browser;
let kjj: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  kjj = await newContext(browser, baseUrl);
  page = await signInAs(kjj, 'kjj');
  const bureau = await newContext(browser, baseUrl);
  const review = await signInAs(bureau, 'reviewer');
  // The unit's id is in its own template's metadata (ids come from the plan load order, not from the test).
  const res = await kjj.request.get(`/api/reporting/template?month=${MONTH}`);
  if (res.status() !== 200) throw new Error(`template: ${res.status()} ${await res.text()}`);
  const template = await openWorkbook(new Uint8Array(await res.body()));
  await review.goto(`/review/${Number(template.getWorksheet(META_SHEET)!.getCell('B4').value)}?month=${MONTH}`);
  const reopen = review.locator('form', { has: review.getByRole('button', { name: '重新开放', exact: true }) });
  await reopen.locator('input[name="reason"]').fill('区科技局申请更正本月数据');
  await reopen.getByRole('button', { name: '重新开放', exact: true }).click();
  await review.getByText('已重新开放').first().waitFor();
  await bureau.close();
  await page.goto(`/report/${MONTH}`);
  await page.getByRole('button', { name: '撤回全部报送' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认撤回' }).click();
  await page.locator('[data-withdraw-result] [role=status]').getByText(/已撤回 \d+ 项/).waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
});

const keyOf = (name: string) => name.slice('values.'.length, -'.value'.length);

async function editableKeys(p: Page): Promise<string[]> {
  return (await p.locator(VALUE_INPUTS).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name))).map(keyOf);
}

/** Fills every editable figure with last period's figure (no soft check fires) and every lead task's progress. */
async function fillForm(p: Page): Promise<void> {
  for (const input of await p.locator(VALUE_INPUTS).all()) {
    const previous = await input.getAttribute('data-previous');
    await input.fill(previous ?? '1');
  }
  for (const select of await p.locator('main select[name$=".progress"]').all()) await select.selectOption('on_track');
  for (const area of await p.locator('main textarea[name$=".narrative"]').all()) await area.fill('按计划推进，本月完成阶段性工作。');
}

test('/report opens the current month of the reporter\'s own unit, with last month\'s figure and the milestones', async () => {
  await page.goto('/report');
  await page.waitForURL(`**/report/${MONTH}`);
  const main = await page.locator('main').innerText();
  expect(main).toContain('区科技局');
  expect(main).toContain('截止日期');
  expect(main).toContain('已重新开放');
  expect(await page.locator('main [data-indicator]').count()).toBeGreaterThan(0);
  const milestones = (await page.locator('main [data-milestones]').allInnerTexts()).join('\n');
  expect(milestones).toMatch(/2025年/);
  expect(milestones).toMatch(/2027年/);
  expect(main).toContain('上期');
  expect((await editableKeys(page)).length).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/report-form-zh-1280.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/report-form-zh-1280-top.png` });
});

test('a value that is not a number gets a Chinese message next to its field and saves nothing', async () => {
  await page.goto(`/report/${MONTH}`);
  const first = page.locator(VALUE_INPUTS).first();
  const name = (await first.getAttribute('name'))!;
  const before = await first.inputValue();
  await first.fill('十二');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const slot = page.locator(`[id="${await first.getAttribute('aria-describedby')}"]`);
  await expect.poll(() => slot.innerText()).toContain('请输入数字');
  expect(await first.getAttribute('aria-invalid')).toBe('true');
  expect(await first.inputValue()).toBe('十二');
  // A reload (say, after a network drop) puts back what was typed, with a notice; discarding it shows what is stored.
  await page.reload();
  await page.getByText('已恢复您上次在本浏览器中未保存的填写内容').waitFor();
  expect(await page.locator(`input[name="${name}"]`).inputValue()).toBe('十二');
  await page.getByRole('button', { name: '放弃恢复的内容' }).click();
  await page.waitForLoadState('load');
  await expect.poll(() => page.locator(`input[name="${name}"]`).inputValue()).toBe(before);
  expect(await page.getByText('已恢复您上次在本浏览器中未保存的填写内容').count()).toBe(0);
});

test('a draft survives a reload; the Excel template round trip changes one figure; re-uploading changes nothing; then the month is submitted', async () => {
  await page.goto(`/report/${MONTH}`);
  await fillForm(page);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('草稿已保存');
  await page.reload();
  const keys = await editableKeys(page);
  const firstKey = keys[0];
  const firstInput = page.locator(`input[name="values.${firstKey}.value"]`);
  expect(await firstInput.inputValue()).not.toBe('');
  expect(await page.locator('main [data-item-status="draft"]').count()).toBeGreaterThan(0);
  expect(await page.locator('main [data-history] summary').count()).toBeGreaterThan(0);
  await page.locator(`[data-item="${firstKey}"] [data-history] summary`).click();
  expect(await page.locator(`[data-item="${firstKey}"] [data-history]`).innerText()).toContain('李填报');

  // The template: a real xlsx with a row per figure of this unit's form.
  const res = await kjj.request.get(`/api/reporting/template?month=${MONTH}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  expect(res.headers()['content-disposition']).toContain("filename*=UTF-8''");
  expect(decodeURIComponent(res.headers()['content-disposition'].split("''")[1])).toContain('区科技局');
  expect(res.headers()['cache-control']).toContain('no-store');
  const workbook = await openWorkbook(new Uint8Array(await res.body()));
  const rows = valueRows(workbook);
  for (const key of keys) expect(rows.has(key)).toBe(true);
  expect(workbook.getWorksheet(META_SHEET)).toBeTruthy();

  // One changed figure: the same value plus one.
  const row = rows.get(firstKey)!;
  const oldValue = Number(await firstInput.inputValue());
  const newValue = String(oldValue + 1);
  row.getCell(VALUE_COLUMNS.value).value = oldValue + 1;
  const edited = Buffer.from(await saveWorkbook(workbook));
  const upload = { name: '区科技局-填报.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited };

  await page.goto(`/report/${MONTH}/import`);
  await page.setInputFiles('#import-file', upload);
  await page.getByRole('button', { name: '预览' }).click();
  await expect.poll(() => page.locator('main tr[data-action]').count()).toBeGreaterThan(0);
  expect(await page.locator('main tr[data-action="change"]').count()).toBe(1);
  expect(await page.locator('main tr[data-action="reject"]').count()).toBe(0);
  expect(await page.locator('main tr[data-action="change"]').innerText()).toContain(newValue);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/report-import-preview-zh-1280.png`, fullPage: true });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('已导入');

  await page.goto(`/report/${MONTH}`);
  expect(Number(await page.locator(`input[name="values.${firstKey}.value"]`).inputValue())).toBe(oldValue + 1);

  await page.goto(`/report/${MONTH}/import`);
  await page.setInputFiles('#import-file', upload);
  await page.getByRole('button', { name: '预览' }).click();
  await expect.poll(() => page.locator('main tr[data-action]').count()).toBeGreaterThan(0);
  expect(await page.locator('main tr[data-action="change"]').count()).toBe(0);
  expect(await page.locator('main tr[data-action="create"]').count()).toBe(0);
  expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

  // Submit: the whole month goes to review.
  // The imported +1 may trip a soft check (a jump on a small figure): such a figure needs a comment to go.
  await page.goto(`/report/${MONTH}`);
  for (const comment of await page.locator('main input[name$=".comment"]:visible').all()) await comment.fill('数据已与台账核实');
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/已报送，共 \d+ 项|尚有必填项/);
  const problems = await page.locator('main [role="alert"], main [id$="-error"]:not(:empty)').allInnerTexts();
  expect(problems.filter((x) => x.trim()).join(' | ')).toBe('');
  expect(await page.locator('main').innerText()).toMatch(/已报送，共 \d+ 项/);
  await page.reload();
  expect(await page.locator('main [data-item-status="submitted"]').count()).toBeGreaterThan(0);

  const csv = await kjj.request.get(`/api/reporting/export?month=${MONTH}&format=csv`);
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain('区科技局');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);

  const code = (await page.locator('main [data-indicator]').first().getAttribute('data-indicator'))!;
  const history = await kjj.request.get(`/api/reporting/history?code=${code}&format=xlsx`);
  expect(history.status()).toBe(200);
  expect(history.headers()['cache-control']).toContain('no-store');
  expect((await openWorkbook(new Uint8Array(await history.body()))).worksheets.length).toBe(1);
});

test('on a phone the form reads in one column, and it prints on A4 without buttons', async () => {
  const phone = await newContext(browser, baseUrl, { width: 390 });
  const p = await signInAs(phone, 'kjj');
  await p.goto(`/report/${MONTH}`);
  await p.locator('main [data-indicator]').first().waitFor();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await p.screenshot({ path: `${SCREENSHOT_DIR}/report-form-zh-390.png`, fullPage: true });
  await p.screenshot({ path: `${SCREENSHOT_DIR}/report-form-zh-390-top.png` });
  await page.goto(`/report/${MONTH}`);
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: '保存草稿' }).isVisible()).toBe(false);
  await page.pdf({ path: `${SCREENSHOT_DIR}/report-form-a4.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await phone.close();
});

test('the routes answer 401 without a session and 400 on a bad query', async () => {
  const anonymous = await browser.newContext({ baseURL: baseUrl });
  for (const path of [`/api/reporting/template?month=${MONTH}`, `/api/reporting/export?month=${MONTH}`, '/api/reporting/history?code=tech_smes']) {
    const res = await anonymous.request.get(path);
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toBeTruthy();
  }
  await anonymous.close();
  const bad = await kjj.request.get('/api/reporting/export?month=2026-13&format=pdf&unitId=x');
  expect(bad.status()).toBe(400);
  const json = await bad.json();
  expect(Object.keys(json.fieldErrors)).toEqual(expect.arrayContaining(['month', 'format']));
});

test('another unit\'s reporter sees only their own unit and cannot read or post 区科技局\'s month', async () => {
  const template = await openWorkbook(new Uint8Array(await (await kjj.request.get(`/api/reporting/template?month=${MONTH}`)).body()));
  const kjjKey = [...valueRows(template).keys()][0];
  const kjjUnitId = Number(template.getWorksheet(META_SHEET)!.getCell('B4').value);
  expect(kjjUnitId).toBeGreaterThan(0);

  const other = await newContext(browser, baseUrl);
  const p = await signInAs(other, 'tiansheng');
  await p.goto(`/report/${MONTH}`);
  const main = await p.locator('main').innerText();
  expect(main).toContain('天生街道');
  expect(main).not.toContain('区科技局 ·');

  // A bureau-only parameter: a reporter may not name a unit.
  const exported = await other.request.get(`/api/reporting/export?month=${MONTH}&unitId=${kjjUnitId}`);
  expect(exported.status()).toBe(403);

  // Posting 区科技局's figure through the form: the server takes the unit from the session and refuses the key.
  await p.evaluate((key) => {
    const form = document.querySelector('form.report-form')!;
    const input = document.createElement('input');
    input.name = `values.${key}.value`;
    input.value = '999';
    const version = document.createElement('input');
    version.type = 'hidden';
    version.name = `values.${key}.version`;
    version.value = '0';
    form.append(input, version);
  }, kjjKey);
  await p.evaluate(() => document.querySelector<HTMLFormElement>('form.report-form')!.requestSubmit());
  await expect.poll(() => p.locator('main [role="alert"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/有误|无权|截止/)]));
  await other.close();

  await page.goto(`/report/${MONTH}`);
  const shown = await page.locator('main input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(shown).not.toContain('999');
});
