// Server only. Reads for sign-in and administration: the security policy, accounts, sessions. Never returns hashes.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { defaultSecurityPolicy, judgeSession, securityPolicySchema, type SecurityPolicy } from '@/lib/auth/password-policy';
import { sessionHandle } from '@/lib/auth/session-handle';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { ForbiddenError } from '@/lib/errors';
import { canListAccounts } from '@/lib/permissions';

export const SECURITY_POLICY_KEY = 'security.policy';

/**
 * Read on every request (session checks), changed rarely: kept for 30 s. A change made in this process is seen at once
 * (invalidateSecurityPolicy); other server processes see it within 30 s.
 */
const POLICY_TTL_MS = 30_000;
let cachedPolicy: { value: SecurityPolicy; until: number } | null = null;

export function invalidateSecurityPolicy(): void {
  cachedPolicy = null;
}

export async function getSecurityPolicy(): Promise<SecurityPolicy> {
  if (cachedPolicy && cachedPolicy.until > Date.now()) return cachedPolicy.value;
  const value = await readSecurityPolicy();
  cachedPolicy = { value, until: Date.now() + POLICY_TTL_MS };
  return value;
}

async function readSecurityPolicy(): Promise<SecurityPolicy> {
  const db = await getDb();
  const row = await db.appSetting.findUnique({ where: { key: SECURITY_POLICY_KEY } });
  const parsed = securityPolicySchema.safeParse({ ...defaultSecurityPolicy, ...((row?.value as object | undefined) ?? {}) });
  return parsed.success ? parsed.data : defaultSecurityPolicy;
}

export async function getSecurityPolicyVersion(): Promise<number> {
  const db = await getDb();
  return (await db.appSetting.findUnique({ where: { key: SECURITY_POLICY_KEY }, select: { version: true } }))?.version ?? 0;
}

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number | null;
  unitName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  lastSignInAt: string | null;
  openSessions: number;
  isDemo: boolean;
  version: number;
}

/** Every account, for the system and security admins' pages (canListAccounts). */
export async function listUsers(viewer: Actor, now: Date): Promise<UserDto[]> {
  if (!canListAccounts(viewer)) throw new ForbiddenError();
  const db = await getDb();
  const users = await db.user.findMany({
    orderBy: { username: 'asc' },
    omit: { passwordHash: true, totpSecret: true },
    include: { unit: { select: { name: true } }, sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { id: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: u.unitId,
    unitName: u.unit?.name ?? null,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    totpEnabled: u.totpEnabledAt !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    openSessions: u.sessions.length,
    isDemo: u.isDemo,
    version: u.version,
  }));
}

export interface OwnSessionDto {
  /** Names the session in forms (lib/auth/session-handle.ts); the id itself never leaves the server. */
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in user's own live sessions (ASVS 7.5.2), the current one first, then the most recently used. */
export async function listOwnSessions(actor: Actor, now: Date): Promise<OwnSessionDto[]> {
  if (actor.userId === null) return [];
  const db = await getDb();
  const policy = await getSecurityPolicy();
  const sessions = await db.session.findMany({ where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } }, orderBy: { lastSeenAt: 'desc' } });
  return sessions
    .filter((s) => judgeSession(s, now, policy) === 'valid')
    .map((s) => ({
      handle: sessionHandle(s.id),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export async function countDemoUsers(): Promise<number> {
  const db = await getDb();
  return db.user.count({ where: { isDemo: true } });
}
