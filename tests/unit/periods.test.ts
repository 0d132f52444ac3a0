import { describe, expect, test } from 'vitest';
import { addMonths, isMonth, isReportingMonth, lastClosedMonth, monthOf, monthRange, monthsBetween } from '@/lib/periods';
import { resolveMonthParam } from '@/lib/month-param';

describe('months', () => {
  test.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2023-01', 59, '2027-12'],
  ])('addMonths(%s, %s) → %s', (month, n, expected) => expect(addMonths(month, n)).toBe(expected));

  test('validity', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });

  test('a month is a China Standard Time month, whatever the server time zone', () => {
    expect(monthOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11'); // 00:30 on 1 Nov in Beijing
    expect(monthOf(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10');
    expect(lastClosedMonth(new Date('2026-01-05T02:00:00Z'))).toBe('2025-12');
  });

  test('ranges and distances', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(monthsBetween('2022-12', '2027-12')).toBe(60);
  });

  test.each([
    ['monthly', '2026-02', true],
    ['quarterly', '2026-02', false],
    ['quarterly', '2026-09', true],
    ['annual', '2026-09', false],
    ['annual', '2026-12', true],
  ] as const)('%s indicators ask for %s: %s', (frequency, month, expected) => {
    expect(isReportingMonth(frequency, month)).toBe(expected);
  });

  test('the ?month= permalink falls back to the latest closed month on anything odd', () => {
    expect(resolveMonthParam('2025-06', '2026-10')).toBe('2025-06');
    expect(resolveMonthParam('2027-01', '2026-10')).toBe('2026-10');
    expect(resolveMonthParam('x', '2026-10')).toBe('2026-10');
    expect(resolveMonthParam(['2024-01', '2025-01'], '2026-10')).toBe('2024-01');
    expect(resolveMonthParam(undefined, '2026-10')).toBe('2026-10');
  });
});
