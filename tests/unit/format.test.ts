import { describe, expect, test } from 'vitest';
import { describeMilestone, formatMonth, formatIp, formatNumber, formatPercent, formatQuantity, formatSignedQuantity, sectionOrdinal } from '@/lib/format';

describe('numbers as Chinese staff write them', () => {
  test.each([
    [4091, 0, '4091'],
    [5600, 0, '5600'],
    [12345, 0, '12,345'],
    [5.1, 2, '5.10'],
    [300.04, 1, '300.0'],
  ])('formatNumber(%s, %s) → %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  test.each([
    [484, '家', 0, '484家'],
    [3.96, '%', 2, '3.96%'],
    [300, '亿元', 1, '300.0亿元'],
    [30, '万平米', 1, '30.0万平米'],
    [1, '位', 0, '第1位'],
  ])('formatQuantity(%s, %s) → %s', (value, unit, decimals, expected) => {
    expect(formatQuantity(value, unit, decimals)).toBe(expected);
  });

  test('English renders units in words', () => {
    expect(formatQuantity(4091, '家', 0, 'en')).toBe('4,091 firms');
    expect(formatQuantity(5.1, '%', 2, 'en')).toBe('5.10%');
  });
});

describe('milestones in words follow the comparator', () => {
  test.each([
    ['gt', 470, '家', 0, '超过470家'],
    ['gte', 180, '家', 0, '达到180家'],
    ['gt', 5.1, '%', 2, '超过5.1%'],
    ['gte', 100, '%', 1, '达到100%'],
    ['lte', 1, '位', 0, '保持全市第1位'],
  ] as const)('%s %s%s → %s', (comparator, value, unit, decimals, expected) => {
    expect(describeMilestone(comparator, value, unit, decimals)).toBe(expected);
  });

  test('in English', () => {
    expect(describeMilestone('gt', 470, '家', 0, 'en')).toBe('more than 470 firms');
    expect(describeMilestone('gte', 18, '个', 0, 'en')).toBe('at least 18');
  });
});

test('months read 2026年10月 in Chinese and Oct 2026 in English', () => {
  expect(formatMonth('2026-10')).toBe('2026年10月');
  expect(formatMonth('2026-01', 'en')).toBe('Jan 2026');
});

test('organisational items are numbered (一)(二) in Chinese', () => {
  expect(sectionOrdinal(3)).toBe('三');
  expect(sectionOrdinal(3, 'en')).toBe('3');
});

describe('percentages and signed changes', () => {
  test.each([
    [1.03, 0, false, '103%'],
    [0.8567, 1, false, '85.7%'],
    [0.123, 1, true, '+12.3%'],
    [-0.05, 1, true, '−5.0%'],
    [0, 1, true, '0.0%'],
    [-0.0001, 1, true, '0.0%'],
  ])('formatPercent(%s, %s, signed %s) → %s', (ratio, decimals, signed, expected) => {
    expect(formatPercent(ratio, decimals, 'zh-CN', signed)).toBe(expected);
  });

  test.each([
    [5, '家', 0, 'zh-CN', '+5家'],
    [-3, '家', 0, 'zh-CN', '−3家'],
    [0, '家', 0, 'zh-CN', '0家'],
    [0.2, '%', 2, 'zh-CN', '+0.20%'],
    [1.25, '亿元', 1, 'zh-CN', '+1.3亿元'],
    [-1, '位', 0, 'zh-CN', '−1'],
    [12345, '家', 0, 'en', '+12,345 firms'],
  ] as const)('formatSignedQuantity(%s, %s) → %s', (value, unit, decimals, locale, expected) => {
    expect(formatSignedQuantity(value, unit, decimals, locale)).toBe(expected);
  });
});

describe('formatIp', () => {
  test.each([
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['10.1.2.3', '10.1.2.3'],
    ['2001:db8::1', '2001:db8::1'],
    ['::ffff:abcd', '::ffff:abcd'],
    [null, ''],
  ])('%s → %s', (input, expected) => {
    expect(formatIp(input)).toBe(expected);
  });
});
