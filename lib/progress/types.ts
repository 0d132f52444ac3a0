// Pure: no I/O. The shapes the progress functions work on: an indicator as the plan file defines it, and its figures.
import type { Comparator, Frequency, IndicatorKind, Trajectory } from '@/lib/generated/prisma/enums';
import type { Month } from '@/lib/periods';

export interface MilestoneInput {
  year: number;
  value: number;
  comparator: Comparator;
}

/** What progress needs to know about an indicator; `IndicatorDto` from lib/queries/plan satisfies it. */
export interface ProgressIndicator {
  kind: IndicatorKind;
  frequency: Frequency;
  trajectory: Trajectory;
  decimals: number;
  unit: string;
  baseline: { year: number; value: number } | null;
  milestones: MilestoneInput[];
}

/** One figure of a series: a month-end stock, a year-to-date total, or a yearly figure filed under 'YYYY-12'. */
export interface Observation {
  month: Month;
  value: number;
}

export type ProgressStatus = 'met' | 'on_track' | 'behind' | 'far_behind' | 'no_data';

/** Worst first: a task's status is the worst of its indicators'. */
export const STATUS_SEVERITY: Record<ProgressStatus, number> = { far_behind: 4, behind: 3, on_track: 2, met: 1, no_data: 0 };
