// Pure: no I/O. Whether a figure meets a milestone, and the status of a figure against its planned path.
import type { MilestoneInput, ProgressStatus } from '@/lib/progress/types';
import type { IndicatorKind } from '@/lib/generated/prisma/enums';

/**
 * Status thresholds, one place to change them. `normal` and `behind` are ratios of actual to planned:
 * at or above `normal` of the path the target is 正常 (on track), at or above `behind` it is 滞后 (behind), below that
 * 严重滞后 (far behind). Ranks compare positions: up to `rankFarBehind` places below the target is 滞后, more is
 * 严重滞后. 已达标 (met) always wins: the next milestone's own condition already holds.
 */
export const STATUS_THRESHOLDS = { normal: 0.97, behind: 0.9, rankFarBehind: 2 } as const;

export type StatusThresholds = { normal: number; behind: number; rankFarBehind: number };

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * 超过/突破 (gt) is strictly greater: 超过470家 is met at 471, not at 470. 达到/提高至 (gte) is met at the value.
 * Ranks (lte) are met at or above the position. The figure is compared as published, rounded to the indicator's
 * decimals, so floating-point noise in a computed figure does not decide a boundary.
 */
export function meetsMilestone(value: number, milestone: Pick<MilestoneInput, 'value' | 'comparator'>, decimals = 4): boolean {
  const v = roundTo(value, decimals);
  switch (milestone.comparator) {
    case 'gt':
      return v > milestone.value;
    case 'gte':
      return v >= milestone.value;
    case 'lte':
      return v <= milestone.value;
  }
}

/** The smallest figure that meets a milestone at the indicator's precision (超过470家 → 471; 超过5.1% at 2 dp → 5.11). */
export function thresholdOf(milestone: Pick<MilestoneInput, 'value' | 'comparator'>, decimals: number): number {
  return milestone.comparator === 'gt' ? roundTo(milestone.value + 10 ** -decimals, decimals) : milestone.value;
}

export interface StatusInput {
  kind: IndicatorKind;
  decimals: number;
  actual: number | null;
  planned: number | null;
  /** The milestone the figure is heading for (the first one not yet in the past). */
  milestone: Pick<MilestoneInput, 'value' | 'comparator'> | null;
}

export function classifyStatus(input: StatusInput, thresholds: StatusThresholds = STATUS_THRESHOLDS): ProgressStatus {
  const { actual, milestone } = input;
  if (actual === null) return 'no_data';
  if (milestone && meetsMilestone(actual, milestone, input.decimals)) return 'met';
  if (input.kind === 'rank') {
    const target = milestone?.value ?? input.planned;
    if (target === null) return 'no_data';
    if (actual <= target) return 'on_track';
    return actual - target <= thresholds.rankFarBehind ? 'behind' : 'far_behind';
  }
  const planned = input.planned ?? milestone?.value ?? null;
  if (planned === null) return 'no_data';
  const ratio = planned > 0 ? actual / planned : actual >= planned ? 1 : 0;
  if (ratio >= thresholds.normal) return 'on_track';
  return ratio >= thresholds.behind ? 'behind' : 'far_behind';
}
