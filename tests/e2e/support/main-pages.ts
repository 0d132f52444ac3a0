// The platform's main pages, each opened as the role that uses it: the list the phone-width and accessibility checks
// walk. Detail pages are found by following the first link of their list, so the list follows the plan file.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from './browser';
import { signInAs, type DEMO_PASSWORDS } from './sign-in';

export interface MainPage {
  name: string;
  role: keyof typeof DEMO_PASSWORDS;
  /** A path, or how to find it from a list page. */
  path: string | { from: string; link: string };
}

export const MAIN_PAGES: MainPage[] = [
  { name: 'overview', role: 'leader', path: '/' },
  { name: 'indicator', role: 'leader', path: '/indicators/high_tech_enterprises' },
  { name: 'tasks', role: 'leader', path: '/tasks' },
  { name: 'task', role: 'leader', path: { from: '/tasks', link: 'main a[href^="/tasks/"]' } },
  { name: 'units', role: 'leader', path: '/units' },
  { name: 'unit', role: 'leader', path: { from: '/units', link: 'main a[href^="/units/"]' } },
  { name: 'report', role: 'kjj', path: '/report' },
  { name: 'review', role: 'reviewer', path: '/review' },
  { name: 'review-unit', role: 'reviewer', path: { from: '/review', link: 'main a[href^="/review/"][href*="month="]' } },
  { name: 'registry-pipeline', role: 'reviewer', path: '/enterprises/pipeline' },
  { name: 'registry-gap', role: 'reviewer', path: '/enterprises/gap' },
  { name: 'registry-import', role: 'reviewer', path: '/enterprises/import' },
  { name: 'account', role: 'leader', path: '/account/password' },
];

/** Signed-in contexts by role and language, opened once per file. */
export class Sessions {
  private contexts = new Map<string, BrowserContext>();
  constructor(
    private browser: Browser,
    private baseUrl: string,
  ) {}

  async page(role: MainPage['role'], options: { locale?: 'zh-CN' | 'en'; width?: number } = {}): Promise<Page> {
    const key = `${role}|${options.locale ?? 'zh-CN'}|${options.width ?? 1280}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = await newContext(this.browser, this.baseUrl, options);
      (await signInAs(context, role)).close();
      this.contexts.set(key, context);
    }
    return context.newPage();
  }

  async close() {
    await Promise.all([...this.contexts.values()].map((c) => c.close()));
  }
}

/** Opens a main page and waits until its widgets have streamed in. */
export async function openMainPage(page: Page, target: MainPage): Promise<void> {
  let path = target.path;
  if (typeof path !== 'string') {
    await page.goto(path.from);
    const href = await page.locator(path.link).first().getAttribute('href');
    if (!href) throw new Error(`no link ${path.link} on ${path.from}`);
    path = href;
  }
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.animate-pulse'), undefined, { timeout: 20_000 });
}
