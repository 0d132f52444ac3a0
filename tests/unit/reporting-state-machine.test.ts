import { describe, expect, test } from 'vitest';
import { InvalidTransitionError } from '@/lib/errors';
import type { WindowState } from '@/lib/reporting/deadlines';
import { itemActions, itemStates, nextItemState, submissionStatus, type ItemAction, type ItemState } from '@/lib/reporting/state-machine';

// The whole table, written out: state → action → next state, for an open and for a closed window.
const open: Record<ItemState, Partial<Record<ItemAction, string>>> = {
  none: { save: 'draft' },
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { withdraw: 'draft', approve: 'approved', return: 'returned' },
  returned: { save: 'returned', submit: 'submitted' },
  approved: { unlock: 'returned' },
};
const closed: Record<ItemState, Partial<Record<ItemAction, string>>> = {
  none: {},
  draft: {},
  submitted: { approve: 'approved', return: 'returned' },
  returned: { save: 'returned', submit: 'submitted' },
  approved: { unlock: 'returned' },
};

const table = (window: WindowState, spec: typeof open) =>
  itemStates.flatMap((state) => itemActions.map((action) => [state, action, spec[state][action] ?? 'refused', window] as const));

describe('a figure’s life', () => {
  test.each([...table('open', open), ...table('reopened', open), ...table('closed', closed), ...table('not_open', closed)])(
    '%s × %s → %s (window %s)',
    (state, action, expected, window) => {
      if (expected === 'refused') {
        expect(() => nextItemState(state, action, { window })).toThrow(InvalidTransitionError);
      } else {
        expect(nextItemState(state, action, { window })).toBe(expected);
      }
    },
  );

  test('refusals say why, in both languages', () => {
    const error = (() => {
      try {
        nextItemState('draft', 'save', { window: 'closed' });
      } catch (e) {
        return e as InvalidTransitionError;
      }
    })()!;
    expect(error.message).toContain('截止');
    expect(error.messageEn).toContain('deadline');
  });
});

describe('a submission’s status from its items', () => {
  test.each([
    [[], 'draft'],
    [['draft'], 'draft'],
    [['submitted', 'draft'], 'draft'],
    [['submitted', 'approved'], 'submitted'],
    [['approved', 'approved'], 'approved'],
    [['approved', 'returned', 'submitted'], 'returned'],
  ] as const)('%j → %s', (items, expected) => {
    expect(submissionStatus([...items])).toBe(expected);
  });
});
