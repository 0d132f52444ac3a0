import { describe, expect, test } from 'vitest';
import { checkBreakdown, groupCoverage, isAdditive, type BreakdownCheckInput } from '@/lib/reporting/breakdown-check';
import { figureDifference } from '@/lib/reporting/totals';

const base: Omit<BreakdownCheckInput, 'total' | 'values'> = { unit: '家', kind: 'stock', coverage: 'whole' };

describe('a district total against its breakdown', () => {
  test.each([
    // 北碚区 551 while its towns summed to 550 (the case issue 9 found)
    ['a difference is flagged with both numbers', { ...base, total: '551', values: ['300', '250'] }, { status: 'mismatch', total: '551', sum: '550', difference: '1' }],
    ['a total below the sum', { ...base, total: '549', values: ['300', '250'] }, { status: 'mismatch', total: '549', sum: '550', difference: '-1' }],
    ['decimals compare exactly', { ...base, unit: '亿元', kind: 'ytd_cumulative' as const, total: '0.3', values: ['0.1', '0.2'] }, { status: 'match', total: '0.3', sum: '0.3' }],
    ['equal figures agree', { ...base, total: '1,234', values: ['1000', '234'] }, { status: 'match', total: '1234', sum: '1234' }],
    ['a missing member gives no verdict', { ...base, total: '551', values: ['300', null] }, { status: 'incomplete', total: '551', sum: '300', entered: 1, members: 2 }],
    ['a missing total gives no verdict', { ...base, total: null, values: ['300', '250'] }, { status: 'incomplete', total: null, sum: '550', entered: 2, members: 2 }],
    ['a member typed as text is not counted', { ...base, total: '551', values: ['300', 'abc'] }, { status: 'incomplete', total: '551', sum: '300', entered: 1, members: 2 }],
    ['parks lie in towns: shown, never flagged', { ...base, coverage: 'part' as const, total: '551', values: ['100', '20'] }, { status: 'overlap', sum: '120', entered: 2, members: 2 }],
    ['shares do not add up', { ...base, unit: '%', total: '5', values: ['1', '2'] }, { status: 'notAdditive' }],
    ['ranks do not add up', { ...base, unit: '位', kind: 'rank' as const, total: '1', values: ['1', '2'] }, { status: 'notAdditive' }],
    ['derived ratios do not add up', { ...base, unit: '件', kind: 'computed' as const, total: '1', values: ['1', '2'] }, { status: 'notAdditive' }],
  ])('%s', (_, input, expected) => {
    expect(checkBreakdown(input as BreakdownCheckInput)).toEqual(expected);
  });

  test.each([
    [['town', 'town'], 'whole'],
    [['park', 'park'], 'part'],
    [['town', 'park'], 'part'],
    [[], 'part'],
  ] as const)('members %j cover %s of the district', (kinds, coverage) => {
    expect(groupCoverage(kinds)).toBe(coverage);
  });

  test.each([
    ['stock', '家', true],
    ['ytd_cumulative', '亿元', true],
    ['annual_ratio', '%', false],
    ['stock', '%', false],
  ] as const)('%s in %s is additive: %s', (kind, unit, additive) => {
    expect(isAdditive({ kind, unit })).toBe(additive);
  });

  test.each([
    ['551', '550', '1'],
    ['550', '551', '-1'],
    ['1.5', '0.25', '1.25'],
    ['3', '3', '0'],
  ])('%s − %s = %s', (a, b, d) => {
    expect(figureDifference(a, b)).toBe(d);
  });
});
