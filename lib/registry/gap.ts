// Pure: closing the gap. The expiry forecast (certificates that lapse each quarter unless renewed) meets the
// dashboards' required pace (lib/progress requiredPaces: the net growth each milestone asks for), giving the
// certificates needed per quarter, renewed and new; against them, the candidates the registry holds. No I/O.
import type { QuarterForecast } from '@/lib/registry/forecast';

export interface MilestoneNeed {
  year: number;
  /** The figure that meets it (超过570 → 571). */
  threshold: number;
  met: boolean;
  /** Net growth per month the dashboard asks for (lib/progress). */
  requiredPerMonth: number;
}

export interface QuarterNeed {
  quarter: string;
  /** Certificates lapsing this quarter: each must be renewed to hold the count. */
  renewals: number;
  /** New certificates this quarter for the net growth the pace asks for. */
  newNeeded: number;
}

export type Closing = 'eligible_enough' | 'with_near' | 'short';

export interface GapPlan {
  year: number;
  threshold: number;
  met: boolean;
  /** The dashboard's latest figure the pace starts from. */
  from: number;
  /** The dashboard's required net growth per month. */
  requiredPerMonth: number;
  quarters: QuarterNeed[];
  totalRenewals: number;
  totalNew: number;
  eligible: number;
  near: number;
  closing: Closing;
}

/** Splits a whole number over n parts as evenly as possible, the larger parts first. */
export function spread(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * For each remaining milestone: the quarters of the forecast up to its year's end, the renewals each needs (every
 * lapsing certificate), and the new certificates: the net growth still needed (threshold − latest figure, the same
 * gap the dashboard's pace divides by the months left) spread evenly over those quarters. Whether the candidates can
 * close it: eligible firms alone, or with the near ones too, reach the new certificates needed.
 */
export function gapPlans(latest: number, needs: readonly MilestoneNeed[], forecast: readonly QuarterForecast[], candidates: { eligible: number; near: number }): GapPlan[] {
  return needs.map((need) => {
    const within = forecast.filter((q) => Number(q.quarter.slice(0, 4)) <= need.year);
    const totalNew = need.met ? 0 : Math.max(0, need.threshold - latest);
    const news = spread(totalNew, within.length);
    const quarters = within.map((q, i) => ({ quarter: q.quarter, renewals: q.expiring, newNeeded: news[i] }));
    const closing: Closing = candidates.eligible >= totalNew ? 'eligible_enough' : candidates.eligible + candidates.near >= totalNew ? 'with_near' : 'short';
    return {
      year: need.year,
      threshold: need.threshold,
      met: need.met,
      from: latest,
      requiredPerMonth: need.requiredPerMonth,
      quarters,
      totalRenewals: quarters.reduce((s, q) => s + q.renewals, 0),
      totalNew,
      eligible: candidates.eligible,
      near: candidates.near,
      closing,
    };
  });
}
