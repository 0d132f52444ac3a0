// Supervision items (督办) through their whole life against a real database: raise → answer → return → answer →
// extend → accept, every step recorded with who and when and audited in the same transaction; permissions decided
// inside the domain functions; concurrent answers and a close racing an answer conflict visibly.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InvalidTransitionError } from '@/lib/errors';
import { answerSupervision, closeSupervision, extendSupervision, raiseSupervision, returnSupervision } from '@/lib/mutations/supervision';
import { SupervisionValidationError } from '@/lib/mutations/supervision/store';
import { getSupervisionItem, listOverdueSupervision, listSupervision } from '@/lib/queries/supervision';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const clock = fixedClock('2026-11-15T02:00:00Z');
let plan: LoadedPlan;
let leader: Actor, otherLeader: Actor, bureau: Actor, kjj: Actor, jxw: Actor, finance: Actor, viewer: Actor;
let taskId: number;

beforeAll(async () => {
  plan = await loadBundledPlan();
  const db = await getDb();
  taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, isOrganisation: false, no: 1 } })).id;
  leader = await makeReportingActor({ roles: ['leader'], displayName: '分管副区长' });
  otherLeader = await makeReportingActor({ roles: ['leader'], displayName: '另一位区领导' });
  bureau = await makeReportingActor({ roles: ['bureau_reviewer'], unitId: plan.unit('区科技局'), displayName: '王审核' });
  kjj = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局'), displayName: '科技局填报' });
  jxw = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区经济信息委'), displayName: '经信委填报' });
  finance = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区财政局'), displayName: '财政局填报' });
  viewer = await makeReportingActor({ roles: ['viewer'] });
});

function raise(actor: Actor, extra: Partial<Parameters<typeof raiseSupervision>[1]> = {}) {
  return raiseSupervision(actor, { target: `task:${taskId}`, text: '请加快推进科技型企业培育，月底前报送进展', leadUnitId: plan.unit('区科技局'), cooperatingUnitIds: [plan.unit('区经济信息委')], dueDate: '2026-11-30', ...extra }, clock);
}

async function auditCount(event: string, id: number) {
  return (await getDb()).auditLog.count({ where: { event, targetType: 'supervisionItem', targetId: String(id) } });
}

test('raise → answer → return → answer → extend → accept, each step recorded, audited and noticed', async () => {
  const { id, version: v1 } = await raise(leader);
  const a1 = await answerSupervision(kjj, { itemId: id, version: v1, text: '已完成摸底，正在对接', selfStatus: 'on_track', attachments: [{ name: '进展.docx', size: 2048, type: 'application/msword' }] }, clock);
  const r = await returnSupervision(leader, { itemId: id, version: a1.version, reason: '请补充企业名单' }, clock);
  const a2 = await answerSupervision(jxw, { itemId: id, version: r.version, text: '已补充名单 12 家', selfStatus: 'done' }, clock);
  const e = await extendSupervision(bureau, { itemId: id, version: a2.version, dueDate: '2026-12-15', reason: '需等待季度统计' }, clock);
  const c = await closeSupervision(leader, { itemId: id, version: e.version }, clock);
  expect(c.version).toBe(6);

  const item = await getSupervisionItem(leader, id, clock);
  expect(item.state).toBe('closed');
  expect(item.dueDate).toBe('2026-12-15');
  expect(item.originalDueDate).toBe('2026-11-30');
  expect(item.events.map((ev) => [ev.kind, ev.actor, ev.version])).toEqual([
    ['raised', '分管副区长', 1],
    ['answered', '科技局填报', 2],
    ['returned', '分管副区长', 3],
    ['answered', '经信委填报', 4],
    ['extended', '王审核', 5],
    ['closed', '分管副区长', 6],
  ]);
  expect(item.events[1].attachments).toEqual([{ name: '进展.docx', size: 2048, type: 'application/msword' }]);
  expect(item.events[1].unit).toBe('区科技局');
  expect(item.events[2].text).toBe('请补充企业名单');
  expect(item.events[4]).toMatchObject({ dueDateBefore: '2026-11-30', dueDateAfter: '2026-12-15', text: '需等待季度统计' });
  for (const event of ['raised', 'answered', 'returned', 'extended', 'closed']) expect(await auditCount(`supervision.${event}`, id)).toBe(event === 'answered' ? 2 : 1);

  const db = await getDb();
  const notices = await db.notice.findMany({ where: { link: `/supervision/${id}` }, orderBy: { id: 'asc' } });
  // raised, returned, extended, closed go to both units; each answer goes to the raiser.
  expect(notices.map((n) => n.kind)).toEqual(['supervision.raised', 'supervision.raised', 'supervision.answered', 'supervision.returned', 'supervision.returned', 'supervision.answered', 'supervision.extended', 'supervision.extended', 'supervision.closed', 'supervision.closed']);
  expect(notices.filter((n) => n.kind === 'supervision.answered').every((n) => n.userId === leader.userId)).toBe(true);
});

describe('permissions, inside the domain functions', () => {
  test('a reporter or a viewer cannot raise; a leader and the bureau can', async () => {
    await expect(raise(kjj)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(raise(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(raise(bureau)).resolves.toMatchObject({ version: 1 });
  });

  test('a unit answers only its own items', async () => {
    const { id } = await raise(leader);
    const before = await auditCount('supervision.answered', id);
    await expect(answerSupervision(finance, { itemId: id, version: 1, text: '越权反馈', selfStatus: 'done' }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerSupervision(leader, { itemId: id, version: 1, text: '领导不能反馈', selfStatus: 'done' }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await auditCount('supervision.answered', id)).toBe(before);
  });

  test('only the raiser or the bureau accepts, returns or extends', async () => {
    const { id } = await raise(leader);
    const { version } = await answerSupervision(kjj, { itemId: id, version: 1, text: '已办理', selfStatus: 'done' }, clock);
    await expect(closeSupervision(otherLeader, { itemId: id, version }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeSupervision(kjj, { itemId: id, version }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(returnSupervision(otherLeader, { itemId: id, version, reason: '不是我提的' }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(extendSupervision(jxw, { itemId: id, version, dueDate: '2026-12-31', reason: '单位自行延期' }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeSupervision(bureau, { itemId: id, version }, clock)).resolves.toMatchObject({ version: version + 1 });
  });

  test('an item not yet answered cannot be accepted; a closed one takes no answer', async () => {
    const { id } = await raise(leader);
    await expect(closeSupervision(leader, { itemId: id, version: 1 }, clock)).rejects.toBeInstanceOf(InvalidTransitionError);
    const a = await answerSupervision(kjj, { itemId: id, version: 1, text: '已办理', selfStatus: 'done' }, clock);
    const c = await closeSupervision(leader, { itemId: id, version: a.version }, clock);
    await expect(answerSupervision(kjj, { itemId: id, version: c.version, text: '再补充', selfStatus: 'done' }, clock)).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  test('bad input gets field messages: a past due date, a lead unit twice, an extension that is not later', async () => {
    await expect(raise(leader, { dueDate: '2026-11-14' })).rejects.toMatchObject({ fieldErrors: { dueDate: ['validation.supervisionDueDate'] } });
    await expect(raise(leader, { cooperatingUnitIds: [plan.unit('区科技局')] })).rejects.toBeInstanceOf(SupervisionValidationError);
    await expect(raise(leader, { target: 'task:999999' })).rejects.toMatchObject({ fieldErrors: { target: ['validation.supervisionTarget'] } });
    await expect(raise(leader, { target: 'bulletin:1' })).rejects.toBeInstanceOf(SupervisionValidationError);
    const { id } = await raise(leader);
    await expect(extendSupervision(leader, { itemId: id, version: 1, dueDate: '2026-11-30', reason: '不变' }, clock)).rejects.toMatchObject({ fieldErrors: { dueDate: ['validation.supervisionExtendLater'] } });
  });

  test('a reporter lists only its own unit\'s items; others see all', async () => {
    const mine = await listSupervision(finance, {}, clock);
    expect(mine).toHaveLength(0);
    const all = await listSupervision(viewer, {}, clock);
    expect(all.length).toBe(await (await getDb()).supervisionItem.count());
    const kjjItems = await listSupervision(kjj, {}, clock);
    expect(kjjItems.every((i) => i.units.some((u) => u.name === '区科技局'))).toBe(true);
  });
});

describe('version checks under real concurrency', () => {
  test('two units answering at once: one wins, the other is told who answered first', async () => {
    const { id } = await raise(leader);
    const results = await Promise.allSettled([
      answerSupervision(kjj, { itemId: id, version: 1, text: '科技局反馈', selfStatus: 'on_track' }, clock),
      answerSupervision(jxw, { itemId: id, version: 1, text: '经信委反馈', selfStatus: 'behind' }, clock),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    const item = await getSupervisionItem(leader, id, clock);
    const winner = item.events.find((e) => e.kind === 'answered')!;
    expect(lost[0].message).toContain(winner.actor);
    expect(item.events.filter((e) => e.kind === 'answered')).toHaveLength(1);
    expect(await auditCount('supervision.answered', id)).toBe(1);
  });

  test('a close racing a new answer: exactly one of them happens', async () => {
    const { id } = await raise(leader);
    const a = await answerSupervision(kjj, { itemId: id, version: 1, text: '第一次反馈', selfStatus: 'on_track' }, clock);
    const results = await Promise.allSettled([
      closeSupervision(leader, { itemId: id, version: a.version }, clock),
      answerSupervision(jxw, { itemId: id, version: a.version, text: '补充反馈', selfStatus: 'done' }, clock),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // Overlapping, the loser finds the version moved (ConflictError); when the close has fully committed before the
    // answer reads the item (PGlite runs one query at a time), the answer finds it closed. Either way it is refused.
    if (results[1].status === 'rejected') expect([ConflictError, InvalidTransitionError].some((e) => rejected.reason instanceof e)).toBe(true);
    else expect(rejected.reason).toBeInstanceOf(ConflictError);
    const item = await getSupervisionItem(leader, id, clock);
    expect(item.version).toBe(a.version + 1);
    expect(item.events).toHaveLength(3);
  });

  test('ten answers from the same version: exactly one is recorded', async () => {
    const { id } = await raise(leader);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => answerSupervision(i % 2 ? jxw : kjj, { itemId: id, version: 1, text: `反馈 ${i}`, selfStatus: 'on_track' }, clock)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(9);
    expect(await (await getDb()).supervisionEvent.count({ where: { itemId: id, kind: 'answered' } })).toBe(1);
  });
});

test('overdue items of a unit and of a task, by the injected clock', async () => {
  const { id } = await raise(leader, { dueDate: '2026-11-16' });
  const later = fixedClock('2026-11-16T16:00:00Z'); // 11-17 00:00 CST: the day after the due day
  const onDueDay = fixedClock('2026-11-16T15:59:00Z');
  expect((await listOverdueSupervision(viewer, { unitId: plan.unit('区经济信息委') }, onDueDay)).map((i) => i.id)).not.toContain(id);
  expect((await listOverdueSupervision(viewer, { unitId: plan.unit('区经济信息委') }, later)).map((i) => i.id)).toContain(id);
  expect((await listOverdueSupervision(viewer, { taskId }, later)).map((i) => i.id)).toContain(id);
  expect((await listOverdueSupervision(viewer, { unitId: plan.unit('区财政局') }, later)).map((i) => i.id)).not.toContain(id);
  const overdue = await listSupervision(viewer, { state: 'overdue' }, later);
  expect(overdue.find((i) => i.id === id)?.due).toBe('overdue');
  expect((await listSupervision(viewer, { dueMonth: '2026-11', raisedById: leader.userId! }, later)).every((i) => i.dueDate.startsWith('2026-11'))).toBe(true);
});
