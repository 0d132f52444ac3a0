import { describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password-hash';
import { currentTotp, newTotpSecret } from '@/lib/auth/totp';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, PasswordPolicyError, resolveSession, signIn, SignInError, signOut } from '@/lib/mutations/auth';
import { setupTestDatabase } from '../support/db';
import { GOOD_PASSWORD, makeUser } from '../support/factories';

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const client = { ip: '10.0.0.8', userAgent: 'vitest' };
const t0 = new Date('2026-11-16T09:00:00+08:00');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

async function auditEvents(targetId: number | string) {
  const db = await getDb();
  return (await db.auditLog.findMany({ where: { targetId: String(targetId) }, orderBy: { id: 'asc' } })).map((r) => `${r.event}:${r.result}`);
}

describe('sign-in', () => {
  test('the right password opens a session row and writes one success audit row with the client IP', async () => {
    const user = await makeUser({ username: 'Wang.Kj' });
    const { sessionId, userId } = await signIn({ username: 'WANG.KJ', password: GOOD_PASSWORD }, client, t0); // case-insensitive
    expect(userId).toBe(user.id);
    const db = await getDb();
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.expiresAt.getTime() - t0.getTime()).toBe(12 * 3_600_000);
    expect(await auditEvents(user.id)).toEqual(['auth.signIn:success']);
    const row = await db.auditLog.findFirstOrThrow({ where: { event: 'auth.signIn', targetId: String(user.id) } });
    expect(row).toMatchObject({ ip: '10.0.0.8', actorId: user.id, sessionId });
  });

  test('an unknown user and a wrong password fail with the same error', async () => {
    const user = await makeUser();
    const wrong = await signIn({ username: user.username, password: 'Wrong#Password1' }, client, t0).catch((e) => e);
    const unknown = await signIn({ username: 'no-such-user', password: 'Wrong#Password1' }, client, t0).catch((e) => e);
    expect(wrong).toBeInstanceOf(SignInError);
    expect(unknown).toBeInstanceOf(SignInError);
    expect(wrong.message).toBe(unknown.message);
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: 'auth.signInFailed', targetId: 'no-such-user', reason: 'unknown user' } })).toBe(1);
  });

  test('five wrong passwords lock the account for 15 minutes, even for the right password; then it opens again', async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) await expect(signIn({ username: user.username, password: `Wrong#Password${i}` }, client, minutes(i))).rejects.toBeInstanceOf(SignInError);
    const db = await getDb();
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.toISOString()).toBe(minutes(4 + 15).toISOString());
    await expect(signIn({ username: user.username, password: GOOD_PASSWORD }, client, minutes(10))).rejects.toBeInstanceOf(SignInError);
    expect(await auditEvents(user.id)).toEqual([
      ...Array(4).fill('auth.signInFailed:failure'),
      'auth.signInFailed:failure',
      'auth.lockout:success',
      'auth.signInFailed:failure', // the right password while locked
    ]);
    await expect(signIn({ username: user.username, password: GOOD_PASSWORD }, client, minutes(20))).resolves.toMatchObject({ userId: user.id });
  });

  test('a disabled account cannot sign in', async () => {
    const user = await makeUser();
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    await expect(signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0)).rejects.toBeInstanceOf(SignInError);
  });
});

describe('sessions', () => {
  test('sign-out revokes the session: the same cookie (session id) is refused afterwards', async () => {
    const user = await makeUser();
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const state = await resolveSession(sessionId, client, minutes(1));
    expect(state?.actor.userId).toBe(user.id);
    await signOut(state!.actor, minutes(2));
    expect(await resolveSession(sessionId, client, minutes(3))).toBeNull();
    expect(await auditEvents(user.id)).toContain('auth.signIn:success');
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: 'auth.signOut', actorId: user.id } })).toBe(1);
  });

  test('30 idle minutes end a session; activity keeps it alive up to the 12-hour absolute limit', async () => {
    const user = await makeUser();
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    expect(await resolveSession(sessionId, client, minutes(29))).not.toBeNull();
    expect(await resolveSession(sessionId, client, minutes(58))).not.toBeNull(); // 29 minutes after the last request
    expect(await resolveSession(sessionId, client, minutes(89))).toBeNull(); // 31 idle minutes
    const db = await getDb();
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedReason).toBe('idle');

    const busy = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    for (let m = 20; m < 12 * 60; m += 20) expect(await resolveSession(busy.sessionId, client, minutes(m)), `minute ${m}`).not.toBeNull();
    expect(await resolveSession(busy.sessionId, client, minutes(12 * 60))).toBeNull();
  });

  test('disabling a user ends their sessions at the next request', async () => {
    const user = await makeUser();
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await resolveSession(sessionId, client, minutes(1))).toBeNull();
  });

  test('a password older than 90 days, or a reset one, must be changed', async () => {
    const user = await makeUser();
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(t0.getTime() - 91 * 86_400_000) } });
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    expect((await resolveSession(sessionId, client, t0))?.mustChangePassword).toBe(true);
  });
});

describe('password change', () => {
  test('the policy is enforced on the server and the last three passwords cannot come back', async () => {
    const user = await makeUser();
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const actor = (await resolveSession(sessionId, client, t0))!.actor;

    const tooWeak = await changeOwnPassword(actor, { currentPassword: GOOD_PASSWORD, newPassword: 'short' }, t0).catch((e) => e);
    expect(tooWeak).toBeInstanceOf(PasswordPolicyError);
    expect(tooWeak.fields.newPassword.zh.join()).toContain('至少 10 个字符');
    await expect(changeOwnPassword(actor, { currentPassword: 'Wrong#Current1', newPassword: 'Another#Pass2026' }, t0)).rejects.toBeInstanceOf(PasswordPolicyError);

    // Chinese characters are allowed and count as the symbol class (30 bytes in UTF-8 would be 10 characters here).
    await changeOwnPassword(actor, { currentPassword: GOOD_PASSWORD, newPassword: '北碚科技局Abc2026' }, minutes(1));
    await changeOwnPassword(actor, { currentPassword: '北碚科技局Abc2026', newPassword: 'Second#Pass2026' }, minutes(2));
    const reused = await changeOwnPassword(actor, { currentPassword: 'Second#Pass2026', newPassword: GOOD_PASSWORD }, minutes(3)).catch((e) => e);
    expect(reused.problems).toEqual(['reused']);
    await changeOwnPassword(actor, { currentPassword: 'Second#Pass2026', newPassword: 'Third#Pass2026x' }, minutes(4));
    // GOOD_PASSWORD is now 4 passwords ago: allowed again.
    await changeOwnPassword(actor, { currentPassword: 'Third#Pass2026x', newPassword: GOOD_PASSWORD }, minutes(5));
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: 'auth.passwordChanged', actorId: user.id, result: 'success' } })).toBe(4);
    expect(await db.auditLog.count({ where: { event: 'auth.passwordChanged', actorId: user.id, result: 'failure', reason: 'wrong current password' } })).toBe(1);
  });

  test('guessing the current password in the change form counts towards the lockout and ends the session', async () => {
    const user = await makeUser();
    const { sessionId } = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const actor = (await resolveSession(sessionId, client, t0))!.actor;
    for (let i = 0; i < 5; i++) await changeOwnPassword(actor, { currentPassword: `Guess#Number${i}`, newPassword: 'Another#Pass2026' }, minutes(i)).catch(() => null);
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();
    expect(await resolveSession(sessionId, client, minutes(6))).toBeNull();
  });

  test('changing the password ends the other sessions but keeps the current one', async () => {
    const user = await makeUser();
    const a = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const b = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const actor = (await resolveSession(a.sessionId, client, t0))!.actor;
    await changeOwnPassword(actor, { currentPassword: GOOD_PASSWORD, newPassword: 'Fresh#Pass2026' }, minutes(1));
    expect(await resolveSession(a.sessionId, client, minutes(2))).not.toBeNull();
    expect(await resolveSession(b.sessionId, client, minutes(2))).toBeNull();
  });
});

describe('an account with no role yet', () => {
  test('changes its temporary password, enrols a second factor and ends its other sessions', async () => {
    const user = await makeUser({ roles: [], mustChangePassword: true });
    const a = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const b = await signIn({ username: user.username, password: GOOD_PASSWORD }, client, t0);
    const state = (await resolveSession(a.sessionId, client, t0))!;
    expect(state.actor.roles).toEqual([]);
    expect(state.mustChangePassword).toBe(true);
    await changeOwnPassword(state.actor, { currentPassword: GOOD_PASSWORD, newPassword: 'Newcomer#Pass2026' }, minutes(1));
    expect((await resolveSession(a.sessionId, client, minutes(2)))!.mustChangePassword).toBe(false);
    expect(await resolveSession(b.sessionId, client, minutes(2))).toBeNull();
    const { secret } = await beginTotpEnrolment(state.actor);
    await confirmTotpEnrolment(state.actor, currentTotp(secret, new Date()), minutes(2));
    expect(await auditEvents(user.id)).toEqual(expect.arrayContaining(['auth.passwordChanged:success', 'auth.totpEnrolled:success']));
  });
});

describe('second factor', () => {
  test('admins must enrol; after enrolment sign-in needs a code, and a recovery code works once', async () => {
    const admin = await makeUser({ roles: ['security_admin'] });
    const first = await signIn({ username: admin.username, password: GOOD_PASSWORD }, client, t0);
    const state = (await resolveSession(first.sessionId, client, t0))!;
    expect(state.needsSecondFactor).toBe(true);

    const { secret } = await beginTotpEnrolment(state.actor);
    await expect(confirmTotpEnrolment(state.actor, '000000', t0)).rejects.toThrow('动态验证码不正确');
    // Codes follow the phone's clock (the real time), whatever clock the platform's rules run on.
    const enrolmentCode = currentTotp(secret, new Date());
    const { recoveryCodes } = await confirmTotpEnrolment(state.actor, enrolmentCode, t0);
    expect(recoveryCodes).toHaveLength(10);
    const db = await getDb();
    const stored = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.totpSecret).not.toContain(secret); // sealed at rest
    expect(await db.recoveryCode.count({ where: { userId: admin.id, hash: { in: recoveryCodes } } })).toBe(0); // hashed

    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD }, client, minutes(1))).rejects.toMatchObject({ code: 'secondFactorRequired' });
    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD, secondFactor: '123456' }, client, minutes(1))).rejects.toMatchObject({ code: 'invalid' });
    // The enrolment used its code up; the next one (30 s later on the phone) signs in.
    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD, secondFactor: enrolmentCode }, client, minutes(1))).rejects.toMatchObject({ code: 'invalid' });
    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD, secondFactor: currentTotp(secret, new Date(Date.now() + 30_000)) }, client, minutes(1))).resolves.toBeTruthy();
    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD, secondFactor: recoveryCodes[0] }, client, minutes(2))).resolves.toBeTruthy();
    await expect(signIn({ username: admin.username, password: GOOD_PASSWORD, secondFactor: recoveryCodes[0] }, client, minutes(3))).rejects.toBeInstanceOf(SignInError);
    expect(await auditEvents(admin.id)).toContain('auth.totpEnrolled:success');
  });

  test('a code signs in once: a replayed or older code is refused, counted and audited; two sign-ins racing with one code, one wins', async () => {
    const user = await makeUser();
    const db = await getDb();
    const secret = newTotpSecret();
    const { seal } = await import('@/lib/auth/secret-box');
    await db.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret), totpEnabledAt: t0 } });
    const codeAt = (offsetSeconds: number) => currentTotp(secret, new Date(Date.now() + offsetSeconds * 1000));
    const attempt = (secondFactor: string) => signIn({ username: user.username, password: GOOD_PASSWORD, secondFactor }, client, minutes(1));

    const now = codeAt(0);
    await expect(attempt(now)).resolves.toBeTruthy();
    await expect(attempt(now)).rejects.toMatchObject({ code: 'invalid' });
    await expect(attempt(codeAt(-30))).rejects.toMatchObject({ code: 'invalid' });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedAttempts).toBe(2);
    const reasons = (await db.auditLog.findMany({ where: { event: 'auth.signInFailed', targetId: String(user.id) } })).map((r) => r.reason);
    expect(reasons).toEqual(['second factor reused', 'second factor reused']);

    const next = codeAt(30);
    const raced = await Promise.allSettled([attempt(next), attempt(next), attempt(next)]);
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  test('with the policy for everyone, a business user must enrol before going on; enrolled, they may', async () => {
    const { getSecurityPolicy, invalidateSecurityPolicy, SECURITY_POLICY_KEY } = await import('@/lib/queries/security');
    const db = await getDb();
    const viewer = await makeUser({ roles: ['viewer'] });
    const { sessionId } = await signIn({ username: viewer.username, password: GOOD_PASSWORD }, client, t0);
    expect((await resolveSession(sessionId, client, t0))?.needsSecondFactor).toBe(false);

    await db.appSetting.upsert({ where: { key: SECURITY_POLICY_KEY }, create: { key: SECURITY_POLICY_KEY, value: { secondFactorForAll: true } }, update: { value: { secondFactorForAll: true } } });
    invalidateSecurityPolicy();
    try {
      expect((await getSecurityPolicy()).secondFactorForAll).toBe(true);
      const state = (await resolveSession(sessionId, client, minutes(1)))!;
      expect(state.needsSecondFactor).toBe(true);
      const { secret } = await beginTotpEnrolment(state.actor);
      await confirmTotpEnrolment(state.actor, currentTotp(secret, new Date()), minutes(1));
      expect((await resolveSession(sessionId, client, minutes(2)))?.needsSecondFactor).toBe(false);
    } finally {
      await db.appSetting.delete({ where: { key: SECURITY_POLICY_KEY } });
      invalidateSecurityPolicy();
    }
  });

  test('a wrong code counts towards the lockout', async () => {
    const user = await makeUser();
    const db = await getDb();
    const secret = newTotpSecret();
    const { seal } = await import('@/lib/auth/secret-box');
    await db.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret), totpEnabledAt: t0, passwordHash: await hashPassword(GOOD_PASSWORD) } });
    for (let i = 0; i < 5; i++) await signIn({ username: user.username, password: GOOD_PASSWORD, secondFactor: '000000' }, client, minutes(i)).catch(() => null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();
  });
});

test('the application cannot change or delete audit rows: the database refuses', async () => {
  const db = await getDb();
  await makeUser().then((u) => signIn({ username: u.username, password: GOOD_PASSWORD }, client, t0));
  const before = await db.auditLog.count();
  await expect(db.auditLog.updateMany({ data: { result: 'failure' } })).rejects.toThrow();
  await expect(db.auditLog.deleteMany({})).rejects.toThrow();
  await expect(db.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow();
  expect(await db.auditLog.count()).toBe(before);
});
