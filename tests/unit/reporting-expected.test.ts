import { describe, expect, test } from 'vitest';
import { expectedItems, expectedTasks, isExpected, previousPeriod, type LaggedFigureState, type ReportableIndicator } from '@/lib/reporting/expected';

const REGION = 1;
const KJJ = 10;
const STATS = 11;
const TOWNS = [20, 21, 22];
const PARKS = [30, 31];

const ind = (code: string, over: Partial<ReportableIndicator> = {}): ReportableIndicator => ({
  id: code.length,
  code,
  kind: 'stock',
  frequency: 'monthly',
  lagged: false,
  primaryReporterId: KJJ,
  breakdowns: [],
  ...over,
});

const indicators: ReportableIndicator[] = [
  ind('tech_smes', { breakdowns: [{ groupId: 1, groupName: '各镇街', memberIds: TOWNS }, { groupId: 2, groupName: '各园区管委会', memberIds: PARKS }] }),
  ind('little_giants', { frequency: 'quarterly' }),
  ind('rd_gdp_ratio', { kind: 'annual_ratio', frequency: 'annual', lagged: true, primaryReporterId: STATS }),
  ind('patents_per_10k', { kind: 'computed', frequency: 'annual', primaryReporterId: STATS }),
  ind('sensor_enterprises', { primaryReporterId: 12 }),
];

const keys = (unitId: number, month: string, lagged: LaggedFigureState[] = []) =>
  expectedItems({ unitId, regionUnitId: REGION, month, indicators, lagged }).map((i) => `${i.key}${i.required ? '' : ' (optional)'}`);

describe('which figures a unit reports in a month', () => {
  test('monthly figures every month, with one figure per breakdown member', () => {
    expect(keys(KJJ, '2026-02')).toEqual([
      'tech_smes:1:2026-02:final',
      'tech_smes:20:2026-02:final',
      'tech_smes:21:2026-02:final',
      'tech_smes:22:2026-02:final',
      'tech_smes:30:2026-02:final',
      'tech_smes:31:2026-02:final',
    ]);
  });

  test('quarterly figures in March, June, September and December', () => {
    expect(keys(KJJ, '2026-03')).toContain('little_giants:1:2026-03:final');
    expect(keys(KJJ, '2026-04')).not.toContain('little_giants:1:2026-04:final');
  });

  test('a lagged yearly figure: a provisional one in December, the final one whenever it is published', () => {
    expect(keys(STATS, '2026-11')).toEqual([]);
    expect(keys(STATS, '2025-12')).toEqual(['rd_gdp_ratio:1:2025-12:provisional', 'rd_gdp_ratio:1:2025-12:final (optional)']);
    const provisionalOnly: LaggedFigureState = { code: 'rd_gdp_ratio', period: '2025-12', hasProvisional: true, hasFinal: false, finalReportMonth: null };
    expect(keys(STATS, '2026-09', [provisionalOnly])).toEqual(['rd_gdp_ratio:1:2025-12:final (optional)']);
    const finalIn = (month: string): LaggedFigureState => ({ ...provisionalOnly, hasFinal: true, finalReportMonth: month });
    expect(keys(STATS, '2026-09', [finalIn('2026-09')])).toEqual(['rd_gdp_ratio:1:2025-12:final (optional)']); // still on the form it was entered through
    expect(keys(STATS, '2026-10', [finalIn('2026-09')])).toEqual([]);
    // A final figure entered straight away makes the provisional one unnecessary.
    expect(keys(STATS, '2025-12', [{ ...finalIn('2025-12'), period: '2025-12', hasProvisional: false }])).toEqual([
      'rd_gdp_ratio:1:2025-12:provisional (optional)',
      'rd_gdp_ratio:1:2025-12:final (optional)',
    ]);
  });

  test('computed indicators are never typed; a co-reporter does not report the district figure', () => {
    expect(keys(STATS, '2026-12').some((k) => k.startsWith('patents_per_10k'))).toBe(false);
    expect(keys(13, '2026-02')).toEqual([]);
  });

  test.each([
    ['monthly', '2026-01', '2025-12'],
    ['quarterly', '2026-03', '2025-12'],
    ['annual', '2026-12', '2025-12'],
  ] as const)('a %s figure of %s is compared with %s', (frequency, period, previous) => {
    expect(previousPeriod(frequency, period)).toBe(previous);
  });
});

describe('which tasks a unit reports on', () => {
  const tasks = [
    { id: 1, isOrganisation: false, leadUnitIds: [KJJ], responsibleUnitIds: [STATS, ...TOWNS] },
    { id: 2, isOrganisation: false, leadUnitIds: [STATS, KJJ], responsibleUnitIds: [KJJ] },
    { id: 3, isOrganisation: true, leadUnitIds: [KJJ], responsibleUnitIds: [] },
  ];
  test('lead tasks are required, shared ones take an optional note, organisational items are not monthly work', () => {
    expect(expectedTasks(KJJ, tasks)).toEqual([
      { taskId: 1, role: 'lead', required: true },
      { taskId: 2, role: 'lead', required: true },
    ]);
    expect(expectedTasks(20, tasks)).toEqual([{ taskId: 1, role: 'responsible', required: false }]);
    expect(isExpected([], expectedTasks(20, tasks))).toBe(false);
    expect(isExpected([], expectedTasks(KJJ, tasks))).toBe(true);
  });
});
