// Issue 9 item 16: server-action posts that are not what the app's own forms send get a 4xx with a clear message, not
// a 500, and each refusal is in the audit log like any other. Posted from a signed-in browser, as an attacker would.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { signInAdmin } from './support/admin';
import { launchBrowser, newContext } from './support/browser';
import { signInAs } from './support/sign-in';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BOUNDARY = '----beibei-e2e';
const multipart = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${BOUNDARY}--\r\n`;

test('bad server-action posts are refused with a 4xx and a message, and audited', async () => {
  const context = await newContext(browser, baseUrl);
  const page = await signInAs(context, 'viewer');
  await page.goto('/tasks');
  // A real action of the page: the language switch, whose form carries its id for use without JavaScript.
  const idField = await page.locator('input[name^="$ACTION_ID_"]').first().getAttribute('name');
  const actionId = idField!.replace('$ACTION_ID_', '');
  const api: APIRequestContext = page.request;
  const post = (body: string | Buffer, headers: Record<string, string>) =>
    api.post('/tasks', { data: body, headers: { 'Next-Action': actionId, Origin: baseUrl, ...headers }, failOnStatusCode: false });

  const cases: [string, Promise<Awaited<ReturnType<typeof post>>>, number, string][] = [
    ['JSON null', post('null', { 'Content-Type': 'text/plain;charset=UTF-8' }), 415, '表单数据'],
    ['a number', post('42', { 'Content-Type': 'text/plain;charset=UTF-8' }), 415, '表单数据'],
    ['an object with __proto__', post('{"__proto__":{"polluted":1}}', { 'Content-Type': 'application/json' }), 415, '表单数据'],
    ['a body over 3 MB', post(Buffer.from(multipart({ '1_locale': 'x'.repeat(3 * 1024 * 1024 + 10) })), { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }), 413, '3 MB'],
    ['a foreign Origin', post(multipart({ '1_locale': 'en', 0: '["$K1"]' }), { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, Origin: 'https://evil.example' }), 403, '其他网站'],
  ];
  for (const [name, pending, status, message] of cases) {
    const answer = await pending;
    expect(answer.status(), name).toBe(status);
    expect((await answer.json()).error, name).toContain(message);
  }
  // The page itself still works for the same session.
  expect((await page.goto('/tasks'))!.status()).toBe(200);
  await context.close();

  const audit = await newContext(browser, baseUrl);
  const auditor = await signInAdmin(audit, 'auditadmin');
  await auditor.goto('/admin/audit?event=authz.denied');
  const rows = (await auditor.locator('main table tbody tr').allInnerTexts()).filter((t) => t.includes('serverAction /tasks'));
  for (const reason of ['not form data', 'body too large', 'foreign origin']) expect(rows.some((t) => t.includes(reason) && t.includes('viewer')), reason).toBe(true);
  await audit.close();
});
