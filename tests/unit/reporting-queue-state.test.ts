import { describe, expect, test } from 'vitest';
import { queueCounts, queueState, queueStates, type QueueState, type QueueStateInput } from '@/lib/reporting/queue-state';

const at = new Date('2026-11-03T02:00:00Z');
const items = (p: Partial<QueueStateInput['items']>) => {
  const base = { draft: 0, submitted: 0, returned: 0, approved: 0, ...p };
  return { ...base, total: base.draft + base.submitted + base.returned + base.approved };
};

describe('one state per unit', () => {
  test.each<[string, QueueStateInput, QueueState]>([
    ['nothing saved, before the deadline', { items: items({}), firstSubmittedAt: null, withdrawnAt: null, pastDue: false }, 'pending'],
    ['nothing saved, after the deadline', { items: items({}), firstSubmittedAt: null, withdrawnAt: null, pastDue: true }, 'missing'],
    ['drafts only, after the deadline', { items: items({ draft: 3 }), firstSubmittedAt: null, withdrawnAt: null, pastDue: true }, 'missing'],
    ['one returned among submitted: the reviewer still has work', { items: items({ submitted: 4, returned: 1 }), firstSubmittedAt: at, withdrawnAt: null, pastDue: false }, 'submitted'],
    ['returned and approved only', { items: items({ returned: 1, approved: 4 }), firstSubmittedAt: at, withdrawnAt: null, pastDue: true }, 'returned'],
    ['all approved', { items: items({ approved: 5 }), firstSubmittedAt: at, withdrawnAt: null, pastDue: true }, 'approved'],
    ['withdrawn', { items: items({ draft: 5 }), firstSubmittedAt: at, withdrawnAt: at, pastDue: false }, 'withdrawn'],
    ['withdrawn in part, the rest submitted', { items: items({ draft: 1, submitted: 4 }), firstSubmittedAt: at, withdrawnAt: at, pastDue: false }, 'submitted'],
    ['submitted once, new drafts since', { items: items({ draft: 1, approved: 4 }), firstSubmittedAt: at, withdrawnAt: null, pastDue: false }, 'draft'],
  ])('%s', (_, input, expected) => {
    expect(queueState(input)).toBe(expected);
  });
});

describe('counts from the states', () => {
  test('each due unit is counted once; the state counts add up to 应报; extra units are apart', () => {
    const rows = [
      ...queueStates.map((state) => ({ expected: true, state })),
      { expected: true, state: 'approved' as const },
      { expected: false, state: 'approved' as const },
    ];
    const counts = queueCounts(rows);
    expect(counts.expected).toBe(queueStates.length + 1);
    expect(counts.approved).toBe(2);
    expect(counts.extra).toBe(1);
    expect(queueStates.reduce((sum, s) => sum + counts[s], 0)).toBe(counts.expected);
  });
});
