// Pure: no I/O. The leader's question, "what is behind, by how much, whose job": indicators and tasks behind, sorted
// by how far behind they are.
import { monthsBetween, type Month } from '@/lib/periods';
import type { IndicatorProgress } from '@/lib/progress/assess';
import { plannedAt } from '@/lib/progress/trajectory';
import { STATUS_THRESHOLDS } from '@/lib/progress/status';
import { visibleObservations } from '@/lib/progress/assess';
import { STATUS_SEVERITY, type Observation, type ProgressIndicator, type ProgressStatus } from '@/lib/progress/types';

export interface BehindIndicator {
  code: string;
  status: 'behind' | 'far_behind';
  /** The figure judged and what was planned for it: the latest figure against the path, or a missed milestone. */
  month: Month;
  actual: number;
  planned: number;
  /** actual − planned, in the indicator's unit (ranks: places, positive is worse). */
  gap: number;
  /** How far behind, relative to what was planned (0.12 = 12 % short; ranks: places ÷ target place). Sort key. */
  shortfall: number;
  basis: 'path' | 'milestone';
  /** The first month of the unbroken run of figures behind the path that ends at the latest figure. */
  since: Month;
  /** Months from `since` to the latest figure, counting both (yearly figures count 12 a year). */
  months: number;
}

export interface IndicatorInput {
  code: string;
  indicator: Pick<ProgressIndicator, 'kind' | 'frequency'>;
  progress: IndicatorProgress;
  observations: Observation[];
}

function isBehindPath(kind: ProgressIndicator['kind'], actual: number, planned: number): boolean {
  if (kind === 'rank') return actual > planned;
  const ratio = planned > 0 ? actual / planned : actual >= planned ? 1 : 0;
  return ratio < STATUS_THRESHOLDS.normal;
}

function shortfallOf(kind: ProgressIndicator['kind'], actual: number, planned: number): number {
  if (kind === 'rank') return planned > 0 ? (actual - planned) / planned : actual - planned;
  return planned !== 0 ? (planned - actual) / Math.abs(planned) : 0;
}

/** One indicator's line in the behind list, or null when it is not behind. */
export function behindIndicator({ code, indicator, progress, observations }: IndicatorInput): BehindIndicator | null {
  const { status, latest } = progress;
  if ((status !== 'behind' && status !== 'far_behind') || !latest) return null;
  const planned = progress.planned;
  const seen = visibleObservations(indicator, observations, progress.asOf);
  if (planned !== null && isBehindPath(indicator.kind, latest.value, planned)) {
    let since = latest.month;
    for (let i = seen.length - 1; i >= 0; i--) {
      const p = plannedAt(progress.trajectory, seen[i].month);
      if (p === null || !isBehindPath(indicator.kind, seen[i].value, p)) break;
      since = seen[i].month;
    }
    const gap = latest.value - planned;
    return { code, status, month: latest.month, actual: latest.value, planned, gap, shortfall: shortfallOf(indicator.kind, latest.value, planned), basis: 'path', since, months: monthsBetween(since, latest.month) + 1 };
  }
  // On the path again, but the last milestone was missed (see withMissed): the gap is the milestone's.
  const missed = progress.missed;
  const atMissed = missed ? progress.milestones.find((m) => m.month === missed.month)?.actual ?? null : null;
  if (!missed || atMissed === null) return null;
  return {
    code,
    status,
    month: missed.month,
    actual: atMissed,
    planned: missed.value,
    gap: atMissed - missed.value,
    shortfall: shortfallOf(indicator.kind, atMissed, missed.value),
    basis: 'milestone',
    since: missed.month,
    months: monthsBetween(missed.month, latest.month) + 1,
  };
}

/** Indicators behind, furthest behind first (then far behind before behind, then by code for a stable order). */
export function behindIndicators(inputs: IndicatorInput[]): BehindIndicator[] {
  return inputs
    .map(behindIndicator)
    .filter((b): b is BehindIndicator => b !== null)
    .sort((a, b) => b.shortfall - a.shortfall || STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || a.code.localeCompare(b.code));
}

export interface TaskInput {
  key: string;
  no: number;
  status: ProgressStatus | null;
  indicatorCodes: string[];
  /** Lead units' latest own reports. */
  reported: ('on_track' | 'behind' | 'done' | null)[];
}

export interface BehindTask {
  key: string;
  status: 'behind' | 'far_behind';
  /** Its indicators that are behind, in the order of the indicator list. */
  indicators: string[];
  /** How many of its lead units report it 滞后 themselves. */
  reportedBehind: number;
  /** The largest shortfall among its indicators (0 when only a unit's report puts it behind). */
  shortfall: number;
}

/** Tasks behind by their status (indicators and units' own reports), far behind first, then by their worst shortfall. */
export function behindTasks(tasks: TaskInput[], indicators: BehindIndicator[]): BehindTask[] {
  const byCode = new Map(indicators.map((b) => [b.code, b]));
  return tasks
    .filter((t): t is TaskInput & { status: 'behind' | 'far_behind' } => t.status === 'behind' || t.status === 'far_behind')
    .map((t) => {
      const behind = t.indicatorCodes.filter((c) => byCode.has(c));
      return {
        key: t.key,
        no: t.no,
        status: t.status,
        indicators: behind,
        reportedBehind: t.reported.filter((r) => r === 'behind').length,
        shortfall: Math.max(0, ...behind.map((c) => byCode.get(c)!.shortfall)),
      };
    })
    .sort((a, b) => STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || b.shortfall - a.shortfall || a.no - b.no)
    .map(({ no: _no, ...rest }) => rest);
}
