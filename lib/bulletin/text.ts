// Pure: how numbers read in a 通报: fixed decimals, signed changes (增加/减少), percentages.
import { parseMonth, type Month } from '@/lib/periods';

export function num(value: number | null, decimals = 0): string {
  if (value === null) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
}

export function signed(value: number | null, decimals = 0): string {
  if (value === null) return '—';
  const text = num(Math.abs(value), decimals);
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

export function percent(ratio: number | null, decimals = 1): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(decimals)}%`;
}

export function monthTitle(month: Month): string {
  const { year, month: m } = parseMonth(month);
  return `${year}年${m}月`;
}

export function issueOf(month: Month): string {
  const { year, month: m } = parseMonth(month);
  return `${year}年第${m}期`;
}

const STATUS_TEXT: Record<string, string> = { met: '已达成', on_track: '正常', behind: '滞后', far_behind: '严重滞后', no_data: '暂无数据' };
export const statusText = (status: string) => STATUS_TEXT[status] ?? status;

export function names(list: readonly string[]): string {
  return list.length ? list.join('、') : '无';
}
