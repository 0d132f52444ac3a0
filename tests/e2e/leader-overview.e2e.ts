// The leader's ten seconds (issue 11): what is behind, in gap order, with whose job it is; the status counts filter the
// page. Expectations are read from the page's own cards (status and gap to plan), never hard-coded.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR } from './support/browser';
import { Sessions } from './support/main-pages';

const baseUrl = inject('baseUrl');
let browser: Browser;
let sessions: Sessions;

beforeAll(async () => {
  browser = await launchBrowser();
  sessions = new Sessions(browser, baseUrl);
});
afterAll(async () => {
  await sessions?.close();
  await browser?.close();
});

/** "较计划 −12家（−2.1%）" → −2.1 */
const percentOf = (gap: string | null) => {
  const m = gap?.match(/（([+−-]?[\d.]+)%）/);
  return m ? Number(m[1].replace('−', '-')) : null;
};

async function cards(page: Page) {
  // Targets behind are cards, the rest compact lines: both carry data-card.
  return page.locator('main [data-card]').evaluateAll((els) =>
    els.map((el) => ({
      code: el.getAttribute('data-card')!,
      status: el.querySelector('[data-status]')!.getAttribute('data-status')!,
      gap: el.querySelector('[data-gap]')?.textContent ?? null,
    })),
  );
}

test('the behind list names every indicator behind, furthest first, with its lead units and tasks', async () => {
  const page = await sessions.page('leader');
  await page.goto('/');
  await expect.poll(() => page.locator('[data-behind-indicators] li, #behind').count()).toBeGreaterThan(0);
  const all = await cards(page);
  const behind = all.filter((c) => c.status === 'behind' || c.status === 'far_behind');
  expect(behind.length).toBeGreaterThan(0);
  const lines = await page.locator('[data-behind-indicators] > li').evaluateAll((els) =>
    els.map((el) => ({
      code: el.getAttribute('data-code')!,
      leads: [...el.querySelectorAll('a[href^="/units/"]')].map((a) => a.getAttribute('href')),
      tasks: [...el.querySelectorAll('a[href^="/tasks/"]')].map((a) => a.getAttribute('href')),
    })),
  );
  // Every target behind is listed (the list may also hold inputs that are not cards).
  expect(lines.map((l) => l.code)).toEqual(expect.arrayContaining(behind.map((c) => c.code)));
  // Those behind their path: in the order of their gap to plan on the cards, largest shortfall first.
  const onPath = lines.map((l) => percentOf(all.find((c) => c.code === l.code)?.gap ?? null)).filter((p): p is number => p !== null && p < 0);
  expect(onPath).toEqual([...onPath].sort((a, b) => a - b));
  for (const line of lines) expect(line.leads.length, `${line.code} names its lead units`).toBeGreaterThan(0);
  // A lead unit's link opens its page.
  await page.goto(lines[0].leads[0]!);
  await expect.poll(() => page.locator('main h1').innerText()).not.toBe('');
  await page.close();
});

test('tasks behind include every task a lead unit reports 滞后', async () => {
  const page = await sessions.page('leader');
  await page.goto('/tasks');
  const reportedBehind = await page.locator('main li[data-task]').evaluateAll((els) =>
    els.filter((el) => el.querySelector('[data-report-tone="warn"]')).map((el) => el.getAttribute('data-task')),
  );
  const board = await page.locator('main li[data-task]').evaluateAll((els) =>
    els.filter((el) => /^(behind|far_behind)$/.test(el.getAttribute('data-task-status') ?? '')).map((el) => el.getAttribute('data-task')),
  );
  await page.goto('/');
  const listed = await page.locator('[data-behind-tasks] > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')));
  expect(listed).toEqual(expect.arrayContaining(reportedBehind));
  // The same tasks as the task board calls behind (organisational items aside).
  expect([...listed].sort()).toEqual(board.filter((k) => !k!.startsWith('o')).sort());
  await page.close();
});

test('clicking a status count filters the page to its targets', async () => {
  const page = await sessions.page('leader');
  await page.goto('/');
  const link = page.locator('a[data-filter="behind"]');
  const count = Number((await link.innerText()).match(/(\d+)\s*$/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await link.click();
  await page.waitForURL(/status=behind/);
  // Cards and cluster cells alike: every target in that status is still on the page, and no card in another status.
  const shown = page.locator('main section[aria-labelledby="headline"] [data-status], main section[aria-labelledby="clusters"] [data-status], main section[aria-labelledby="task-targets"] [data-status]');
  await expect.poll(async () => (await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).filter((s) => s === 'behind').length).toBe(count);
  expect(new Set((await cards(page)).map((c) => c.status))).toEqual(new Set(['behind']));
  await expect.poll(() => page.locator('[role="status"]').first().innerText()).toContain(String(count));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/overview-filter-behind.png`, fullPage: true });
  await page.close();
});

test('cards lead with the gap to the planned path', async () => {
  const page = await sessions.page('leader');
  await page.goto('/');
  const first = page.locator('main [data-card="high_tech_enterprises"]').first();
  const text = await first.innerText();
  expect(text).toMatch(/较计划 [+−]/);
  expect(text.indexOf('较计划')).toBeGreaterThan(-1);
  expect(text.indexOf('较计划')).toBeLessThan(text.search(/达\d{4}年目标的/));
  await page.close();
});

test("a task page is the task's file: its status and why, and its units' progress month by month", async () => {
  const page = await sessions.page('leader');
  await page.goto('/tasks');
  const item = page.locator('main li[data-task]').filter({ has: page.locator('[data-report-tone]') }).first();
  const key = await item.getAttribute('data-task');
  const status = await item.getAttribute('data-task-status');
  await page.goto(`/tasks/${key}`);
  expect(await page.locator('[data-task-file-status]').getAttribute('data-task-file-status')).toBe(status);
  const rows = page.locator('[data-task-history] tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  const history = await page.locator('[data-task-history]').innerText();
  expect(history).toMatch(/\d{4}年\d{1,2}月/);
  expect(await page.locator('[data-task-history] thead th').count()).toBeGreaterThan(1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/task-file-zh-1280.png`, fullPage: true });
  await page.close();
});

test('the units list ranks units by what they are behind on; a lead unit on the behind list shows it', async () => {
  const page = await sessions.page('leader');
  await page.goto('/');
  const lead = await page.locator('[data-behind-indicators] > li a[href^="/units/"]').first().getAttribute('href');
  const unitId = lead!.match(/\/units\/(\d+)/)![1];
  await page.goto('/units');
  for (const table of await page.locator('table[data-units]').all()) {
    const counts = (await table.locator('[data-col="indicators-behind"]').allInnerTexts()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  }
  expect(Number(await page.locator(`tr[data-unit="${unitId}"] [data-col="indicators-behind"]`).innerText())).toBeGreaterThan(0);
  await page.close();
});

test('the overview weighs under 60 KB of HTML (gzip off) in both languages, complete and readable without JavaScript', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const page = await sessions.page('leader', { locale });
    // The first request of a data version may stream behind skeletons; every later one is the whole page in one pass.
    await page.request.get('/', { headers: { accept: 'text/html', 'accept-encoding': 'identity' } });
    const res = await page.request.get('/', { headers: { accept: 'text/html', 'accept-encoding': 'identity' } });
    expect(res.status()).toBe(200);
    const html = await res.body();
    const text = html.toString('utf8');
    // Complete: the behind list, every target line, no skeleton; then the weight.
    expect(text).toContain('data-behind-indicators');
    expect(text).not.toContain('animate-pulse');
    expect((text.match(/data-card="/g) ?? []).length).toBeGreaterThan(10);
    expect(html.byteLength, `${locale}: ${(html.byteLength / 1024).toFixed(1)} KB`).toBeLessThan(60 * 1024);
    await page.close();
  }
});
