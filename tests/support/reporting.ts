// Factories for the reporting tests: the bundled plan loaded once per test file, units by name, and actors backed by
// real User rows (a dummy password hash: these users never sign in, and hashing would only slow the suite).
import { randomBytes } from 'node:crypto';
import { systemActor, type Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { loadPlan } from '@/lib/mutations/plan';
import { bundledPlan } from './plan';

export const PLAN_ID = 'beibei-2023-2027';

export interface LoadedPlan {
  planId: string;
  regionId: number;
  unit(name: string): number;
  indicatorId(code: string): Promise<number>;
}

export async function loadBundledPlan(): Promise<LoadedPlan> {
  await loadPlan(systemActor('test'), bundledPlan());
  const db = await getDb();
  const units = await db.unit.findMany({ where: { planId: PLAN_ID }, select: { id: true, name: true, kind: true } });
  const byName = new Map(units.map((u) => [u.name, u.id]));
  return {
    planId: PLAN_ID,
    regionId: units.find((u) => u.kind === 'region')!.id,
    unit: (name) => {
      const id = byName.get(name);
      if (id === undefined) throw new Error(`no unit ${name}`);
      return id;
    },
    indicatorId: async (code) => (await db.indicator.findUniqueOrThrow({ where: { planId_code: { planId: PLAN_ID, code } }, select: { id: true } })).id,
  };
}

/** A real user row and the Actor acting as it. */
export async function makeReportingActor(options: { roles: Role[]; unitId?: number | null; displayName?: string }): Promise<Actor> {
  const db = await getDb();
  const username = `t_${randomBytes(5).toString('hex')}`;
  const user = await db.user.create({
    data: { username, displayName: options.displayName ?? username, passwordHash: 'test-only', roles: options.roles, unitId: options.unitId ?? null, mustChangePassword: false },
  });
  return { userId: user.id, username, roles: options.roles, unitId: options.unitId ?? null, sessionId: null, ip: null };
}

/** Counts that must not move when an operation fails. */
export async function snapshot() {
  const db = await getDb();
  const [values, events, audit, submissions, tasks, reminders, versions] = await Promise.all([
    db.indicatorValue.count(),
    db.valueEvent.count(),
    db.auditLog.count(),
    db.submission.count(),
    db.taskReport.count(),
    db.reminder.count(),
    db.indicatorValue.aggregate({ _sum: { version: true } }),
  ]);
  return { values, events, audit, submissions, tasks, reminders, versionSum: versions._sum.version ?? 0 };
}
