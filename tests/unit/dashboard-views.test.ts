// The overview's view helpers (app/(app)/_dashboard/views.ts): permalinks that keep the month, status counts in their
// fixed order, which indicators are only inputs of a computed one, and which tasks are industry clusters.
import { describe, expect, test } from 'vitest';
import { clusterTasks, formulaInputs, statusCounts, STATUS_ORDER, withMonth, type Translator } from '@/app/(app)/_dashboard/views';
import type { ProgressStatus } from '@/lib/progress';
import type { IndicatorDto, TaskDto } from '@/lib/queries/plan';

const t = ((key: string) => `«${key}»`) as unknown as Translator;
const indicator = (code: string, kind: string, formula?: { numerator: string; denominator: string }) =>
  ({ code, kind, formula: formula ?? null, name: code, nameEn: code }) as unknown as IndicatorDto;
const task = (no: number, indicatorCodes: string[]) => ({ no, key: String(no), indicatorCodes }) as unknown as TaskDto;

describe('withMonth keeps a month that is not the latest, and nothing else', () => {
  test.each([
    ['/tasks', '2026-10', '2026-10', {}, '/tasks'],
    ['/tasks', '2026-08', '2026-10', {}, '/tasks?month=2026-08'],
    ['/', '2026-08', '2026-10', { status: 'behind' }, '/?status=behind&month=2026-08'],
    ['/', '2026-10', '2026-10', { status: 'behind' }, '/?status=behind'],
  ] as const)('%s at %s (latest %s) %o → %s', (path, asOf, latest, extra, expected) => {
    expect(withMonth(path, asOf, latest, extra)).toBe(expected);
  });
});

describe('statusCounts', () => {
  test('counts every status in the fixed order, with its label', () => {
    const statuses: ProgressStatus[] = ['behind', 'met', 'behind', 'far_behind', 'on_track', 'no_data'];
    const counts = statusCounts(statuses, t);
    expect(counts.map((c) => c.status)).toEqual(STATUS_ORDER);
    expect(counts.map((c) => c.count)).toEqual(STATUS_ORDER.map((s) => statuses.filter((x) => x === s).length));
    expect(counts[0].label).toBe('«status.met»');
  });
  test('leaves out 无数据 when nothing lacks data, but keeps zero counts of the others', () => {
    const counts = statusCounts(['met', 'met'], t);
    expect(counts.map((c) => [c.status, c.count])).toEqual([['met', 2], ['on_track', 0], ['behind', 0], ['far_behind', 0]]);
  });
});

test('formulaInputs names the inputs of computed indicators only', () => {
  const inds = [indicator('patents_per_10k', 'computed', { numerator: 'patents', denominator: 'residents' }), indicator('patents', 'stock'), indicator('high_tech', 'stock')];
  expect([...formulaInputs(inds)].sort()).toEqual(['patents', 'residents']);
});

describe('clusterTasks: a task whose targets are one enterprise count and one year-to-date output', () => {
  const byCode = new Map(
    [indicator('sensor_firms', 'stock'), indicator('sensor_output', 'ytd_cumulative'), indicator('other', 'stock')].map((i) => [i.code, i]),
  );
  test.each([
    [[task(7, ['sensor_firms', 'sensor_output'])], [7]],
    [[task(7, ['sensor_firms'])], []],
    [[task(7, ['sensor_firms', 'other'])], []],
    [[task(7, ['sensor_firms', 'sensor_output', 'other'])], []],
    [[task(7, ['sensor_firms', 'missing'])], []],
  ])('%# → tasks %o', (tasks, expected) => {
    const clusters = clusterTasks(tasks, byCode);
    expect(clusters.map((c) => c.task.no)).toEqual(expected);
    for (const c of clusters) expect([c.enterprises.code, c.output.code]).toEqual(['sensor_firms', 'sensor_output']);
  });
});
