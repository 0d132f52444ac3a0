// The 待办 inbox of each demo role, with the expected list computed from the data (not written out by hand), and
// entries leaving when the work is done: answering removes an item from the unit's inbox and puts it in the
// raiser's; accepting removes it there. Demo supervision items are removed by demo:remove with the accounts.
import { beforeAll, describe, expect, test } from 'vitest';
import { systemActor, type Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { removeDemoData, seedDemoAccounts, seedDemoData } from '@/lib/mutations/demo';
import { loadPlan } from '@/lib/mutations/plan';
import { sendReminder } from '@/lib/mutations/reporting/reminders';
import { answerSupervision, closeSupervision } from '@/lib/mutations/supervision';
import { seedDemoSupervision } from '@/lib/mutations/supervision/demo';
import { lastClosedMonth } from '@/lib/periods';
import { getInbox } from '@/lib/queries/inbox';
import { getReportForm } from '@/lib/queries/reporting/form';
import { listOverdue } from '@/lib/queries/reporting/queue';
import { cstDate } from '@/lib/reporting/deadlines';
import { answerOwed } from '@/lib/supervision/due';
import { setupTestDatabase } from '../support/db';
import { bundledPlan } from '../support/plan';
import { makeReportingActor } from '../support/reporting';

setupTestDatabase();

const NOW = '2026-11-15T02:00:00Z';
const clock = fixedClock(NOW);
const now = clock();
const operator = systemActor('test');
const PLAN_ID = 'beibei-2023-2027';

async function demoActor(username: string): Promise<Actor> {
  const u = await (await getDb()).user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, username, roles: u.roles, unitId: u.unitId, sessionId: null, ip: null };
}

const keys = async (actor: Actor) => (await getInbox(actor, clock)).entries.map((e) => e.key).sort();

beforeAll(async () => {
  const plan = bundledPlan();
  await loadPlan(operator, plan);
  await seedDemoData(operator, plan, lastClosedMonth(now));
  await seedDemoAccounts(operator, plan.id);
  const { items } = await seedDemoSupervision(operator, plan.id, clock);
  expect(items).toBe(6);
}, 120_000);

/** A reporter's expected entries, from the tables: the month's report, returned items, 催办, items owing an answer. */
async function expectedForReporter(actor: Actor): Promise<string[]> {
  const db = await getDb();
  const month = lastClosedMonth(now);
  const form = await getReportForm(actor, { month }, clock);
  const out: string[] = [];
  if (form.completeness.required > 0 && !form.submission) out.push(`report:${month}`);
  if (form.submission?.status === 'draft') out.push(`report:${month}`);
  for (const i of form.indicators) for (const item of i.items) if (item.current?.status === 'returned') out.push(`returned:${item.key}`);
  for (const t of form.tasks) if (t.current?.status === 'returned') out.push(`returned:task:${t.id}`);
  const reminders = await db.reminder.findMany({ where: { unitId: actor.unitId!, kind: 'remind' } });
  for (const m of new Set(reminders.map((r) => r.month))) {
    const s = await db.submission.findUnique({ where: { unitId_month: { unitId: actor.unitId!, month: m } } });
    if (s?.status !== 'submitted' && s?.status !== 'approved') out.push(`reminder:${m}`);
  }
  const items = await db.supervisionItem.findMany({ where: { units: { some: { unitId: actor.unitId! } } } });
  for (const item of items) if (answerOwed(now, item)) out.push(`supervision:${item.id}`);
  return out.sort();
}

describe('each demo role sees exactly its own work', () => {
  test.each(['kjj', 'jxw', 'tiansheng'])('reporter %s', async (username) => {
    const actor = await demoActor(username);
    const expected = await expectedForReporter(actor);
    expect(await keys(actor)).toEqual(expected);
  });

  test('the 区科技局 reporter has the open, the overdue and the returned demo items to answer', async () => {
    const actor = await demoActor('kjj');
    const db = await getDb();
    const owed = await db.supervisionItem.findMany({ where: { units: { some: { unitId: actor.unitId! } }, state: { in: ['open', 'returned'] } } });
    expect(owed.length).toBe(3);
    const inbox = await getInbox(actor, clock);
    const returned = inbox.entries.find((e) => e.kind === 'supervision.toAnswer' && owed.some((o) => o.state === 'returned' && `supervision:${o.id}` === e.key));
    expect(returned).toBeTruthy();
    // The database channel's notices for the unit are listed beside the entries.
    expect(inbox.notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['supervision.raised', 'supervision.returned']));
  });

  test('the bureau: submissions to review, late units, items awaiting acceptance', async () => {
    const actor = await demoActor('reviewer');
    const db = await getDb();
    const submitted = await db.submission.findMany({ where: { status: 'submitted' } });
    const late = await listOverdue(actor, { planId: PLAN_ID }, clock);
    const answered = await db.supervisionItem.findMany({ where: { state: 'answered' } });
    const expected = [
      ...submitted.map((s) => `review:${s.unitId}:${s.month}`),
      ...late.map((l) => `late:${l.unit.id}:${l.month}`),
      ...answered.map((i) => `supervision:${i.id}`),
    ].sort();
    expect(submitted.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect(answered.length).toBe(2);
    expect(await keys(actor)).toEqual(expected);
  });

  test('the leader: items they raised that were answered or are overdue', async () => {
    const actor = await demoActor('leader');
    const db = await getDb();
    const raised = await db.supervisionItem.findMany({ where: { raisedById: actor.userId } });
    const supervision = raised.filter((i) => i.state === 'answered' || (i.state !== 'closed' && i.dueDate < cstDate(now))).map((i) => `supervision:${i.id}`);
    expect(supervision.length).toBe(2);
    // The newest published bulletin waits for the leader too, when there is one.
    const bulletin = await db.bulletin.findFirst({ where: { status: 'published' } });
    const expected = [...supervision, ...(bulletin ? ['bulletin:latest'] : [])].sort();
    expect(await keys(actor)).toEqual(expected);
  });

  test('a viewer has nothing waiting', async () => {
    expect(await keys(await demoActor('viewer'))).toEqual([]);
  });
});

test('a 催办 stays in the inbox until the month is submitted, whether or not it was read', async () => {
  const reviewer = await demoActor('reviewer');
  const late = (await listOverdue(reviewer, { planId: PLAN_ID }, clock))[0];
  const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: late.unit.id });
  const { sent } = await sendReminder(reviewer, { unitIds: [late.unit.id], month: late.month }, clock);
  expect(sent).toHaveLength(1);
  expect(await keys(reporter)).toContain(`reminder:${late.month}`);
  expect(await keys(reporter)).toEqual(await expectedForReporter(reporter));
});

test('entries leave when the work is done: answered → off the unit\'s list, onto the raiser\'s; accepted → off it', async () => {
  const db = await getDb();
  const kjj = await demoActor('kjj');
  const leader = await demoActor('leader');
  const item = await db.supervisionItem.findFirstOrThrow({ where: { isDemo: true, state: 'open', raisedById: leader.userId, dueDate: { gte: cstDate(now) }, units: { some: { unitId: kjj.unitId!, role: 'lead' } } } });
  const key = `supervision:${item.id}`;
  expect(await keys(kjj)).toContain(key);
  expect(await keys(leader)).not.toContain(key);
  const answered = await answerSupervision(kjj, { itemId: item.id, version: item.version, text: '已梳理入库企业 40 家', selfStatus: 'on_track' }, clock);
  expect(await keys(kjj)).not.toContain(key);
  expect(await keys(leader)).toContain(key);
  await closeSupervision(leader, { itemId: item.id, version: answered.version }, clock);
  expect(await keys(leader)).not.toContain(key);
});

test('demo:remove deletes the demo items and their notices along with the demo accounts', async () => {
  const db = await getDb();
  expect(await db.supervisionItem.count({ where: { isDemo: true } })).toBe(6);
  await removeDemoData(operator);
  expect(await db.supervisionItem.count()).toBe(0);
  expect(await db.supervisionEvent.count()).toBe(0);
  expect(await db.notice.count({ where: { isDemo: true } })).toBe(0);
});
