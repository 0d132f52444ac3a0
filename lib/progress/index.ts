// Pure: no I/O. Progress of the plan's indicators against their 2025 and 2027 milestones.
//
// Method (what the dashboards show and why):
// - Planned path: from the 2022 baseline (else the first figure) through each milestone, month by month. Each
//   indicator's `trajectory` in the plan file picks linear (equal steps) or compound (equal growth rate; used for
//   counts that double, 国家高新技术企业 and 市级科技型企业). A year-to-date cumulative figure (产值, 技术合同成交额)
//   has a path of annual totals; its target for a month is the annual total × the share of the year reached by that
//   month in past complete years (m/12 until a year is complete). Yearly figures (R&D/GDP, ranks, population,
//   万人有效发明专利拥有量) have one point per December; ranks hold their target position every year.
// - Status at the latest figure: 已达标 when the next milestone's own condition holds (超过 strictly, 达到 at the
//   value, ranks at or above the position); otherwise actual ÷ planned against STATUS_THRESHOLDS: ≥ 0.97 正常,
//   ≥ 0.90 滞后, below 严重滞后. Ranks: up to 2 places below target 滞后, more 严重滞后. When the latest past
//   milestone was missed (2025年目标未达成), 正常 becomes 滞后 until the next milestone is met (`withMissed`).
// - A task's status: the worst of its indicators' statuses and its lead units' own latest reports (`taskStatus`).
// - Projection: the least-squares trend of the last 12 months of figures, continued from the latest figure (yearly
//   figures: trend per year; ranks: held). Year-to-date figures: growth on the same month of last year, applied to
//   last year's months and compounded to later years — which keeps the seasonal shape.
// - Required pace: (threshold − latest) ÷ months (years) left to each remaining milestone; for year-to-date figures
//   the monthly amount the milestone year needs and the annual growth that takes this year's total there.
// - Computed indicators are derived from their inputs (`deriveComputedSeries`), never typed in.
export { assessIndicator, buildChartRows, withMissed, sparklineSeries, visibleObservations } from '@/lib/progress/assess';
export type { Change, ChartRow, IndicatorProgress, MilestoneOutcome, MilestoneProgress, YearOnYear } from '@/lib/progress/assess';
export { deriveComputedSeries } from '@/lib/progress/computed';
export { leastSquares, projectIndicator, projectedAt, requiredPaces, TREND_WINDOW_MONTHS } from '@/lib/progress/projection';
export type { Projection, ProjectionMethod, RequiredPace } from '@/lib/progress/projection';
export { classifyStatus, meetsMilestone, STATUS_THRESHOLDS, thresholdOf } from '@/lib/progress/status';
export type { StatusThresholds } from '@/lib/progress/status';
export { isYearly, plannedAt, plannedTrajectory, seasonalShares, upperBound } from '@/lib/progress/trajectory';
export type { Trajectory } from '@/lib/progress/trajectory';
export { STATUS_SEVERITY } from '@/lib/progress/types';
export { taskStatus } from '@/lib/progress/task-status';
export type { ReportedProgress, TaskStatus } from '@/lib/progress/task-status';
export type { MilestoneInput, Observation, ProgressIndicator, ProgressStatus } from '@/lib/progress/types';

import { STATUS_SEVERITY, type ProgressStatus } from '@/lib/progress/types';

/** The worst of several statuses (a task's status from its indicators'); no_data when there are none with data. */
export function worstStatus(statuses: ProgressStatus[]): ProgressStatus {
  return statuses.reduce<ProgressStatus>((worst, s) => (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst] ? s : worst), 'no_data');
}
