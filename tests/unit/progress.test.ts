import { describe, expect, test } from 'vitest';
import { makeMonth, monthRange, parseMonth } from '@/lib/periods';
import {
  assessIndicator,
  buildChartRows,
  classifyStatus,
  deriveComputedSeries,
  leastSquares,
  meetsMilestone,
  plannedAt,
  plannedTrajectory,
  projectIndicator,
  seasonalShares,
  STATUS_THRESHOLDS,
  thresholdOf,
  worstStatus,
  type Observation,
  type ProgressIndicator,
} from '@/lib/progress';

const indicator = (over: Partial<ProgressIndicator>): ProgressIndicator => ({
  kind: 'stock',
  frequency: 'monthly',
  trajectory: 'linear',
  decimals: 0,
  unit: '家',
  baseline: null,
  milestones: [],
  ...over,
});

/** 国家高新技术企业: baseline 285 (2022), 超过470 by 2025, 超过570 by 2027, compound path. */
const highTech = indicator({
  trajectory: 'compound',
  baseline: { year: 2022, value: 285 },
  milestones: [
    { year: 2025, value: 470, comparator: 'gt' },
    { year: 2027, value: 570, comparator: 'gt' },
  ],
});

/** A year-to-date output figure shaped (m/12)^1.5 within each year. */
const ytdShape = (m: number) => Math.pow(m / 12, 1.5);
const ytdYear = (year: number, total: number, through = 12): Observation[] =>
  Array.from({ length: through }, (_, i) => ({ month: makeMonth(year, i + 1), value: total * ytdShape(i + 1) }));
const output = indicator({ kind: 'ytd_cumulative', unit: '亿元', decimals: 1, milestones: [{ year: 2027, value: 300, comparator: 'gte' }] });

describe('milestones respect their comparator', () => {
  test.each([
    ['超过470 is not met at 470', 470, { value: 470, comparator: 'gt' }, 0, false],
    ['超过470 is met at 471', 471, { value: 470, comparator: 'gt' }, 0, true],
    ['超过5.1% is not met at 5.10', 5.1, { value: 5.1, comparator: 'gt' }, 2, false],
    ['超过5.1% is met at 5.11', 5.11, { value: 5.1, comparator: 'gt' }, 2, true],
    ['达到180 is met at 180', 180, { value: 180, comparator: 'gte' }, 0, true],
    ['达到180 is not met at 179', 179, { value: 180, comparator: 'gte' }, 0, false],
    ['达到45件 is met by 44.96 published as 45.0', 44.96, { value: 45, comparator: 'gte' }, 1, true],
    ['保持第1位 is met at position 1', 1, { value: 1, comparator: 'lte' }, 0, true],
    ['保持第1位 is not met at position 2', 2, { value: 1, comparator: 'lte' }, 0, false],
  ] as const)('%s', (_name, value, milestone, decimals, expected) => {
    expect(meetsMilestone(value, milestone, decimals)).toBe(expected);
  });

  test.each([
    [{ value: 470, comparator: 'gt' }, 0, 471],
    [{ value: 5.1, comparator: 'gt' }, 2, 5.11],
    [{ value: 180, comparator: 'gte' }, 0, 180],
    [{ value: 1, comparator: 'lte' }, 0, 1],
  ] as const)('the figure that meets %o at %s decimals is %s', (milestone, decimals, expected) => {
    expect(thresholdOf(milestone, decimals)).toBe(expected);
  });
});

describe('status against the planned path', () => {
  const gt470 = { value: 470, comparator: 'gt' } as const;
  test.each([
    ['at 470 on a path at 470, 超过470 is on track, not met', 'stock', 470, 470, gt470, 'on_track'],
    ['at 471, 超过470 is met', 'stock', 471, 470, gt470, 'met'],
    ['met wins even below the path', 'stock', 480, 500, gt470, 'met'],
    ['exactly 97 % of the path is on track', 'stock', 97, 100, { value: 200, comparator: 'gte' }, 'on_track'],
    ['96 % of the path is behind', 'stock', 96, 100, { value: 200, comparator: 'gte' }, 'behind'],
    ['90 % of the path is still behind', 'stock', 90, 100, { value: 200, comparator: 'gte' }, 'behind'],
    ['89 % of the path is far behind', 'stock', 89, 100, { value: 200, comparator: 'gte' }, 'far_behind'],
    ['no figure, no status', 'stock', null, 100, { value: 200, comparator: 'gte' }, 'no_data'],
    ['no path: compared with the milestone', 'stock', 195, null, { value: 200, comparator: 'gte' }, 'on_track'],
    ['rank 1 keeps 保持全市第1位', 'rank', 1, 1, { value: 1, comparator: 'lte' }, 'met'],
    ['rank 3 is behind', 'rank', 3, 1, { value: 1, comparator: 'lte' }, 'behind'],
    ['rank 4 is far behind', 'rank', 4, 1, { value: 1, comparator: 'lte' }, 'far_behind'],
  ] as const)('%s', (_name, kind, actual, planned, milestone, expected) => {
    expect(classifyStatus({ kind, decimals: 0, actual, planned, milestone })).toBe(expected);
  });

  test('thresholds are configurable', () => {
    const input = { kind: 'stock', decimals: 0, actual: 95, planned: 100, milestone: null } as const;
    expect(classifyStatus(input)).toBe('behind');
    expect(classifyStatus(input, { ...STATUS_THRESHOLDS, normal: 0.95 })).toBe('on_track');
    expect(classifyStatus(input, { ...STATUS_THRESHOLDS, normal: 0.99, behind: 0.96 })).toBe('far_behind');
  });

  test.each([
    [['on_track', 'behind', 'met'], 'behind'],
    [['met', 'no_data'], 'met'],
    [['far_behind', 'behind'], 'far_behind'],
    [[], 'no_data'],
  ] as const)('the worst of %o is %s', (statuses, expected) => {
    expect(worstStatus([...statuses])).toBe(expected);
  });
});

describe('planned trajectory', () => {
  const linear = indicator({ baseline: { year: 2022, value: 100 }, milestones: [{ year: 2025, value: 130, comparator: 'gte' }, { year: 2027, value: 150, comparator: 'gte' }] });

  test.each([
    ['2022-12', 100],
    ['2023-06', 105],
    ['2023-12', 110],
    ['2025-12', 130],
    ['2026-12', 140],
    ['2027-12', 150],
  ])('linear through the milestones: %s → %s', (month, expected) => {
    expect(plannedAt(plannedTrajectory(linear, []), month)).toBeCloseTo(expected, 9);
  });

  test.each([
    ['2022-12', 285],
    ['2024-06', 285 * Math.sqrt(470 / 285)],
    ['2025-12', 470],
    ['2026-12', 470 * Math.sqrt(570 / 470)],
    ['2027-12', 570],
  ])('compound (equal growth rate) for counts that double: %s → %s', (month, expected) => {
    expect(plannedAt(plannedTrajectory(highTech, []), month)).toBeCloseTo(expected, 9);
  });

  test('an indicator with no baseline starts from its first figure', () => {
    const noBaseline = indicator({ milestones: [{ year: 2027, value: 180, comparator: 'gte' }] });
    const path = plannedTrajectory(noBaseline, [{ month: '2023-01', value: 60 }, { month: '2023-02', value: 61 }]);
    expect(path.start).toBe('first_value');
    expect(path.points[0]).toEqual({ month: '2023-01', value: 60 });
    expect(plannedAt(path, '2025-06')).toBeCloseTo(60 + (120 * 29) / 59, 9);
    expect(plannedAt(path, '2027-12')).toBe(180);
    expect(plannedAt(path, '2022-12')).toBeNull();
    expect(plannedAt(path, '2028-06')).toBe(180);
  });

  test('with no baseline and no figure there is no path', () => {
    expect(plannedTrajectory(indicator({ milestones: [{ year: 2027, value: 180, comparator: 'gte' }] }), []).points).toEqual([]);
  });

  test('an annual ratio has one point per December', () => {
    const rd = indicator({ kind: 'annual_ratio', frequency: 'annual', unit: '%', decimals: 2, milestones: [{ year: 2027, value: 5.1, comparator: 'gt' }] });
    const path = plannedTrajectory(rd, [{ month: '2023-12', value: 4.5 }]);
    expect(path.points.map((p) => p.month)).toEqual(['2023-12', '2024-12', '2025-12', '2026-12', '2027-12']);
    expect(path.points[2].value).toBeCloseTo(4.8, 9);
  });

  test('a rank holds its target position every year', () => {
    const rank = indicator({ kind: 'rank', frequency: 'annual', unit: '位', milestones: [{ year: 2027, value: 1, comparator: 'lte' }] });
    expect(plannedTrajectory(rank, [{ month: '2023-12', value: 2 }]).points).toEqual(
      ['2023-12', '2024-12', '2025-12', '2026-12', '2027-12'].map((month) => ({ month, value: 1 })),
    );
  });
});

describe('year-to-date cumulative figures', () => {
  const history = [...ytdYear(2023, 100), ...ytdYear(2024, 120), ...ytdYear(2025, 140)];

  test('seasonal shares are learned from complete years, m/12 without them', () => {
    const shares = seasonalShares(history);
    expect(shares[0]).toBeCloseTo(ytdShape(1), 9);
    expect(shares[5]).toBeCloseTo(ytdShape(6), 9);
    expect(shares[11]).toBe(1);
    expect(seasonalShares(ytdYear(2026, 50, 5))).toEqual(Array.from({ length: 12 }, (_, i) => (i === 11 ? 1 : (i + 1) / 12)));
  });

  test('in January the target is January’s share of the planned annual total', () => {
    const figures = [...history, { month: '2026-01', value: 160 * ytdShape(1) }];
    const progress = assessIndicator(output, figures, '2026-01');
    // Path of annual totals from the first year (100 in 2023) to 300 in 2027: 250 in 2026.
    expect(progress.trajectory.anchor).toEqual({ month: '2023-12', value: 100 });
    expect(progress.trajectory.annual.find((a) => a.year === 2026)?.value).toBeCloseTo(250, 9);
    expect(progress.planned).toBeCloseTo(250 * ytdShape(1), 9);
    expect(progress.ratio).toBeCloseTo(160 / 250, 9);
    expect(progress.status).toBe('far_behind');
    expect(progress.change).toEqual({ kind: 'flow', value: 160 * ytdShape(1), since: '2025-12' });
    expect(progress.yearOnYear?.growth).toBeCloseTo(160 / 140 - 1, 9);
  });

  test('in January with no past year the even share applies', () => {
    const progress = assessIndicator(output, [{ month: '2026-01', value: 10 }], '2026-01');
    expect(progress.trajectory.start).toBe('first_value');
    expect(progress.planned).toBeCloseTo(10, 9);
    expect(progress.status).toBe('on_track');
    expect(progress.projection.method).toBe('flat');
    expect(progress.projection.annualThisYear).toBeCloseTo(120, 9);
  });

  test('the projection grows last year’s months by the same-month growth and keeps the seasonal shape', () => {
    const figures = [...history, ...ytdYear(2026, 168, 6)];
    const progress = assessIndicator(output, figures, '2026-06');
    const g = 168 / 140 - 1;
    expect(progress.projection.method).toBe('yoy');
    expect(progress.projection.growth).toBeCloseTo(g, 9);
    const at = (month: string) => progress.projection.points.find((p) => p.month === month)?.value;
    expect(at('2026-09')).toBeCloseTo(140 * ytdShape(9) * (1 + g), 9);
    expect(at('2026-12')).toBeCloseTo(168, 9);
    expect(at('2027-12')).toBeCloseTo(168 * (1 + g), 9);
    expect(at('2027-03')).toBeCloseTo(168 * (1 + g) * ytdShape(3), 9);
    const pace = progress.paces.find((p) => p.year === 2027)!;
    expect(pace.required).toBeCloseTo(300 / 12, 9);
    expect(pace.current).toBeCloseTo((168 * ytdShape(6)) / 6, 9);
    expect(pace.requiredGrowth).toBeCloseTo(300 / 168 - 1, 9);
    expect(progress.milestones[0].outcome).toBe('off_course');
  });

  test('share of target: this year’s plan before the milestone year, the milestone in its year', () => {
    const before = assessIndicator(output, [...history, ...ytdYear(2026, 250, 6)], '2026-06');
    expect(before.share).toEqual({ ratio: expect.closeTo((250 * ytdShape(6)) / 250, 9), basis: 'annual_plan', year: 2026 });
    const inYear = assessIndicator(output, [...history, ...ytdYear(2026, 250), ...ytdYear(2027, 300, 6)], '2027-06');
    expect(inYear.share?.basis).toBe('milestone');
    expect(inYear.share?.ratio).toBeCloseTo((300 * ytdShape(6)) / 300, 9);
    expect(inYear.paces[0]).toMatchObject({ year: 2027, period: 'month', required: expect.closeTo((300 - 300 * ytdShape(6)) / 6, 9) });
  });
});

describe('an indicator with only annual values', () => {
  const rd = indicator({ kind: 'annual_ratio', frequency: 'annual', unit: '%', decimals: 2, milestones: [{ year: 2027, value: 5.1, comparator: 'gt' }] });
  const figures = [
    { month: '2023-12', value: 4.5 },
    { month: '2024-06', value: 9.9 }, // not a yearly point: ignored
    { month: '2024-12', value: 4.7 },
    { month: '2025-12', value: 4.8 },
  ];

  test('status, projection and pace work on yearly points', () => {
    const progress = assessIndicator(rd, figures, '2026-10');
    expect(progress.latest).toEqual({ month: '2025-12', value: 4.8 });
    expect(progress.planned).toBeCloseTo(4.8, 9);
    expect(progress.status).toBe('on_track');
    expect(progress.change).toEqual({ kind: 'delta', value: expect.closeTo(0.1, 9), since: '2024-12' });
    expect(progress.projection.method).toBe('trend');
    expect(progress.projection.slope).toBeCloseTo(0.15, 9);
    expect(progress.projection.points.map((p) => p.month)).toEqual(['2025-12', '2026-12', '2027-12']);
    // The trend reaches exactly 5.1 in 2027: 超过5.1% is not met at 5.1.
    expect(progress.milestones[0].projected).toBeCloseTo(5.1, 9);
    expect(progress.milestones[0].outcome).toBe('off_course');
    expect(progress.paces).toEqual([expect.objectContaining({ year: 2027, period: 'year', threshold: 5.11, required: expect.closeTo(0.155, 9) })]);
    expect(buildChartRows(rd, progress, figures, []).map((r) => r.month)).toEqual(['2023-12', '2024-12', '2025-12', '2026-12', '2027-12']);
  });

  test('one yearly point gives no trend', () => {
    const progress = assessIndicator(rd, [{ month: '2025-12', value: 4.8 }], '2026-10');
    expect(progress.projection.method).toBe('flat');
    expect(progress.paces[0].current).toBeNull();
  });
});

describe('stocks', () => {
  const months = monthRange('2024-11', '2025-10');
  const figures = months.map((month, i) => ({ month, value: 400 + 5 * i }));

  test('the projection continues the least-squares trend of the last 12 months', () => {
    expect(leastSquares([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ slope: 2, intercept: 1 });
    expect(leastSquares([1], [1])).toBeNull();
    const projection = projectIndicator(highTech, [{ month: '2020-01', value: 0 }, ...figures]);
    expect(projection.slope).toBeCloseTo(5, 9);
    expect(projection.points[0]).toEqual({ month: '2025-10', value: 455 });
    expect(projection.points.find((p) => p.month === '2025-12')?.value).toBeCloseTo(465, 9);
    expect(projection.points.at(-1)).toEqual({ month: '2027-12', value: expect.closeTo(585, 9) });
  });

  test('required pace to 超过570 counts from 571', () => {
    const progress = assessIndicator(highTech, figures, '2025-10');
    expect(progress.paces.map((p) => [p.year, p.threshold, p.required])).toEqual([
      [2025, 471, expect.closeTo(16 / 2, 9)],
      [2027, 571, expect.closeTo(116 / 26, 9)],
    ]);
    expect(progress.milestones.map((m) => m.outcome)).toEqual(['off_course', 'on_course']);
  });

  test('changes on last month and on the same month last year', () => {
    const progress = assessIndicator(highTech, [{ month: '2024-10', value: 380 }, ...figures], '2025-10');
    expect(progress.change).toEqual({ kind: 'delta', value: 5, since: '2025-09' });
    expect(progress.yearOnYear).toEqual({ month: '2024-10', value: 380, delta: 75, growth: expect.closeTo(75 / 380, 9) });
  });

  test('a 2025 milestone missed at exactly 470 and met early at 484', () => {
    const at470 = assessIndicator(highTech, [{ month: '2025-12', value: 470 }], '2026-10');
    expect(at470.milestones[0]).toMatchObject({ year: 2025, actual: 470, outcome: 'missed' });
    expect(at470.nextMilestone?.year).toBe(2025);
    const early = assessIndicator(highTech, [{ month: '2025-03', value: 484 }], '2025-03');
    expect(early.status).toBe('met');
    expect(early.share).toEqual({ ratio: 484 / 470, basis: 'milestone', year: 2025 });
  });

  test('figures after the as-of month are not seen (permalinks to past months)', () => {
    const progress = assessIndicator(highTech, figures, '2025-06');
    expect(progress.latest?.month).toBe('2025-06');
  });

  test('percentages are not projected above 100', () => {
    const coverage = indicator({ unit: '%', decimals: 1, milestones: [{ year: 2027, value: 100, comparator: 'gte' }] });
    const rising = monthRange('2025-01', '2025-12').map((month, i) => ({ month, value: 70 + 2 * i }));
    expect(Math.max(...projectIndicator(coverage, rising).points.map((p) => p.value))).toBe(100);
  });
});

describe('computed indicators are derived from their inputs', () => {
  const formula = { op: 'ratio', numerator: 'patents', denominator: 'population', factor: 10000 } as const;
  const patents = monthRange('2023-01', '2026-12').map((month) => ({ month, value: 2000 + 20 * (parseMonth(month).year - 2023) * 12 + parseMonth(month).month }));
  const population = [
    { month: '2023-12', value: 800000 },
    { month: '2024-12', value: 810000 },
    { month: '2025-12', value: 820000 },
  ];

  test.each([
    ['2023-12', (2012 / 800000) * 10000],
    ['2025-12', (2000 + 20 * 24 + 12) / 82],
    ['2026-12', (2000 + 20 * 36 + 12) / 82], // 2026 population not yet published: the latest one divides
  ])('%s → %s', (month, expected) => {
    const series = deriveComputedSeries(formula, 'annual', new Map([['patents', patents], ['population', population]]));
    expect(series.find((p) => p.month === month)?.value).toBeCloseTo(expected, 9);
  });

  test('only its reporting months, and none before the first denominator', () => {
    const series = deriveComputedSeries(formula, 'annual', new Map([['patents', patents], ['population', population.slice(1)]]));
    expect(series.map((p) => p.month)).toEqual(['2024-12', '2025-12', '2026-12']);
    expect(deriveComputedSeries(formula, 'annual', new Map([['patents', patents]]))).toEqual([]);
  });
});

test('chart rows cover every month from the path start to the last milestone, pending figures apart', () => {
  const figures = [{ month: '2025-09', value: 500 }];
  const progress = assessIndicator(highTech, figures, '2025-10');
  const rows = buildChartRows(highTech, progress, figures, [{ month: '2025-10', value: 505 }]);
  expect(rows[0].month).toBe('2022-12');
  expect(rows.at(-1)?.month).toBe('2027-12');
  expect(rows).toHaveLength(61);
  expect(rows.find((r) => r.month === '2025-10')).toMatchObject({ actual: null, pending: 505 });
  expect(rows.find((r) => r.month === '2025-12')?.planned).toBeCloseTo(470, 9);
});
