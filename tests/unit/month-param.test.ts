import { describe, expect, test } from 'vitest';
import { readMonthParam } from '@/lib/month-param';

describe('the ?month= permalink', () => {
  test.each([
    [undefined, '2026-10', null, null],
    ['', '2026-10', null, null],
    ['2025-06', '2025-06', null, null],
    ['abc', '2026-10', 'invalid', 'abc'],
    ['2025-13', '2026-10', 'invalid', '2025-13'],
    ['2027-01', '2026-10', 'future', '2027-01'],
    ['2019-05', '2026-10', 'before_plan', '2019-05'],
    ['2023-01', '2023-01', null, null],
  ])('%s shows %s and reports %s', (param, month, problem, requested) => {
    expect(readMonthParam(param, '2026-10', '2023-01')).toEqual({ month, problem, requested });
  });

  test('an over-long parameter is not echoed whole', () => {
    expect(readMonthParam('x'.repeat(500), '2026-10').requested).toHaveLength(40);
  });

  test('the first of repeated parameters counts', () => {
    expect(readMonthParam(['abc', '2025-01'], '2026-10').problem).toBe('invalid');
  });
});
