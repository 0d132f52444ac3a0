// Issue 16 in the browser: a draft save answers without the page rendered again, and the form draws the new versions,
// statuses and the month's badge itself. Saving twice in a row without a reload never meets a false version conflict
// and what was saved is there after a reload; Back onto the form after leaving it still names the new versions; a
// second tab that still shows the old versions gets a visible version conflict. On 区科技局's November (open: the
// clock is fixed at 2026-11-15). Named to sort after zz-report-grid, which reads that month's registry cells.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { signInAs } from './support/sign-in';

const baseUrl = inject('baseUrl');
const MONTH = '2026-11';
const VALUE_INPUTS = 'main input[name^="values."][name$=".value"]:not([readonly])';
const SLOW = { timeout: 45_000, interval: 250 };

let browser: Browser;
let kjj: BrowserContext;
let page: Page;
let name: string;

beforeAll(async () => {
  browser = await launchBrowser();
  kjj = await newContext(browser, baseUrl);
  page = await signInAs(kjj, 'kjj');
  await page.goto(`/report/${MONTH}`);
  name = (await page.locator(VALUE_INPUTS).first().getAttribute('name'))!;
});
afterAll(async () => {
  await browser?.close();
});

const field = (p: Page) => p.locator(`input[name="${name}"]`);
const version = (p: Page) => p.locator(`input[name="${name.replace(/\.value$/, '.version')}"]`).inputValue();
const result = (p: Page) => p.locator('[data-form-result]').innerText();

/** What the form shows of the stored rows and the month: every version input, status badge, the badge and completeness. */
async function shown(p: Page) {
  return {
    versions: await p.locator('main input[type="hidden"][name$=".version"]').evaluateAll((els) => els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`)),
    statuses: await p.locator('main [data-item-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-status'))),
    month: await p.locator('[data-month-state]').evaluate((e) => `${e.getAttribute('data-month-state')} ${e.getAttribute('data-submission-status')} ${e.textContent}`),
    completeness: await p.locator('[data-completeness]').innerText(),
  };
}

/** Saves the draft and waits for this save's own answer: the buttons are disabled until the form has drawn it. */
async function saveDraft(p: Page): Promise<string> {
  const button = p.getByRole('button', { name: '保存草稿' });
  const answered = p.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined);
  await button.click();
  await answered;
  await expect.poll(() => button.isEnabled(), SLOW).toBe(true);
  await expect.poll(() => result(p), SLOW).not.toBe('');
  return result(p);
}

test('two saves in a row without a reload: the second succeeds, the form shows the new version and status, and the values persist', async () => {
  const previous = Number((await field(page).getAttribute('data-previous')) ?? '10');
  const first = String(previous);
  const second = String(previous + 1);
  const v0 = Number(await version(page));

  // The first save fills the whole form (the completeness line and the month's badge move), the second changes one field.
  for (const input of await page.locator(VALUE_INPUTS).all()) await input.fill((await input.getAttribute('data-previous')) ?? '1');
  for (const select of await page.locator('main select[name$=".progress"]').all()) await select.selectOption('on_track');
  for (const area of await page.locator('main textarea[name$=".narrative"]').all()) await area.fill('按计划推进。');
  await field(page).fill(first);
  expect(await saveDraft(page)).toContain('草稿已保存');
  // The new version is in the form without a reload, and the row's badge says 草稿.
  await expect.poll(async () => Number(await version(page)), SLOW).toBeGreaterThan(v0);
  const v1 = Number(await version(page));
  expect(await page.locator(`[data-item="${name.slice('values.'.length, -'.value'.length)}"] [data-item-status]`).first().getAttribute('data-item-status')).toBe('draft');

  await field(page).fill(second);
  const answer = await saveDraft(page);
  expect(answer).toContain('草稿已保存');
  expect(answer).not.toMatch(/已被|Changed by/);
  expect(Number(await version(page))).toBeGreaterThan(v1);
  const drawn = await shown(page);

  // The same as the page rendered afresh would show.
  await page.reload();
  expect(await field(page).inputValue()).toBe(second);
  expect(await shown(page)).toEqual(drawn);
});

test('Back onto the form after leaving it (the router restores the page as rendered before the saves) still saves', async () => {
  const now = Number(await field(page).inputValue());
  await field(page).fill(String(now + 1));
  expect(await saveDraft(page)).toContain('草稿已保存');
  const saved = await version(page);
  // Away by a link in the app (client navigation), then Back: no reload in between.
  await page.locator('header a.hdr-home').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goBack();
  await page.waitForURL((url) => url.pathname === `/report/${MONTH}`);
  await expect.poll(() => version(page), SLOW).toBe(saved);
  await expect.poll(() => field(page).inputValue(), SLOW).toBe(String(now + 1));
  await field(page).fill(String(now));
  expect(await saveDraft(page)).toContain('草稿已保存');
  await page.reload();
  expect(await field(page).inputValue()).toBe(String(now));
});

test('a second tab that still shows the old versions gets a visible version conflict, and keeps what was typed', async () => {
  const stale = await kjj.newPage();
  await stale.goto(`/report/${MONTH}`);
  const now = Number(await field(page).inputValue());

  await field(page).fill(String(now + 2));
  expect(await saveDraft(page)).toContain('草稿已保存');

  await field(stale).fill(String(now + 3));
  const answer = await saveDraft(stale);
  expect(answer).toMatch(/已被.*修改|Changed by/);
  expect(await stale.locator(`[data-form-result] a[href="/report/${MONTH}"]`).count()).toBe(1);
  expect(await field(stale).inputValue()).toBe(String(now + 3));

  await page.reload();
  expect(await field(page).inputValue()).toBe(String(now + 2));
  await stale.close();
});
