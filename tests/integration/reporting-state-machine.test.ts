// Every state × action × role of a figure on a monthly form, against the database: the outcome (next state or the
// error), and that a refused action changes nothing while an allowed one writes exactly one history row and one
// audit row.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '@/lib/errors';
import type { ValueStatus } from '@/lib/generated/prisma/enums';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveSubmission, approveValues, returnSubmission, returnValue, unlockValue } from '@/lib/mutations/reporting/review';
import { ReportValidationError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const OPEN = fixedClock('2026-04-02T02:00:00Z');
const CLOSED = fixedClock('2026-04-09T02:00:00Z');

type State = 'none' | ValueStatus;
type ActionName = 'save' | 'submit' | 'approve' | 'return' | 'unlock';
type RoleName = 'reporter' | 'otherUnitReporter' | 'reviewer' | 'reporterAndReviewer' | 'leader' | 'viewer' | 'systemAdmin';

const states: State[] = ['none', 'draft', 'submitted', 'returned', 'approved'];
const actions: ActionName[] = ['save', 'submit', 'approve', 'return', 'unlock'];
const roles: RoleName[] = ['reporter', 'otherUnitReporter', 'reviewer', 'reporterAndReviewer', 'leader', 'viewer', 'systemAdmin'];

/** The specification, written out rather than derived from the code under test. */
const transitions: Record<State, Partial<Record<ActionName, ValueStatus>>> = {
  none: { save: 'draft' },
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  returned: { save: 'returned', submit: 'submitted' },
  approved: { unlock: 'returned' },
};
const mayAct: Record<ActionName, RoleName[]> = {
  save: ['reporter', 'reporterAndReviewer'],
  submit: ['reporter', 'reporterAndReviewer'],
  approve: ['reviewer', 'reporterAndReviewer'],
  return: ['reviewer', 'reporterAndReviewer'],
  unlock: ['reviewer', 'reporterAndReviewer'],
};
/** In the prepared states the figure was submitted by `reporterAndReviewer`: nobody reviews their own submission. */
const submittedBySelf = (state: State) => state === 'submitted' || state === 'returned' || state === 'approved';

type Outcome = { ok: ValueStatus } | { error: 'forbidden' | 'invalid' | 'incomplete' | 'locked' | 'readOnly' | 'notFound' | 'notOnForm' };

function expected(state: State, action: ActionName, role: RoleName): Outcome {
  // A reporter always acts on its own unit's form: another unit's figure is simply not on it, and "submit" submits
  // the reporter's own month (here: nothing saved yet).
  if (role === 'otherUnitReporter' && action === 'save') return { error: 'notOnForm' };
  if (role === 'otherUnitReporter' && action === 'submit') return { error: 'invalid' };
  if (!mayAct[action].includes(role)) return { error: 'forbidden' };
  if (state === 'none' && (action === 'approve' || action === 'return' || action === 'unlock')) return { error: 'notFound' };
  if ((action === 'approve' || action === 'return') && role === 'reporterAndReviewer' && submittedBySelf(state)) return { error: 'forbidden' };
  const next = transitions[state][action];
  if (next) return { ok: next };
  // Submitted figures are read-only: changing one takes 撤回 first (tests/integration/reporting-withdraw.test.ts).
  if (action === 'save') return { error: state === 'submitted' ? 'readOnly' : 'locked' };
  if (action === 'submit' && state === 'none') return { error: 'incomplete' };
  return { error: 'invalid' };
}

const eventOf: Record<ActionName, string> = { save: 'changed', submit: 'submitted', approve: 'approved', return: 'returned', unlock: 'unlocked' };

let actors: Record<RoleName, Actor>;
let key: string;
let indicatorId: number;
let regionId: number;
let finance: number;
let submissionId: number;

beforeAll(async () => {
  const plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  regionId = plan.regionId;
  indicatorId = await plan.indicatorId('pre_ipo_reserve');
  key = `pre_ipo_reserve:${regionId}:${MONTH}:final`;
  actors = {
    reporter: await makeReportingActor({ roles: ['unit_reporter'], unitId: finance }),
    otherUnitReporter: await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') }),
    reviewer: await makeReportingActor({ roles: ['bureau_reviewer'] }),
    reporterAndReviewer: await makeReportingActor({ roles: ['unit_reporter', 'bureau_reviewer'], unitId: finance }),
    leader: await makeReportingActor({ roles: ['leader'] }),
    viewer: await makeReportingActor({ roles: ['viewer'] }),
    systemAdmin: await makeReportingActor({ roles: ['system_admin'] }),
  };
  // The rest of the form is complete and approved, so that submitting concerns the figure under test only.
  const db = await getDb();
  const submission = await db.submission.create({ data: { unitId: finance, month: MONTH } });
  submissionId = submission.id;
  const task = await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } });
  await db.taskReport.create({ data: { taskId: task.id, unitId: finance, month: MONTH, submissionId, role: 'lead', progress: 'on_track', narrative: '已完成', status: 'approved' } });
});

/** Puts the figure in a state directly (version 5, submitted by `reporterAndReviewer` where that applies). */
async function prepare(state: State): Promise<{ id: number; version: number } | null> {
  const db = await getDb();
  await db.indicatorValue.deleteMany({ where: { indicatorId, unitId: regionId, month: MONTH } });
  await db.submission.update({ where: { id: submissionId }, data: { reopened: false, extendedUntil: null, status: 'draft' } });
  if (state === 'none') return null;
  const row = await db.indicatorValue.create({
    data: {
      indicatorId,
      unitId: regionId,
      reporterUnitId: finance,
      month: MONTH,
      value: '10',
      status: state,
      version: 5,
      submissionId,
      submittedById: submittedBySelf(state) ? actors.reporterAndReviewer.userId : null,
      submittedAt: submittedBySelf(state) ? new Date() : null,
    },
  });
  return { id: row.id, version: row.version };
}

async function perform(action: ActionName, actor: Actor, row: { id: number; version: number } | null, clock: Clock) {
  const db = await getDb();
  const item = { valueId: row?.id ?? 2_000_000_000, version: row?.version ?? 0 };
  switch (action) {
    case 'save':
      return saveDraft(actor, { month: MONTH, values: { [key]: { value: '11', version: row?.version ?? 0 } } }, clock);
    case 'submit': {
      const { version } = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
      return submitMonth(actor, { month: MONTH, version }, clock);
    }
    case 'approve':
      return approveValues(actor, { items: [item] }, clock);
    case 'return':
      return returnValue(actor, { ...item, reason: '请核实口径' }, clock);
    case 'unlock':
      return unlockValue(actor, { ...item, reason: '统计口径更正' }, clock);
  }
}

function errorKind(error: unknown): string {
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'notFound';
  if (error instanceof InvalidTransitionError) return 'invalid';
  if (error instanceof ReportValidationError) {
    const keys = Object.values(error.fieldErrors).flat();
    if (keys.includes('validation.locked')) return 'locked';
    if (keys.includes('validation.submittedReadOnly')) return 'readOnly';
    if (keys.includes('validation.required')) return 'incomplete';
    if (keys.includes('validation.unknownItem')) return 'notOnForm';
    return `validation:${keys.join(',')}`;
  }
  return `unexpected:${String(error)}`;
}

const cases = states.flatMap((state) => actions.flatMap((action) => roles.map((role) => [state, action, role] as const)));

describe('a figure: every state × action × role (window open)', () => {
  test.each(cases)('%s × %s × %s', async (state, action, role) => {
    const row = await prepare(state);
    const before = await snapshot();
    const want = expected(state, action, role);
    const db = await getDb();
    const result = await perform(action, actors[role], row, OPEN).then(
      () => null,
      (error: unknown) => error,
    );
    const after = await snapshot();
    if ('error' in want) {
      expect(errorKind(result)).toBe(want.error);
      expect(after).toEqual(before);
      return;
    }
    expect(result).toBeNull();
    const stored = await db.indicatorValue.findFirstOrThrow({ where: { indicatorId, unitId: regionId, month: MONTH } });
    expect(stored.status).toBe(want.ok);
    expect(stored.version).toBe((row?.version ?? 0) + 1);
    const events = await db.valueEvent.findMany({ where: { valueId: stored.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: state === 'none' ? 'entered' : eventOf[action], fromStatus: state === 'none' ? null : state, toStatus: want.ok, actorId: actors[role].userId });
    expect(after.audit).toBe(before.audit + 1);
  });
});

describe('after the deadline', () => {
  const closedCases: [State, 'save' | 'submit', Outcome][] = [
    ['none', 'save', { error: 'closed' as never }],
    ['draft', 'save', { error: 'closed' as never }],
    ['submitted', 'save', { error: 'readOnly' }],
    ['returned', 'save', { ok: 'returned' }],
    ['approved', 'save', { error: 'locked' }],
    ['draft', 'submit', { error: 'invalid' }],
    ['returned', 'submit', { ok: 'submitted' }],
  ];
  test.each(closedCases)('%s × %s by the unit → %j', async (state, action, want) => {
    const row = await prepare(state);
    const before = await snapshot();
    const result = await perform(action, actors.reporter, row, CLOSED).then(
      () => null,
      (error: unknown) => error,
    );
    if ('ok' in want) {
      expect(result).toBeNull();
      const db = await getDb();
      expect((await db.indicatorValue.findFirstOrThrow({ where: { indicatorId, unitId: regionId, month: MONTH } })).status).toBe(want.ok);
      return;
    }
    const kind = errorKind(result);
    expect(kind).toBe(want.error === ('closed' as never) ? 'validation:validation.closed' : want.error);
    expect(await snapshot()).toEqual(before);
  });

  test('a reopened month takes drafts again', async () => {
    await prepare('draft');
    const db = await getDb();
    await db.submission.update({ where: { id: submissionId }, data: { reopened: true } });
    const { version } = await db.indicatorValue.findFirstOrThrow({ where: { indicatorId, unitId: regionId, month: MONTH } });
    await saveDraft(actors.reporter, { month: MONTH, values: { [key]: { value: '12', version } } }, CLOSED);
    const submission = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    await submitMonth(actors.reporter, { month: MONTH, version: submission.version }, CLOSED);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).reopened).toBe(false); // closed again on submit
  });
});

describe('a whole submission', () => {
  // reporterAndReviewer submitted it: refused like every role without figure.review.
  const reviewCases = roles.map((role) => [role, role === 'reviewer' ? 'ok' : 'forbidden'] as const);
  test.each(reviewCases)('approve and return by %s → %s', async (role, want) => {
    for (const act of ['approve', 'return'] as const) {
      await prepare('submitted');
      const db = await getDb();
      const { version } = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
      const before = await snapshot();
      const run = act === 'approve' ? approveSubmission(actors[role], { submissionId, version }, OPEN) : returnSubmission(actors[role], { submissionId, version, reason: '整体退回' }, OPEN);
      const result = await run.then(
        () => null,
        (e: unknown) => e,
      );
      if (want === 'ok') {
        expect(result).toBeNull();
        const value = await db.indicatorValue.findFirstOrThrow({ where: { indicatorId, unitId: regionId, month: MONTH } });
        expect(value.status).toBe(act === 'approve' ? 'approved' : 'returned');
        expect((await snapshot()).audit).toBe(before.audit + 1);
      } else {
        expect(errorKind(result)).toBe(want);
        expect(await snapshot()).toEqual(before);
      }
    }
  });

  test('approving a whole submission at a stale version fails and changes nothing', async () => {
    await prepare('submitted');
    const db = await getDb();
    const { version } = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    const before = await snapshot();
    await expect(approveSubmission(actors.reviewer, { submissionId, version: version - 1 }, OPEN)).rejects.toThrow(/刷新/);
    expect(await snapshot()).toEqual(before);
  });
});
