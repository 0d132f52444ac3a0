// Admin sign-in for browser tests: the first sign-in of a server run enrols the second factor through the real page
// (reading the key it shows), later ones type a code from the same key. Keys are kept beside the server log, so
// every test file of one run shares them.
import fs from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { signInAs, type DEMO_PASSWORDS } from './sign-in';

/** The server's frozen clock (APP_FIXED_NOW in global-setup.ts): codes are computed for that instant. */
export const SERVER_NOW = '2026-11-15T10:00:00+08:00';

export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.parse(SERVER_NOW) });
}

const secretFile = (username: string) => path.join(path.dirname(inject('serverLog')), `totp-${username}.txt`);

export type AdminAccount = Extract<keyof typeof DEMO_PASSWORDS, 'sysadmin' | 'secadmin' | 'auditadmin'>;

export async function signInAdmin(context: BrowserContext, username: AdminAccount): Promise<Page> {
  const file = secretFile(username);
  if (fs.existsSync(file)) return signInAs(context, username, { secondFactor: totpCode(fs.readFileSync(file, 'utf8')) });
  const page = await signInAs(context, username);
  await page.waitForURL('**/account/two-factor');
  await page.getByRole('button', { name: /开始启用|Start/ }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByLabel(/6 位动态码|6-digit/).fill(totpCode(secret));
  await page.getByRole('button', { name: /确认启用|^Enable$/ }).click();
  await page.getByText(/动态验证码已启用|enabled/).waitFor();
  fs.writeFileSync(file, secret);
  return page;
}
