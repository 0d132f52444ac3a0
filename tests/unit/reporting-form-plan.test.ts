import { describe, expect, test } from 'vitest';
import type { ExpectedTask } from '@/lib/reporting/expected';
import { planTasks, planValues, rejectionErrors, submitProblems, type FormItem, type StoredItem, type StoredTask } from '@/lib/reporting/form-plan';

const item = (key: string, over: Partial<FormItem> = {}): FormItem => {
  const [code, subject, period, stage] = key.split(':');
  return { key, indicatorId: 1, code, subjectUnitId: Number(subject), period, stage: stage as 'final', required: true, groupId: null, rules: { unit: '家', decimals: 0 }, kind: 'stock', ...over };
};
const A = 'tech_smes:1:2026-03:final';
const B = 'tech_smes:20:2026-03:final';
const items = new Map([A, B].map((k) => [k, item(k)]));
const stored = (over: Partial<StoredItem> = {}): StoredItem => ({ id: 7, value: '100', status: 'draft', version: 3, comment: null, warnings: [], updatedByName: '张三', updatedAt: new Date('2026-04-01T02:00:00Z'), ...over });
const open = { window: 'open' as const, jumpThreshold: 0.3 };
const previous = new Map([[A, { period: '2026-02', value: 100 }]]);

describe('planning a save', () => {
  test('creates, changes and leaves unchanged', () => {
    const plans = planValues(
      [
        { key: A, value: '90', version: 3 },
        { key: B, value: '5', version: 0 },
      ],
      items,
      new Map([[A, stored()]]),
      previous,
      open,
    );
    expect(plans.map((p) => p.kind)).toEqual(['change', 'create']);
    expect(plans[0]).toMatchObject({ value: '90', warnings: ['stockFell'], nextStatus: 'draft' });
  });

  test('a blank field is "not entered"; the same figure again is unchanged, whatever version it claims', () => {
    const plans = planValues(
      [
        { key: A, value: '', version: 3 },
        { key: B, value: '  ', version: 0 },
      ],
      items,
      new Map([[A, stored()]]),
      previous,
      open,
    );
    expect(plans.map((p) => p.kind)).toEqual(['unchanged', 'unchanged']);
    expect(planValues([{ key: A, value: '100.0', version: 1 }], items, new Map([[A, stored()]]), previous, open)[0].kind).toBe('unchanged');
  });

  test('a registry-counted figure: refused from every typed source, written only by the registry fill; a blank stays unchanged', () => {
    const counted = new Map([[A, item(A, { registryCounted: true })]]);
    for (const source of [undefined, 'manual', 'import', 'api'] as const) {
      const [plan] = planValues([{ key: A, value: '90', version: 3 }], counted, new Map([[A, stored()]]), previous, { ...open, source });
      expect(plan, String(source)).toMatchObject({ kind: 'reject', field: 'value', reason: 'validation.registryCounted' });
    }
    expect(planValues([{ key: A, value: '90', version: 3 }], counted, new Map([[A, stored()]]), previous, { ...open, source: 'registry' })[0]).toMatchObject({ kind: 'change', value: '90' });
    expect(planValues([{ key: A, value: '', version: 3 }], counted, new Map([[A, stored()]]), previous, { ...open, source: 'manual' })[0].kind).toBe('unchanged');
    // The stored figure sent back as it is (a template re-uploaded) is no new figure: unchanged, or a comment added.
    expect(planValues([{ key: A, value: '100', version: 3 }], counted, new Map([[A, stored()]]), previous, { ...open, source: 'import' })[0].kind).toBe('unchanged');
    expect(planValues([{ key: A, value: '100', version: 3, comment: '核对无误' }], counted, new Map([[A, stored()]]), previous, { ...open, source: 'manual' })[0]).toMatchObject({ kind: 'change', value: '100', comment: '核对无误' });
    // A figure where none is stored is typed, not sent back.
    expect(planValues([{ key: A, value: '100', version: 0 }], counted, new Map(), previous, { ...open, source: 'api' })[0]).toMatchObject({ kind: 'reject', reason: 'validation.registryCounted' });
  });

  test('a different figure from an old version is a conflict naming who changed it', () => {
    const [plan] = planValues([{ key: A, value: '120', version: 2 }], items, new Map([[A, stored()]]), previous, open);
    expect(plan).toMatchObject({ kind: 'reject', reason: 'validation.stale', conflict: { changedBy: '张三' } });
  });

  test('refusals by state and window, and invalid figures, become field errors', () => {
    const plans = planValues(
      [
        { key: A, value: '101', version: 3 },
        { key: B, value: '5', version: 0 },
        { key: 'other:1:2026-03:final', value: '1', version: 0 },
      ],
      items,
      new Map([[A, stored({ status: 'approved' })]]),
      previous,
      { window: 'closed', jumpThreshold: 0.3 },
    );
    expect(rejectionErrors(plans, [])).toEqual({
      [`values.${A}.value`]: ['validation.locked'],
      [`values.${B}.value`]: ['validation.closed'],
      'values.other:1:2026-03:final.value': ['validation.unknownItem'],
    });
  });

  test('a returned figure stays editable after the deadline and stays returned', () => {
    const [plan] = planValues([{ key: A, value: '95', version: 3, comment: '按统计局口径' }], items, new Map([[A, stored({ status: 'returned' })]]), previous, { window: 'closed', jumpThreshold: 0.3 });
    expect(plan).toMatchObject({ kind: 'change', nextStatus: 'returned', comment: '按统计局口径' });
  });
});

describe('planning task progress', () => {
  const expected = new Map<number, ExpectedTask>([
    [1, { taskId: 1, role: 'lead', required: true }],
    [2, { taskId: 2, role: 'responsible', required: false }],
  ]);
  const storedTask = (over: Partial<StoredTask> = {}): StoredTask => ({ id: 9, role: 'lead', progress: 'on_track', narrative: '进展', note: null, status: 'draft', version: 2, updatedByName: '李四', updatedAt: null, ...over });

  test('lead units give status and narrative, responsible units a note', () => {
    const plans = planTasks(
      [
        { taskId: 1, progress: 'behind', narrative: '滞后，原因……', version: 0 },
        { taskId: 2, note: '已配合', version: 0 },
      ],
      expected,
      new Map(),
      open,
    );
    expect(plans.map((p) => p.kind)).toEqual(['create', 'create']);
    const wrong = planTasks([{ taskId: 2, progress: 'done', version: 0 }, { taskId: 1, note: 'x', version: 0 }], expected, new Map(), open);
    expect(rejectionErrors([], wrong)).toEqual({ 'tasks.2.progress': ['validation.leadOnly'], 'tasks.1.note': ['validation.responsibleOnly'] });
  });

  test('unchanged text is no write; a stale version is a conflict', () => {
    const current = new Map([[1, storedTask()]]);
    expect(planTasks([{ taskId: 1, progress: 'on_track', narrative: '进展', version: 1 }], expected, current, open)[0].kind).toBe('unchanged');
    expect(planTasks([{ taskId: 1, narrative: '新进展', version: 1 }], expected, current, open)[0]).toMatchObject({ kind: 'reject', reason: 'validation.stale' });
  });
});

describe('what stops a submit', () => {
  test('missing required figures, warnings without a comment, lead tasks without status or narrative', () => {
    const problems = submitProblems(
      [item(A), item(B), item('tech_smes:21:2026-03:final', { required: false })],
      new Map([[A, stored({ warnings: ['jump'] })]]),
      [
        { taskId: 1, role: 'lead', required: true },
        { taskId: 2, role: 'responsible', required: false },
      ],
      new Map(),
    );
    expect(problems).toEqual({
      [`values.${A}.comment`]: ['validation.commentRequired'],
      [`values.${B}.value`]: ['validation.required'],
      'tasks.1.progress': ['validation.progressRequired'],
      'tasks.1.narrative': ['validation.narrativeRequired'],
    });
  });
});
