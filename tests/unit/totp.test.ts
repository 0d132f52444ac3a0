import { describe, expect, test } from 'vitest';
import { currentTotp, newTotpSecret, totpStep } from '@/lib/auth/totp';

const secret = newTotpSecret();
const at = new Date('2026-11-15T02:00:10Z');
const stepOf = (date: Date) => Math.floor(date.getTime() / 30_000);
const shifted = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe('totpStep', () => {
  test.each([
    ['the current code', 0, 0],
    ['the previous code (phone 30 s behind)', -30, -1],
    ['the next code (phone 30 s ahead)', 30, 1],
  ])('%s gives its own step', (_, offset, steps) => {
    expect(totpStep(secret, currentTotp(secret, shifted(offset)), at)).toBe(stepOf(at) + steps);
  });

  test('a code checked just after its step ended still names its own step', () => {
    const code = currentTotp(secret, at);
    const end = new Date((stepOf(at) + 1) * 30_000 + 100);
    expect(totpStep(secret, code, end)).toBe(stepOf(at));
  });

  test.each([
    ['two steps old', currentTotp(secret, shifted(-60))],
    ['two steps ahead', currentTotp(secret, shifted(60))],
    ['not six digits', '12345'],
    ['letters', 'abcdef'],
    ['another secret', currentTotp(newTotpSecret(), at)],
  ])('%s: no step', (_, code) => {
    // Another secret's code could match by chance once in a million; the suite would say so.
    expect(totpStep(secret, code, at)).toBeNull();
  });
});
