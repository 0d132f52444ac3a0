// Pure: no I/O. One indicator's progress as of a month: latest figure, changes, planned value, status, share of the
// next milestone, projection, required pace, and the outcome of each milestone.
import { addMonths, monthRange, parseMonth, yearEnd, type Month } from '@/lib/periods';
import { projectIndicator, projectedAt, requiredPaces, type Projection, type RequiredPace } from '@/lib/progress/projection';
import { classifyStatus, meetsMilestone, STATUS_THRESHOLDS, type StatusThresholds } from '@/lib/progress/status';
import { isYearly, plannedAt, plannedTrajectory, seasonalShares, sortedMilestones, type Trajectory } from '@/lib/progress/trajectory';
import type { MilestoneInput, Observation, ProgressIndicator, ProgressStatus } from '@/lib/progress/types';

export type MilestoneOutcome = 'met' | 'missed' | 'awaiting' | 'on_course' | 'off_course';

export interface MilestoneProgress extends MilestoneInput {
  month: Month;
  planned: number | null;
  /** The figure at the milestone's month, once published. */
  actual: number | null;
  /** Where the current pace leads by the milestone's month (future milestones). */
  projected: number | null;
  /**
   * Past: met / missed, or awaiting while its figure is not yet published. Future: met when the latest figure
   * already meets it, otherwise on_course / off_course by the projection.
   */
  outcome: MilestoneOutcome;
}

export interface Change {
  /** delta: latest − previous figure; flow: a year-to-date figure's own month (the January figure itself in January). */
  kind: 'delta' | 'flow';
  value: number;
  since: Month;
}

export interface YearOnYear {
  month: Month;
  value: number;
  delta: number;
  /** Relative change (0.12 = +12 %); null when last year's figure is zero. */
  growth: number | null;
}

export interface IndicatorProgress {
  asOf: Month;
  latest: Observation | null;
  change: Change | null;
  yearOnYear: YearOnYear | null;
  planned: number | null;
  /** actual ÷ planned at the latest figure's month. */
  ratio: number | null;
  status: ProgressStatus;
  /**
   * The most recent past milestone, when its figure missed it: the status is then at best 滞后 (see `withMissed`),
   * so a card never shows 正常 beside "2025年目标 … 未达成".
   */
  missed: (MilestoneInput & { month: Month }) | null;
  nextMilestone: (MilestoneInput & { month: Month }) | null;
  /** Share of the next milestone reached (year-to-date figures of an earlier year: share of this year's plan). */
  share: { ratio: number; basis: 'milestone' | 'annual_plan'; year: number } | null;
  trajectory: Trajectory;
  projection: Projection;
  paces: RequiredPace[];
  milestones: MilestoneProgress[];
}

/** Figures up to `asOf`, in month order; yearly indicators keep their December figures only. */
export function visibleObservations(ind: Pick<ProgressIndicator, 'kind' | 'frequency'>, observations: Observation[], asOf: Month): Observation[] {
  const yearly = isYearly(ind);
  return observations
    .filter((o) => o.month <= asOf && (!yearly || parseMonth(o.month).month === 12))
    .sort((a, b) => a.month.localeCompare(b.month));
}

function changeOf(ind: ProgressIndicator, observations: Observation[]): Change | null {
  const latest = observations[observations.length - 1];
  const previous = observations[observations.length - 2];
  if (!latest) return null;
  if (ind.kind === 'ytd_cumulative') {
    const { year, month } = parseMonth(latest.month);
    if (month === 1) return { kind: 'flow', value: latest.value, since: yearEnd(year - 1) };
    if (!previous || parseMonth(previous.month).year !== year) return null;
    return { kind: 'flow', value: latest.value - previous.value, since: previous.month };
  }
  return previous ? { kind: 'delta', value: latest.value - previous.value, since: previous.month } : null;
}

function yearOnYearOf(observations: Observation[]): YearOnYear | null {
  const latest = observations[observations.length - 1];
  if (!latest) return null;
  const month = addMonths(latest.month, -12);
  const before = observations.find((o) => o.month === month);
  if (!before) return null;
  return { month, value: before.value, delta: latest.value - before.value, growth: before.value !== 0 ? latest.value / before.value - 1 : null };
}

export function assessIndicator(
  ind: ProgressIndicator,
  figures: Observation[],
  asOf: Month,
  thresholds: StatusThresholds = STATUS_THRESHOLDS,
): IndicatorProgress {
  const observations = visibleObservations(ind, figures, asOf);
  const shares = ind.kind === 'ytd_cumulative' ? seasonalShares(observations) : undefined;
  const trajectory = plannedTrajectory(ind, observations, shares);
  const projection = projectIndicator(ind, observations, shares);
  const latest = observations[observations.length - 1] ?? null;
  const milestones = sortedMilestones(ind);
  const reference = latest?.month ?? asOf;
  const next = milestones.find((m) => yearEnd(m.year) >= reference) ?? milestones[milestones.length - 1] ?? null;
  const nextMilestone = next ? { ...next, month: yearEnd(next.year) } : null;
  const planned = latest ? plannedAt(trajectory, latest.month) : null;

  let share: IndicatorProgress['share'] = null;
  if (latest && next && ind.kind !== 'rank') {
    const year = parseMonth(latest.month).year;
    if (ind.kind !== 'ytd_cumulative' || next.year === year) {
      if (next.value !== 0) share = { ratio: latest.value / next.value, basis: 'milestone', year: next.year };
    } else {
      const plan = trajectory.annual.find((a) => a.year === year);
      if (plan && plan.value !== 0) share = { ratio: latest.value / plan.value, basis: 'annual_plan', year };
    }
  }

  const byMonth = new Map(observations.map((o) => [o.month, o.value]));
  const milestoneProgress: MilestoneProgress[] = milestones.map((m) => {
    const month = yearEnd(m.year);
    const actual = byMonth.get(month) ?? null;
    const projected = latest && month > latest.month ? projectedAt(projection, month) : null;
    let outcome: MilestoneOutcome;
    if (latest && month <= latest.month) outcome = actual === null ? 'awaiting' : meetsMilestone(actual, m, ind.decimals) ? 'met' : 'missed';
    else if (month <= asOf) outcome = 'awaiting';
    else if (latest && ind.kind !== 'ytd_cumulative' && meetsMilestone(latest.value, m, ind.decimals)) outcome = 'met';
    else outcome = projected !== null && meetsMilestone(projected, m, ind.decimals) ? 'on_course' : 'off_course';
    return { ...m, month, planned: plannedAt(trajectory, month), actual, projected, outcome };
  });

  const lastPast = [...milestoneProgress].reverse().find((m) => latest && m.month <= latest.month && m.outcome !== 'awaiting');
  const missed = lastPast?.outcome === 'missed' ? { year: lastPast.year, value: lastPast.value, comparator: lastPast.comparator, month: lastPast.month } : null;
  const trajectoryStatus = classifyStatus({ kind: ind.kind, decimals: ind.decimals, actual: latest?.value ?? null, planned, milestone: next }, thresholds);

  return {
    asOf,
    latest,
    change: changeOf(ind, observations),
    yearOnYear: yearOnYearOf(observations),
    planned,
    ratio: latest && planned ? latest.value / planned : null,
    status: withMissed(trajectoryStatus, missed !== null),
    missed,
    nextMilestone,
    share,
    trajectory,
    projection,
    paces: requiredPaces(ind, latest, projection),
    milestones: milestoneProgress,
  };
}

/**
 * A missed milestone stays a fact until the next one is met: on the path again after missing the last milestone is
 * 滞后, not 正常 (已达标 and the worse statuses stand as they are).
 */
export function withMissed(status: ProgressStatus, missedLast: boolean): ProgressStatus {
  return missedLast && status === 'on_track' ? 'behind' : status;
}

export interface ChartRow {
  month: Month;
  actual: number | null;
  /** A figure submitted but not yet approved, drawn apart from the approved line. */
  pending: number | null;
  planned: number | null;
  projected: number | null;
}

/**
 * Rows for the indicator chart, one per month (per December for yearly figures) from the earliest of path and
 * figures to the end of the path or projection, so that reference lines at 2025-12 and 2027-12 have a place.
 */
export function buildChartRows(ind: Pick<ProgressIndicator, 'kind' | 'frequency'>, progress: IndicatorProgress, figures: Observation[], pending: Observation[]): ChartRow[] {
  const actual = visibleObservations(ind, figures, progress.asOf);
  const pend = visibleObservations(ind, pending, progress.asOf);
  const all = [...progress.trajectory.points, ...actual, ...pend, ...progress.projection.points, ...progress.milestones.map((m) => ({ month: m.month, value: m.value }))];
  if (all.length === 0) return [];
  const months = all.map((p) => p.month).sort();
  const range = monthRange(months[0], months[months.length - 1]);
  const yearly = isYearly(ind);
  const at = (points: Observation[]) => new Map(points.map((p) => [p.month, p.value]));
  const [a, p, t, j] = [at(actual), at(pend), at(progress.trajectory.points), at(progress.projection.points)];
  return range
    .filter((month) => !yearly || parseMonth(month).month === 12)
    .map((month) => ({ month, actual: a.get(month) ?? null, pending: p.get(month) ?? null, planned: t.get(month) ?? null, projected: j.get(month) ?? null }));
}

/** The last `count` months (or yearly points) of figures and plan, aligned, for a sparkline. */
export function sparklineSeries(ind: Pick<ProgressIndicator, 'kind' | 'frequency'>, progress: IndicatorProgress, figures: Observation[], count = 24): { actual: (number | null)[]; planned: (number | null)[] } {
  const observations = visibleObservations(ind, figures, progress.asOf);
  if (observations.length === 0) return { actual: [], planned: [] };
  const last = observations[observations.length - 1].month;
  const yearly = isYearly(ind);
  const months = yearly ? observations.map((o) => o.month).slice(-count) : monthRange(addMonths(last, -(count - 1)), last);
  const a = new Map(observations.map((o) => [o.month, o.value]));
  return { actual: months.map((m) => a.get(m) ?? null), planned: months.map((m) => plannedAt(progress.trajectory, m)) };
}
