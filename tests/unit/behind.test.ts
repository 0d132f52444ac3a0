import { describe, expect, test } from 'vitest';
import { behindIndicator, behindIndicators, behindTasks } from '@/lib/dashboard/behind';
import { assessIndicator, type Observation, type ProgressIndicator } from '@/lib/progress';
import { monthRange } from '@/lib/periods';

const stock = (milestones: ProgressIndicator['milestones']): ProgressIndicator => ({
  kind: 'stock',
  frequency: 'monthly',
  trajectory: 'linear',
  decimals: 0,
  unit: '家',
  baseline: { year: 2022, value: 100 },
  milestones,
});
const doubling = stock([{ year: 2027, value: 200, comparator: 'gte' }]);

/** Figures at `factor` × the planned value of each month. */
function along(ind: ProgressIndicator, from: string, to: string, factor: (month: string) => number): Observation[] {
  const probe = assessIndicator(ind, [], to as never);
  return monthRange(from as never, to as never).map((month) => {
    const planned = probe.trajectory.points.find((p) => p.month === month)!.value;
    return { month, value: Math.round(planned * factor(month)) };
  });
}

const input = (code: string, ind: ProgressIndicator, figures: Observation[], asOf = '2026-10') => ({
  code,
  indicator: ind,
  progress: assessIndicator(ind, figures, asOf as never),
  observations: figures,
});

describe('the behind list', () => {
  test('an indicator on its path is not listed', () => {
    expect(behindIndicator(input('a', doubling, along(doubling, '2026-01', '2026-10', () => 1)))).toBeNull();
  });

  test('the gap is to the value planned for the latest month, and the run of months behind is counted', () => {
    const figures = along(doubling, '2026-01', '2026-10', (m) => (m >= '2026-06' ? 0.9 : 1));
    const line = behindIndicator(input('a', doubling, figures))!;
    const planned = assessIndicator(doubling, figures, '2026-10').planned!;
    expect(line).toMatchObject({ basis: 'path', month: '2026-10', since: '2026-06', months: 5, planned });
    expect(line.gap).toBeCloseTo(figures.at(-1)!.value - planned, 9);
    expect(line.shortfall).toBeCloseTo((planned - figures.at(-1)!.value) / planned, 9);
  });

  test('furthest behind first, whatever the order of the plan', () => {
    const lines = behindIndicators([
      input('five', doubling, along(doubling, '2026-01', '2026-10', () => 0.95)),
      input('twenty', doubling, along(doubling, '2026-01', '2026-10', () => 0.8)),
      input('eight', doubling, along(doubling, '2026-01', '2026-10', () => 0.92)),
      input('fine', doubling, along(doubling, '2026-01', '2026-10', () => 1)),
    ]);
    expect(lines.map((l) => l.code)).toEqual(['twenty', 'eight', 'five']);
    expect(lines.map((l) => l.status)).toEqual(['far_behind', 'behind', 'behind']);
  });

  test('back on the path after missing a milestone: listed with the milestone gap', () => {
    const ind = stock([
      { year: 2025, value: 160, comparator: 'gte' },
      { year: 2027, value: 200, comparator: 'gte' },
    ]);
    const onPath = along(ind, '2026-01', '2026-10', () => 1.0);
    const line = behindIndicator(input('m', ind, [{ month: '2025-12', value: 150 }, ...onPath]))!;
    expect(line).toMatchObject({ basis: 'milestone', month: '2025-12', actual: 150, planned: 160, gap: -10, status: 'behind', since: '2025-12', months: 11 });
  });

  test('tasks behind: far behind first, then by their worst indicator; a unit reporting 滞后 is enough', () => {
    const indicators = behindIndicators([
      input('x', doubling, along(doubling, '2026-01', '2026-10', () => 0.95)),
      input('y', doubling, along(doubling, '2026-01', '2026-10', () => 0.92)),
    ]);
    const tasks = behindTasks(
      [
        { key: '1', no: 1, status: 'behind', indicatorCodes: ['x'], reported: [null] },
        { key: '2', no: 2, status: 'behind', indicatorCodes: [], reported: ['behind'] },
        { key: '3', no: 3, status: 'behind', indicatorCodes: ['y', 'x'], reported: ['on_track'] },
        { key: '4', no: 4, status: 'on_track', indicatorCodes: [], reported: ['on_track'] },
        { key: '5', no: 5, status: 'far_behind', indicatorCodes: [], reported: [] },
      ],
      indicators,
    );
    expect(tasks.map((t) => t.key)).toEqual(['5', '3', '1', '2']);
    expect(tasks.find((t) => t.key === '3')!.indicators).toEqual(['y', 'x']);
    expect(tasks.find((t) => t.key === '2')!.reportedBehind).toBe(1);
  });
});
