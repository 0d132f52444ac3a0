// Admin sign-in for browser tests: the first sign-in of a server run enrols the second factor through the real page
// (reading the key it shows), later ones type a code from the same key. Keys are kept beside the server log, so
// every test file of one run shares them. Like a phone, codes follow the real time (the server checks them against
// it, not against its frozen clock), and like a person, a test waits for the next code when the current one is used
// up: each code signs in once.
import fs from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { signInAs, type DEMO_PASSWORDS } from './sign-in';

const PERIOD_MS = 30_000;

function codeAt(secret: string, timestamp: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

const secretFile = (username: string) => path.join(path.dirname(inject('serverLog')), `totp-${username}.txt`);
const stepFile = (username: string) => path.join(path.dirname(inject('serverLog')), `totp-${username}.step`);

/** A code this account has not used yet: the current one, or the next one once the current one is spent. */
async function freshCode(username: string, secret: string): Promise<string> {
  const used = fs.existsSync(stepFile(username)) ? Number(fs.readFileSync(stepFile(username), 'utf8')) : -1;
  let step = Math.floor(Date.now() / PERIOD_MS);
  if (step <= used) {
    await new Promise((resolve) => setTimeout(resolve, (used + 1) * PERIOD_MS - Date.now() + 200));
    step = Math.floor(Date.now() / PERIOD_MS);
  }
  fs.writeFileSync(stepFile(username), String(step));
  return codeAt(secret, step * PERIOD_MS);
}

export type AdminAccount = Extract<keyof typeof DEMO_PASSWORDS, 'sysadmin' | 'secadmin' | 'auditadmin'>;

export async function signInAdmin(context: BrowserContext, username: AdminAccount): Promise<Page> {
  const file = secretFile(username);
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8');
    return signInAs(context, username, { secondFactor: await freshCode(username, secret) });
  }
  const page = await signInAs(context, username);
  await page.waitForURL('**/account/two-factor');
  await enrolSecondFactor(page, username);
  return page;
}

/** Enrols a second factor through the account page, as the signed-in user of `page`, keeping its key for later. */
export async function enrolSecondFactor(page: Page, username: string): Promise<void> {
  if (!page.url().includes('/account/two-factor')) await page.goto('/account/two-factor');
  await page.getByRole('button', { name: /开始启用|Start/ }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByLabel(/6 位动态码|6-digit/).fill(await freshCode(username, secret));
  await page.getByRole('button', { name: /确认启用|^Enable$/ }).click();
  await page.getByText(/动态验证码已启用|enabled/).waitFor();
  fs.writeFileSync(secretFile(username), secret);
}

/** After a reset, the next sign-in enrols afresh: the kept key is of no use any more. */
export function forgetSecondFactor(username: string): void {
  for (const file of [secretFile(username), stepFile(username)]) fs.rmSync(file, { force: true });
}
