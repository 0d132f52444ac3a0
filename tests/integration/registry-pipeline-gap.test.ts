// The pipeline funnel and the gap view against a real database: stages and next steps from stored qualifications,
// candidates judged by the seeded 高新 criteria (国科发火〔2016〕32号), the gap from the dashboard's approved figure and
// the plan's milestone, each within the viewer's scope.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { dateFromDay } from '@/lib/registry/dates';
import { highTechExpiry } from '@/lib/registry/validity';
import { getGap } from '@/lib/queries/registry/gap';
import { getPipeline } from '@/lib/queries/registry/pipeline';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';
import { syntheticCode } from '../support/registry';
import { loadBundledPlan, PLAN_ID, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const TODAY = '2026-11-15';
const LATEST = 560;
let plan: LoadedPlan;
let town: number;
let otherTown: number;
const ids: Record<string, number> = {};
const viewer = (roles: Actor['roles'], unitId: number | null = null): Actor => ({ userId: 1, username: 'v', roles, unitId, sessionId: null, ip: null });
const bureau = viewer(['bureau_reviewer']);

type Q = { kind: 'tech_sme' | 'high_tech' | 'cultivation' | 'specialised'; year: number; validFrom: string; validUntil: string | null };
const sme = (year: number): Q => ({ kind: 'tech_sme', year, validFrom: `${year}-03-01`, validUntil: `${year}-12-31` });
const ht = (issued: string): Q => ({ kind: 'high_tech', year: Number(issued.slice(0, 4)), validFrom: issued, validUntil: highTechExpiry(issued) });
const pool = (from: string): Q => ({ kind: 'cultivation', year: Number(from.slice(0, 4)), validFrom: from, validUntil: null });
const specialised = (from: string): Q => ({ kind: 'specialised', year: Number(from.slice(0, 4)), validFrom: from, validUntil: highTechExpiry(from) });
// 2025 figures (万元): eligible = 8% R&D, 80% high-tech income, 30% R&D staff, 3 IP; near = R&D 4.5% under a 5% band.
const eligible = { year: 2025, revenue: 3000, rdSpending: 240, highTechRevenue: 2400, staff: 100, rdStaff: 30, grantedIp: 3 };
const near = { ...eligible, rdSpending: 135 };

async function firm(key: string, n: number, townId: number, qualifications: Q[], figures: typeof eligible | null, aboveScale = false) {
  const db = await getDb();
  const row = await db.enterprise.create({
    data: {
      planId: PLAN_ID,
      creditCode: syntheticCode(n),
      name: `测试${key}有限公司`,
      townUnitId: townId,
      aboveScale,
      foundedOn: dateFromDay('2015-04-01'),
      qualifications: { create: qualifications.map((q) => ({ ...q, validFrom: dateFromDay(q.validFrom), validUntil: q.validUntil ? dateFromDay(q.validUntil) : null })) },
      financials: figures ? { create: [figures] } : undefined,
    },
  });
  ids[key] = row.id;
}

beforeAll(async () => {
  plan = await loadBundledPlan();
  town = plan.unit('天生街道');
  otherTown = plan.unit('朝阳街道');
  await firm('A', 1, town, [sme(2026)], eligible); // tech SME meeting the criteria → 培优库
  await firm('B', 2, town, [pool('2025-03-01')], eligible); // pool firm meeting them → 高新
  await firm('C', 3, town, [pool('2025-03-01')], near); // pool firm near them: a near candidate, no next step
  await firm('D', 4, town, [ht('2024-02-01')], { ...eligible, revenue: 2500, rdSpending: 200, highTechRevenue: 2000 }); // certificate lapses 2027-01-31; sales over the 规上 line
  await firm('E', 5, town, [ht('2025-06-01'), specialised('2025-07-01')], null, true); // 规上高企 and 专精特新 → 小巨人
  await firm('F', 6, town, [ht('2022-01-10')], eligible); // certificate lapsed 2025-01-09: a candidate again
  await firm('G', 7, otherTown, [sme(2026)], eligible); // another town's tech SME
  const db = await getDb();
  await db.indicatorValue.create({
    data: { indicatorId: await plan.indicatorId('high_tech_enterprises'), unitId: plan.regionId, reporterUnitId: plan.unit('区科技局'), month: '2026-10', value: LATEST, status: 'approved' },
  });
}, 120_000);

describe('the pipeline', () => {
  test('stage counts, and the firms one step from the next stage', async () => {
    const p = await getPipeline(bureau, TODAY);
    expect(p.counts).toEqual({ tech_sme: 2, cultivation: 2, high_tech: 2, above_scale_high_tech: 1, little_giant: 0, ipo_reserve: 0, listed: 0 });
    const step = (s: string) => p.nextSteps.find((n) => n.step === s)!.firms.map((f) => f.id).sort();
    expect(step('to_cultivation')).toEqual([ids.A, ids.G].sort());
    expect(step('to_high_tech')).toEqual([ids.B]);
    expect(step('to_above_scale')).toEqual([ids.D]);
    expect(step('to_little_giant')).toEqual([ids.E]);
    // The high-tech stage: D entered in 2024, E in 2025; F's certificate (2022) lapsed in January 2025.
    const flows = Object.fromEntries(p.flows.high_tech.map((f) => [f.year, f]));
    expect(flows[2023]).toMatchObject({ count: 1, entered: 0, left: 0 });
    expect(flows[2024]).toMatchObject({ count: 2, entered: 1, left: 0 });
    expect(flows[2025]).toMatchObject({ count: 2, entered: 1, left: 1 });
  });

  test('a town sees its own firms only; a department reporter sees none', async () => {
    const own = await getPipeline(viewer(['unit_reporter'], otherTown), TODAY);
    expect(own.counts.tech_sme).toBe(1);
    expect(own.nextSteps.flatMap((n) => n.firms.map((f) => f.id))).toEqual([ids.G]);
    const none = await getPipeline(viewer(['unit_reporter'], plan.unit('区教委')), TODAY);
    expect(Object.values(none.counts).every((c) => c === 0)).toBe(true);
  });
});

describe('closing the gap', () => {
  test('the 2027 milestone needs the plan threshold minus the approved figure, new; the lapsing certificates, renewed', async () => {
    const gap = await getGap(bureau, TODAY);
    const milestone = bundledPlan().indicators.find((i) => i.code === 'high_tech_enterprises')!.milestones.find((m) => m.year === 2027)!;
    const threshold = milestone.comparator === 'gt' ? milestone.value + 1 : milestone.value;
    expect(gap.criteria?.documentNo).toBe('国科发火〔2016〕32号');
    expect(gap.latest).toEqual({ month: '2026-10', value: LATEST });
    expect(gap.registryInForce).toBe(2);
    const plan2027 = gap.plans.find((p) => p.year === 2027)!;
    expect(plan2027.threshold).toBe(threshold);
    expect(plan2027.totalNew).toBe(threshold - LATEST);
    expect(plan2027.quarters.reduce((s, q) => s + q.newNeeded, 0)).toBe(threshold - LATEST);
    expect(plan2027.quarters.find((q) => q.quarter === '2027-Q1')!.renewals).toBe(1); // D, 2027-01-31
    expect(gap.totals).toMatchObject({ eligible: 4, near: 1 }); // A, B, F, G; C
    // 2025 is past: no December 2025 figure was approved, so its verdict awaits it.
    expect(gap.past).toEqual([{ year: 2025, text: '超过470家', actual: null, outcome: 'awaiting' }]);
    expect(plan2027.requiredPerMonth).toBeCloseTo((threshold - LATEST) / 14, 9); // 2026-10 → 2027-12: 14 months
    expect(plan2027.closing).toBe(threshold - LATEST <= 4 ? 'eligible_enough' : threshold - LATEST <= 5 ? 'with_near' : 'short');
  });

  test('the visit list: eligible first, the pool before tech SMEs before the rest, near last; certified firms are not candidates', async () => {
    const gap = await getGap(bureau, TODAY);
    const order = gap.visits.map((v) => v.id);
    expect(order[0]).toBe(ids.B);
    expect(order.indexOf(ids.A)).toBeLessThan(order.indexOf(ids.F));
    expect(order.at(-1)).toBe(ids.C);
    expect(order).not.toContain(ids.D);
    expect(gap.visits.find((v) => v.id === ids.F)!.lapsed).toBe(true);
    const townRow = gap.units.find((u) => u.id === town)!;
    expect(townRow).toMatchObject({ inForce: 2, expiring: 2, eligible: 3, near: 1 });
  });

  test('a town sees its own candidates only', async () => {
    const gap = await getGap(viewer(['unit_reporter'], otherTown), TODAY);
    expect(gap.visits.map((v) => v.id)).toEqual([ids.G]);
    expect(gap.registryInForce).toBe(0);
  });
});
