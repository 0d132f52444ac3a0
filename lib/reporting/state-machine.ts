// Pure: the life of one figure or task report on a monthly form. state × action → next state, or an
// InvalidTransitionError whose message the user may read. Who may act is lib/permissions' job; this file only
// knows what each state allows.
//
//   none ──save──▶ draft ──submit──▶ submitted ──approve──▶ approved
//                    ▲                 │    │                  │
//                    └────withdraw─────┘  return             unlock
//                                           ▼                  │
//                                        returned ◀────────────┘
//                                        (save keeps it returned; submit → submitted)
// A submitted item is read-only: changing it takes an explicit 撤回 (withdraw) first, never a silent save.
import { InvalidTransitionError } from '@/lib/errors';
import type { Action } from '@/lib/permissions';
import type { ValueStatus } from '@/lib/generated/prisma/enums';
import type { WindowState } from '@/lib/reporting/deadlines';

export const itemStates = ['none', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ItemState = (typeof itemStates)[number];

export const itemActions = ['save', 'submit', 'withdraw', 'approve', 'return', 'unlock'] as const;
export type ItemAction = (typeof itemActions)[number];

export interface TransitionContext {
  /** The unit's window for the month: drafts and submitted items are editable only while it is open or reopened. */
  window: WindowState;
}

/** The permission each action needs (task reports use task.reportProgress for save, see `permissionForTask`). */
export const permissionForAction: Record<ItemAction, Action> = {
  save: 'figure.enter',
  submit: 'figure.submit',
  withdraw: 'figure.submit',
  approve: 'figure.review',
  return: 'figure.review',
  unlock: 'figure.unlock',
};

export function permissionForTask(action: ItemAction): Action {
  return action === 'save' || action === 'submit' || action === 'withdraw' ? 'task.reportProgress' : permissionForAction[action];
}

const open = (ctx: TransitionContext) => ctx.window === 'open' || ctx.window === 'reopened';

function closedError(ctx: TransitionContext): InvalidTransitionError {
  return ctx.window === 'not_open'
    ? new InvalidTransitionError('本月报送尚未开始', 'Reporting for this month has not opened yet')
    : new InvalidTransitionError('已过报送截止时间，如需补报请联系区科技局重新开放', 'The deadline has passed; ask the bureau to reopen the month');
}

const readOnly = () =>
  new InvalidTransitionError('已报送的数据为只读；如需修改请先撤回', 'Submitted figures are read-only; withdraw them first to change them');

const locked = () => new InvalidTransitionError('已审核通过的数据已锁定，如需修改请联系区科技局解锁', 'Approved figures are locked; ask the bureau to unlock it');

/** The next state, or throws. Returned items stay editable and resubmittable after the deadline: the bureau asked. */
export function nextItemState(state: ItemState, action: ItemAction, ctx: TransitionContext): Exclude<ItemState, 'none'> {
  switch (action) {
    case 'save':
      if (state === 'approved') throw locked();
      if (state === 'returned') return 'returned';
      if (state === 'submitted') throw readOnly();
      if (!open(ctx)) throw closedError(ctx);
      return 'draft';
    case 'submit':
      if (state === 'returned') return 'submitted';
      if (state === 'draft') {
        if (!open(ctx)) throw closedError(ctx);
        return 'submitted';
      }
      if (state === 'approved') throw locked();
      throw new InvalidTransitionError('没有需要报送的内容', 'Nothing to submit');
    case 'withdraw':
      if (state !== 'submitted') throw new InvalidTransitionError('只能撤回已报送、尚未审核的数据', 'Only submitted figures awaiting review can be withdrawn');
      // A draft can be submitted again only while the window is open: withdrawing after it closed would strand it.
      if (!open(ctx)) throw closedError(ctx);
      return 'draft';
    case 'approve':
      if (state === 'submitted') return 'approved';
      if (state === 'approved') throw new InvalidTransitionError('该数据已审核通过', 'Already approved');
      throw new InvalidTransitionError('只能审核已报送的数据', 'Only submitted figures can be approved');
    case 'return':
      if (state === 'submitted') return 'returned';
      if (state === 'approved') throw new InvalidTransitionError('已审核通过的数据需先解锁', 'Unlock an approved figure instead of returning it');
      throw new InvalidTransitionError('只能退回已报送的数据', 'Only submitted figures can be returned');
    case 'unlock':
      if (state === 'approved') return 'returned';
      throw new InvalidTransitionError('只能解锁已审核通过的数据', 'Only approved figures can be unlocked');
  }
}

export function canTransition(state: ItemState, action: ItemAction, ctx: TransitionContext): boolean {
  try {
    nextItemState(state, action, ctx);
    return true;
  } catch {
    return false;
  }
}

/**
 * A submission's status from its items: returned if any item is returned, draft while anything awaits
 * (re)submission, approved once everything is, submitted otherwise.
 */
export function submissionStatus(items: ValueStatus[]): ValueStatus {
  if (items.includes('returned')) return 'returned';
  if (items.length === 0 || items.includes('draft')) return 'draft';
  if (items.every((s) => s === 'approved')) return 'approved';
  return 'submitted';
}
