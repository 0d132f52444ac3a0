// The admin mutations (lib/mutations/users.ts, auth.ts, audit-log.ts) called directly, as every role: who may change
// what, and the one audit row each change writes. Server actions and their gate are tested in gate.test.ts.
import { beforeAll, describe, expect, test } from 'vitest';
import { systemActor, type Actor } from '@/lib/actor';
import { defaultSecurityPolicy } from '@/lib/auth/password-policy';
import { verifyPassword } from '@/lib/auth/password-hash';
import { seal } from '@/lib/auth/secret-box';
import { hashRecoveryCode, newTotpSecret } from '@/lib/auth/totp';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { exportAuditLog, viewAuditLog } from '@/lib/mutations/audit-log';
import { resolveSession, signIn } from '@/lib/mutations/auth';
import { seedDemoAccounts } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { assignRoles, assignUnit, createUser, resetPassword, resetSecondFactor, setUserDisabled, terminateSessions, updateSecurityPolicy } from '@/lib/mutations/users';
import { allRoles } from '@/lib/permissions';
import { getSecurityPolicy, getSecurityPolicyVersion, listUsers } from '@/lib/queries/security';
import { actorFor, KNOWN_PASSWORD, makeUser, openSession } from '../support/accounts';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';

setupTestDatabase();
process.env.NEXTAUTH_SECRET ??= 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const operator = systemActor('test');
const now = new Date('2026-11-15T10:00:00+08:00');
const client = { ip: '10.0.0.9', userAgent: 'vitest' };
const TEMP = 'Temp#2026reset';

/** One demo account per role. */
const accountOf: Record<Role, string> = {
  bureau_reviewer: 'reviewer',
  unit_reporter: 'kjj',
  leader: 'leader',
  viewer: 'viewer',
  system_admin: 'sysadmin',
  security_admin: 'secadmin',
  audit_admin: 'auditadmin',
};
const actors = {} as Record<Role, Actor>;
let unitId: number;

beforeAll(async () => {
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  await seedDemoAccounts(operator, plan.id);
  for (const role of allRoles) actors[role] = await actorFor(accountOf[role]);
  const db = await getDb();
  unitId = (await db.unit.findFirstOrThrow({ where: { kind: 'department' } })).id;
});

/** Everything an admin function could touch, in full: "nothing changed" means this is equal before and after. */
async function snapshot() {
  const db = await getDb();
  const [users, sessions, history, settings, audit] = await Promise.all([
    db.user.findMany({ orderBy: { id: 'asc' } }),
    db.session.findMany({ orderBy: { id: 'asc' } }),
    db.passwordHistory.findMany({ orderBy: { id: 'asc' } }),
    db.appSetting.findMany({ orderBy: { key: 'asc' } }),
    db.auditLog.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { users, sessions, history, settings, audit };
}

async function lastAuditId(): Promise<bigint> {
  const db = await getDb();
  return (await db.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
}

async function auditSince(id: bigint) {
  const db = await getDb();
  return db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
}

async function fresh(userId: number) {
  const db = await getDb();
  return db.user.findUniqueOrThrow({ where: { id: userId } });
}

/** Calls `run`, expects `error`, and that nothing at all changed. */
async function refusedUnchanged(run: () => Promise<unknown>, error: new (...args: never[]) => Error, message?: RegExp) {
  const before = await snapshot();
  const failure = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(error);
  if (message) expect((failure as Error).message).toMatch(message);
  expect(await snapshot()).toEqual(before);
}

interface Job {
  name: string;
  role: Role;
  event: string;
  run: (actor: Actor, targetId: number) => Promise<unknown>;
  /** What the right role's call changed. */
  check: (targetId: number, result: unknown) => Promise<void>;
  cleanup?: () => Promise<unknown>;
  /** What the target account needs before anyone tries. */
  setup?: (targetId: number) => Promise<void>;
}

/** An account with an enrolled second factor and its recovery codes. */
async function withSecondFactor(userId: number): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { totpSecret: seal(newTotpSecret()), totpEnabledAt: now, totpLastStep: 1 } });
  await db.recoveryCode.createMany({ data: ['aaaaa-bbbbb', 'ccccc-ddddd'].map((c) => ({ userId, hash: hashRecoveryCode(c) })) });
}

const jobs: Job[] = [
  {
    name: 'createUser',
    role: 'system_admin',
    event: 'user.created',
    run: (actor) => createUser(actor, { username: 'Newbie', displayName: '新同事', unitId, temporaryPassword: TEMP }),
    check: async () => {
      const user = await (await getDb()).user.findUniqueOrThrow({ where: { username: 'newbie' } });
      expect(user).toMatchObject({ displayName: '新同事', unitId, roles: [], mustChangePassword: true, disabled: false });
      expect(await verifyPassword(user.passwordHash, TEMP)).toBe(true);
    },
  },
  {
    name: 'setUserDisabled',
    role: 'system_admin',
    event: 'user.disabled',
    run: async (actor, id) => setUserDisabled(actor, { userId: id, version: (await fresh(id)).version, disabled: true, reason: '调离' }, now),
    check: async (id) => expect((await fresh(id)).disabled).toBe(true),
  },
  {
    name: 'assignUnit',
    role: 'system_admin',
    event: 'user.unitChanged',
    run: async (actor, id) => assignUnit(actor, { userId: id, version: (await fresh(id)).version, unitId }),
    check: async (id) => expect((await fresh(id)).unitId).toBe(unitId),
  },
  {
    name: 'resetPassword',
    role: 'system_admin',
    event: 'auth.passwordReset',
    run: async (actor, id) => resetPassword(actor, { userId: id, version: (await fresh(id)).version, temporaryPassword: TEMP }, now),
    check: async (id) => {
      const user = await fresh(id);
      expect(user.mustChangePassword).toBe(true);
      expect(await verifyPassword(user.passwordHash, TEMP)).toBe(true);
    },
  },
  {
    name: 'assignRoles',
    role: 'security_admin',
    event: 'user.rolesChanged',
    run: async (actor, id) => assignRoles(actor, { userId: id, version: (await fresh(id)).version, roles: ['leader'] }),
    check: async (id) => expect((await fresh(id)).roles).toEqual(['leader']),
  },
  {
    name: 'terminateSessions',
    role: 'security_admin',
    event: 'security.sessionsTerminated',
    run: (actor, id) => terminateSessions(actor, { userId: id, reason: '可疑登录' }, now),
    check: async (id, count) => {
      expect(count).toBe(2);
      expect(await (await getDb()).session.count({ where: { userId: id, revokedAt: null } })).toBe(0);
    },
  },
  {
    name: 'resetSecondFactor',
    role: 'security_admin',
    event: 'security.secondFactorReset',
    setup: withSecondFactor,
    run: async (actor, id) => resetSecondFactor(actor, { userId: id, version: (await fresh(id)).version, reason: '手机丢失' }, now),
    check: async (id, result) => {
      expect(result).toEqual({ sessionsEnded: 2 });
      expect(await fresh(id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      const db = await getDb();
      expect(await db.recoveryCode.count({ where: { userId: id } })).toBe(0);
      expect(await db.session.count({ where: { userId: id, revokedAt: null } })).toBe(0);
    },
  },
  {
    name: 'updateSecurityPolicy',
    role: 'security_admin',
    event: 'security.policyChanged',
    run: async (actor) => updateSecurityPolicy(actor, { policy: { ...(await getSecurityPolicy()), minLength: 12 }, version: await getSecurityPolicyVersion() }),
    check: async () => expect((await getSecurityPolicy()).minLength).toBe(12),
    // Put it back so the other tests keep the default policy.
    cleanup: async () => updateSecurityPolicy(actors.security_admin, { policy: defaultSecurityPolicy, version: await getSecurityPolicyVersion() }),
  },
  {
    name: 'viewAuditLog',
    role: 'audit_admin',
    event: 'audit.viewed',
    run: (actor) => viewAuditLog(actor, { event: 'user.' }),
    check: async (_id, result) => {
      const { rows, total } = result as Awaited<ReturnType<typeof viewAuditLog>>;
      expect(total).toBeGreaterThan(0);
      expect(rows.every((r) => r.event.startsWith('user.'))).toBe(true);
    },
  },
  {
    name: 'exportAuditLog',
    role: 'audit_admin',
    event: 'audit.exported',
    run: (actor) => exportAuditLog(actor, { result: 'success' }),
    check: async (_id, rows) => expect((rows as { result: string }[]).every((r) => r.result === 'success')).toBe(true),
  },
];

const wrongActors = (role: Role): [string, () => Actor][] => [
  ...allRoles.filter((r) => r !== role).map((r): [string, () => Actor] => [r, () => actors[r]]),
  ['the command-line system actor', () => operator],
];

describe.each(jobs)('$name', (job) => {
  let targetId: number;
  beforeAll(async () => {
    targetId = (await makeUser()).id;
    await job.setup?.(targetId);
    await openSession(targetId, now);
    await openSession(targetId, now);
  });

  test.each(wrongActors(job.role))(`is refused to %s, and nothing changes`, async (_name, actor) => {
    await refusedUnchanged(() => job.run(actor(), targetId), ForbiddenError);
  });

  test(`is done by the ${job.role}, with exactly one "${job.event}" audit row`, async () => {
    const since = await lastAuditId();
    const result = await job.run(actors[job.role], targetId);
    await job.check(targetId, result);
    const rows = await auditSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: job.event, actorId: actors[job.role].userId, actorName: accountOf[job.role], actorRole: job.role, result: 'success', ip: '10.0.0.1' });
    await job.cleanup?.();
  });
});

describe('assignRoles keeps 三权分立', () => {
  test.each([
    [['system_admin', 'security_admin'], 'two admin roles'],
    [['audit_admin', 'security_admin'], 'two admin roles'],
    [['system_admin', 'viewer'], 'admin + business'],
    [['audit_admin', 'bureau_reviewer'], 'admin + business'],
  ] as [Role[], string][])('%j (%s) is refused, nothing changes', async (roles) => {
    const target = await makeUser();
    await refusedUnchanged(() => assignRoles(actors.security_admin, { userId: target.id, version: target.version, roles }), DomainError, /管理员角色/);
  });

  test('the security admin cannot change their own roles', async () => {
    const self = await fresh(actors.security_admin.userId!);
    await refusedUnchanged(() => assignRoles(actors.security_admin, { userId: self.id, version: self.version, roles: ['security_admin', 'viewer'] }), ForbiddenError);
    await refusedUnchanged(() => assignRoles(actors.security_admin, { userId: self.id, version: self.version, roles: ['viewer'] }), ForbiddenError, /自己/);
  });

  test('a unit reporter needs a unit first', async () => {
    const target = await makeUser({ unitId: null });
    await refusedUnchanged(() => assignRoles(actors.security_admin, { userId: target.id, version: target.version, roles: ['unit_reporter'] }), DomainError, /单位/);
  });

  test('no role at all is allowed: it withdraws every role', async () => {
    const target = await makeUser({ roles: ['leader'] });
    await assignRoles(actors.security_admin, { userId: target.id, version: target.version, roles: [] });
    expect((await fresh(target.id)).roles).toEqual([]);
  });
});

describe('a stale version is refused as "changed by someone else"', () => {
  const cases: [string, (id: number, version: number) => Promise<unknown>][] = [
    ['setUserDisabled', (id, version) => setUserDisabled(actors.system_admin, { userId: id, version, disabled: true, reason: '测试' }, now)],
    ['assignUnit', (id, version) => assignUnit(actors.system_admin, { userId: id, version, unitId })],
    ['resetPassword', (id, version) => resetPassword(actors.system_admin, { userId: id, version, temporaryPassword: TEMP }, now)],
    ['assignRoles', (id, version) => assignRoles(actors.security_admin, { userId: id, version, roles: ['leader'] })],
    ['resetSecondFactor', (id, version) => resetSecondFactor(actors.security_admin, { userId: id, version, reason: '手机丢失' }, now)],
  ];
  test.each(cases)('%s', async (_name, run) => {
    const target = await makeUser();
    // Someone else changed the account after the admin loaded the page.
    await assignUnit(actors.system_admin, { userId: target.id, version: target.version, unitId });
    await refusedUnchanged(() => run(target.id, target.version), ConflictError, /已被他人修改/);
  });

  test('updateSecurityPolicy', async () => {
    const seen = await getSecurityPolicyVersion();
    await updateSecurityPolicy(actors.security_admin, { policy: { ...defaultSecurityPolicy, lockoutMinutes: 20 }, version: seen });
    await refusedUnchanged(() => updateSecurityPolicy(actors.security_admin, { policy: { ...defaultSecurityPolicy, lockoutMinutes: 30 }, version: seen }), ConflictError, /已被他人修改/);
    expect((await getSecurityPolicy()).lockoutMinutes).toBe(20);
    await updateSecurityPolicy(actors.security_admin, { policy: defaultSecurityPolicy, version: await getSecurityPolicyVersion() });
  });
});

describe('resetSecondFactor', () => {
  test('never one\'s own, and only where there is one to reset', async () => {
    const self = await fresh(actors.security_admin.userId!);
    await refusedUnchanged(() => resetSecondFactor(actors.security_admin, { userId: self.id, version: self.version, reason: '测试' }, now), ForbiddenError, /自己/);
    const plain = await makeUser();
    await refusedUnchanged(() => resetSecondFactor(actors.security_admin, { userId: plain.id, version: plain.version, reason: '测试' }, now), DomainError, /未启用/);
  });

  test('an admin whose phone was lost signs in with the password and must enrol again before doing anything', async () => {
    const admin = await makeUser({ roles: ['audit_admin'] });
    await withSecondFactor(admin.id);
    await expect(signIn({ username: admin.username, password: KNOWN_PASSWORD }, client, now)).rejects.toMatchObject({ code: 'secondFactorRequired' });
    await resetSecondFactor(actors.security_admin, { userId: admin.id, version: (await fresh(admin.id)).version, reason: '手机丢失' }, now);
    const { sessionId } = await signIn({ username: admin.username, password: KNOWN_PASSWORD }, client, now);
    expect((await resolveSession(sessionId, client, now))?.needsSecondFactor).toBe(true);
  });
});

describe('createUser', () => {
  test('a username taken in another case is a clear error, and nothing is written', async () => {
    await refusedUnchanged(() => createUser(actors.system_admin, { username: 'VIEWER', displayName: '重名', unitId: null, temporaryPassword: TEMP }), DomainError, /“viewer”已存在（不区分大小写）/);
  });

  test('a temporary password must meet the policy, with the problem on that field', async () => {
    const before = await snapshot();
    const error = await createUser(actors.system_admin, { username: 'weakling', displayName: '弱密码', unitId: null, temporaryPassword: 'weakling1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(Object.keys((error as DomainError).fields ?? {})).toEqual(['temporaryPassword']);
    expect((error as DomainError).fields!.temporaryPassword.zh.join()).toMatch(/至少 10 个字符/);
    expect(await snapshot()).toEqual(before);
  });

  test('a unit that does not exist is refused, and nothing is written', async () => {
    await refusedUnchanged(() => createUser(actors.system_admin, { username: 'nounit', displayName: '无单位', unitId: 999_999, temporaryPassword: TEMP }), DomainError, /单位不存在/);
  });
});

describe('resetPassword and disabling end access at once', () => {
  test('a reset forces a change at next sign-in, ends open sessions and lifts a lockout', async () => {
    const db = await getDb();
    const target = await makeUser();
    const session = await openSession(target.id, now);
    await db.user.update({ where: { id: target.id }, data: { failedAttempts: 3, lockedUntil: new Date(now.getTime() + 600_000) } });
    const { version } = await fresh(target.id);

    await resetPassword(actors.system_admin, { userId: target.id, version, temporaryPassword: TEMP }, now);

    expect(await resolveSession(session, client, now)).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { id: session } })).toMatchObject({ revokedAt: now, revokedReason: 'password reset' });
    expect(await fresh(target.id)).toMatchObject({ mustChangePassword: true, failedAttempts: 0, lockedUntil: null });
    expect(await db.passwordHistory.count({ where: { userId: target.id } })).toBe(1);

    await expect(signIn({ username: target.username, password: KNOWN_PASSWORD }, client, now)).rejects.toThrow();
    const { sessionId } = await signIn({ username: target.username, password: TEMP }, client, now);
    expect((await resolveSession(sessionId, client, now))?.mustChangePassword).toBe(true);
  });

  test('a disabled account loses its sessions and cannot sign in; nobody disables themselves', async () => {
    const target = await makeUser();
    const session = await openSession(target.id, now);
    await setUserDisabled(actors.system_admin, { userId: target.id, version: target.version, disabled: true, reason: '离职' }, now);
    expect(await resolveSession(session, client, now)).toBeNull();
    await expect(signIn({ username: target.username, password: KNOWN_PASSWORD }, client, now)).rejects.toThrow(/用户名或密码错误/);

    const self = await fresh(actors.system_admin.userId!);
    await refusedUnchanged(() => setUserDisabled(actors.system_admin, { userId: self.id, version: self.version, disabled: true, reason: '测试' }, now), ForbiddenError, /自己/);
  });
});

describe('the audit log', () => {
  test('reading and exporting it each write their own row, with the filter used', async () => {
    const db = await getDb();
    const since = await lastAuditId();
    await viewAuditLog(actors.audit_admin, { actor: 'sysadmin', page: 1 });
    await exportAuditLog(actors.audit_admin, { event: 'auth.' });
    const rows = await db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.event)).toEqual(['audit.viewed', 'audit.exported']);
    expect(rows[0].after).toMatchObject({ actor: 'sysadmin', page: 1 });
    expect(rows[1].after).toMatchObject({ event: 'auth.' });
  });

  test('the database refuses to change or remove audit rows, even through Prisma', async () => {
    const db = await getDb();
    const before = await db.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(before.length).toBeGreaterThan(0);
    await expect(db.auditLog.updateMany({ data: { reason: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.update({ where: { id: before[0].id }, data: { result: 'failure' } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: before[0].id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('listUsers', () => {
  test('lists accounts for the system and security admins only, never a hash', async () => {
    for (const role of allRoles) {
      const actor: Actor = { userId: 1, username: `as-${role}`, roles: [role], unitId: null, sessionId: null, ip: null };
      if (role === 'system_admin' || role === 'security_admin') {
        const users = await listUsers(actor, new Date());
        expect(users.length, role).toBeGreaterThan(0);
        expect(JSON.stringify(users), role).not.toMatch(/argon2|passwordHash|totpSecret/);
      } else {
        await expect(listUsers(actor, new Date()), role).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
  });
});
