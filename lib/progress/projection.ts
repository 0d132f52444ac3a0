// Pure: no I/O. Where the current pace leads (projection) and what pace the remaining milestones ask for.
import { addMonths, makeMonth, monthsBetween, parseMonth, yearEnd, type Month } from '@/lib/periods';
import { thresholdOf } from '@/lib/progress/status';
import { isYearly, sortedMilestones, upperBound } from '@/lib/progress/trajectory';
import type { MilestoneInput, Observation, ProgressIndicator } from '@/lib/progress/types';

/** Ordinary least squares y = intercept + slope·x; null with fewer than two distinct x. */
export function leastSquares(xs: number[], ys: number[]): { slope: number; intercept: number } | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export type ProjectionMethod = 'trend' | 'yoy' | 'flat' | 'none';

export interface Projection {
  method: ProjectionMethod;
  /** From the latest figure (inclusive) to the end of the last milestone year; yearly figures per December. */
  points: Observation[];
  /** Trend per month (monthly and quarterly figures) or per year (yearly figures); null for year-to-date figures. */
  slope: number | null;
  /** Year-to-date figures: growth on the same month of last year (0.12 = +12 %). */
  growth: number | null;
  /** Year-to-date figures: the projected total of the latest figure's year. */
  annualThisYear: number | null;
}

const NONE: Projection = { method: 'none', points: [], slope: null, growth: null, annualThisYear: null };

/** The trend window: the last 12 months of figures (at least the last two figures); yearly: the last 12 years. */
export const TREND_WINDOW_MONTHS = 12;

function trendWindow(observations: Observation[], yearly: boolean): Observation[] {
  if (yearly) return observations.slice(-TREND_WINDOW_MONTHS);
  const latest = observations[observations.length - 1];
  const recent = observations.filter((o) => monthsBetween(o.month, latest.month) < TREND_WINDOW_MONTHS);
  return recent.length >= 2 ? recent : observations.slice(-2);
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/**
 * Stock and computed figures: the least-squares slope of the last 12 months, continued from the latest figure.
 * Yearly figures: the same over yearly points (per year). Ranks: held where they are (positions do not trend).
 * Year-to-date figures (they reset each January): growth on the same month of last year, applied to last year's
 * monthly figures for the rest of this year and compounded for later years; without last year, the year-to-date
 * figure grossed up by the seasonal share of its month, held flat.
 */
export function projectIndicator(ind: ProgressIndicator, observations: Observation[], shares?: number[]): Projection {
  const milestones = sortedMilestones(ind);
  const latest = observations[observations.length - 1];
  if (!latest || milestones.length === 0) return NONE;
  const endMonth = yearEnd(milestones[milestones.length - 1].year);
  if (latest.month >= endMonth) return { ...NONE, method: 'flat', points: [{ ...latest }] };
  const max = upperBound(ind);

  if (ind.kind === 'rank') {
    const points = [latest];
    for (let year = parseMonth(latest.month).year + 1; year <= parseMonth(endMonth).year; year++) points.push({ month: yearEnd(year), value: latest.value });
    return { ...NONE, method: 'flat', points };
  }

  if (ind.kind === 'ytd_cumulative') return projectYearToDate(observations, shares, endMonth);

  const yearly = isYearly(ind);
  const window = trendWindow(observations, yearly);
  const fit = leastSquares(
    window.map((o) => (yearly ? parseMonth(o.month).year : monthsBetween(window[0].month, o.month))),
    window.map((o) => o.value),
  );
  if (!fit) return { ...NONE, method: 'flat', points: [{ ...latest }] };
  const points: Observation[] = [{ ...latest }];
  if (yearly) {
    const from = parseMonth(latest.month).year;
    for (let year = from + 1; year <= parseMonth(endMonth).year; year++) points.push({ month: yearEnd(year), value: clamp(latest.value + fit.slope * (year - from), max) });
  } else {
    for (let k = 1, m = addMonths(latest.month, 1); m <= endMonth; k++, m = addMonths(m, 1)) points.push({ month: m, value: clamp(latest.value + fit.slope * k, max) });
  }
  return { method: 'trend', points, slope: fit.slope, growth: null, annualThisYear: null };
}

function projectYearToDate(observations: Observation[], shares: number[] | undefined, endMonth: Month): Projection {
  const latest = observations[observations.length - 1];
  const byMonth = new Map(observations.map((o) => [o.month, o.value]));
  const { year, month } = parseMonth(latest.month);
  const share = (m: number) => shares?.[m - 1] ?? m / 12;
  const lastYearSame = byMonth.get(makeMonth(year - 1, month));
  const lastYearTotal = byMonth.get(yearEnd(year - 1));
  const growth = lastYearSame && lastYearSame > 0 ? latest.value / lastYearSame - 1 : null;
  const annualThisYear = growth !== null && lastYearTotal !== undefined ? lastYearTotal * (1 + growth) : latest.value / share(month);
  const g = growth ?? 0;

  const points: Observation[] = [{ ...latest }];
  for (let m = month + 1; m <= 12; m++) {
    const before = byMonth.get(makeMonth(year - 1, m));
    points.push({ month: makeMonth(year, m), value: growth !== null && before !== undefined ? before * (1 + g) : annualThisYear * share(m) });
  }
  for (let y = year + 1; y <= parseMonth(endMonth).year; y++) {
    const annual = annualThisYear * Math.pow(1 + g, y - year);
    for (let m = 1; m <= 12; m++) points.push({ month: makeMonth(y, m), value: annual * share(m) });
  }
  return { method: growth !== null ? 'yoy' : 'flat', points, slope: null, growth, annualThisYear };
}

/** The projected value at a month (a December for milestones), or null when the projection does not reach it. */
export function projectedAt(projection: Projection, month: Month): number | null {
  return projection.points.find((p) => p.month === month)?.value ?? null;
}

export interface RequiredPace {
  year: number;
  /** The figure that meets the milestone (超过470 → 471). */
  threshold: number;
  /** Already met by the latest figure: nothing more is required. */
  met: boolean;
  period: 'month' | 'year';
  /** Per month (stock: increase; year-to-date: the monthly amount the year needs) or per year (yearly figures). */
  required: number;
  /** The current pace in the same terms: trend slope, or this year's average monthly amount. Null when unknown. */
  current: number | null;
  /** Year-to-date figures, milestone in a later year: annual growth needed from this year's projected total. */
  requiredGrowth: number | null;
}

/**
 * The pace each remaining milestone asks for from the latest figure. Stock: (threshold − latest) ÷ months left.
 * Yearly: (threshold − latest) ÷ years left. Year-to-date in the milestone's year: (threshold − year-to-date) ÷
 * months left in the year; in an earlier year: threshold ÷ 12 per month of the milestone year, and the annual growth
 * needed to get there. Ranks have no pace.
 */
export function requiredPaces(ind: ProgressIndicator, latest: Observation | null, projection: Projection): RequiredPace[] {
  if (!latest || ind.kind === 'rank') return [];
  const { year, month } = parseMonth(latest.month);
  const yearly = isYearly(ind);
  return sortedMilestones(ind)
    .filter((m: MilestoneInput) => yearEnd(m.year) > latest.month)
    .map((m) => {
      const threshold = thresholdOf(m, ind.decimals);
      if (ind.kind === 'ytd_cumulative') {
        const current = latest.value / month;
        if (m.year === year) {
          const left = threshold - latest.value;
          return { year: m.year, threshold, met: left <= 0, period: 'month', required: Math.max(0, left) / (12 - month), current, requiredGrowth: null };
        }
        const base = projection.annualThisYear;
        const requiredGrowth = base && base > 0 ? Math.pow(threshold / base, 1 / (m.year - year)) - 1 : null;
        return { year: m.year, threshold, met: false, period: 'month', required: threshold / 12, current, requiredGrowth };
      }
      const left = threshold - latest.value;
      const span = yearly ? m.year - year : monthsBetween(latest.month, yearEnd(m.year));
      return { year: m.year, threshold, met: left <= 0, period: yearly ? 'year' : 'month', required: Math.max(0, left) / span, current: projection.slope, requiredGrowth: null };
    });
}
