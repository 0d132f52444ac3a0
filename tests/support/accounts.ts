// Accounts for integration tests: the acting user of a row, and a factory for target accounts.
import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { hashPassword } from '@/lib/auth/password-hash';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';

export const KNOWN_PASSWORD = 'Known#2026pass';
let knownHash: Promise<string> | undefined;

/** The actor a signed-in user would be (no session id: these tests call domain functions directly). */
export async function actorFor(username: string): Promise<Actor> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return { userId: user.id, username: user.username, roles: user.roles, unitId: user.unitId, sessionId: null, ip: '10.0.0.1' };
}

let counter = 0;

/** A fresh account (password KNOWN_PASSWORD) to be acted upon, so that tests do not step on each other. */
export async function makeUser(overrides: { username?: string; roles?: Role[]; unitId?: number | null; mustChangePassword?: boolean } = {}) {
  const db = await getDb();
  knownHash ??= hashPassword(KNOWN_PASSWORD);
  counter += 1;
  return db.user.create({
    data: {
      username: overrides.username ?? `target${counter}-${randomBytes(3).toString('hex')}`,
      displayName: `测试用户${counter}`,
      passwordHash: await knownHash,
      roles: overrides.roles ?? ['viewer'],
      unitId: overrides.unitId ?? null,
      mustChangePassword: overrides.mustChangePassword ?? false,
    },
  });
}

/** Opens a session row for a user, as a sign-in would. */
export async function openSession(userId: number, now: Date): Promise<string> {
  const db = await getDb();
  const id = randomBytes(16).toString('base64url');
  await db.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) } });
  return id;
}
