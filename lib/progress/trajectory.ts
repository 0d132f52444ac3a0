// Pure: no I/O. The planned path of an indicator, month by month (or year by year), from its start to its last
// milestone, and the seasonal shares that turn an annual target into a year-to-date target for one month.
import { makeMonth, monthRange, monthsBetween, parseMonth, yearEnd, type Month } from '@/lib/periods';
import type { MilestoneInput, Observation, ProgressIndicator } from '@/lib/progress/types';

/** Figures that exist once a year (filed under December): ratios, ranks, and anything reported annually. */
export function isYearly(ind: Pick<ProgressIndicator, 'kind' | 'frequency'>): boolean {
  return ind.kind === 'annual_ratio' || ind.kind === 'rank' || ind.frequency === 'annual';
}

/** The highest a figure can be: 100 for percentages (coverage rates), none otherwise. */
export function upperBound(ind: Pick<ProgressIndicator, 'unit'>): number {
  return ind.unit === '%' ? 100 : Infinity;
}

export function sortedMilestones(ind: Pick<ProgressIndicator, 'milestones'>): MilestoneInput[] {
  return [...ind.milestones].sort((a, b) => a.year - b.year);
}

/**
 * Cumulative share of the annual total reached by the end of each month (index 0 = January, 11 = December = 1),
 * averaged over the complete years in the data (a year is complete when its December figure exists and is
 * positive). Months no complete year covers fall back to an even spread, m/12.
 */
export function seasonalShares(observations: Observation[]): number[] {
  const byMonth = new Map(observations.map((o) => [o.month, o.value]));
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  const years = new Set(observations.map((o) => parseMonth(o.month).year));
  for (const year of years) {
    const total = byMonth.get(yearEnd(year));
    if (!total || total <= 0) continue;
    for (let m = 1; m <= 12; m++) {
      const v = byMonth.get(makeMonth(year, m));
      if (v === undefined) continue;
      sums[m - 1] += v / total;
      counts[m - 1]++;
    }
  }
  return sums.map((sum, i) => (i === 11 ? 1 : counts[i] ? sum / counts[i] : (i + 1) / 12));
}

interface Anchor {
  month: Month;
  value: number;
}

function interpolate(a: Anchor, b: Anchor, month: Month, compound: boolean): number {
  const span = monthsBetween(a.month, b.month);
  const f = span === 0 ? 1 : monthsBetween(a.month, month) / span;
  if (compound && a.value > 0 && b.value > 0) return a.value * Math.pow(b.value / a.value, f);
  return a.value + (b.value - a.value) * f;
}

/** Value of a piecewise path through anchors (sorted by month); null before the first or after the last. */
function along(anchors: Anchor[], month: Month, compound: boolean): number | null {
  if (anchors.length === 0 || month < anchors[0].month || month > anchors[anchors.length - 1].month) return null;
  if (anchors.length === 1) return anchors[0].value;
  const i = Math.max(1, anchors.findIndex((a) => a.month >= month));
  return interpolate(anchors[i - 1], anchors[i], month, compound);
}

export type TrajectoryStart = 'baseline' | 'first_value';

export interface Trajectory {
  /** One point per month (per December for yearly figures), from the start to the last milestone. */
  points: Observation[];
  start: TrajectoryStart | null;
  /** Where the path starts: the baseline or first figure (year-to-date: the first year's annual total, at December). */
  anchor: Observation | null;
  /** Year-to-date indicators: the planned annual total of each year the path covers. */
  annual: { year: number; value: number }[];
}

const EMPTY: Trajectory = { points: [], start: null, anchor: null, annual: [] };

/** Annual total of the first year with figures: its December value, or its latest year-to-date value grossed up. */
function firstAnnualTotal(observations: Observation[], shares: number[]): Anchor | null {
  const first = observations[0];
  if (!first) return null;
  const year = parseMonth(first.month).year;
  const inYear = observations.filter((o) => parseMonth(o.month).year === year);
  const last = inYear[inYear.length - 1];
  const share = shares[parseMonth(last.month).month - 1];
  return { month: yearEnd(year), value: share > 0 ? last.value / share : last.value };
}

/**
 * The planned path. Anchors: the baseline at the end of its year (else the first figure), then each milestone at
 * the end of its year. Between anchors the path is linear, or compound (constant growth rate) when the plan file
 * says `compound` and both ends are positive. A milestone's plain value is the anchor (超过470 draws through 470;
 * the status check, not the path, asks for 471).
 * - stock / computed: every month from the start to the last milestone.
 * - annual ratio / yearly figures: one point per December.
 * - rank: the target position, held every year ("保持全市领先").
 * - year-to-date cumulative: the path is of the annual total; the target for month m of year Y is
 *   annual(Y) × share(m), with the shares learned from complete past years (`seasonalShares`).
 */
export function plannedTrajectory(ind: ProgressIndicator, observations: Observation[], shares?: number[]): Trajectory {
  const milestones = sortedMilestones(ind);
  if (milestones.length === 0) return EMPTY;
  const lastYear = milestones[milestones.length - 1].year;
  const compound = ind.trajectory === 'compound';

  if (ind.kind === 'rank') {
    const firstYear = ind.baseline ? ind.baseline.year + 1 : observations.length ? parseMonth(observations[0].month).year : lastYear;
    const points: Observation[] = [];
    for (let year = Math.min(firstYear, lastYear); year <= lastYear; year++) {
      const target = milestones.find((m) => m.year >= year) ?? milestones[milestones.length - 1];
      points.push({ month: yearEnd(year), value: target.value });
    }
    const anchor = points.length ? { month: ind.baseline ? yearEnd(ind.baseline.year) : points[0].month, value: ind.baseline?.value ?? points[0].value } : null;
    return { points, start: ind.baseline ? 'baseline' : observations.length ? 'first_value' : null, anchor, annual: [] };
  }

  const seasonal = shares ?? seasonalShares(observations);
  let start: Anchor | null;
  let startKind: TrajectoryStart;
  if (ind.baseline) {
    start = { month: yearEnd(ind.baseline.year), value: ind.baseline.value };
    startKind = 'baseline';
  } else if (ind.kind === 'ytd_cumulative') {
    start = firstAnnualTotal(observations, seasonal);
    startKind = 'first_value';
  } else {
    start = observations[0] ?? null;
    startKind = 'first_value';
  }
  if (!start) return EMPTY;

  const anchors: Anchor[] = [start, ...milestones.map((m) => ({ month: yearEnd(m.year), value: m.value })).filter((a) => a.month > start.month)];
  if (anchors.length < 2) return { points: [{ ...start }], start: startKind, anchor: { ...start }, annual: [] };
  const end = anchors[anchors.length - 1].month;

  if (ind.kind === 'ytd_cumulative') {
    const startYear = parseMonth(start.month).year;
    const firstPlanYear = startKind === 'baseline' ? startYear + 1 : startYear;
    const annual: { year: number; value: number }[] = [];
    const points: Observation[] = [];
    for (let year = firstPlanYear; year <= parseMonth(end).year; year++) {
      const total = along(anchors, yearEnd(year), compound)!;
      annual.push({ year, value: total });
      for (let m = 1; m <= 12; m++) points.push({ month: makeMonth(year, m), value: total * seasonal[m - 1] });
    }
    return { points, start: startKind, anchor: { ...start }, annual };
  }

  if (isYearly(ind)) {
    const points: Observation[] = [];
    for (let year = parseMonth(start.month).year; year <= parseMonth(end).year; year++) {
      const value = along(anchors, yearEnd(year), compound);
      if (value !== null) points.push({ month: yearEnd(year), value });
    }
    return { points, start: startKind, anchor: { ...start }, annual: [] };
  }

  const points = monthRange(start.month, end).map((month) => ({ month, value: along(anchors, month, compound)! }));
  return { points, start: startKind, anchor: { ...start }, annual: [] };
}

/**
 * The planned value for a month: the path's point, or (after the path ends) its last point. Yearly paths answer for
 * December only. Null before the path starts.
 */
export function plannedAt(trajectory: Trajectory, month: Month): number | null {
  const { points } = trajectory;
  if (points.length === 0 || month < points[0].month) return null;
  const last = points[points.length - 1];
  if (month > last.month) return last.value;
  return points.find((p) => p.month === month)?.value ?? null;
}
