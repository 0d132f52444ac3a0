// The notice sweep and the reporting notices, with the webhook pointed at a local receiver: supervision items get a
// 临期 notice from 00:00 (China time) three days before the due day and an 逾期 notice from the day after it, one per
// item, unit, state and day however many sweeps run (also two at once); 催办 and returns go through the same channels
// as supervision notices: a Notice row in the reviewer's transaction (the inbox), then a signed POST after commit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const SECRET = 'sweep-webhook-secret-0123456789';
let received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
    res.end('ok');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
// Read by lib/env.ts on first use (after this line): the outward channel of every domain function in this file.
process.env.NOTICE_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
process.env.NOTICE_WEBHOOK_SECRET = SECRET;

const { fixedClock } = await import('@/lib/clock');
const { getDb } = await import('@/lib/db/client');
const { ConflictError } = await import('@/lib/errors');
const { runNoticeSweep } = await import('@/lib/mutations/notices/sweep');
const { saveDraft, submitMonth } = await import('@/lib/mutations/reporting/entry');
const { sendReminder } = await import('@/lib/mutations/reporting/reminders');
const { returnSubmission, returnValue } = await import('@/lib/mutations/reporting/review');
const { answerSupervision, closeSupervision, raiseSupervision } = await import('@/lib/mutations/supervision');
const { verifySignature } = await import('@/lib/notices/webhook-channel');
const { getReportForm } = await import('@/lib/queries/reporting/form');
const { setupTestDatabase } = await import('../support/db');
const { loadBundledPlan, makeReportingActor } = await import('../support/reporting');

setupTestDatabase();
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Plan = Awaited<ReturnType<typeof loadBundledPlan>>;
let plan: Plan;

beforeAll(async () => {
  plan = await loadBundledPlan();
}, 120_000);

/** Outward delivery runs after commit, in the background: wait until `count` deliveries have settled. */
const settled = async (count: number) => vi.waitFor(async () => expect(await (await getDb()).noticeDelivery.count({ where: { status: 'delivered' } })).toBeGreaterThanOrEqual(count), { timeout: 10_000 });

const signedBodies = () =>
  received.map((r) => {
    expect(verifySignature(SECRET, r.headers['x-beibei-timestamp'] as string, r.body, r.headers['x-beibei-signature'] as string)).toBe(true);
    return JSON.parse(r.body) as { id: number; kind: string; recipient: { unitId?: number }; title: string; link: string };
  });

/** The signed bodies of these kinds of notice (every body received is checked for its signature). */
const ownBodies = (kinds: string[]) => signedBodies().filter((b) => kinds.includes(b.kind));

describe('due-soon and overdue supervision notices', () => {
  const DUE = '2026-11-30';
  let itemId: number;
  let units: number[];
  let leader: Awaited<ReturnType<typeof makeReportingActor>>;

  beforeAll(async () => {
    leader = await makeReportingActor({ roles: ['leader'], displayName: '区领导' });
    const db = await getDb();
    const taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, isOrganisation: false }, orderBy: { no: 'asc' } })).id;
    units = [plan.unit('区科技局'), plan.unit('区经济信息委')];
    itemId = (await raiseSupervision(leader, { target: `task:${taskId}`, text: '请加快推进科技型企业培育', leadUnitId: units[0], cooperatingUnitIds: [units[1]], dueDate: DUE }, fixedClock('2026-11-01T02:00:00Z'))).id;
    // The raise's own notices (to the two units) go out in the background: let them arrive before counting.
    await settled(units.length);
  });

  const dueNotices = async () => (await getDb()).notice.findMany({ where: { kind: { in: ['supervision.dueSoon', 'supervision.overdue'] }, link: `/supervision/${itemId}` }, orderBy: { id: 'asc' } });
  const sweepAt = async (instant: string) => {
    received = [];
    return runNoticeSweep({ clock: fixedClock(instant) });
  };

  test('nothing until 00:00 China time three days before the due day; then one 临期 notice per unit, sent outward', async () => {
    // 23:59:59 on 26 November in Beijing.
    expect((await sweepAt('2026-11-26T15:59:59Z')).notices).toEqual([]);
    expect(await dueNotices()).toEqual([]);
    const result = await sweepAt('2026-11-26T16:00:00Z');
    expect(result.notices.map((n) => [n.kind, 'unitId' in n.recipient ? n.recipient.unitId : null])).toEqual(units.map((u) => ['supervision.dueSoon', u]));
    expect(result.notices[0].title).toContain('还剩3天');
    expect(result.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(signedBodies().map((b) => [b.id, b.kind, b.link])).toEqual(result.notices.map((n) => [n.id, 'supervision.dueSoon', `/supervision/${itemId}`]));
  });

  test('the same day again, or two sweeps at once, write and send nothing more; the next day brings the next reminder', async () => {
    expect((await sweepAt('2026-11-27T03:00:00Z')).notices).toEqual([]);
    const twice = await Promise.all([runNoticeSweep({ clock: fixedClock('2026-11-27T16:30:00Z') }), runNoticeSweep({ clock: fixedClock('2026-11-27T16:30:00Z') })]);
    expect(twice.flatMap((r) => r.notices)).toHaveLength(units.length);
    const rows = await dueNotices();
    expect(rows).toHaveLength(2 * units.length);
    expect(new Set(rows.map((r) => r.dedupKey)).size).toBe(rows.length);
  });

  test('the due day itself is still 临期; 00:00 the day after it turns 逾期', async () => {
    const onDueDay = await sweepAt('2026-11-30T15:59:59Z');
    expect(onDueDay.notices.map((n) => n.kind)).toEqual(['supervision.dueSoon', 'supervision.dueSoon']);
    expect(onDueDay.notices[0].title).toContain('今日到期');
    const after = await sweepAt('2026-11-30T16:00:00Z');
    expect(after.notices.map((n) => n.kind)).toEqual(['supervision.overdue', 'supervision.overdue']);
    expect(after.notices[0].title).toContain('已逾期1天');
    expect(signedBodies().map((b) => b.kind)).toEqual(['supervision.overdue', 'supervision.overdue']);
  });

  test('an accepted (closed) item gets no more notices', async () => {
    const db = await getDb();
    const clock = fixedClock('2026-12-01T02:00:00Z');
    const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: units[0] });
    const open = await db.supervisionItem.findUniqueOrThrow({ where: { id: itemId } });
    const answered = await answerSupervision(reporter, { itemId, version: open.version, text: '已完成摸底并报送名单', selfStatus: 'done' }, clock);
    await closeSupervision(leader, { itemId, version: answered.version }, clock);
    expect((await db.supervisionItem.findUniqueOrThrow({ where: { id: itemId } })).state).toBe('closed');
    await settled(await db.noticeDelivery.count());
    expect((await sweepAt('2026-12-02T02:00:00Z')).notices).toEqual([]);
  });
});

describe('催办 and returns go through the notice channels', () => {
  const MONTH = '2026-03';
  const clock = fixedClock('2026-04-02T02:00:00Z');
  let finance: number;
  let reviewer: Awaited<ReturnType<typeof makeReportingActor>>;

  beforeAll(async () => {
    finance = plan.unit('区金融发展中心');
    const reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance });
    reviewer = await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '专班 王审核' });
    const db = await getDb();
    const taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
    const itemKey = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
    const saved = await saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '42', version: 0 } }, tasks: { [taskId]: { progress: 'on_track', narrative: '按计划推进', version: 0 } } }, clock);
    await submitMonth(reporter, { month: MONTH, version: saved.version }, clock);
  });

  const unitNotices = async (kind: string) => (await getDb()).notice.findMany({ where: { kind, unitId: finance }, orderBy: { id: 'asc' }, include: { deliveries: true } });

  test('a returned figure: a notice for the unit with the reason, in the inbox, and a signed POST', async () => {
    received = [];
    const before = await (await getDb()).noticeDelivery.count({ where: { status: 'delivered' } });
    const form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, clock);
    const value = form.indicators[0].items[0].current!;
    await returnValue(reviewer, { valueId: value.id, version: value.version, reason: '与市金融办口径不一致' }, clock);
    const [notice] = await unitNotices('reporting.returned');
    expect(notice).toMatchObject({ link: `/report/${MONTH}`, createdAt: clock() });
    expect(notice.body).toContain('与市金融办口径不一致');
    await settled(before + 1);
    // Every body is signed; a delivery of the block above may still arrive late (it is sent after its commit, in the
    // background), so only this test's own notices are counted.
    expect(ownBodies(['reporting.returned'])).toEqual([expect.objectContaining({ id: notice.id, kind: 'reporting.returned', recipient: { unitId: finance } })]);
  });

  test('a return that conflicts writes and sends nothing', async () => {
    received = [];
    const form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, clock);
    const before = (await unitNotices('reporting.returned')).length;
    await expect(returnSubmission(reviewer, { submissionId: form.submission!.id, version: form.submission!.version - 1, reason: '过期的版本' }, clock)).rejects.toThrow(ConflictError);
    expect(await unitNotices('reporting.returned')).toHaveLength(before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ownBodies(['reporting.returned', 'reporting.reminder'])).toEqual([]);
  });

  test('催办: a notice per reminded unit and a signed POST; a second click within minutes sends nothing', async () => {
    received = [];
    const before = await (await getDb()).noticeDelivery.count({ where: { status: 'delivered' } });
    const sent = await sendReminder(reviewer, { month: MONTH, unitIds: [finance], message: '请于今日报送' }, clock);
    expect(sent.sent).toHaveLength(1);
    const notices = await unitNotices('reporting.reminder');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/report/${MONTH}` });
    expect(notices[0].body).toContain('请于今日报送');
    await settled(before + 1);
    expect(ownBodies(['reporting.reminder'])).toEqual([expect.objectContaining({ id: notices[0].id, kind: 'reporting.reminder' })]);
    expect((await unitNotices('reporting.reminder'))[0].deliveries).toEqual([expect.objectContaining({ channel: 'webhook', status: 'delivered', attempts: 1 })]);
    expect((await sendReminder(reviewer, { month: MONTH, unitIds: [finance] }, clock)).sent).toEqual([]);
    expect(await unitNotices('reporting.reminder')).toHaveLength(1);
  });
});
