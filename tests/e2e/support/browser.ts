// Headless Debian Chromium through playwright-core (never a downloaded browser).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright gives every launch a fresh temporary profile; these flags keep Chromium off the (closed) network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, baseURL: string, options: { locale?: 'zh-CN' | 'en'; width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: options.width ?? 1280, height: 900 }, locale: 'zh-CN' });
  if (options.locale === 'en') await context.addCookies([{ name: 'locale', value: 'en', url: baseURL }]);
  return context;
}

/** The page as printed on A4 (a print-media screenshot as wide as A4's printable area, and the PDF itself). */
export async function printed(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-print.png`, fullPage: true });
  await page.pdf({ path: `${SCREENSHOT_DIR}/${name}.pdf`, format: 'A4' });
  await page.setViewportSize(viewport);
  await page.emulateMedia({ media: 'screen' });
}
