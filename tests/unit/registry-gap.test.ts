import { describe, expect, test } from 'vitest';
import { gapPlans, spread } from '@/lib/registry/gap';
import type { QuarterForecast } from '@/lib/registry/forecast';

const quarters = (expiring: number[], from = 2027): QuarterForecast[] => {
  let remaining = 500;
  return expiring.map((e, i) => {
    remaining -= e;
    return { quarter: `${from + Math.floor(i / 4)}-Q${(i % 4) + 1}`, expiring: e, remaining, byUnit: {} };
  });
};

describe('spreading a whole number over quarters', () => {
  test.each([
    [10, 4, [3, 3, 2, 2]],
    [8, 4, [2, 2, 2, 2]],
    [0, 3, [0, 0, 0]],
    [5, 0, []],
  ])('%i over %i', (total, n, parts) => {
    expect(spread(total, n)).toEqual(parts);
    expect(spread(total, n).reduce((s, x) => s + x, 0)).toBe(n === 0 ? 0 : total);
  });
});

describe('certificates needed per quarter for a milestone', () => {
  const forecast = quarters([5, 7, 3, 9, 4, 4, 4, 4]); // 2027-Q1 … 2028-Q4
  const need = { year: 2027, threshold: 571, met: false, requiredPerMonth: 1 };

  test('renewals are the lapsing certificates of the quarters up to the milestone’s year end; new ones close the net gap', () => {
    const [plan] = gapPlans(551, [need], forecast, { eligible: 30, near: 10 });
    expect(plan.quarters.map((q) => q.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(plan.quarters.map((q) => q.renewals)).toEqual([5, 7, 3, 9]);
    expect(plan.totalRenewals).toBe(5 + 7 + 3 + 9);
    expect(plan.totalNew).toBe(571 - 551);
    expect(plan.quarters.reduce((s, q) => s + q.newNeeded, 0)).toBe(plan.totalNew);
  });

  test.each([
    ['eligible alone reach the new certificates needed', 20, 0, 'eligible_enough'],
    ['eligible one short, near make it up', 19, 1, 'with_near'],
    ['eligible and near together one short', 15, 4, 'short'],
  ] as const)('%s', (_name, eligible, near, closing) => {
    expect(gapPlans(551, [need], forecast, { eligible, near })[0].closing).toBe(closing);
  });

  test('a milestone already met needs no new certificates, only renewals', () => {
    const [plan] = gapPlans(600, [{ ...need, met: true }], forecast, { eligible: 0, near: 0 });
    expect(plan.totalNew).toBe(0);
    expect(plan.closing).toBe('eligible_enough');
    expect(plan.totalRenewals).toBe(24);
  });
});
