// The task page's history: every approved monthly word on a task, lead and responsible units, newest month first,
// nothing after the month viewed and nothing unapproved.
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { listLatestTaskProgress, listTaskHistory } from '@/lib/queries/dashboard';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan } from '../support/reporting';

setupTestDatabase();

let taskId: number;
let planId: string;
let lead: number;
let other: number;

beforeAll(async () => {
  const plan = await loadBundledPlan();
  planId = plan.planId;
  lead = plan.unit('区金融发展中心');
  other = plan.unit('区科技局');
  const db = await getDb();
  taskId = (await db.task.findFirstOrThrow({ where: { planId, no: 13, isOrganisation: false } })).id;
  const rows = [
    { unitId: lead, month: '2026-08', role: 'lead', progress: 'on_track', narrative: '八月推进', status: 'approved' },
    { unitId: lead, month: '2026-09', role: 'lead', progress: 'behind', narrative: '九月滞后', status: 'approved' },
    { unitId: other, month: '2026-09', role: 'responsible', note: '九月配合', status: 'approved' },
    { unitId: lead, month: '2026-10', role: 'lead', progress: 'done', narrative: '十月待审', status: 'submitted' },
    { unitId: lead, month: '2026-11', role: 'lead', progress: 'done', narrative: '十一月', status: 'approved' },
  ] as const;
  for (const r of rows) {
    const submission = await db.submission.upsert({ where: { unitId_month: { unitId: r.unitId, month: r.month } }, update: {}, create: { unitId: r.unitId, month: r.month } });
    await db.taskReport.create({ data: { ...r, taskId, submissionId: submission.id } });
  }
});

test("a task's history holds approved words up to the month viewed, newest first, lead before responsible", async () => {
  const history = await listTaskHistory(taskId, '2026-10');
  expect(history.map((h) => [h.month, h.unitId, h.role, h.progress, h.text])).toEqual([
    ['2026-09', lead, 'lead', 'behind', '九月滞后'],
    ['2026-09', other, 'responsible', null, '九月配合'],
    ['2026-08', lead, 'lead', 'on_track', '八月推进'],
  ]);
});

test("the overview's latest progress is the lead unit's newest approved report, the one the task status reads", async () => {
  const latest = (await listLatestTaskProgress(planId, '2026-10')).get(taskId);
  expect(latest?.map((r) => [r.month, r.progress])).toEqual([['2026-09', 'behind']]);
});
