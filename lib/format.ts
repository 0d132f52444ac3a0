// Pure: numbers, units, months and comparators the way Chinese staff write them (and an English rendering).
import { parseMonth, type Month } from '@/lib/periods';

export type Locale = 'zh-CN' | 'en';

/**
 * Chinese documents write counts without separators below 10,000 (5600家) and group from 10,000 up (12,345);
 * `trim` drops trailing zeros (targets read 5.1%, not 5.10%).
 */
export function formatNumber(value: number, decimals: number, locale: Locale = 'zh-CN', trim = false): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: trim ? 0 : decimals,
    maximumFractionDigits: decimals,
    useGrouping: locale === 'en' ? 'auto' : 'min2',
  }).format(value);
}

const UNIT_EN: Record<string, string> = { 家: 'firms', '%': '%', 件: 'patents', 亿元: '100M CNY', 万平米: '10k m²', 个: '', 人: 'people', 万人: '10k people', 位: '' };

/** "484家", "5.10%", "300.0亿元"; in English "484 firms", "300.0 × 100M CNY" reads badly, so "300.0 (100M CNY)". */
export function formatQuantity(value: number, unit: string, decimals: number, locale: Locale = 'zh-CN', trim = false): string {
  const n = formatNumber(value, decimals, locale, trim);
  if (unit === '位') return locale === 'en' ? `No. ${n}` : `第${n}位`;
  if (locale === 'zh-CN') return `${n}${unit}`;
  const en = UNIT_EN[unit] ?? unit;
  if (en === '%') return `${n}%`;
  return en ? `${n} ${en}` : n;
}

export function formatMonth(month: Month, locale: Locale = 'zh-CN'): string {
  const { year, month: m } = parseMonth(month);
  if (locale === 'zh-CN') return `${year}年${m}月`;
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(instant: Date, locale: Locale = 'zh-CN'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
}

export type ComparatorCode = 'gt' | 'gte' | 'lte';

/** A milestone in words: 超过470家 / 达到180家 / 保持全市第1位; "more than 470 firms" / "at least 180 firms". */
export function describeMilestone(
  comparator: ComparatorCode,
  value: number,
  unit: string,
  decimals: number,
  locale: Locale = 'zh-CN',
): string {
  const quantity = formatQuantity(value, unit, decimals, locale, true);
  if (locale === 'zh-CN') {
    if (comparator === 'lte') return value === 1 ? '保持全市第1位' : `全市排名前${formatNumber(value, 0)}位`;
    return `${comparator === 'gt' ? '超过' : '达到'}${quantity}`;
  }
  if (comparator === 'lte') return value === 1 ? 'first in Chongqing' : `top ${value} in Chongqing`;
  return `${comparator === 'gt' ? 'more than' : 'at least'} ${quantity}`;
}

/** The document numbers sections and organisational items (一)(二)…; English uses digits. */
export function sectionOrdinal(n: number, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? String(n) : ('一二三四五六七八九十'[n - 1] ?? String(n));
}
