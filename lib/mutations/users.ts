// Server only. Every function takes the acting user first. Account administration under 三权分立: the system admin
// manages accounts and units, the security admin roles, policy, sessions and lost second factors. Audit rows in the same transaction.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password-hash';
import { checkPasswordPolicy, securityPolicySchema, type SecurityPolicy } from '@/lib/auth/password-policy';
import { getDb } from '@/lib/db/client';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, prismaErrorCode } from '@/lib/errors';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { can, isValidRoleSet, type Action } from '@/lib/permissions';
import { PasswordPolicyError, revokeSessions } from '@/lib/mutations/auth';
import { getSecurityPolicy, invalidateSecurityPolicy, SECURITY_POLICY_KEY } from '@/lib/queries/security';

type Tx = Prisma.TransactionClient;

function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError();
}

async function loadUser(tx: Tx, userId: number, version?: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('用户不存在', 'No such user');
  if (version !== undefined && user.version !== version) throw new ConflictError('该账户已被他人修改，请刷新后重试', 'This account was changed by someone else; reload and try again');
  return user;
}

async function bumpVersion(tx: Tx, userId: number, version: number, data: Prisma.UserUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id: userId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ConflictError('该账户已被他人修改，请刷新后重试', 'This account was changed by someone else; reload and try again');
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: number | null;
  temporaryPassword: string;
}

/** New accounts have no role (the security admin assigns roles) and must change the temporary password. */
export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: number }> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const policy = await getSecurityPolicy();
  const username = input.username.trim().toLowerCase();
  const problems = checkPasswordPolicy(input.temporaryPassword, username, policy);
  if (problems.length) throw new PasswordPolicyError(problems, policy, 'temporaryPassword');
  const passwordHash = await hashPassword(input.temporaryPassword);
  try {
    return await db.$transaction(async (tx) => {
      if (input.unitId !== null && !(await tx.unit.findUnique({ where: { id: input.unitId } }))) throw new NotFoundError('单位不存在', 'No such unit');
      const user = await tx.user.create({ data: { username, displayName: input.displayName.trim(), unitId: input.unitId, passwordHash, roles: [], mustChangePassword: true } });
      await recordAudit(tx, actor, { event: 'user.created', targetType: 'user', targetId: user.id, after: { username, displayName: user.displayName, unitId: input.unitId } });
      return { id: user.id };
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw new DomainError(`用户名“${username}”已存在（不区分大小写）`, `The username "${username}" is taken (case-insensitive)`);
    throw error;
  }
}

export async function setUserDisabled(actor: Actor, input: { userId: number; version: number; disabled: boolean; reason: string }, now: Date): Promise<void> {
  assertCan(actor, 'user.manage');
  if (input.userId === actor.userId) throw new ForbiddenError('不能停用自己的账户', 'You cannot disable your own account');
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId, input.version);
    await bumpVersion(tx, user.id, user.version, { disabled: input.disabled });
    const revoked = input.disabled ? await revokeSessions(tx, user.id, 'account disabled', now) : 0;
    await recordAudit(tx, actor, { event: input.disabled ? 'user.disabled' : 'user.enabled', targetType: 'user', targetId: user.id, reason: input.reason, after: { sessionsRevoked: revoked } });
  });
}

export async function assignUnit(actor: Actor, input: { userId: number; version: number; unitId: number | null }): Promise<void> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId, input.version);
    if (input.unitId !== null && !(await tx.unit.findUnique({ where: { id: input.unitId } }))) throw new NotFoundError('单位不存在', 'No such unit');
    await bumpVersion(tx, user.id, user.version, { unitId: input.unitId });
    await recordAudit(tx, actor, { event: 'user.unitChanged', targetType: 'user', targetId: user.id, before: { unitId: user.unitId }, after: { unitId: input.unitId } });
  });
}

/** Sets a temporary password the user must change at next sign-in; open sessions end. */
export async function resetPassword(actor: Actor, input: { userId: number; version: number; temporaryPassword: string }, now: Date): Promise<void> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const policy = await getSecurityPolicy();
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { username: true } });
  if (!target) throw new NotFoundError('用户不存在', 'No such user');
  const problems = checkPasswordPolicy(input.temporaryPassword, target.username, policy);
  if (problems.length) throw new PasswordPolicyError(problems, policy, 'temporaryPassword');
  const passwordHash = await hashPassword(input.temporaryPassword);
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId, input.version);
    await bumpVersion(tx, user.id, user.version, { passwordHash, passwordChangedAt: now, mustChangePassword: true, failedAttempts: 0, lockedUntil: null });
    await tx.passwordHistory.create({ data: { userId: user.id, hash: user.passwordHash, createdAt: user.passwordChangedAt } });
    const revoked = await revokeSessions(tx, user.id, 'password reset', now);
    await recordAudit(tx, actor, { event: 'auth.passwordReset', targetType: 'user', targetId: user.id, after: { sessionsRevoked: revoked } });
  });
}

/** Roles are the security admin's: never two admin roles, never an admin role beside a business one, never one's own. */
export async function assignRoles(actor: Actor, input: { userId: number; version: number; roles: Role[] }): Promise<void> {
  assertCan(actor, 'role.assign');
  if (input.userId === actor.userId) throw new ForbiddenError('不能修改自己的角色', 'You cannot change your own roles');
  const roles = [...new Set(input.roles)];
  if (roles.length && !isValidRoleSet(roles)) {
    throw new DomainError('角色组合不允许：管理员角色（系统、安全、审计）只能单独授予，且每个账户至多一个', 'Not allowed: an admin role (system, security, audit) must be the account\'s only role');
  }
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId, input.version);
    if (roles.includes('unit_reporter') && user.unitId === null) {
      throw new DomainError('填报员必须先由系统管理员指定所属单位', 'A unit reporter needs a unit first (set by the system admin)');
    }
    await bumpVersion(tx, user.id, user.version, { roles });
    await recordAudit(tx, actor, { event: 'user.rolesChanged', targetType: 'user', targetId: user.id, before: { roles: user.roles }, after: { roles } });
  });
}

export async function terminateSessions(actor: Actor, input: { userId: number; reason: string }, now: Date): Promise<number> {
  assertCan(actor, 'session.terminate');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await loadUser(tx, input.userId);
    const count = await revokeSessions(tx, input.userId, 'terminated by security admin', now);
    await recordAudit(tx, actor, { event: 'security.sessionsTerminated', targetType: 'user', targetId: input.userId, reason: input.reason, after: { sessions: count } });
    return count;
  });
}

/**
 * A lost phone: the user's second factor and recovery codes are removed and their sessions ended, so that the next
 * sign-in (with the password) enrols a new one; admin accounts cannot work until they do. Never one's own: an admin
 * who could clear their own second factor would not need it.
 */
export async function resetSecondFactor(actor: Actor, input: { userId: number; version: number; reason: string }, now: Date): Promise<{ sessionsEnded: number }> {
  assertCan(actor, 'secondFactor.reset');
  if (input.userId === actor.userId) throw new ForbiddenError('不能重置自己的动态验证码', 'You cannot reset your own second factor');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId, input.version);
    if (!user.totpSecret && !user.totpEnabledAt) throw new DomainError('该用户未启用动态验证码', 'This user has no second factor to reset');
    await bumpVersion(tx, user.id, user.version, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    const recoveryCodes = (await tx.recoveryCode.deleteMany({ where: { userId: user.id } })).count;
    const sessionsEnded = await revokeSessions(tx, user.id, 'second factor reset', now);
    await recordAudit(tx, actor, {
      event: 'security.secondFactorReset',
      targetType: 'user',
      targetId: user.id,
      reason: input.reason,
      before: { totpEnabledAt: user.totpEnabledAt, recoveryCodes },
      after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}

export async function updateSecurityPolicy(actor: Actor, input: { policy: SecurityPolicy; version: number }): Promise<void> {
  assertCan(actor, 'policy.edit');
  const policy = securityPolicySchema.parse(input.policy);
  const db = await getDb();
  const before = await getSecurityPolicy();
  await db.$transaction(async (tx) => {
    const row = await tx.appSetting.findUnique({ where: { key: SECURITY_POLICY_KEY } });
    if ((row?.version ?? 0) !== input.version) throw new ConflictError('策略已被他人修改，请刷新后重试', 'The policy was changed by someone else; reload and try again');
    if (row) {
      const { count } = await tx.appSetting.updateMany({ where: { key: SECURITY_POLICY_KEY, version: row.version }, data: { value: { ...policy }, version: { increment: 1 } } });
      if (count !== 1) throw new ConflictError();
    } else {
      await tx.appSetting.create({ data: { key: SECURITY_POLICY_KEY, value: { ...policy } } });
    }
    await recordAudit(tx, actor, { event: 'security.policyChanged', targetType: 'policy', targetId: SECURITY_POLICY_KEY, before, after: policy });
  });
  invalidateSecurityPolicy();
}

