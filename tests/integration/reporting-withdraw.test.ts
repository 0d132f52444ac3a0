import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InvalidTransitionError } from '@/lib/errors';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { withdrawSubmission } from '@/lib/mutations/reporting/withdraw';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getValueHistory } from '@/lib/queries/reporting/history';
import { getReviewQueue } from '@/lib/queries/reporting/queue';
import { ReportValidationError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const inWindow = fixedClock('2026-04-02T02:00:00Z');
const afterDeadline = fixedClock('2026-04-07T02:00:00Z');

let plan: LoadedPlan;
let finance: number;
let reporter: Actor;
let other: Actor;
let reviewer: Actor;
let taskId: number;
let itemKey: string;

beforeAll(async () => {
  plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance, displayName: '金融中心 陈填报' });
  other = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  const db = await getDb();
  taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
  itemKey = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
});

async function auditCount(event: string) {
  return (await getDb()).auditLog.count({ where: { event } });
}

describe('submitted figures are read-only; 撤回 takes them back', () => {
  test('saving over a submitted figure is refused and leaves it in the queue', async () => {
    const saved = await saveDraft(
      reporter,
      { month: MONTH, values: { [itemKey]: { value: '42', version: 0 } }, tasks: { [taskId]: { progress: 'on_track', narrative: '按计划推进', version: 0 } } },
      inWindow,
    );
    await submitMonth(reporter, { month: MONTH, version: saved.version }, inWindow);
    const form = await getReportForm(reporter, { month: MONTH }, inWindow);
    const item = form.indicators[0].items[0];
    expect(item.current!.status).toBe('submitted');
    expect(item.editable).toBe(false);
    const error = await saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '43', version: item.current!.version } } }, inWindow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).fieldErrors[`values.${itemKey}.value`]).toEqual(['validation.submittedReadOnly']);
    const stored = await (await getDb()).indicatorValue.findFirstOrThrow({ where: { id: item.current!.id } });
    expect(stored.status).toBe('submitted');
    expect(Number(stored.value)).toBe(42);
    const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, inWindow);
    expect(queue.rows.find((r) => r.unit.id === finance)!.state).toBe('submitted');
  });

  test('withdrawing one item: bound to the version seen, audited, shown to the reviewer', async () => {
    const form = await getReportForm(reporter, { month: MONTH }, inWindow);
    const value = form.indicators[0].items[0].current!;
    const version = form.submission!.version;
    await expect(withdrawSubmission(reporter, { month: MONTH, version: version - 1, item: `v:${value.id}` }, inWindow)).rejects.toBeInstanceOf(ConflictError);
    await expect(withdrawSubmission(other, { month: MONTH, version, item: `v:${value.id}` }, inWindow)).rejects.toThrow();
    await expect(withdrawSubmission(reviewer, { month: MONTH, version, item: `v:${value.id}` }, inWindow)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawSubmission(reporter, { month: MONTH, version, item: `v:${value.id}` }, afterDeadline)).rejects.toBeInstanceOf(InvalidTransitionError);

    const audits = await auditCount('reporting.withdrawn');
    const result = await withdrawSubmission(reporter, { month: MONTH, version, item: `v:${value.id}` }, inWindow);
    expect(result).toMatchObject({ withdrawn: 1, status: 'draft' });
    expect(await auditCount('reporting.withdrawn')).toBe(audits + 1);
    const after = await getReportForm(reporter, { month: MONTH }, inWindow);
    expect(after.indicators[0].items[0]).toMatchObject({ editable: true, current: { status: 'draft' } });
    expect(after.tasks.find((t) => t.id === taskId)!.current!.status).toBe('submitted');
    const history = await getValueHistory(reporter, value.id);
    expect(history.events.map((e) => e.action)).toEqual(['entered', 'submitted', 'withdrawn']);

    // The task is still awaiting review: the row stays in 待审核 and names the withdrawal.
    const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, inWindow);
    const row = queue.rows.find((r) => r.unit.id === finance)!;
    expect(row.state).toBe('submitted');
    expect(row.submission!.withdrawnAt).toEqual(inWindow());
  });

  test('withdrawing the whole submission moves the unit to 已撤回 until it submits again', async () => {
    const form = await getReportForm(reporter, { month: MONTH }, inWindow);
    const result = await withdrawSubmission(reporter, { month: MONTH, version: form.submission!.version }, inWindow);
    expect(result.withdrawn).toBe(1); // the task: the figure was withdrawn already
    await expect(withdrawSubmission(reporter, { month: MONTH, version: result.version }, inWindow)).rejects.toBeInstanceOf(InvalidTransitionError);
    let queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, inWindow);
    let row = queue.rows.find((r) => r.unit.id === finance)!;
    expect(row.state).toBe('withdrawn');
    expect(queue.counts.withdrawn).toBe(1);

    const changed = await getReportForm(reporter, { month: MONTH }, inWindow);
    const item = changed.indicators[0].items[0].current!;
    const saved = await saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '41', version: item.version } } }, inWindow);
    await submitMonth(reporter, { month: MONTH, version: saved.version }, inWindow);
    queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, inWindow);
    row = queue.rows.find((r) => r.unit.id === finance)!;
    expect(row.state).toBe('submitted');
    expect(row.submission!.withdrawnAt).toBeNull();
  });
});
