import { expect, test } from 'vitest';
import { systemActor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { getDemoState, removeDemoData, seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { getCurrentPlan } from '@/lib/queries/plan';
import { listDistrictSeries } from '@/lib/queries/values';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';

setupTestDatabase();
const operator = systemActor('test');

test('demo data is seeded flagged, read back as series, and removed with one call', async () => {
  const db = await getDb();
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  const { values } = await seedDemoData(operator, plan, '2026-10');
  expect(values).toBeGreaterThan(1000);
  expect(await db.indicatorValue.count({ where: { isDemo: false } })).toBe(0);
  expect(await getDemoState()).toEqual({ seededThrough: '2026-10' });

  const stored = await getCurrentPlan(operator);
  const approvedOnly = await listDistrictSeries(stored.id, stored.regionUnitId, { asOf: '2025-03', includePending: false });
  expect(approvedOnly.get('high_tech_enterprises')!.at(-1)).toMatchObject({ month: '2025-03', status: 'approved', isDemo: true });
  const asOfLastMonth = await listDistrictSeries(stored.id, stored.regionUnitId, { asOf: '2026-10', includePending: false });
  expect(asOfLastMonth.get('high_tech_enterprises')!.at(-1)!.month).toBe('2026-09'); // October is still pending review

  // Seeding again replaces rather than duplicates.
  await seedDemoData(operator, plan, '2026-10');
  expect(await db.indicatorValue.count()).toBe(values);

  const removed = await removeDemoData(operator);
  expect(removed.values).toBe(values);
  expect(await db.indicatorValue.count()).toBe(0);
  expect((await getDemoState())?.removedAt).toBeTruthy();
  expect(await db.enterprise.count()).toBe(0);
  // Two seeds and one removal; each seed also records its demo registry (targetType registry).
  expect(await db.auditLog.count({ where: { event: { in: ['demo.seeded', 'demo.removed'] }, NOT: { targetType: 'registry' } } })).toBe(3);
}, 180_000); // seeds three years of demo figures twice: over a minute on a busy 2-core machine

test('the demo has a reporting record: most months on time, some late, some units still missing the latest month', async () => {
  const { getReportingRecord } = await import('@/lib/queries/reporting/completeness');
  const { fixedClock } = await import('@/lib/clock');
  const db = await getDb();
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  await seedDemoData(operator, plan, '2026-10');
  const stored = await getCurrentPlan(operator);
  const kjj = await db.unit.findFirstOrThrow({ where: { planId: stored.id, name: '区科技局' } });
  const record = await getReportingRecord(stored.id, kjj.id, 2026, fixedClock('2026-11-15T10:00:00+08:00'));
  expect(record.expected).toBeGreaterThanOrEqual(9);
  expect(record.rate).toBeGreaterThan(0.5);
  expect(record.rate).toBeLessThanOrEqual(1);

  const october = await db.submission.count({ where: { month: '2026-10', isDemo: true } });
  const september = await db.submission.count({ where: { month: '2026-09', isDemo: true } });
  expect(october).toBeGreaterThan(0);
  expect(october).toBeLessThan(september);
  expect(await db.taskReport.count()).toBeGreaterThan(0);

  await removeDemoData(operator);
  expect(await db.submission.count()).toBe(0);
  expect(await db.taskReport.count()).toBe(0);
});
