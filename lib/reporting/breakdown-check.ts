// Pure: does a district total agree with the sum of its breakdown (the towns' figures)? A soft check: a difference is
// shown with both numbers on the form, in the Excel preview and to the reviewer, and never refuses a save or a submit
// (the statistics bureau's total may include firms no town claims). Usable in the browser as the reporter types.
import type { IndicatorKind, UnitKind } from '@/lib/generated/prisma/enums';
import { compareFigures } from '@/lib/reporting/figures';
import { breakdownTotal, figureDifference } from '@/lib/reporting/totals';

/**
 * `whole`: the members cover the district once (the 17 towns: every place lies in exactly one town), so their sum is
 * of the same 口径 as the total. `part`: the members lie inside other units (the parks lie in towns) and cover only part
 * of the district, so their sum is not comparable with the total, nor addable to the towns'.
 */
export type GroupCoverage = 'whole' | 'part';

export function groupCoverage(memberKinds: readonly UnitKind[]): GroupCoverage {
  return memberKinds.length > 0 && memberKinds.every((k) => k === 'town') ? 'whole' : 'part';
}

/** Counts, sizes and year-to-date totals add up across places; shares, ranks and derived ratios do not. */
export function isAdditive(indicator: { unit: string; kind: IndicatorKind }): boolean {
  return (indicator.kind === 'stock' || indicator.kind === 'ytd_cumulative') && indicator.unit !== '%' && indicator.unit !== '位';
}

export interface BreakdownCheckInput {
  unit: string;
  kind: IndicatorKind;
  coverage: GroupCoverage;
  /** The district figure as typed or stored; null when not entered. */
  total: string | null;
  /** One per member, null (or '') when not entered. */
  values: (string | null | undefined)[];
}

export type BreakdownCheck =
  | { status: 'notAdditive' }
  | { status: 'overlap'; sum: string; entered: number; members: number }
  | { status: 'incomplete'; sum: string; entered: number; members: number; total: string | null }
  | { status: 'match'; sum: string; total: string }
  | { status: 'mismatch'; sum: string; total: string; difference: string };

/**
 * - notAdditive: the indicator's figures do not add up (a share, a rank): nothing to compare.
 * - overlap: the group lies within others (parks in towns): its sum is shown, said to be of another 口径, never flagged.
 * - incomplete: a member or the total is missing: the sum so far is shown, no verdict.
 * - match / mismatch: the breakdown is complete and of the total's 口径; mismatch carries total − sum.
 */
export function checkBreakdown(input: BreakdownCheckInput): BreakdownCheck {
  if (!isAdditive(input)) return { status: 'notAdditive' };
  const { total: sum, entered } = breakdownTotal(input.values);
  const members = input.values.length;
  if (input.coverage === 'part') return { status: 'overlap', sum, entered, members };
  const total = input.total === null || input.total.trim() === '' ? null : breakdownTotal([input.total]);
  if (entered < members || total === null || total.entered === 0) return { status: 'incomplete', sum, entered, members, total: total?.entered ? total.total : null };
  if (compareFigures(total.total, sum) === 0) return { status: 'match', sum, total: total.total };
  return { status: 'mismatch', sum, total: total.total, difference: figureDifference(total.total, sum) };
}
