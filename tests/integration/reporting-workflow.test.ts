import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InvalidTransitionError } from '@/lib/errors';
import { extendDeadline, reopenMonth } from '@/lib/mutations/reporting/deadlines';
import { saveDraft, submitMonth } from '@/lib/mutations/reporting/entry';
import { markRemindersSeen, sendReminder } from '@/lib/mutations/reporting/reminders';
import { approveSubmission, approveValues, returnValue, unlockValue } from '@/lib/mutations/reporting/review';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getReportingRecord, listReportingRecords } from '@/lib/queries/reporting/completeness';
import { getReportForm } from '@/lib/queries/reporting/form';
import { getValueHistory } from '@/lib/queries/reporting/history';
import { getReviewQueue, listOverdue } from '@/lib/queries/reporting/queue';
import { listUnseenReminders } from '@/lib/queries/reporting/reminders';
import { listDistrictSeries } from '@/lib/queries/values';
import { ReportValidationError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';

setupTestDatabase();

const MONTH = '2026-03';
const inWindow = fixedClock('2026-04-02T02:00:00Z'); // 2 April, 10:00 in Beijing; March is due on 5 April
const afterDeadline = fixedClock('2026-04-07T02:00:00Z');

let plan: LoadedPlan;
let finance: number; // 区金融发展中心: a small form (pre-IPO reserve each quarter, lead of task 13)
let reporter: Actor;
let colleague: Actor;
let reviewer: Actor;
let leader: Actor;
let taskId: number;
let itemKey: string;

beforeAll(async () => {
  plan = await loadBundledPlan();
  finance = plan.unit('区金融发展中心');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance, displayName: '金融中心 陈填报' });
  colleague = await makeReportingActor({ roles: ['unit_reporter'], unitId: finance, displayName: '金融中心 周填报' });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'], displayName: '专班 王审核' });
  leader = await makeReportingActor({ roles: ['leader'], displayName: '分管领导' });
  const db = await getDb();
  taskId = (await db.task.findFirstOrThrow({ where: { planId: plan.planId, no: 13, isOrganisation: false } })).id;
  itemKey = `pre_ipo_reserve:${plan.regionId}:${MONTH}:final`;
});

describe('the three journeys', () => {
  test('before anyone has reported, nothing is expected: old months are never "missing"', async () => {
    expect(await getReportingRecord(plan.planId, finance, 2025, inWindow)).toMatchObject({ expected: 0, missing: 0, rate: null });
    expect(await listOverdue(reviewer, { planId: plan.planId }, inWindow)).toEqual([]);
  });

  test('the form lists exactly what the unit reports, with milestones and its lead task', async () => {
    const form = await getReportForm(reporter, { month: MONTH }, inWindow);
    expect(form.unit.name).toBe('区金融发展中心');
    expect(form.window).toMatchObject({ state: 'open', dueDate: '2026-04-05' });
    expect(form.indicators.map((i) => i.code)).toEqual(['pre_ipo_reserve']);
    expect(form.indicators[0].items.map((i) => i.key)).toEqual([itemKey]);
    expect(form.indicators[0].milestones.map((m) => m.year)).toEqual([2027]); // the plan sets only a 2027 target for it
    const lead = form.tasks.filter((t) => t.role === 'lead');
    expect(lead.map((t) => t.no)).toEqual([13]);
    expect(form.tasks.filter((t) => t.role === 'responsible').map((t) => t.no)).toEqual([17, 19]);
    expect(form.completeness).toMatchObject({ required: 2, entered: 0 });
    expect(form.version).toBe(0);
    // Not a quarter month: nothing to report but the task.
    const feb = await getReportForm(reporter, { month: '2026-02' }, inWindow);
    expect(feb.indicators).toEqual([]);
  });

  test('reporter fills and submits; reviewer returns one value; reporter fixes it; reviewer approves; the figure is approved', async () => {
    const saved = await saveDraft(
      reporter,
      { month: MONTH, values: { [itemKey]: { value: '42', version: 0 } }, tasks: { [taskId]: { progress: 'on_track', narrative: '完成 3 家企业上市辅导备案', version: 0 } } },
      inWindow,
    );
    expect(saved).toMatchObject({ created: 2, changed: 0, status: 'draft' });
    await expect(submitMonth(reporter, { month: MONTH, version: saved.version - 1 }, inWindow)).rejects.toBeInstanceOf(ConflictError);
    const submitted = await submitMonth(reporter, { month: MONTH, version: saved.version }, inWindow);
    expect(submitted).toMatchObject({ status: 'submitted', submitted: 2, timeliness: 'on_time' });

    const queue = await getReviewQueue(reviewer, { planId: plan.planId, month: MONTH }, inWindow);
    const row = queue.rows.find((r) => r.unit.id === finance)!;
    expect(row.state).toBe('submitted');
    expect(row.items).toMatchObject({ submitted: 2, total: 2 });

    const value = saved.values[itemKey];
    const returned = await returnValue(reviewer, { valueId: value.id, version: value.version + 1, reason: '与市金融办口径不一致，请核实' }, inWindow);
    expect(returned.items[0].status).toBe('returned');
    let form = await getReportForm(reporter, { month: MONTH }, afterDeadline);
    const item = form.indicators[0].items[0];
    expect(item.current).toMatchObject({ status: 'returned', returnReason: '与市金融办口径不一致，请核实' });
    expect(item.editable).toBe(true); // returned figures stay editable after the deadline
    expect(form.submission!.status).toBe('returned');

    const fixed = await saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '40', version: item.current!.version, comment: '按市金融办口径调整' } } }, afterDeadline);
    expect(fixed.values[itemKey].status).toBe('returned');
    const resubmitted = await submitMonth(reporter, { month: MONTH, version: fixed.version }, afterDeadline);
    expect(resubmitted).toMatchObject({ status: 'submitted', submitted: 1, timeliness: 'on_time' }); // the first submission was on time

    form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, afterDeadline);
    const approved = await approveSubmission(reviewer, { submissionId: form.submission!.id, version: form.submission!.version }, afterDeadline);
    expect(approved.status).toBe('approved');

    const stored = await getCurrentPlan(reviewer);
    const series = await listDistrictSeries(stored.id, stored.regionUnitId, { asOf: MONTH, includePending: false });
    expect(series.get('pre_ipo_reserve')!.at(-1)).toMatchObject({ month: MONTH, value: 40, status: 'approved' });

    const history = await getValueHistory(reporter, value.id);
    expect(history.events.map((e) => e.action)).toEqual(['entered', 'submitted', 'returned', 'changed', 'submitted', 'approved']);
    expect(history.events[3]).toMatchObject({ actor: '金融中心 陈填报', oldValue: 42, newValue: 40, fromStatus: 'returned', toStatus: 'returned' });
    expect(history.events[2]).toMatchObject({ actor: '专班 王审核', reason: '与市金融办口径不一致，请核实' });
  });

  test('approved figures are locked; only the bureau unlocks one, with a reason', async () => {
    const form = await getReportForm(reporter, { month: MONTH }, inWindow);
    const current = form.indicators[0].items[0].current!;
    const before = await snapshot();
    await expect(saveDraft(reporter, { month: MONTH, values: { [itemKey]: { value: '41', version: current.version } } }, inWindow)).rejects.toMatchObject({
      fieldErrors: { [`values.${itemKey}.value`]: ['validation.locked'] },
    });
    await expect(unlockValue(reporter, { valueId: current.id, version: current.version, reason: '想改' }, inWindow)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unlockValue(reviewer, { valueId: current.id, version: current.version, reason: '' }, inWindow)).rejects.toBeInstanceOf(ReportValidationError);
    expect(await snapshot()).toEqual(before);
    const unlocked = await unlockValue(reviewer, { valueId: current.id, version: current.version, reason: '统计局更正了口径' }, inWindow);
    expect(unlocked.items[0].status).toBe('returned');
    const stored = await getCurrentPlan(reviewer);
    const series = await listDistrictSeries(stored.id, stored.regionUnitId, { asOf: MONTH, includePending: false });
    expect(series.get('pre_ipo_reserve')?.find((p) => p.month === MONTH)).toBeUndefined();
  });

  test('approval is bound to the version the reviewer saw', async () => {
    const form = await getReportForm(reviewer, { month: MONTH, unitId: finance }, inWindow);
    const seen = form.indicators[0].items[0].current!;
    const saved = await saveDraft(colleague, { month: MONTH, values: { [itemKey]: { value: '39', version: seen.version } } }, inWindow);
    await submitMonth(colleague, { month: MONTH, version: saved.version }, inWindow);
    const error = await approveValues(reviewer, { items: [{ valueId: seen.id, version: seen.version }] }, inWindow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('金融中心 周填报');
    const fresh = (await getReportForm(reviewer, { month: MONTH, unitId: finance }, inWindow)).indicators[0].items[0].current!;
    expect((await approveValues(reviewer, { items: [{ valueId: fresh.id, version: fresh.version }] }, inWindow)).items[0].status).toBe('approved');
  });

  test('a leader sees the form but cannot enter or review', async () => {
    const form = await getReportForm(leader, { month: MONTH, unitId: finance }, inWindow);
    expect(form.viewer).toEqual({ canEdit: false, canSubmit: false, canReview: false });
    await expect(saveDraft(leader, { month: MONTH, values: {} }, inWindow)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getReportForm(colleague, { month: MONTH, unitId: plan.unit('区科技局') }, inWindow)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('soft checks', () => {
  test('a falling stock warns and needs a comment before submitting', async () => {
    const jxw = plan.unit('区经济信息委');
    const jxwReporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: jxw });
    const key = (m: string) => `little_giants:${plan.regionId}:${m}:final`;
    const dec = fixedClock('2026-01-03T02:00:00Z');
    const prev = await saveDraft(jxwReporter, { month: '2025-12', values: { [key('2025-12')]: { value: '20', version: 0 } } }, dec);
    expect(prev.values[key('2025-12')].warnings).toEqual([]);
    const now = await saveDraft(jxwReporter, { month: '2026-03', values: { [key('2026-03')]: { value: '18', version: 0 } } }, inWindow);
    expect(now.values[key('2026-03')].warnings).toEqual(['stockFell']);
    const error = await submitMonth(jxwReporter, { month: '2026-03', version: now.version }, inWindow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).fieldErrors[`values.${key('2026-03')}.comment`]).toEqual(['validation.commentRequired']);
    expect((error as ReportValidationError).fields![`values.${key('2026-03')}.comment`].zh[0]).toContain('请填写说明');
    const big = await saveDraft(jxwReporter, { month: '2026-03', values: { [key('2026-03')]: { value: '30', version: 1 } } }, inWindow);
    expect(big.values[key('2026-03')].warnings).toEqual(['jump']);
  });
});

describe('deadlines, extensions, reopening', () => {
  test('after the deadline the form is closed unless the bureau extends or reopens it', async () => {
    const kjj = plan.unit('区科技局');
    const kjjReporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj });
    const key = `tech_contract_turnover:${plan.regionId}:2026-02:final`;
    const late = fixedClock('2026-03-06T02:00:00Z'); // February was due on 5 March
    const before = await snapshot();
    await expect(saveDraft(kjjReporter, { month: '2026-02', values: { [key]: { value: '3.5', version: 0 } } }, late)).rejects.toMatchObject({
      fieldErrors: { [`values.${key}.value`]: ['validation.closed'] },
    });
    expect(await snapshot()).toEqual(before);

    await expect(extendDeadline(kjjReporter, { unitId: kjj, month: '2026-02', until: '2026-03-10', reason: '系统故障' }, late)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(extendDeadline(reviewer, { unitId: kjj, month: '2026-02', until: '2026-03-04', reason: '系统故障' }, late)).rejects.toMatchObject({ fieldErrors: { until: ['validation.extensionTooEarly'] } });
    await extendDeadline(reviewer, { unitId: kjj, month: '2026-02', until: '2026-03-10', reason: '系统故障' }, late);
    const form = await getReportForm(kjjReporter, { month: '2026-02' }, late);
    expect(form.window).toMatchObject({ state: 'open', dueDate: '2026-03-10', extendedUntil: '2026-03-10', extensionReason: '系统故障' });
    expect((await saveDraft(kjjReporter, { month: '2026-02', values: { [key]: { value: '3.5', version: 0 } } }, late)).created).toBe(1);

    // Another unit's January is closed; reopening lets it report, and it stays late.
    const jxw = plan.unit('区经济信息委');
    const jxwReporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: jxw });
    const janKey = `sensor_enterprises:${plan.regionId}:2026-01:final`;
    await expect(reopenMonth(reviewer, { unitId: jxw, month: '2026-03', reason: '补报' }, late)).rejects.toBeInstanceOf(InvalidTransitionError);
    await reopenMonth(reviewer, { unitId: jxw, month: '2026-01', reason: '补报一月数据' }, late);
    await expect(reopenMonth(reviewer, { unitId: jxw, month: '2026-01', reason: '补报一月数据' }, late)).rejects.toBeInstanceOf(InvalidTransitionError);
    const jan = await getReportForm(jxwReporter, { month: '2026-01' }, late);
    expect(jan.window).toMatchObject({ state: 'reopened', reopenReason: '补报一月数据' });
    expect((await saveDraft(jxwReporter, { month: '2026-01', values: { [janKey]: { value: '12', version: 0 } } }, late)).created).toBe(1);
  });
});

describe('reminders and completeness', () => {
  test('the overdue list, a one-click reminder shown to the unit until seen, and a rate that never exceeds 100 %', async () => {
    const clock = fixedClock('2026-04-08T02:00:00Z');
    const overdue = await listOverdue(reviewer, { planId: plan.planId, months: 1 }, clock);
    const march = overdue.filter((o) => o.month === '2026-03');
    expect(march.map((o) => o.unit.id)).not.toContain(finance); // submitted
    const kjj = plan.unit('区科技局');
    expect(march.map((o) => o.unit.id)).toContain(kjj);
    expect(march.find((o) => o.unit.id === kjj)!.daysOverdue).toBe(3);

    const kjjUsers = [await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj }), await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj })];
    await expect(sendReminder(kjjUsers[0], { month: '2026-03', unitIds: [kjj] }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    const sent = await sendReminder(reviewer, { month: '2026-03', unitIds: [kjj, finance], message: '请于今日内报送' }, clock);
    expect(sent.sent.map((s) => s.unitId)).toEqual([kjj]);
    expect(sent.skipped).toEqual([{ unitId: finance, reason: 'alreadySubmitted' }]);
    const again = await sendReminder(reviewer, { month: '2026-03', unitIds: [kjj] }, clock);
    expect(again).toEqual({ sent: [], skipped: [{ unitId: kjj, reason: 'recentlyReminded' }] });

    const unseen = await listUnseenReminders(kjjUsers[0]);
    expect(unseen).toHaveLength(1);
    expect(unseen[0]).toMatchObject({ month: '2026-03', message: '请于今日内报送', sentBy: '专班 王审核' });
    await expect(markRemindersSeen(reporter, { reminderIds: [unseen[0].id] }, clock)).rejects.toBeInstanceOf(ForbiddenError);
    await markRemindersSeen(kjjUsers[0], { reminderIds: [unseen[0].id] }, clock);
    expect(await listUnseenReminders(kjjUsers[0])).toEqual([]);
    expect(await listUnseenReminders(kjjUsers[1])).toHaveLength(1); // each user acknowledges for themself
    const db = await getDb();
    expect(await db.auditLog.count({ where: { event: 'reporting.reminder.sent' } })).toBe(1);

    const record = await getReportingRecord(plan.planId, finance, 2026, clock);
    expect(record).toMatchObject({ expected: 3, submitted: 1, onTime: 1, late: 0, missing: 2 });
    expect(record.rate).toBeCloseTo(1 / 3);
    // The overdue months the unit page lists: exactly the missing ones, the same months the bureau's table marks.
    expect(record.missingMonths).toHaveLength(record.missing);
    const all = await listReportingRecords(reviewer, { planId: plan.planId, year: 2026 }, clock);
    const financeRow = all.find((row) => row.unit.id === finance)!;
    expect(record.missingMonths).toEqual(financeRow.months.filter((m) => m.timeliness === 'missing').map((m) => m.month));
    for (const row of all) {
      expect(row.rate === null || (row.rate >= 0 && row.rate <= 1)).toBe(true);
      expect(row.submitted + row.missing).toBe(row.expected);
    }
    // A month submitted before its deadline counts, without pushing the rate above 100 %.
    const early = fixedClock('2026-04-20T02:00:00Z');
    const april = await saveDraft(reporter, { month: '2026-04', tasks: { [taskId]: { progress: 'on_track', narrative: '推进中', version: 0 } } }, early);
    await submitMonth(reporter, { month: '2026-04', version: april.version }, early);
    const withEarly = await getReportingRecord(plan.planId, finance, 2026, early);
    expect(withEarly).toMatchObject({ expected: 4, submitted: 2, onTime: 2 });
    expect(withEarly.rate).toBeLessThanOrEqual(1);
  });
});

describe('exports and settings', () => {
  test('a month exports to xlsx and CSV, text neutralised; a reporter exports only its own unit', async () => {
    const { getMonthExport, getIndicatorHistoryExport } = await import('@/lib/queries/reporting/export');
    const { tableToCsv, tableToXlsx } = await import('@/lib/excel/export');
    const { openWorkbook } = await import('../support/workbook');
    const jxw = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区经济信息委') });
    const key = `little_giants:${plan.regionId}:2026-06:final`;
    const june = fixedClock('2026-07-02T02:00:00Z');
    await saveDraft(jxw, { month: '2026-06', values: { [key]: { value: '21', version: 0, comment: '=HYPERLINK("http://evil","点我")' } } }, june);

    const all = await getMonthExport(reviewer, { planId: plan.planId, month: '2026-06' });
    expect(all.rows).toHaveLength(1);
    const own = await getMonthExport(jxw, { planId: plan.planId, month: '2026-03' });
    expect(own.rows.every((r) => r[8] === '区经济信息委')).toBe(true);
    expect((await getMonthExport(reporter, { planId: plan.planId, month: '2026-06' })).rows).toHaveLength(0);
    await expect(getMonthExport(reporter, { planId: plan.planId, month: '2026-06', unitId: plan.unit('区经济信息委') })).rejects.toBeInstanceOf(ForbiddenError);
    const viewer = await makeReportingActor({ roles: ['viewer'] });
    await expect(getMonthExport(viewer, { planId: plan.planId, month: '2026-06' })).rejects.toBeInstanceOf(ForbiddenError);

    const csv = tableToCsv(all);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    const workbook = await openWorkbook(new Uint8Array(await tableToXlsx(all)));
    const comment = workbook.worksheets[0].getRow(2).getCell(10).value;
    expect(comment).toBe(`'=HYPERLINK("http://evil","点我")`);

    const history = await getIndicatorHistoryExport(reviewer, { planId: plan.planId, code: 'pre_ipo_reserve' });
    expect(history.rows.map((r) => r[3])).toEqual(['2026-03']);
    expect(history.rows[0][7]).toBe('已审核');
  });

  test('the bureau changes the due day; the change is versioned and audited', async () => {
    const { updateReportingSettings } = await import('@/lib/mutations/reporting/deadlines');
    const { getReportingSettings } = await import('@/lib/queries/reporting/settings');
    await expect(updateReportingSettings(reporter, { dueDay: 8, jumpThresholdPercent: 40, firstMonth: '', version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await updateReportingSettings(reviewer, { dueDay: 8, jumpThresholdPercent: 40, firstMonth: '', version: 0 });
    expect(await getReportingSettings()).toEqual({ dueDay: 8, jumpThreshold: 0.4, firstMonth: null, version: 1 });
    await expect(updateReportingSettings(reviewer, { dueDay: 6, jumpThresholdPercent: 40, firstMonth: '', version: 0 })).rejects.toBeInstanceOf(ConflictError);
    const form = await getReportForm(reporter, { month: '2026-05' }, fixedClock('2026-06-07T02:00:00Z'));
    expect(form.window).toMatchObject({ state: 'open', dueDate: '2026-06-08' });
    await updateReportingSettings(reviewer, { dueDay: 5, jumpThresholdPercent: 30, firstMonth: '', version: 1 });
  });

  test('a save that changes nothing leaves no trace', async () => {
    const jxw = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区经济信息委') });
    const before = await snapshot();
    const result = await saveDraft(jxw, { month: '2026-04', values: {} }, fixedClock('2026-05-02T02:00:00Z'));
    expect(result).toMatchObject({ submissionId: null, version: 0, created: 0, changed: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('history is append-only', () => {
  test('history rows cannot be changed or deleted, except together with their figure', async () => {
    const db = await getDb();
    const event = await db.valueEvent.findFirstOrThrow({ where: { valueId: { not: null } } });
    await expect(db.valueEvent.update({ where: { id: event.id }, data: { reason: '篡改' } })).rejects.toThrow(/append-only/);
    await expect(db.valueEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "ValueEvent"')).rejects.toThrow(/append-only/);
    // Removing a figure (demo data removal) takes its history with it.
    const value = await db.indicatorValue.findUniqueOrThrow({ where: { id: event.valueId! } });
    const count = await db.valueEvent.count({ where: { valueId: value.id } });
    expect(count).toBeGreaterThan(0);
    await db.indicatorValue.delete({ where: { id: value.id } });
    expect(await db.valueEvent.count({ where: { valueId: value.id } })).toBe(0);
  });
});
