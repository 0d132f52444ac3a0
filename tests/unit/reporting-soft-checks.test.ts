import { expect, test } from 'vitest';
import { softChecks, type SoftCheckInput } from '@/lib/reporting/soft-checks';

const base = { threshold: 0.3 };
test.each<[string, Omit<SoftCheckInput, 'threshold'>, string[]]>([
  ['a stock that grew a little', { kind: 'stock', period: '2026-03', value: 105, previous: { period: '2026-02', value: 100 } }, []],
  ['a stock that fell', { kind: 'stock', period: '2026-03', value: 99, previous: { period: '2026-02', value: 100 } }, ['stockFell']],
  ['a stock that fell by half', { kind: 'stock', period: '2026-03', value: 50, previous: { period: '2026-02', value: 100 } }, ['stockFell', 'jump']],
  ['a stock that jumped', { kind: 'stock', period: '2026-03', value: 131, previous: { period: '2026-02', value: 100 } }, ['jump']],
  ['exactly at the threshold', { kind: 'stock', period: '2026-03', value: 130, previous: { period: '2026-02', value: 100 } }, []],
  ['no previous figure', { kind: 'stock', period: '2026-03', value: 5, previous: null }, []],
  ['from zero', { kind: 'stock', period: '2026-03', value: 5, previous: { period: '2026-02', value: 0 } }, []],
  ['a cumulative total lower than last month', { kind: 'ytd_cumulative', period: '2026-03', value: 9, previous: { period: '2026-02', value: 10 } }, ['cumulativeFell']],
  ['a cumulative total growing at its pace', { kind: 'ytd_cumulative', period: '2026-03', value: 15, previous: { period: '2026-02', value: 10 } }, []],
  ['a cumulative month far above the average month', { kind: 'ytd_cumulative', period: '2026-03', value: 30, previous: { period: '2026-02', value: 10 } }, ['jump']],
  ['January resets the year', { kind: 'ytd_cumulative', period: '2026-01', value: 2, previous: { period: '2025-12', value: 80 } }, []],
  ['ranks are not checked', { kind: 'rank', period: '2026-12', value: 2, previous: { period: '2025-12', value: 1 } }, []],
  ['a yearly ratio that jumped', { kind: 'annual_ratio', period: '2026-12', value: 4, previous: { period: '2025-12', value: 2.5 } }, ['jump']],
])('%s', (_name, input, expected) => {
  expect(softChecks({ ...input, ...base })).toEqual(expected);
});
