// The leader's pages, continued (issue 11): English names from the plan file in the English UI, the unit page leading
// with what the unit is behind on, and dashboard pages printed on A4 (margins with the platform, the data month, the
// print time and page numbers; no half-empty sheets). Expectations come from the plan file and the pages themselves.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR } from './support/browser';
import { Sessions } from './support/main-pages';

const baseUrl = inject('baseUrl');
let browser: Browser;
let sessions: Sessions;

interface Named {
  name: string;
  nameEn?: string;
}
interface Titled {
  title: string;
  titleEn?: string;
}
const planFile = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../prisma/plans/beibei-2023-2027.json'), 'utf8')) as {
  units: Named[];
  groups: Named[];
  tasks: (Titled & { no: number })[];
  organisation: Titled[];
};

beforeAll(async () => {
  browser = await launchBrowser();
  sessions = new Sessions(browser, baseUrl);
});
afterAll(async () => {
  await sessions?.close();
  await browser?.close();
});

/** Chinese names that have an English one, and which of them a page's text still shows. */
function chineseLeft(text: string): string[] {
  const names = [...planFile.units, ...planFile.groups].filter((u) => u.nameEn).map((u) => u.name);
  const titles = [...planFile.tasks, ...planFile.organisation].filter((t) => t.titleEn).map((t) => t.title);
  return [...names, ...titles].filter((zh) => text.includes(zh));
}

test('the English overview, units list, rankings and task page show English names wherever the plan file gives one', async () => {
  const page = await sessions.page('leader', { locale: 'en' });
  await page.goto('/');
  await expect.poll(() => page.locator('[data-behind-indicators] > li').count()).toBeGreaterThan(0);
  const overview = await page.locator('main').innerText();
  expect(chineseLeft(overview)).toEqual([]);
  // The behind list's lead units are the plan file's English names.
  const leads = await page.locator('[data-behind-indicators] a[href^="/units/"]').allInnerTexts();
  const english = new Set(planFile.units.map((u) => u.nameEn));
  expect(leads.length).toBeGreaterThan(0);
  for (const lead of leads) expect(english.has(lead), lead).toBe(true);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/leader-overview-en-1280.png`, fullPage: true });

  await page.goto('/units');
  expect(chineseLeft(await page.locator('main').innerText())).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/units-en-1280.png`, fullPage: true });

  // The horse race ranks units by their plan names: the English ones here (the bulletin document itself stays Chinese).
  await page.goto('/rankings');
  const rankings = await page.locator('main').innerText();
  expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
  expect(chineseLeft(rankings)).toEqual([]);
  expect(planFile.units.some((u) => u.nameEn && rankings.includes(u.nameEn))).toBe(true);

  await page.goto('/tasks/7');
  const taskPage = await page.locator('main').innerText();
  expect(taskPage).toContain(planFile.tasks.find((t) => t.no === 7)!.titleEn);
  // The task's own text stays the document's Chinese words; its title and parties do not.
  expect(chineseLeft(await page.locator('main h1').innerText())).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/task-file-en-1280.png`, fullPage: true });
  await page.close();

  // The Chinese UI always shows the Chinese.
  const zh = await sessions.page('leader');
  await zh.goto('/tasks/7');
  expect(await zh.locator('main h1').innerText()).toContain(planFile.tasks.find((t) => t.no === 7)!.title);
  await zh.goto('/units');
  expect(await zh.locator('main').innerText()).toContain(planFile.units[0].name);
  await zh.screenshot({ path: `${SCREENSHOT_DIR}/units-zh-1280.png`, fullPage: true });
  await zh.close();
});

test('phones: the overview, a task page and the units list at 390 px in both languages', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const page = await sessions.page('leader', { locale, width: 390 });
    for (const [name, url] of [['leader-overview', '/'], ['task-file', '/tasks/7'], ['units', '/units']] as const) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${locale}-390.png`, fullPage: true });
    }
    await page.close();
  }
});

test('a unit page leads with what the unit is behind on: the overview’s behind lines it owns, in the same order', async () => {
  const page = await sessions.page('leader');
  await page.goto('/');
  const lines = await page.locator('[data-behind-indicators] > li').evaluateAll((els) =>
    els.map((el) => ({ code: el.getAttribute('data-code')!, units: [...el.querySelectorAll('a[href^="/units/"]')].map((a) => a.getAttribute('href')!.replace(/\?.*$/, '')) })),
  );
  const taskLines = await page.locator('[data-behind-tasks] > li').evaluateAll((els) =>
    els.map((el) => ({ key: el.getAttribute('data-task')!, units: [...el.querySelectorAll('a[href^="/units/"]')].map((a) => a.getAttribute('href')!.replace(/\?.*$/, '')) })),
  );
  const unit = lines[0].units[0];
  await page.goto(unit);
  const first = page.locator('main section[aria-labelledby="behind"]');
  // It comes before the unit's indicators and tasks.
  const order = await page.locator('main').evaluate((main) => {
    const behind = main.querySelector('section[aria-labelledby="behind"]');
    const tasks = main.querySelector('[data-task]:not([data-behind-tasks] [data-task])');
    return behind && tasks ? behind.compareDocumentPosition(tasks) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
  });
  expect(order).toBeGreaterThan(0);
  expect(await first.locator('[data-behind-indicators] > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')))).toEqual(
    lines.filter((l) => l.units.includes(unit)).map((l) => l.code),
  );
  expect(await first.locator('[data-behind-tasks] > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')))).toEqual(
    taskLines.filter((l) => l.units.includes(unit)).map((l) => l.key),
  );
  expect(await page.locator('[data-overdue-reports]').count()).toBe(1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/unit-behind-zh-1280.png` });
  await page.close();
});

/** Per sheet of a PDF: its text (pdftotext) and how far down the sheet its content reaches (0–1, from pdftoppm). */
function sheets(pdf: string): { text: string; reach: number }[] {
  const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const prefix = pdf.replace(/\.pdf$/, '-sheet');
  execFileSync('pdftoppm', ['-r', '20', '-gray', pdf, prefix]);
  const files = fs.readdirSync(path.dirname(pdf)).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.pgm')).sort();
  return files.map((f, i) => {
    const buf = fs.readFileSync(path.join(path.dirname(pdf), f));
    fs.rmSync(path.join(path.dirname(pdf), f));
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = buf.subarray(0, 40).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const data = buf.subarray(header[0].length);
    // The bottom margin (14 mm of 297) holds the footer; look above it for the last row with ink.
    const bodyEnd = Math.floor(h * (1 - 14 / 297));
    let last = 0;
    for (let y = Math.floor(h * (14 / 297)); y < bodyEnd; y++) {
      for (let x = 0; x < w; x++) if (data[y * w + x] < 200) last = y;
    }
    return { text: texts[i] ?? '', reach: last / bodyEnd };
  });
}

async function printToPdf(page: Page, name: string): Promise<{ text: string; reach: number }[]> {
  await page.emulateMedia({ media: 'print' });
  const file = `${SCREENSHOT_DIR}/${name}.pdf`;
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return sheets(file);
}

test('the overview, a task page, an indicator page and the units list print on A4: platform, data month, print time, n / m on every sheet, none half empty', async () => {
  const page = await sessions.page('leader');
  const pagesToPrint = [
    ['print-overview', '/'],
    ['print-task-7', '/tasks/7'],
    ['print-indicator', '/indicators/high_tech_enterprises'],
    ['print-units', '/units'],
  ] as const;
  for (const [name, url] of pagesToPrint) {
    await page.goto(url);
    await page.locator('main h1').waitFor();
    const month = (await page.locator('main').innerText()).match(/(?:数据截至 |截至)(\d{4}年\d{1,2}月)/)![1];
    const pages = await printToPdf(page, name);
    expect(pages.length, name).toBeGreaterThan(0);
    pages.forEach((sheet, i) => {
      const where = `${name} sheet ${i + 1}`;
      expect(sheet.text, where).toContain('高科双企 双倍增 监测调度平台');
      expect(sheet.text, where).toContain(`数据截至 ${month}`);
      expect(sheet.text, where).toMatch(/打印时间：\d{4}/);
      expect(sheet.text, where).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`));
      // Every sheet but the last is filled at least halfway down.
      if (i < pages.length - 1) expect(sheet.reach, where).toBeGreaterThan(0.5);
    });
  }
  await page.close();
});
