// Pure: numbers, units, months and comparators the way Chinese staff write them (and an English rendering).
import { parseMonth, type Month } from '@/lib/periods';

export type Locale = 'zh-CN' | 'en';

/**
 * Chinese documents write counts without separators below 10,000 (5600家) and group from 10,000 up (12,345);
 * `trim` drops trailing zeros (targets read 5.1%, not 5.10%).
 */
export function formatNumber(value: number, decimals: number, locale: Locale = 'zh-CN', trim = false): string {
  return numberFormat(locale, trim ? 0 : decimals, decimals).format(value);
}

// Building an Intl formatter costs far more than using one, and a dashboard page formats hundreds of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits, maximumFractionDigits, useGrouping: locale === 'en' ? 'auto' : 'min2' });
    numberFormats.set(key, format);
  }
  return format;
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

/** Between the items of a list of names: 、 in Chinese, a comma in English. */
export function listSeparator(locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? ', ' : '、';
}

/** Between clauses: ； in Chinese, a semicolon in English. */
export function clauseSeparator(locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? '; ' : '；';
}

export function formatMonth(month: Month, locale: Locale = 'zh-CN'): string {
  const { year, month: m } = parseMonth(month);
  if (locale === 'zh-CN') return `${year}年${m}月`;
  return monthFormatEn.format(new Date(Date.UTC(year, m - 1, 1)));
}

const monthFormatEn = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

// One formatter per language for the whole process: each Intl.DateTimeFormat with a time zone holds about 28 KB of
// ICU memory outside V8's heap, which the collector does not see; built per call (the report page formats every
// history event) they piled up by hundreds of MB between collections under load.
const dateTimeOptions: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
const dateTimeFormats = { 'zh-CN': new Intl.DateTimeFormat('zh-CN', dateTimeOptions), en: new Intl.DateTimeFormat('en-GB', dateTimeOptions) } as const;

export function formatDateTime(instant: Date, locale: Locale = 'zh-CN'): string {
  return dateTimeFormats[locale === 'en' ? 'en' : 'zh-CN'].format(instant);
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

/** A ratio as a percentage: 1.03 → "103%"; signed for changes: 0.123 → "+12.3%", −0.05 → "−5.0%". */
export function formatPercent(ratio: number, decimals = 0, locale: Locale = 'zh-CN', signed = false): string {
  const n = formatNumber(Math.abs(ratio * 100), decimals, locale);
  const sign = ratio < 0 && n.replace(/[0.,]/g, '') !== '' ? '−' : signed && ratio > 0 ? '+' : '';
  return `${sign}${n}%`;
}

/** A change with its sign and unit: "+5家", "−0.20%", "+1.5 (100M CNY)"; zero has no sign. */
export function formatSignedQuantity(value: number, unit: string, decimals: number, locale: Locale = 'zh-CN'): string {
  const magnitude = formatQuantity(Math.abs(value), unit === '位' ? '' : unit, decimals, locale);
  const zero = magnitude.replace(/[^1-9]/g, '') === '';
  return zero ? magnitude : `${value < 0 ? '−' : '+'}${magnitude}`;
}

/** An IPv4 client seen through an IPv6 socket (::ffff:10.1.2.3) is the IPv4 address; no address is an empty string. */
export function formatIp(value: string | null | undefined): string {
  return value?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') ?? '';
}
