import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateDemoValues, splitInteger } from '@/lib/demo/demo-values';
import { computeFormula } from '@/lib/indicator-formula';
import { parsePlanFile } from '@/lib/plan/read-plan-file';

const plan = parsePlanFile(fs.readFileSync(path.resolve(__dirname, '../../prisma/plans/beibei-2023-2027.json'), 'utf8'));
const values = generateDemoValues(plan, '2026-10');
const district = (code: string, month: string) => values.find((v) => v.code === code && v.month === month && v.unitName === plan.region);

describe('demo data', () => {
  test('matches what Beibei published for Q1 2025 (484 high-tech enterprises, 4,091 tech-based SMEs)', () => {
    expect(district('high_tech_enterprises', '2025-03')?.value).toBeGreaterThanOrEqual(480);
    expect(district('high_tech_enterprises', '2025-03')?.value).toBeLessThanOrEqual(488);
    expect(district('tech_smes', '2025-03')?.value).toBeGreaterThanOrEqual(4060);
    expect(district('tech_smes', '2025-03')?.value).toBeLessThanOrEqual(4120);
  });

  test('covers every indicator, from 2023-01 to the given month and no further', () => {
    for (const ind of plan.indicators) expect(values.some((v) => v.code === ind.code), ind.code).toBe(true);
    const months = values.map((v) => v.month).sort();
    expect(months[0]).toBe('2023-01');
    expect(months[months.length - 1] <= '2026-10').toBe(true);
  });

  test('yearly indicators get yearly values only; quarterly ones only quarter ends', () => {
    for (const ind of plan.indicators) {
      const months = values.filter((v) => v.code === ind.code).map((v) => Number(v.month.slice(5)));
      if (ind.frequency === 'annual' || ind.kind === 'annual_ratio' || ind.kind === 'rank') expect(new Set(months), ind.code).toEqual(new Set([12]));
      if (ind.frequency === 'quarterly') expect(months.every((m) => m % 3 === 0), ind.code).toBe(true);
    }
  });

  test('town breakdowns add up to the district total', () => {
    const towns = plan.groups.find((g) => g.name === '各镇街')!.members;
    const total = district('tech_smes', '2026-06')!.value;
    const sum = values.filter((v) => v.code === 'tech_smes' && v.month === '2026-06' && towns.includes(v.unitName)).reduce((a, v) => a + v.value, 0);
    expect(sum).toBe(total);
  });

  test('year-to-date figures restart each January', () => {
    expect(district('tech_contract_turnover', '2026-01')!.value).toBeLessThan(district('tech_contract_turnover', '2025-12')!.value);
  });

  test('percentages never exceed 100', () => {
    for (const v of values.filter((x) => plan.indicators.find((i) => i.code === x.code)!.unit === '%')) expect(v.value).toBeLessThanOrEqual(100);
  });

  test('computed indicators equal their formula on the inputs', () => {
    const patents = district('patents_per_10k', '2025-12')!;
    const inputs = { valid_invention_patents: district('valid_invention_patents', '2025-12')!.value, resident_population: district('resident_population', '2025-12')!.value };
    const formula = plan.indicators.find((i) => i.code === 'patents_per_10k')!.formula!;
    expect(patents.value).toBeCloseTo(computeFormula(formula, inputs)!, 1);
    expect(patents.source).toBe('computed');
  });

  test('is deterministic', () => {
    expect(generateDemoValues(plan, '2026-10')).toEqual(values);
  });
});

test('splitInteger keeps the exact total', () => {
  expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
  expect(splitInteger(484, [0.3, 1.2, 2, 0.7]).reduce((a, b) => a + b, 0)).toBe(484);
});

test('a computed figure is never guessed from missing inputs', () => {
  const f = { op: 'ratio' as const, numerator: 'a', denominator: 'b', factor: 10000 };
  expect(computeFormula(f, { a: 3780, b: 840000 })).toBe(45);
  expect(computeFormula(f, { a: 3780 })).toBeNull();
  expect(computeFormula(f, { a: 3780, b: 0 })).toBeNull();
});
