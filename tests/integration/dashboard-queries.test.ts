// The leaders' numbers against a real database: district figures (approved and pending apart, final over
// provisional, drafts never), an indicator's table, and the task page's history (every approved monthly word on a
// task, newest month first, nothing after the month viewed and nothing unapproved). Every read takes the viewer.
import { beforeAll, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { systemActor, type Actor } from '@/lib/actor';
import { ForbiddenError } from '@/lib/errors';
import {
  getDistrictFigures,
  getIndicatorBreakdown,
  listIndicatorFigures,
  listLatestTaskProgress,
  listTaskHistory,
  listUnitFigures,
} from '@/lib/queries/dashboard';
import { makeActor } from '../support/factories';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan } from '../support/reporting';

setupTestDatabase();

let taskId: number;
let planId: string;
let lead: number;
let other: number;
let viewer: Actor;
let regionId: number;
let indicatorId: number;
const CODE = 'high_tech_enterprises';

beforeAll(async () => {
  const plan = await loadBundledPlan();
  viewer = await makeActor(['leader']);
  regionId = plan.regionId;
  indicatorId = await plan.indicatorId(CODE);
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
  const figures = [
    { month: '2026-08', stage: 'provisional', value: 480, status: 'approved' },
    { month: '2026-08', stage: 'final', value: 482, status: 'approved' },
    { month: '2026-09', stage: 'final', value: 490, status: 'submitted' },
    { month: '2026-10', stage: 'final', value: 999, status: 'draft' },
    { month: '2026-11', stage: 'final', value: 500, status: 'approved' },
  ] as const;
  for (const f of figures) await db.indicatorValue.create({ data: { ...f, indicatorId, unitId: regionId, reporterUnitId: other } });
});

test('district figures: approved and pending apart, final over provisional, drafts and later months never', async () => {
  const figures = (await getDistrictFigures(viewer, planId, regionId, '2026-10')).get(CODE)!;
  expect(figures.approved.map((f) => [f.month, f.value, f.stage])).toEqual([['2026-08', 482, 'final']]);
  expect(figures.pending.map((f) => [f.month, f.value])).toEqual([['2026-09', 490]]);
  const rows = await listIndicatorFigures(viewer, indicatorId, regionId, '2026-10');
  expect(rows.map((r) => [r.month, r.value])).not.toContainEqual(['2026-10', 999]);
  expect(rows.map((r) => r.month)).toEqual([...rows.map((r) => r.month)].sort().reverse());
});

test('every dashboard read refuses a role without the dashboards, and serves the operator', async () => {
  const auditor = await makeActor(['audit_admin']);
  const reads = (who: Actor) => [
    () => getDistrictFigures(who, planId, regionId, '2026-10'),
    () => listIndicatorFigures(who, indicatorId, regionId, '2026-10'),
    () => getIndicatorBreakdown(who, indicatorId, '2026-10'),
    () => listUnitFigures(who, other, '2026-10'),
    () => listLatestTaskProgress(who, planId, '2026-10'),
    () => listTaskHistory(who, taskId, '2026-10'),
  ];
  for (const read of reads(auditor)) await expect(read()).rejects.toBeInstanceOf(ForbiddenError);
  for (const read of reads(systemActor('test'))) await expect(read()).resolves.toBeDefined();
});

test("a task's history holds approved words up to the month viewed, newest first, lead before responsible", async () => {
  const history = await listTaskHistory(viewer, taskId, '2026-10');
  expect(history.map((h) => [h.month, h.unitId, h.role, h.progress, h.text])).toEqual([
    ['2026-09', lead, 'lead', 'behind', '九月滞后'],
    ['2026-09', other, 'responsible', null, '九月配合'],
    ['2026-08', lead, 'lead', 'on_track', '八月推进'],
  ]);
});

test("the overview's latest progress is the lead unit's newest approved report, the one the task status reads", async () => {
  const latest = (await listLatestTaskProgress(viewer, planId, '2026-10')).get(taskId);
  expect(latest?.map((r) => [r.month, r.progress])).toEqual([['2026-09', 'behind']]);
});
