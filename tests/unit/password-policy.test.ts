import { describe, expect, test } from 'vitest';
import { characterClasses, checkPasswordPolicy, defaultSecurityPolicy, isPasswordExpired, judgeSession, securityPolicySchema, type SecurityPolicy } from '@/lib/auth/password-policy';

const policy: SecurityPolicy = { ...defaultSecurityPolicy, minLength: 10, minClasses: 3, expiryDays: 90, idleMinutes: 30, absoluteHours: 12 };

describe('character classes: lower, upper, digits, everything else (Chinese counts as a symbol)', () => {
  test.each([
    ['abc', 1],
    ['ABC', 1],
    ['123', 1],
    ['!!!', 1],
    ['汉字', 1],
    ['aB1', 3],
    ['aB1!', 4],
    ['密码abc', 2],
    ['密码Abc1', 4],
    ['', 0],
  ])('%j has %i', (password, classes) => {
    expect(characterClasses(password)).toBe(classes);
  });
});

describe('checkPasswordPolicy (minimum 10 characters, 3 classes)', () => {
  test.each([
    ['Beibei#Plan26', 'zhangsan', [], 'acceptable'],
    ['Short1!', 'zhangsan', ['tooShort'], 'too short'],
    ['汉字密码汉字密码a1', 'zhangsan', [], '10 characters (26 bytes in UTF-8) are 10'],
    ['汉字密码汉字a1', 'zhangsan', ['tooShort'], '8 Chinese-heavy characters are 8, not 20 bytes'],
    ['😀😀😀😀😀😀😀😀a1', 'zhangsan', [], 'an emoji (two UTF-16 units) is one character'],
    ['alllowercaseletters', 'zhangsan', ['tooFewClasses'], 'one class'],
    ['lowercase123', 'zhangsan', ['tooFewClasses'], 'two classes'],
    ['lowercase123汉字', 'zhangsan', [], 'Chinese as the third class'],
    ['ZhangSan#2026', 'zhangsan', ['containsUsername'], 'contains the username, any case'],
    ['Ab#2026xyzab', 'ab', [], 'usernames shorter than 3 are not looked for'],
    ['Chongqing@123', 'zhangsan', [], 'not on the list (only the lower-cased exact entry counts)'],
    ['1qaz2wsx3edc', 'zhangsan', ['tooFewClasses', 'common'], 'common and weak'],
    ['Administrator', 'zhangsan', ['tooFewClasses', 'common'], 'common, matched case-insensitively'],
    [`Aa1!${'x'.repeat(125)}`, 'zhangsan', ['tooLong'], 'more than 128 characters'],
  ] as [string, string, string[], string][])('%j (user %s) → %j: %s', (password, username, problems) => {
    expect(checkPasswordPolicy(password, username, policy)).toEqual(problems);
  });

  test('the limits come from the policy', () => {
    expect(checkPasswordPolicy('abcdefgh', 'user', { ...policy, minLength: 8, minClasses: 1 })).toEqual([]);
    expect(checkPasswordPolicy('abcdefgh', 'user', { ...policy, minLength: 9, minClasses: 2 })).toEqual(['tooShort', 'tooFewClasses']);
  });
});

describe('password expiry', () => {
  const changed = new Date('2026-01-01T00:00:00+08:00');
  const day = 86_400_000;
  test.each([
    [89, 90, false],
    [90, 90, false],
    [90.0001, 90, true],
    [400, 0, false],
    [31, 30, true],
  ])('%s days after a change, with expiry %s days → expired: %s', (days, expiryDays, expired) => {
    expect(isPasswordExpired(changed, new Date(changed.getTime() + days * day), { ...policy, expiryDays })).toBe(expired);
  });
});

describe('judgeSession: idle and absolute timeouts, revocation', () => {
  const created = new Date('2026-11-15T08:00:00+08:00');
  const minutes = (n: number) => new Date(created.getTime() + n * 60_000);
  const session = (lastSeen: number, opts: { revoked?: boolean; expiresAfter?: number } = {}) => ({
    createdAt: created,
    lastSeenAt: minutes(lastSeen),
    expiresAt: minutes(opts.expiresAfter ?? 12 * 60),
    revokedAt: opts.revoked ? minutes(1) : null,
  });
  test.each([
    ['fresh', session(0), 1, 'valid'],
    ['29 min idle', session(0), 29, 'valid'],
    ['30 min idle', session(0), 30, 'idle'],
    ['active for 11 h, seen a minute ago', session(11 * 60 - 1), 11 * 60, 'valid'],
    ['12 h after sign-in, though active', session(12 * 60 - 1), 12 * 60, 'expired'],
    ['past its stored expiry (policy shortened later)', session(59, { expiresAfter: 60 }), 60, 'expired'],
    ['revoked', session(0, { revoked: true }), 2, 'revoked'],
    ['revoked and idle: revocation wins', session(0, { revoked: true }), 300, 'revoked'],
  ] as const)('%s → %s', (_name, s, at, verdict) => {
    expect(judgeSession(s, minutes(at), policy)).toBe(verdict);
  });

  test('a shorter absolute limit in the policy applies to sessions already open', () => {
    expect(judgeSession(session(119), minutes(120), { ...policy, absoluteHours: 2 })).toBe('expired');
  });
});

describe('the policy itself', () => {
  test('the default is 等保 level 3 minded and valid', () => {
    expect(securityPolicySchema.parse(defaultSecurityPolicy)).toEqual(defaultSecurityPolicy);
    expect(defaultSecurityPolicy.secondFactorForAll).toBe(false);
    expect(defaultSecurityPolicy.minLength).toBeGreaterThanOrEqual(8);
    expect(defaultSecurityPolicy.minClasses).toBeGreaterThanOrEqual(3);
    expect(defaultSecurityPolicy.lockoutThreshold).toBeLessThanOrEqual(10);
  });

  test.each([
    [{ minLength: 7 }, 'minLength'],
    [{ minClasses: 5 }, 'minClasses'],
    [{ idleMinutes: 1 }, 'idleMinutes'],
    [{ absoluteHours: 48 }, 'absoluteHours'],
    [{ lockoutThreshold: 2 }, 'lockoutThreshold'],
  ])('refuses %j', (change, field) => {
    const result = securityPolicySchema.safeParse({ ...defaultSecurityPolicy, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([field]);
  });
});

describe('the second factor for everyone, as a form checkbox and as stored', () => {
  const numbers = Object.fromEntries(Object.entries(defaultSecurityPolicy).filter(([k]) => k !== 'secondFactorForAll').map(([k, v]) => [k, String(v)]));
  test.each([
    ['ticked', 'true', true],
    ['not ticked (the field is absent)', undefined, false],
    ['stored true', true, true],
    ['stored false', false, false],
    ['anything else', 'yes', false],
  ])('%s → %s', (_, value, expected) => {
    const input = value === undefined ? numbers : { ...numbers, secondFactorForAll: value };
    expect(securityPolicySchema.parse(input).secondFactorForAll).toBe(expected);
  });
});
