// Pure: no I/O. A task's status from its indicators' statuses and its units' own monthly judgement.
import type { ProgressStatus } from '@/lib/progress/types';
import { STATUS_SEVERITY } from '@/lib/progress/types';

/** What a unit reports about a task each month (TaskProgress in the schema). */
export type ReportedProgress = 'on_track' | 'behind' | 'done';

/** A unit's own word read on the indicators' scale: 已完成 as 已达标, 正常推进 as 正常, 滞后 as 滞后. */
const REPORTED_AS: Record<ReportedProgress, ProgressStatus> = { done: 'met', on_track: 'on_track', behind: 'behind' };

export interface TaskStatus {
  /** null: the task has no indicator and no unit has reported on it. */
  status: ProgressStatus | null;
  /** What decided it: the worst indicator, a unit's report, or both agreeing. */
  basis: 'indicators' | 'reports' | 'both' | null;
}

/**
 * The rule: a task is as far behind as the worst of (a) its indicators' statuses and (b) its lead units' latest own
 * reports. A unit that reports 滞后 makes the task 滞后 even when its indicators are on track; indicators behind
 * make it behind even when the unit reports 正常推进. Indicators without data and missing reports do not count;
 * with neither, the task has no status.
 */
export function taskStatus(indicatorStatuses: ProgressStatus[], reported: (ReportedProgress | null)[]): TaskStatus {
  const fromIndicators = indicatorStatuses.filter((s) => s !== 'no_data');
  const fromReports = reported.filter((r): r is ReportedProgress => r !== null).map((r) => REPORTED_AS[r]);
  const worst = (list: ProgressStatus[]) => list.reduce<ProgressStatus | null>((w, s) => (w === null || STATUS_SEVERITY[s] > STATUS_SEVERITY[w] ? s : w), null);
  const a = worst(fromIndicators);
  const b = worst(fromReports);
  if (a === null && b === null) return { status: indicatorStatuses.length ? 'no_data' : null, basis: null };
  if (b === null) return { status: a, basis: 'indicators' };
  if (a === null) return { status: b, basis: 'reports' };
  if (STATUS_SEVERITY[a] === STATUS_SEVERITY[b]) return { status: a, basis: 'both' };
  return STATUS_SEVERITY[a] > STATUS_SEVERITY[b] ? { status: a, basis: 'indicators' } : { status: b, basis: 'reports' };
}
