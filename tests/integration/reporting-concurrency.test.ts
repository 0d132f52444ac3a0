// Concurrent edits never overwrite silently: of many saves started from the same version exactly one wins, the
// others are told who changed it and when, and the history and audit rows count exactly the successful writes.
import { beforeAll, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { approveValues } from '@/lib/mutations/reporting/review';
import { StaleVersionError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');
const SAVERS = 20;

let plan: LoadedPlan;
let reporters: Actor[];
let key: string;

beforeAll(async () => {
  plan = await loadBundledPlan();
  const finance = plan.unit('区金融发展中心');
  reporters = [];
  for (let i = 0; i < SAVERS; i++) reporters.push(await makeReportingActor({ roles: ['unit_reporter'], unitId: finance, displayName: `填报员${i + 1}` }));
  key = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
});

async function counts() {
  const db = await getDb();
  const value = await db.indicatorValue.findFirst({ where: { month: MONTH, unitId: plan.regionId, indicator: { code: 'pre_ipo_reserve' } } });
  return {
    value,
    events: value ? await db.valueEvent.count({ where: { valueId: value.id } }) : 0,
    audit: await db.auditLog.count({ where: { event: 'reporting.draft.saved' } }),
  };
}

/** Every saver types a different figure (base + i), all starting from `version`. */
async function race(version: number, base = 100) {
  const results = await Promise.allSettled(reporters.map((r, i) => saveDraft(r, { month: MONTH, values: { [key]: { value: String(base + i), version } } }, clock)));
  const winners = results.flatMap((r, i) => (r.status === 'fulfilled' && r.value.changed + r.value.created === 1 ? [i] : []));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(winners.length);
  const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return { winners, losers };
}

test(`${SAVERS} people creating the same figure at once: exactly one wins`, async () => {
  const before = await counts();
  const { winners, losers } = await race(0);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(SAVERS - 1);
  for (const error of losers) expect(error).toBeInstanceOf(ConflictError);
  const after = await counts();
  expect(after.value!.value.toNumber()).toBe(100 + winners[0]);
  expect(after.value!.version).toBe(1);
  expect(after.events).toBe(1);
  expect(after.audit).toBe(before.audit + 1);
});

test(`${SAVERS} people saving the same figure from the same version, five rounds: one winner per round, history = successful writes`, async () => {
  const before = await counts();
  let wins = 0;
  for (let round = 0; round < 5; round++) {
    const { value } = await counts();
    const { winners, losers } = await race(value!.version, 1000 * (round + 1));
    expect(winners).toHaveLength(1);
    wins += winners.length;
    const winner = reporters[winners[0]];
    for (const error of losers) {
      expect(error).toBeInstanceOf(StaleVersionError);
      // "changed by X at T": the loser learns who won.
      expect((error as Error).message).toContain(`填报员${reporters.indexOf(winner) + 1}`);
      expect((error as StaleVersionError).conflicts[0].field).toBe(`values.${key}.value`);
    }
    const after = await counts();
    expect(after.value!.version).toBe(value!.version + 1);
  }
  const after = await counts();
  expect(after.events - before.events).toBe(wins);
  expect(after.audit - before.audit).toBe(wins);
});

test('saves of different figures of one unit at once are serialised, not lost', async () => {
  // 区经济信息委 types 规模以上高新技术企业 per 镇街 (区科技局's town figures are counted from the registry).
  const kjj = plan.unit('区经济信息委');
  const db = await getDb();
  const towns = await db.unitGroupMember.findMany({ where: { group: { name: '各镇街', planId: plan.planId } }, orderBy: { position: 'asc' }, select: { unitId: true } });
  const kjjReporters = await Promise.all(towns.map((_, i) => makeReportingActor({ roles: ['unit_reporter'], unitId: kjj, displayName: `经信委${i}` })));
  const results = await Promise.allSettled(
    towns.map((t, i) => saveDraft(kjjReporters[i], { month: MONTH, values: { [`above_scale_high_tech:${t.unitId}:${MONTH}:final`]: { value: String(200 + i), version: 0 } } }, clock)),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(towns.length);
  const stored = await db.indicatorValue.findMany({ where: { month: MONTH, indicator: { code: 'above_scale_high_tech' }, unitId: { in: towns.map((t) => t.unitId) } } });
  expect(stored.map((s) => s.value.toNumber()).sort()).toEqual(towns.map((_, i) => 200 + i).sort());
  const submission = await db.submission.findUniqueOrThrow({ where: { unitId_month: { unitId: kjj, month: MONTH } } });
  expect(submission.version).toBe(1 + towns.length); // every save moved the submission version once
});

test('two reviewers approving the same figure at once: one approval, one conflict', async () => {
  const reviewers = [await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '审核甲' }), await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '审核乙' })];
  const db = await getDb();
  const task = await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } });
  const saved = await saveDraft(reporters[0], { month: MONTH, tasks: { [task.id]: { progress: 'behind', narrative: '进度滞后，原因是……', version: 0 } } }, clock);
  await submitMonth(reporters[0], { month: MONTH, version: saved.version }, clock);
  const value = (await counts()).value!;
  const results = await Promise.allSettled(reviewers.map((r) => approveValues(r, { items: [{ valueId: value.id, version: value.version }] }, clock)));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(rejected.reason).toBeInstanceOf(ConflictError);
  expect(await db.valueEvent.count({ where: { valueId: value.id, action: 'approved' } })).toBe(1);
  expect(await db.auditLog.count({ where: { event: 'reporting.approved' } })).toBe(1);
});
