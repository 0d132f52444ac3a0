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

/** Saves the draft and waits for this save's own answer (the message is replaced, so it is cleared first). */
async function saveDraft(p: Page): Promise<string> {
  await p.locator('[data-form-result]').evaluate((el) => el.replaceChildren());
  const answered = p.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined);
  await p.getByRole('button', { name: '保存草稿' }).click();
  await answered;
  await expect.poll(() => result(p), SLOW).not.toBe('');
  return result(p);
}

test('two saves in a row without a reload: the second succeeds, the form shows the new version and status, and the values persist', async () => {
  const previous = Number((await field(page).getAttribute('data-previous')) ?? '10');
  const first = String(previous);
  const second = String(previous + 1);
  const v0 = Number(await version(page));

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

  await page.reload();
  expect(await field(page).inputValue()).toBe(second);
  expect(Number(await version(page))).toBeGreaterThan(v1);
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
