// The demo registry in the database: counted by the registry rule it gives the demo figures; a town sees its own
// firms only; demo:remove deletes it.
import { beforeAll, expect, test } from 'vitest';
import { systemActor, type Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { generateDemoValues } from '@/lib/demo/demo-values';
import { removeDemoData } from '@/lib/mutations/demo';
import { seedDemoRegistry } from '@/lib/mutations/registry/demo';
import { getRegistryCounts } from '@/lib/queries/registry/counts';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';
import { loadBundledPlan, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const THROUGH = '2025-06';
let plan: LoadedPlan;
const viewer = (roles: Actor['roles'], unitId: number | null = null): Actor => ({ userId: 1, username: 'v', roles, unitId, sessionId: null, ip: null });

beforeAll(async () => {
  plan = await loadBundledPlan();
  // The registry alone (the demo figures are compared as generated): seeding every figure too is slow on PGlite.
  await seedDemoRegistry(systemActor('test'), bundledPlan(), THROUGH);
}, 600_000);

test('counted from the registry, the demo firms give the demo figures, district and by unit', async () => {
  const months = ['2023-01', '2024-02', '2025-03', THROUGH];
  const generated = generateDemoValues(bundledPlan(), THROUGH).filter((v) => v.stage === 'final' && months.includes(v.month));
  for (const [kind, code] of [['high_tech', 'high_tech_enterprises'], ['tech_sme', 'tech_smes']] as const) {
    const counts = await getRegistryCounts(viewer(['leader']), kind, months);
    const values = generated.filter((v) => v.code === code).map((v) => ({ month: v.month, unitId: v.unitName === bundledPlan().region ? plan.regionId : plan.unit(v.unitName), value: v.value }));
    expect(values.length).toBeGreaterThan(months.length * 20);
    for (const v of values) {
      const row = counts.find((c) => c.month === v.month)!;
      const got = v.unitId === plan.regionId ? row.total : (row.byUnit[v.unitId] ?? 0);
      expect(got, `${code} ${v.unitId} ${v.month}`).toBe(Number(v.value));
    }
  }
});

test('a town sees only its own firms; the department reporting the count sees the district’s, another department none', async () => {
  const town = plan.unit('天生街道');
  const [own] = await getRegistryCounts(viewer(['unit_reporter'], town), 'high_tech', [THROUGH]);
  const [all] = await getRegistryCounts(viewer(['bureau_reviewer']), 'high_tech', [THROUGH]);
  expect(own.total).toBe(all.byUnit[town]);
  expect(own.byUnit[plan.unit('朝阳街道')]).toBeUndefined();
  // 区科技局 reports 国家高新技术企业: it reads the firms behind its number, district-wide.
  const [reporting] = await getRegistryCounts(viewer(['unit_reporter'], plan.unit('区科技局')), 'high_tech', [THROUGH]);
  expect(reporting.total).toBe(all.total);
  const [none] = await getRegistryCounts(viewer(['unit_reporter'], plan.unit('区统计局')), 'high_tech', [THROUGH]);
  expect(none.total).toBe(0);
});

test('demo:remove deletes the demo registry', async () => {
  const db = await getDb();
  expect(await db.enterprise.count({ where: { isDemo: true } })).toBeGreaterThan(4000);
  await removeDemoData(systemActor('test'));
  expect(await db.enterprise.count()).toBe(0);
  expect(await db.qualification.count()).toBe(0);
});
