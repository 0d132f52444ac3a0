// Issue 9 item 8: the reporter's page names the month's state by the queue's own definition
// (lib/reporting/queue-state.ts): never 草稿 while items await review, and always what the bureau's queue says.
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveValues, returnTaskReport } from '@/lib/mutations/reporting/review';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getReviewQueue } from '@/lib/queries/reporting/queue';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const inWindow = fixedClock('2026-04-02T02:00:00Z');
const afterDeadline = fixedClock('2026-04-07T02:00:00Z');

let plan: LoadedPlan;
let finance: number;
let reporter: Actor;
let reviewer: Actor;
let taskId: number;
let itemKey: string;

beforeAll(async () => {
  plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  taskId = (await (await getDb()).task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
  itemKey = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
});

/** The form's state and the queue's, for the same unit at the same time. */
async function states(clock: Clock) {
  const form = await getReportForm(reporter, { month: MONTH }, clock);
  const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, clock);
  return { form: form.state, queue: queue.rows.find((r) => r.unit.id === finance)?.state, submission: form.submission?.status ?? null };
}

test('the form’s state is the queue’s at every step, and never 草稿 while items await review', async () => {
  // Before anything is saved (reporting has not started, so the queue lists nobody yet): not yet due.
  expect((await states(inWindow)).form).toBe('pending');

  const saved = await saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '12', version: 0 } }, tasks: { [taskId]: { progress: 'on_track', narrative: '按计划推进', version: 0 } } }, inWindow);
  expect(await states(inWindow)).toMatchObject({ form: 'pending', queue: 'pending', submission: 'draft' });
  expect(await states(afterDeadline)).toMatchObject({ form: 'missing', queue: 'missing' });

  await submitMonth(reporter, { month: MONTH, version: saved.version }, inWindow);
  expect(await states(inWindow)).toMatchObject({ form: 'submitted', queue: 'submitted' });

  // The bureau returns the task report while the figure still awaits review: the submission's own status moves away
  // from 已报送, but the month is still awaiting review, on both pages.
  const db = await getDb();
  const report = await db.taskReport.findFirstOrThrow({ where: { unitId: finance, month: MONTH } });
  await returnTaskReport(reviewer, { taskReportId: report.id, version: report.version, reason: '请补充进展细节' }, inWindow);
  const mixed = await states(inWindow);
  expect(mixed.submission).not.toBe('submitted');
  expect(mixed).toMatchObject({ form: 'submitted', queue: 'submitted' });

  // Once the figure is approved, only the unit can act: returned, on both pages.
  const value = await db.indicatorValue.findFirstOrThrow({ where: { reporterUnitId: finance, month: MONTH } });
  await approveValues(reviewer, { items: [{ valueId: value.id, version: value.version }] }, inWindow);
  expect(await states(inWindow)).toMatchObject({ form: 'returned', queue: 'returned' });
});
