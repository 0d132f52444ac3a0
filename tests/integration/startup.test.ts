import { expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { removeDemoData } from '@/lib/mutations/demo';
import { prepareOnStart } from '@/lib/startup';
import { setupTestDatabase } from '../support/db';
import { BUNDLED_PLAN_PATH } from '../support/plan';

setupTestDatabase();
const quiet = () => {};

test('a first demo start loads the plan, seeds demo figures and one account per role; a second start changes nothing', async () => {
  const db = await getDb();
  await prepareOnStart({ mode: 'demo', clock: fixedClock('2026-11-15T10:00:00+08:00'), planFile: BUNDLED_PLAN_PATH, log: quiet });
  expect(await db.task.count()).toBe(23);
  const users = await db.user.findMany({ where: { isDemo: true } });
  expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(['bureau_reviewer', 'unit_reporter', 'leader', 'viewer', 'system_admin', 'security_admin', 'audit_admin']));
  const latest = await db.indicatorValue.findFirst({ orderBy: { month: 'desc' } });
  expect(latest?.month).toBe('2026-10');
  // The bulletin list is not empty on first start: January to September 2026, published.
  expect((await db.bulletin.findMany({ where: { status: 'published', isDemo: true }, orderBy: { month: 'asc' } })).map((b) => b.month)).toEqual(
    ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((m) => `2026-${m}`),
  );

  const counts = async () => [await db.indicatorValue.count(), await db.user.count(), await db.auditLog.count()];
  const before = await counts();
  await prepareOnStart({ mode: 'demo', clock: fixedClock('2026-12-15T10:00:00+08:00'), planFile: BUNDLED_PLAN_PATH, log: quiet });
  expect(await counts()).toEqual(before);
}, 240_000); // seeds three years of figures and nine published bulletins on the embedded database

test('a production start refuses to run while demo accounts exist, and runs once they are removed', async () => {
  await expect(prepareOnStart({ mode: 'production', planFile: BUNDLED_PLAN_PATH, log: quiet })).rejects.toThrow(/demo accounts exist/);
  await removeDemoData(systemActor('test'));
  await expect(prepareOnStart({ mode: 'production', planFile: BUNDLED_PLAN_PATH, log: quiet })).resolves.toBeUndefined();
  const db = await getDb();
  expect(await db.user.count({ where: { isDemo: true } })).toBe(0);
  expect(await db.indicatorValue.count({ where: { isDemo: true } })).toBe(0);
});
