// A department that reports a registry-counted indicator (区科技局: 国家高新技术企业, 市级科技型企业) reads the firms
// behind the numbers it submits, and no others; a town still sees only its own firms, another department none.
// The list behind a slot's count (its href) lists exactly the firms counted.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { getRegistryFigures } from '@/lib/queries/registry/derived';
import { listEnterprises } from '@/lib/queries/registry/list';
import { getEnterpriseProfile } from '@/lib/queries/registry/profile';
import { reportedRegistryKinds } from '@/lib/queries/registry/scope';
import { lastDayOfMonth, dateFromDay } from '@/lib/registry/dates';
import { enterpriseFilterSchema } from '@/lib/schemas/registry/filters';
import { setupTestDatabase } from '../support/db';
import { syntheticCode } from '../support/registry';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-10';
const END = lastDayOfMonth(MONTH);
let plan: LoadedPlan;
let kjj: Actor;
let tianshengUser: Actor;
let stats: Actor;
let econ: Actor;

// Each firm: its town, the qualifications it holds (all in force on END).
const firms = [
  { n: 11, town: '天生街道', kinds: ['high_tech'] },
  { n: 12, town: '天生街道', kinds: ['tech_sme'] },
  { n: 13, town: '朝阳街道', kinds: ['high_tech', 'tech_sme'] },
  { n: 14, town: '朝阳街道', kinds: ['cultivation'] }, // counted by no indicator 区科技局 reports
  { n: 15, town: '天生街道', kinds: ['ipo_reserve'] },
] as const;

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
const nameOf = (n: number) => `范围测试${n}有限公司`;

beforeAll(async () => {
  plan = await loadBundledPlan();
  kjj = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') });
  tianshengUser = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('天生街道') });
  stats = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区统计局') });
  econ = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区经济信息委') });
  const db = await getDb();
  for (const f of firms) {
    await db.enterprise.create({
      data: {
        planId: plan.planId,
        creditCode: syntheticCode(f.n),
        name: nameOf(f.n),
        townUnitId: plan.unit(f.town),
        qualifications: { create: f.kinds.map((kind) => ({ kind, year: 2025, validFrom: dateFromDay('2025-03-01'), validUntil: kind === 'high_tech' ? dateFromDay('2028-02-28') : kind === 'tech_sme' ? dateFromDay('2026-12-31') : null })) },
      },
    });
  }
}, 120_000);

const list = (viewer: Actor, filter: Record<string, string> = {}) => listEnterprises(viewer, enterpriseFilterSchema.parse(filter), END, { all: true });

describe('who reads which firms', () => {
  test('the kinds behind a unit’s registry-counted indicators, from the plan', async () => {
    expect(await reportedRegistryKinds(kjj.unitId!)).toEqual(['high_tech', 'tech_sme']);
    expect(await reportedRegistryKinds(stats.unitId!)).toEqual([]);
    expect(await reportedRegistryKinds(econ.unitId!)).toEqual([]);
  });

  test('区科技局 reads the firms holding a qualification it reports, district-wide, and no other', async () => {
    const expected = firms.filter((f) => f.kinds.some((k) => k === 'high_tech' || k === 'tech_sme')).map((f) => nameOf(f.n));
    expect(names((await list(kjj)).rows)).toEqual(expected.sort());
    const outside = await (await getDb()).enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: plan.planId, creditCode: syntheticCode(14) } } });
    await expect(getEnterpriseProfile(kjj, outside.id, END)).rejects.toBeInstanceOf(NotFoundError);
    const inside = await (await getDb()).enterprise.findUniqueOrThrow({ where: { planId_creditCode: { planId: plan.planId, creditCode: syntheticCode(13) } } });
    expect((await getEnterpriseProfile(kjj, inside.id, END)).name).toBe(nameOf(13));
  });

  test('a town’s user still sees its own firms only; a department reporting no such indicator sees none', async () => {
    expect(names((await list(tianshengUser)).rows)).toEqual(firms.filter((f) => f.town === '天生街道').map((f) => nameOf(f.n)).sort());
    expect((await list(stats)).rows).toEqual([]);
    expect((await list(econ)).rows).toEqual([]);
  });

  test('each slot’s link lists exactly the firms its count counts, for 区科技局', async () => {
    const figures = await getRegistryFigures(kjj, { reporterUnitId: kjj.unitId!, month: MONTH });
    expect(figures.map((f) => f.code).sort()).toEqual(['high_tech_enterprises', 'tech_smes']);
    for (const indicator of figures) {
      for (const row of indicator.rows) {
        const params = Object.fromEntries(new URL(row.href, 'http://x').searchParams);
        const listed = await list(kjj, params);
        expect(listed.total, `${indicator.code} ${row.subjectName}`).toBe(row.comparison.registry);
      }
      const district = indicator.rows.find((r) => r.subjectUnitId === plan.regionId)!;
      const kind = indicator.code === 'high_tech_enterprises' ? 'high_tech' : 'tech_sme';
      expect(district.comparison.registry).toBe(firms.filter((f) => (f.kinds as readonly string[]).includes(kind)).length);
    }
  });
});
