// Pure: plausibility checks that warn rather than refuse. Each warning needs a comment before the month can be
// submitted, and the reviewer sees both.
import type { IndicatorKind } from '@/lib/generated/prisma/enums';
import { monthsBetween, parseMonth, type Month } from '@/lib/periods';

export const softWarnings = ['stockFell', 'jump', 'cumulativeFell'] as const;
export type SoftWarning = (typeof softWarnings)[number];

export interface SoftCheckInput {
  kind: IndicatorKind;
  period: Month;
  value: number;
  /** The same figure for the previous period its frequency asks for, if stored. */
  previous: { period: Month; value: number } | null;
  /** Share of the previous figure beyond which a change warns. */
  threshold: number;
}

/**
 * - stockFell: a month-end count or size went down (企业数 rarely falls; when it does, say why).
 * - cumulativeFell: a year-to-date total is lower than last month's in the same year (it can only grow).
 * - jump: the change is larger than `threshold` × the previous figure. For year-to-date totals the month's increment
 *   is compared with the average monthly increment so far this year, since the total itself grows by design.
 * Ranks are not checked: moving from 1st to 2nd is a 100 % "jump" that says nothing.
 */
export function softChecks(input: SoftCheckInput): SoftWarning[] {
  const { kind, value, previous, threshold } = input;
  if (!previous || kind === 'rank' || kind === 'computed') return [];
  const out: SoftWarning[] = [];
  const prev = previous.value;
  if (kind === 'ytd_cumulative') {
    const sameYear = parseMonth(previous.period).year === parseMonth(input.period).year;
    if (!sameYear) return [];
    if (value < prev) return ['cumulativeFell'];
    const elapsed = parseMonth(previous.period).month;
    const average = prev / elapsed;
    const step = monthsBetween(previous.period, input.period);
    if (average > 0 && Math.abs(value - prev - average * step) > threshold * average * step) out.push('jump');
    return out;
  }
  if (kind === 'stock' && value < prev) out.push('stockFell');
  if (prev > 0 && Math.abs(value - prev) > threshold * prev) out.push('jump');
  return out;
}
