import { describe, expect, test } from 'vitest';
import { canonicalFigure, compareFigures, parseFigure, sameFigure } from '@/lib/reporting/figures';
import { breakdownTotal } from '@/lib/reporting/totals';

const count = { unit: '家', decimals: 0 };
const amount = { unit: '亿元', decimals: 2 };
const share = { unit: '%', decimals: 1 };
const rank = { unit: '位', decimals: 0 };

describe('reading a typed figure by the indicator’s rules', () => {
  test.each([
    [count, '484', '484'],
    [count, ' 484 ', '484'],
    [count, '1,234', '1234'],
    [count, '１２３４', '1234'],
    [count, '+12', '12'],
    [count, '007', '7'],
    [count, 0, '0'],
    [count, '-0', '0'],
    [count, 5600, '5600'],
    [count, '12.0', '12'],
    [amount, '12.35', '12.35'],
    [amount, '12.30', '12.3'],
    [amount, '.5', '0.5'],
    [amount, '３．５', '3.5'],
    [share, '100', '100'],
    [share, '99.9', '99.9'],
    [rank, '1', '1'],
  ] as const)('%j %j → %s', (rules, raw, expected) => {
    expect(parseFigure(raw, rules)).toEqual({ ok: true, value: expected });
  });

  test.each([
    [count, '', 'validation.required'],
    [count, '   ', 'validation.required'],
    [count, 'abc', 'validation.number'],
    [count, '约300', 'validation.number'],
    [count, '300家', 'validation.number'],
    [count, '1e5', 'validation.number'],
    [count, '1,23', 'validation.number'],
    [count, '1.2.3', 'validation.number'],
    [count, '=1+1', 'validation.number'],
    [count, NaN, 'validation.number'],
    [count, Infinity, 'validation.number'],
    [count, null, 'validation.number'],
    [count, {}, 'validation.number'],
    [count, '-5', 'validation.nonNegative'],
    [count, '12.5', 'validation.maxDecimals_0'],
    [amount, '1.234', 'validation.maxDecimals_2'],
    [share, '100.1', 'validation.percentRange'],
    [share, '5.55', 'validation.maxDecimals_1'],
    [rank, '0', 'validation.rank'],
    [rank, '-1', 'validation.rank'],
    [count, '1234567890123456', 'validation.tooLarge'],
  ] as const)('%j %j → %s', (rules, raw, error) => {
    expect(parseFigure(raw, rules)).toEqual({ ok: false, error });
  });

  test('comparison is exact in decimal', () => {
    expect(compareFigures('10', '9.99')).toBe(1);
    expect(compareFigures('0.1', '0.10')).toBe(0);
    expect(compareFigures('123', '1234')).toBe(-1);
    expect(sameFigure('484.0000', '484')).toBe(true);
    expect(sameFigure(null, '1')).toBe(false);
    expect(canonicalFigure('0012.3400')).toBe('12.34');
  });
});

describe('breakdown totals', () => {
  test('sums exactly and counts what is missing', () => {
    expect(breakdownTotal(['0.1', '0.2', null, '', 'x'])).toEqual({ total: '0.3', entered: 2, missing: 3 });
    expect(breakdownTotal([120, 35, 4])).toEqual({ total: '159', entered: 3, missing: 0 });
    expect(breakdownTotal([])).toEqual({ total: '0', entered: 0, missing: 0 });
  });
});
