// Server only. Sign-in, sessions, own password and second factor. Every security event writes its audit row in the
// same transaction as the change it records; a failed sign-in commits its counter and audit row, then fails.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/auth/password-hash';
import { checkPasswordPolicy, isPasswordExpired, judgeSession, type PasswordProblem, type SecurityPolicy } from '@/lib/auth/password-policy';
import { open, seal } from '@/lib/auth/secret-box';
import { sessionHandle } from '@/lib/auth/session-handle';
import { hashRecoveryCode, matchesRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '@/lib/auth/totp';
import { wallClock } from '@/lib/clock';
import { getDb, type Db } from '@/lib/db/client';
import { DomainError, ForbiddenError, InvalidTransitionError, NotFoundError } from '@/lib/errors';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { can, requiresSecondFactor } from '@/lib/permissions';
import { currentDataVersions } from '@/lib/queries/data-version';
import { getSecurityPolicy } from '@/lib/queries/security';
import { createVersionMemo, type VersionMemo } from '@/lib/version-memo';

type Tx = Prisma.TransactionClient;

/** One message for an unknown user, a wrong password, a disabled or a locked account: nothing is given away. */
export class SignInError extends DomainError {
  constructor(readonly code: 'invalid' | 'secondFactorRequired' = 'invalid') {
    super(
      code === 'invalid' ? '用户名或密码错误；连续失败多次将锁定账户' : '请输入动态验证码（或恢复码）',
      code === 'invalid' ? 'Wrong username or password; repeated failures lock the account' : 'Enter your authenticator code (or a recovery code)',
    );
  }
}

type PasswordRule = PasswordProblem | 'reused' | 'wrongCurrent';

function policyMessages(problems: PasswordRule[], policy: SecurityPolicy) {
  const text: Record<PasswordRule, [string, string]> = {
    tooShort: [`至少 ${policy.minLength} 个字符`, `At least ${policy.minLength} characters`],
    tooLong: ['不能超过 128 个字符', 'At most 128 characters'],
    tooFewClasses: [`须包含小写字母、大写字母、数字、符号（含汉字）中的至少 ${policy.minClasses} 类`, `Use at least ${policy.minClasses} of: lower case, upper case, digits, symbols (Chinese characters count as symbols)`],
    containsUsername: ['不能包含用户名', 'Must not contain the username'],
    common: ['过于常见，容易被猜中', 'Too common; easily guessed'],
    reused: [`不能与最近 ${policy.historyCount} 次使用的密码相同`, `Must differ from the last ${policy.historyCount} passwords`],
    wrongCurrent: ['当前密码不正确', 'The current password is wrong'],
  };
  const field = (rules: PasswordRule[]) => ({ zh: rules.map((r) => text[r][0]), en: rules.map((r) => text[r][1]) });
  const current = problems.filter((p) => p === 'wrongCurrent');
  const next = problems.filter((p) => p !== 'wrongCurrent');
  return { ...(current.length ? { currentPassword: field(current) } : {}), ...(next.length ? { newPassword: field(next) } : {}) };
}

export class PasswordPolicyError extends DomainError {
  constructor(
    readonly problems: PasswordRule[],
    policy: SecurityPolicy,
    field = 'newPassword',
  ) {
    const fields = policyMessages(problems, policy);
    if (field !== 'newPassword' && fields.newPassword) {
      Object.assign(fields, { [field]: fields.newPassword });
      delete (fields as Record<string, unknown>).newPassword;
    }
    super('密码不符合要求', 'The password does not meet the requirements', fields);
  }
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignInInput {
  username: string;
  password: string;
  secondFactor?: string;
}

const normaliseUsername = (username: string) => username.trim().toLowerCase();

function anonymous(username: string, client: ClientInfo): Actor {
  return { userId: null, username: `anonymous:${username.slice(0, 64)}`, roles: [], unitId: null, sessionId: null, ip: client.ip };
}

function actorOf(user: { id: number; username: string; roles: Role[]; unitId: number | null }, sessionId: string | null, ip: string | null): Actor {
  return { userId: user.id, username: user.username, roles: user.roles, unitId: user.unitId, sessionId, ip };
}

/** Checks the credentials; on success opens a session row and returns its id (carried inside the JWT). */
export async function signIn(input: SignInInput, client: ClientInfo, now: Date): Promise<{ userId: number; sessionId: string }> {
  const db = await getDb();
  const policy = await getSecurityPolicy();
  const username = normaliseUsername(input.username);
  const user = await db.user.findUnique({ where: { username } });

  if (!user) {
    await verifyAgainstDummy(input.password);
    await db.$transaction((tx) =>
      recordAudit(tx, anonymous(username, client), { event: 'auth.signInFailed', targetType: 'user', targetId: username, result: 'failure', reason: 'unknown user' }),
    );
    throw new SignInError();
  }

  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const secondFactor = input.secondFactor?.trim() ?? '';
  let secondFactorOk = true;
  let secondFactorReused = false;
  let recoveryCodeId: number | null = null;
  let codeStep: number | null = null;
  if (passwordOk && user.totpEnabledAt && user.totpSecret) {
    if (!secondFactor) secondFactorOk = false;
    else if (/^\d{6}$/.test(secondFactor)) {
      // The phone's time, not the platform's (which a demo may freeze); a code already used is refused.
      codeStep = totpStep(open(user.totpSecret), secondFactor, wallClock());
      secondFactorReused = codeStep !== null && user.totpLastStep !== null && codeStep <= user.totpLastStep;
      secondFactorOk = codeStep !== null && !secondFactorReused;
    } else {
      const unused = await db.recoveryCode.findMany({ where: { userId: user.id, usedAt: null } });
      recoveryCodeId = unused.find((c) => matchesRecoveryCode(c.hash, secondFactor))?.id ?? null;
      secondFactorOk = recoveryCodeId !== null;
    }
  }

  const actor = actorOf(user, null, client.ip);
  const failure = locked ? 'locked' : user.disabled ? 'disabled' : !passwordOk ? 'wrong password' : !secondFactorOk ? (secondFactorReused ? 'second factor reused' : secondFactor ? 'wrong second factor' : 'second factor missing') : null;

  if (failure) {
    // A missing second factor after a right password is a step of the flow, not a guess: it does not count.
    const counts = failure === 'wrong password' || failure === 'wrong second factor' || failure === 'second factor reused';
    await db.$transaction(async (tx) => {
      await recordAudit(tx, actor, { event: 'auth.signInFailed', targetType: 'user', targetId: user.id, result: 'failure', reason: failure });
      if (!counts) return;
      const attempts = user.failedAttempts + 1;
      if (attempts >= policy.lockoutThreshold) {
        const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
        await tx.user.update({ where: { id: user.id }, data: { failedAttempts: 0, lockedUntil } });
        await recordAudit(tx, actor, { event: 'auth.lockout', targetType: 'user', targetId: user.id, reason: `${attempts} failed attempts`, after: { lockedUntil } });
      } else {
        await tx.user.update({ where: { id: user.id }, data: { failedAttempts: attempts } });
      }
    });
    throw new SignInError(failure === 'second factor missing' ? 'secondFactorRequired' : 'invalid');
  }

  const sessionId = randomBytes(32).toString('base64url');
  await db.$transaction(async (tx) => {
    await tx.session.create({
      data: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000), ip: client.ip, userAgent: client.userAgent?.slice(0, 300) },
    });
    await tx.user.update({ where: { id: user.id }, data: { failedAttempts: 0, lockedUntil: null, lastSignInAt: now } });
    if (codeStep !== null) {
      // Two sign-ins racing with one code: only one may use it.
      const taken = await tx.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: codeStep } }] }, data: { totpLastStep: codeStep } });
      if (taken.count !== 1) throw new SignInError();
    }
    if (recoveryCodeId) {
      // Two sign-ins racing with one code: only one may use it.
      const used = await tx.recoveryCode.updateMany({ where: { id: recoveryCodeId, usedAt: null }, data: { usedAt: now } });
      if (used.count !== 1) throw new SignInError();
    }
    await recordAudit(tx, actorOf(user, sessionId, client.ip), {
      event: 'auth.signIn',
      targetType: 'user',
      targetId: user.id,
      reason: recoveryCodeId ? 'recovery code used' : undefined,
    });
  });
  return { userId: user.id, sessionId };
}

export interface SessionState {
  actor: Actor;
  displayName: string;
  unitName: string | null;
  mustChangePassword: boolean;
  needsSecondFactor: boolean;
  /** The absolute end of the session (the idle rule may end it sooner). */
  expiresAt: Date;
}

/** Touching lastSeenAt on every request would write on every read; a minute of slack is enough for a 30-minute idle rule. */
const TOUCH_EVERY_MS = 60_000;

const SESSION_ROW = {
  revokedAt: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  user: {
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      unitId: true,
      disabled: true,
      mustChangePassword: true,
      passwordChangedAt: true,
      totpEnabledAt: true,
      unit: { select: { name: true } },
    },
  },
} satisfies Prisma.SessionSelect;

type SessionRow = Prisma.SessionGetPayload<{ select: typeof SESSION_ROW }>;

// Session rows by id, each kept with the database's data version it was read at (lib/queries/data-version.ts): while
// nothing has been written, the row cannot have changed, so a page costs one one-row query instead of three reads.
// Any write (a sign-out, a revocation, a disabled user, the minutely touch) moves the version and forces a fresh read,
// in every process. The verdict is judged afresh on every request, so idle and absolute timeouts are exact.
const sessionRowMemos = new WeakMap<Db, VersionMemo<SessionRow | null>>();

function sessionRowMemo(db: Db): VersionMemo<SessionRow | null> {
  let memo = sessionRowMemos.get(db);
  if (!memo) sessionRowMemos.set(db, (memo = createVersionMemo<SessionRow | null>(1000)));
  return memo;
}

/**
 * The session behind a request, or null. Checked against the session table's current row every time (re-read
 * whenever anything has been written since), so sign-out, idle and absolute timeouts, disabling a user and password
 * changes take effect at once, and a copied cookie is refused.
 */
export async function resolveSession(sessionId: string | null | undefined, client: ClientInfo, now: Date): Promise<SessionState | null> {
  if (!sessionId) return null;
  const db = await getDb();
  // The version first: a row read after it is current for as long as the database reports the same version.
  const { anything } = await currentDataVersions();
  const session = await sessionRowMemo(db).get(sessionId, anything, () => db.session.findUnique({ where: { id: sessionId }, select: SESSION_ROW }));
  if (!session) return null;
  const policy = await getSecurityPolicy();
  const verdict = session.user.disabled ? 'revoked' : judgeSession(session, now, policy);
  if (verdict !== 'valid') {
    if (!session.revokedAt) {
      await db.$transaction(async (tx) => {
        const revoked = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: verdict } });
        if (revoked.count === 1) {
          await recordAudit(tx, actorOf(session.user, sessionId, client.ip), { event: 'auth.sessionRevoked', targetType: 'session', targetId: sessionId.slice(0, 12), reason: verdict });
        }
      });
    }
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const user = session.user;
  return {
    actor: actorOf(user, sessionId, client.ip),
    displayName: user.displayName,
    unitName: user.unit?.name ?? null,
    mustChangePassword: user.mustChangePassword || isPasswordExpired(user.passwordChangedAt, now, policy),
    needsSecondFactor: requiresSecondFactor(user.roles, policy) && !user.totpEnabledAt,
    expiresAt: session.expiresAt,
  };
}

export async function signOut(actor: Actor, now: Date): Promise<void> {
  if (!actor.sessionId || actor.userId === null) return;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const revoked = await tx.session.updateMany({ where: { id: actor.sessionId!, revokedAt: null }, data: { revokedAt: now, revokedReason: 'sign-out' } });
    if (revoked.count === 1) await recordAudit(tx, actor, { event: 'auth.signOut', targetType: 'session', targetId: actor.sessionId!.slice(0, 12) });
  });
}

/**
 * The signed-in user ends one of their own other sessions (by its handle) or all of them but the current one
 * (ASVS 7.5.2): a phone left signed in, a shared office computer. Returns how many ended; each is audited.
 */
export async function endOwnSessions(actor: Actor, input: { session: string }, now: Date): Promise<{ count: number }> {
  if (actor.userId === null || !actor.sessionId || !can(actor, 'account.manageOwn')) throw new ForbiddenError();
  const userId = actor.userId;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const open = await tx.session.findMany({ where: { userId, revokedAt: null, id: { not: actor.sessionId! } }, select: { id: true } });
    const ending = input.session === 'others' ? open : open.filter((s) => sessionHandle(s.id) === input.session);
    // A handle that is not one of the user's other open sessions (someone else's, the current one, one already
    // ended) is "not found": nothing tells whose it might be.
    if (input.session !== 'others' && ending.length === 0) throw new NotFoundError('该会话不存在或已结束', 'No such session, or it has ended already');
    const { count } = await tx.session.updateMany({ where: { id: { in: ending.map((s) => s.id) }, revokedAt: null }, data: { revokedAt: now, revokedReason: 'ended by the user' } });
    for (const s of ending) {
      await recordAudit(tx, actor, { event: 'auth.sessionRevoked', targetType: 'session', targetId: s.id.slice(0, 12), reason: 'ended by the user' });
    }
    return { count };
  });
}

/** Revokes every open session of a user except `keep`; returns how many. Used inside the caller's transaction. */
export async function revokeSessions(tx: Tx, userId: number, reason: string, now: Date, keep?: string | null): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/** Validates a new password against the policy and the last `historyCount` passwords (the current one included). */
export async function assertNewPasswordAllowed(tx: Tx, user: { id: number; username: string; passwordHash: string }, password: string, policy: SecurityPolicy): Promise<void> {
  const problems: (PasswordProblem | 'reused')[] = checkPasswordPolicy(password, user.username, policy);
  if (problems.length === 0 && policy.historyCount > 0) {
    const history = await tx.passwordHistory.findMany({ where: { userId: user.id }, orderBy: { id: 'desc' }, take: policy.historyCount - 1 });
    for (const hash of [user.passwordHash, ...history.map((h) => h.hash)]) {
      if (await verifyPassword(hash, password)) {
        problems.push('reused');
        break;
      }
    }
  }
  if (problems.length) throw new PasswordPolicyError(problems, policy);
}

export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }, now: Date): Promise<void> {
  if (actor.userId === null || !can(actor, 'account.manageOwn')) throw new ForbiddenError();
  const db = await getDb();
  const policy = await getSecurityPolicy();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // A guess at the current password counts towards the lockout like a failed sign-in.
    await db.$transaction(async (tx) => {
      await recordAudit(tx, actor, { event: 'auth.passwordChanged', targetType: 'user', targetId: user.id, result: 'failure', reason: 'wrong current password' });
      const attempts = user.failedAttempts + 1;
      const lock = attempts >= policy.lockoutThreshold;
      await tx.user.update({ where: { id: user.id }, data: lock ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) } : { failedAttempts: attempts } });
      if (lock) {
        await revokeSessions(tx, user.id, 'locked', now);
        await recordAudit(tx, actor, { event: 'auth.lockout', targetType: 'user', targetId: user.id, reason: `${attempts} wrong current passwords` });
      }
    });
    throw new PasswordPolicyError(['wrongCurrent'], policy);
  }
  const newHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await assertNewPasswordAllowed(tx, user, input.newPassword, policy);
    const updated = await tx.user.updateMany({
      where: { id: user.id, version: user.version },
      data: { passwordHash: newHash, passwordChangedAt: now, mustChangePassword: false, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new InvalidTransitionError('账户信息已被修改，请重试', 'The account changed meanwhile; try again');
    await tx.passwordHistory.create({ data: { userId: user.id, hash: user.passwordHash, createdAt: user.passwordChangedAt } });
    const revoked = await revokeSessions(tx, user.id, 'password changed', now, actor.sessionId);
    await recordAudit(tx, actor, { event: 'auth.passwordChanged', targetType: 'user', targetId: user.id, after: { otherSessionsRevoked: revoked } });
  });
}

/** Starts second-factor enrolment: a new secret, stored sealed but not active until a code from it is confirmed. */
export async function beginTotpEnrolment(actor: Actor): Promise<{ secret: string; uri: string }> {
  if (actor.userId === null || !can(actor, 'account.manageOwn')) throw new ForbiddenError();
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw new InvalidTransitionError('已启用动态验证码', 'The second factor is already enabled');
  const secret = newTotpSecret();
  // Audited like every write (the fuzz test found this one without a row): a pending secret replaced is a fact.
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret) } });
    await recordAudit(tx, actor, { event: 'auth.totpEnrolmentStarted', targetType: 'user', targetId: user.id });
  });
  return { secret, uri: totpUri(secret, user.username) };
}

/** Confirms enrolment with a current code (which is then used up); returns the recovery codes, shown once and stored hashed. */
export async function confirmTotpEnrolment(actor: Actor, code: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  if (actor.userId === null || !can(actor, 'account.manageOwn')) throw new ForbiddenError();
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw new InvalidTransitionError('已启用动态验证码', 'The second factor is already enabled');
  const step = user.totpSecret ? totpStep(open(user.totpSecret), code, wallClock()) : null;
  if (step === null) throw new DomainError('动态验证码不正确，请核对手机时间后重试', 'That code is not right; check the phone clock and try again');
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: now, totpLastStep: step, version: { increment: 1 } } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, hash: hashRecoveryCode(c) })) });
    await recordAudit(tx, actor, { event: 'auth.totpEnrolled', targetType: 'user', targetId: user.id });
  });
  return { recoveryCodes };
}
