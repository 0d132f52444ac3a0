// Test factories: real rows through the real code paths, not copy-pasted fixtures.
import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { hashPassword } from '@/lib/auth/password-hash';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';

export const GOOD_PASSWORD = 'Qiye#Beibei2026';

export async function makeUnit(name = `测试单位${randomBytes(3).toString('hex')}`, kind: 'department' | 'town' | 'park' = 'department'): Promise<{ id: number; name: string }> {
  const db = await getDb();
  const plan = await db.plan.upsert({
    where: { id: 'test-plan' },
    create: { id: 'test-plan', title: '测试规划', region: '测试区', parentDocument: '—', periodStart: 2023, periodEnd: 2027, baselineYear: 2022, sourceHash: 'test' },
    update: {},
  });
  const position = await db.unit.count({ where: { planId: plan.id } });
  return db.unit.create({ data: { planId: plan.id, name, kind, position }, select: { id: true, name: true } });
}

export async function makeUser(options: { roles?: Role[]; unitId?: number | null; password?: string; username?: string; mustChangePassword?: boolean } = {}): Promise<{ id: number; username: string; password: string; version: number }> {
  const db = await getDb();
  const password = options.password ?? GOOD_PASSWORD;
  const user = await db.user.create({
    data: {
      username: (options.username ?? `user_${randomBytes(4).toString('hex')}`).toLowerCase(),
      displayName: '测试用户',
      passwordHash: await hashPassword(password),
      roles: options.roles ?? ['viewer'],
      unitId: options.unitId ?? null,
      mustChangePassword: options.mustChangePassword ?? false,
    },
  });
  return { id: user.id, username: user.username, password, version: user.version };
}

export function actorFor(user: { id: number; username: string }, roles: Role[], extra: Partial<Actor> = {}): Actor {
  return { userId: user.id, username: user.username, roles, unitId: null, sessionId: null, ip: '127.0.0.1', ...extra };
}

export async function makeActor(roles: Role[], options: { unitId?: number | null } = {}): Promise<Actor> {
  const user = await makeUser({ roles, unitId: options.unitId ?? null });
  return actorFor(user, roles, { unitId: options.unitId ?? null });
}
