import { describe, expect, test } from 'vitest';
import { assessIndicator, classifyStatus, taskStatus, withMissed, type ProgressIndicator } from '@/lib/progress';

/** 国家高新技术企业: baseline 285 (2022), 超过470 by 2025, 超过570 by 2027, compound path. */
const highTech: ProgressIndicator = {
  kind: 'stock',
  frequency: 'monthly',
  trajectory: 'compound',
  decimals: 0,
  unit: '家',
  baseline: { year: 2022, value: 285 },
  milestones: [
    { year: 2025, value: 470, comparator: 'gt' },
    { year: 2027, value: 570, comparator: 'gt' },
  ],
};

describe('a missed past milestone is shown as missed', () => {
  test('back on the path after missing 2025 is 滞后, not 正常, and says which milestone was missed', () => {
    const probe = assessIndicator(highTech, [{ month: '2025-12', value: 460 }, { month: '2026-10', value: 1 }], '2026-10');
    const onPath = Math.ceil(probe.planned!);
    const progress = assessIndicator(highTech, [{ month: '2025-12', value: 460 }, { month: '2026-10', value: onPath }], '2026-10');
    expect(classifyStatus({ kind: 'stock', decimals: 0, actual: onPath, planned: progress.planned, milestone: progress.nextMilestone })).toBe('on_track');
    expect(progress.milestones[0].outcome).toBe('missed');
    expect(progress.missed).toMatchObject({ year: 2025, value: 470 });
    expect(progress.status).toBe('behind');
  });

  test('meeting 2025 leaves 正常 as it is', () => {
    const probe = assessIndicator(highTech, [{ month: '2025-12', value: 480 }, { month: '2026-10', value: 1 }], '2026-10');
    const onPath = Math.ceil(probe.planned!);
    const progress = assessIndicator(highTech, [{ month: '2025-12', value: 480 }, { month: '2026-10', value: onPath }], '2026-10');
    expect(progress.missed).toBeNull();
    expect(progress.status).toBe('on_track');
  });

  test.each([
    ['on_track', true, 'behind'],
    ['on_track', false, 'on_track'],
    ['met', true, 'met'],
    ['far_behind', true, 'far_behind'],
    ['behind', true, 'behind'],
    ['no_data', true, 'no_data'],
  ] as const)('%s with a missed milestone (%s) is %s', (status, missed, expected) => {
    expect(withMissed(status, missed)).toBe(expected);
  });
});

describe("a task's status takes its units' own reports into account", () => {
  test.each([
    ['indicators on track, the lead unit reports 滞后', ['on_track', 'met'], ['behind'], { status: 'behind', basis: 'reports' }],
    ['indicators behind, the unit reports 正常推进', ['behind'], ['on_track'], { status: 'behind', basis: 'indicators' }],
    ['both on track', ['on_track'], ['on_track'], { status: 'on_track', basis: 'both' }],
    ['done counts as met', [], ['done'], { status: 'met', basis: 'reports' }],
    ['one of two lead units behind', [], ['done', 'behind'], { status: 'behind', basis: 'reports' }],
    ['no report yet', ['far_behind', 'on_track'], [null], { status: 'far_behind', basis: 'indicators' }],
    ['indicators without data and no report', ['no_data'], [], { status: 'no_data', basis: null }],
    ['no indicator, no report', [], [], { status: null, basis: null }],
  ] as const)('%s', (_name, indicators, reports, expected) => {
    expect(taskStatus([...indicators], [...reports])).toEqual(expected);
  });
});
