import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { markRemindersSeen, sendReminder } from '@/lib/mutations/reporting/reminders';
import { returnSubmission, returnValue } from '@/lib/mutations/reporting/review';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getReviewQueue } from '@/lib/queries/reporting/queue';
import { listReminders, listUnseenReminders } from '@/lib/queries/reporting/reminders';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let finance: number;
let reporter: Actor;
let colleague: Actor;
let reviewer: Actor;
let taskId: number;
let itemKey: string;

beforeAll(async () => {
  plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance });
  colleague = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '专班 王审核' });
  const db = await getDb();
  taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
  itemKey = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
  const saved = await saveDraft(
    reporter,
    { month: MONTH, values: { [itemKey]: { value: '42', version: 0 } }, tasks: { [taskId]: { progress: 'on_track', narrative: '按计划推进', version: 0 } } },
    clock,
  );
  await submitMonth(reporter, { month: MONTH, version: saved.version }, clock);
});

describe('a return reaches every user of the unit until each has read it', () => {
  test('returning one figure notifies the unit with the reason; each user acknowledges for themself', async () => {
    const form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, clock);
    const value = form.indicators[0].items[0].current!;
    await returnValue(reviewer, { valueId: value.id, version: value.version, reason: '与市金融办口径不一致' }, clock);
    for (const user of [reporter, colleague]) {
      const unseen = await listUnseenReminders(user);
      expect(unseen).toHaveLength(1);
      expect(unseen[0]).toMatchObject({ kind: 'returned', month: MONTH, message: '与市金融办口径不一致', sentBy: '专班 王审核' });
    }
    await markRemindersSeen(reporter, { reminderIds: (await listUnseenReminders(reporter)).map((r) => r.id) }, clock);
    expect(await listUnseenReminders(reporter)).toEqual([]);
    expect(await listUnseenReminders(colleague)).toHaveLength(1);
  });

  test('a return is no 催办: the bureau\'s record of reminders and the queue\'s 催办 count leave it out, and 催办 still goes out', async () => {
    expect(await listReminders(reviewer, { planId: plan.planId, month: MONTH })).toEqual([]);
    const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, clock);
    expect(queue.rows.find((r) => r.unit.id === finance)!.reminders.count).toBe(0);
    const sent = await sendReminder(reviewer, { month: MONTH, unitIds: [finance] }, clock);
    expect(sent.sent).toHaveLength(1);
  });

  test('returning the whole submission notifies the unit once', async () => {
    const form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, clock);
    const before = (await listUnseenReminders(colleague)).length;
    await returnSubmission(reviewer, { submissionId: form.submission!.id, version: form.submission!.version, reason: '请补充任务进展佐证材料' }, clock);
    const unseen = await listUnseenReminders(colleague);
    expect(unseen).toHaveLength(before + 1);
    expect(unseen.filter((r) => r.kind === 'returned').map((r) => r.message)).toContain('请补充任务进展佐证材料');
  });
});
