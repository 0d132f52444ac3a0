import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveSubmission, returnValue } from '@/lib/mutations/reporting/review';
import {
  getTaskReportHistory,
  getValueHistory,
  listTaskReportEvents,
  listValueEvents,
} from '@/lib/queries/reporting/history';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const inWindow = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let finance: number;
let reporter: Actor;
let outsider: Actor;
let reviewer: Actor;
let valueId: number;
let taskReportId: number;

beforeAll(async () => {
  plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance, displayName: '金融中心 陈填报' });
  outsider = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区经济信息委') });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '专班 王审核' });
  const db = await getDb();
  const taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
  const key = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
  const tasks = { [taskId]: { progress: 'on_track' as const, narrative: '完成 3 家企业上市辅导备案', version: 0 } };
  const saved = await saveDraft(
    reporter,
    { month: MONTH, values: { [key]: { value: '42', version: 0 } }, tasks },
    inWindow,
  );
  valueId = saved.values[key].id;
  taskReportId = saved.tasks[String(taskId)].id;
  const submitted = await submitMonth(reporter, { month: MONTH, version: saved.version }, inWindow);
  const value = saved.values[key];
  await returnValue(reviewer, { valueId, version: value.version + 1, reason: '请核实' }, inWindow);
  const fixed = await saveDraft(
    reporter,
    { month: MONTH, values: { [key]: { value: '40', version: value.version + 2 } } },
    inWindow,
  );
  const again = await submitMonth(reporter, { month: MONTH, version: fixed.version }, inWindow);
  expect(again.version).toBeGreaterThan(submitted.version);
  await approveSubmission(reviewer, { submissionId: again.submissionId, version: again.version }, inWindow);
});

describe('histories of a whole form in one query', () => {
  test('the batched events of each figure and task report equal its own history', async () => {
    const values = await listValueEvents(reviewer, [valueId]);
    const tasks = await listTaskReportEvents(reviewer, [taskReportId]);
    expect(values.get(valueId)).toEqual((await getValueHistory(reviewer, valueId)).events);
    expect(tasks.get(taskReportId)).toEqual((await getTaskReportHistory(reviewer, taskReportId)).events);
    expect(values.get(valueId)!.map((e) => e.action)).toEqual([
      'entered',
      'submitted',
      'returned',
      'changed',
      'submitted',
      'approved',
    ]);
    // Approving the whole submission approved the task report too, with its own event.
    expect(tasks.get(taskReportId)!.map((e) => e.action)).toEqual(['entered', 'submitted', 'approved']);
  });

  test("the unit's reporter sees its own histories; another unit's reporter sees none of them", async () => {
    expect((await listValueEvents(reporter, [valueId])).get(valueId)).toHaveLength(6);
    await expect(listValueEvents(outsider, [valueId])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTaskReportEvents(outsider, [taskReportId])).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('an unknown id fails the whole call; no ids read nothing', async () => {
    await expect(listValueEvents(reviewer, [valueId, 999_999])).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTaskReportEvents(reviewer, [999_999])).rejects.toBeInstanceOf(NotFoundError);
    expect((await listValueEvents(reviewer, [])).size).toBe(0);
    expect((await listTaskReportEvents(reviewer, [])).size).toBe(0);
  });
});
