import { describe, expect, test } from 'vitest';
import { DEMO_START, generateDemoValues } from '@/lib/demo/demo-values';
import { monthRange } from '@/lib/periods';
import { validateCreditCode } from '@/lib/registry/credit-code';
import { DEMO_COUNTED, generateDemoRegistry } from '@/lib/registry/demo-registry';
import { countForMonth, type CountableFirm } from '@/lib/registry/validity';
import { bundledPlan } from '../support/plan';

const THROUGH = '2026-10';
const plan = bundledPlan();
const firms = generateDemoRegistry(plan, THROUGH);
const unitIds = new Map(plan.units.map((u, i) => [u.name, i + 1]));
const countable: CountableFirm[] = firms.map((f, i) => ({ id: i, townUnitId: unitIds.get(f.town)!, parkUnitId: f.park ? unitIds.get(f.park)! : null, qualifications: f.qualifications }));
const values = generateDemoValues(plan, THROUGH).filter((v) => v.stage === 'final');

describe('the demo registry agrees with the demo figures', () => {
  test.each(['high_tech', 'tech_sme'] as const)('%s: every town and park, every month, counted by the registry rule', (kind) => {
    let compared = 0;
    for (const month of monthRange(DEMO_START, THROUGH)) {
      const counted = countForMonth(countable, kind, month);
      for (const v of values.filter((x) => x.code === DEMO_COUNTED[kind] && x.month === month)) {
        if (v.unitName === plan.region) continue;
        const unit = plan.units.find((u) => u.name === v.unitName)!;
        const got = unit.kind === 'town' ? counted.byTown.get(unitIds.get(unit.name)!) : counted.byPark.get(unitIds.get(unit.name)!);
        expect(got ?? 0, `${kind} ${v.unitName} ${month}`).toBe(v.value);
        compared += 1;
      }
      const district = values.find((x) => x.code === DEMO_COUNTED[kind] && x.month === month && x.unitName === plan.region);
      expect(counted.total, `${kind} district ${month}`).toBe(district!.value);
    }
    expect(compared).toBe(monthRange(DEMO_START, THROUGH).length * 21); // 17 towns and 4 parks
  });

  test('valid, unique credit codes of area 500109 and names marked as demo', () => {
    const codes = new Set(firms.map((f) => f.creditCode));
    expect(codes.size).toBe(firms.length);
    expect(firms.filter((f) => !validateCreditCode(f.creditCode).ok || f.creditCode.slice(2, 8) !== '500109' || !f.name.includes('演示'))).toEqual([]);
  });

  test('one row per firm, kind and year; spans never end before they start', () => {
    const bad = firms.filter((f) => {
      const keys = f.qualifications.map((q) => `${q.kind}|${q.year}`);
      return new Set(keys).size !== keys.length || f.qualifications.some((q) => (q.validUntil !== null && q.validUntil < q.validFrom) || (q.endedOn !== null && q.endedOn < q.validFrom));
    });
    expect(bad.map((f) => f.creditCode)).toEqual([]);
  });
});
