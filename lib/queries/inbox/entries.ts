// Server only. Every function takes the viewer first. The 待办 entries of each role, computed from the data each
// time: a reporter's month (not started, draft, returned items with reasons), 催办 not yet answered by submitting,
// supervision items owing an answer; the bureau's submissions to review, late units and items awaiting acceptance;
// a leader's raised items answered or overdue, and the latest bulletin; the system admin's failed notices.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { hasRole } from '@/lib/permissions';
import { lastClosedMonth } from '@/lib/periods';
import { cstDate } from '@/lib/reporting/deadlines';
import { getCurrentPlan } from '@/lib/queries/plan';
import { getReportForm } from '@/lib/queries/reporting/form';
import { listOverdue } from '@/lib/queries/reporting/queue';
import { loadRows } from '@/lib/queries/supervision/load';
import type { InboxEntry, LatestBulletinSource } from './types';
import { getLatestPublishedBulletin } from '@/lib/queries/bulletin/read';

const latestPublished: LatestBulletinSource = async () => getLatestPublishedBulletin();

async function reporterEntries(viewer: Actor, unitId: number, now: Date, clock: Clock): Promise<InboxEntry[]> {
  const db = await getDb();
  const out: InboxEntry[] = [];
  const month = lastClosedMonth(now);
  const form = await getReportForm(viewer, { month, unitId }, clock);
  const href = `/report/${month}`;
  const expected = form.completeness.required > 0;
  if (expected && !form.submission) out.push({ key: `report:${month}`, kind: 'report.notStarted', title: month, detail: null, href, tone: 'warn', at: null });
  else if (form.submission?.status === 'draft') out.push({ key: `report:${month}`, kind: 'report.draft', title: month, detail: null, href, tone: 'warn', at: null });
  for (const indicator of form.indicators) {
    for (const item of indicator.items) {
      if (item.current?.status === 'returned') {
        out.push({ key: `returned:${item.key}`, kind: 'report.returned', title: `${indicator.name}（${item.subject.name}）`, detail: item.current.returnReason, href, tone: 'bad', at: item.current.updatedAt });
      }
    }
  }
  for (const task of form.tasks) {
    if (task.current?.status === 'returned') {
      out.push({ key: `returned:task:${task.id}`, kind: 'report.returned', title: `重点任务${task.no} ${task.title}`, detail: task.current.returnReason, href, tone: 'bad', at: task.current.updatedAt });
    }
  }
  // 催办 stays until the month it is about has been submitted (and not sent back), whether or not it was read.
  const reminders = await db.reminder.findMany({ where: { unitId, kind: 'remind' }, orderBy: { sentAt: 'desc' }, select: { id: true, month: true, message: true, sentAt: true, sentByName: true } });
  const months = [...new Set(reminders.map((r) => r.month))];
  const submissions = new Map((await db.submission.findMany({ where: { unitId, month: { in: months } }, select: { month: true, status: true } })).map((s) => [s.month, s.status]));
  for (const month of months) {
    const status = submissions.get(month);
    if (status === 'submitted' || status === 'approved') continue;
    const latest = reminders.find((r) => r.month === month)!;
    out.push({ key: `reminder:${month}`, kind: 'reminder', title: month, detail: latest.message ?? latest.sentByName, href: `/report/${month}`, tone: 'bad', at: latest.sentAt });
  }
  const items = await loadRows(db, { state: { not: 'closed' }, units: { some: { unitId } } }, now);
  for (const item of items.filter((i) => i.answerOwed)) {
    out.push({ key: `supervision:${item.id}`, kind: 'supervision.toAnswer', title: item.text, detail: item.dueDate, href: `/supervision/${item.id}`, tone: item.due === 'overdue' ? 'bad' : item.due === 'soon' ? 'warn' : 'info', at: item.raisedAt });
  }
  return out;
}

async function bureauEntries(viewer: Actor, now: Date, clock: Clock): Promise<InboxEntry[]> {
  const db = await getDb();
  const out: InboxEntry[] = [];
  const submitted = await db.submission.findMany({ where: { status: 'submitted' }, orderBy: [{ month: 'desc' }, { submittedAt: 'asc' }], select: { unitId: true, month: true, submittedAt: true, unit: { select: { name: true } } } });
  for (const s of submitted) out.push({ key: `review:${s.unitId}:${s.month}`, kind: 'review.submitted', title: s.unit.name, detail: s.month, href: `/review/${s.unitId}?month=${s.month}`, tone: 'info', at: s.submittedAt });
  const plan = await getCurrentPlan(viewer).catch(() => null);
  if (plan) {
    for (const late of await listOverdue(viewer, { planId: plan.id }, clock)) {
      out.push({ key: `late:${late.unit.id}:${late.month}`, kind: 'review.late', title: late.unit.name, detail: late.month, href: `/review?month=${late.month}`, tone: 'bad', at: null });
    }
  }
  const answered = await loadRows(db, { state: 'answered' }, now);
  for (const item of answered) out.push({ key: `supervision:${item.id}`, kind: 'supervision.toAccept', title: item.text, detail: item.units.map((u) => u.name).join('、'), href: `/supervision/${item.id}`, tone: item.due === 'overdue' ? 'bad' : 'info', at: item.lastAnsweredAt });
  return out;
}

async function leaderEntries(viewer: Actor, now: Date, latestBulletin: LatestBulletinSource): Promise<InboxEntry[]> {
  const db = await getDb();
  const out: InboxEntry[] = [];
  const raised = await loadRows(db, { raisedById: viewer.userId ?? -1, OR: [{ state: 'answered' }, { state: { not: 'closed' }, dueDate: { lt: cstDate(now) } }] }, now);
  for (const item of raised) {
    const kind = item.state === 'answered' ? 'supervision.toAccept' : 'supervision.overdue';
    out.push({ key: `supervision:${item.id}`, kind, title: item.text, detail: item.units.map((u) => u.name).join('、'), href: `/supervision/${item.id}`, tone: item.due === 'overdue' ? 'bad' : 'info', at: item.lastAnsweredAt ?? item.raisedAt });
  }
  const bulletin = viewer.userId === null ? null : await latestBulletin(viewer.userId);
  if (bulletin) out.push({ key: 'bulletin:latest', kind: 'bulletin.latest', title: bulletin.title, detail: null, href: bulletin.href, tone: 'info', at: bulletin.publishedAt });
  return out;
}

async function adminEntries(): Promise<InboxEntry[]> {
  const db = await getDb();
  const failed = await db.noticeDelivery.count({ where: { status: 'failed' } });
  return failed ? [{ key: 'notices:failed', kind: 'notice.deliveryFailed', title: String(failed), detail: null, href: '/admin/notices', tone: 'bad', at: null }] : [];
}

/** Everything waiting on the viewer, by role; an entry shows once even when two roles find it. */
export async function listInboxEntries(viewer: Actor, clock: Clock = systemClock, options: { latestBulletin?: LatestBulletinSource } = {}): Promise<InboxEntry[]> {
  const now = clock();
  const parts: Promise<InboxEntry[]>[] = [];
  if (hasRole(viewer, 'unit_reporter') && viewer.unitId !== null) parts.push(reporterEntries(viewer, viewer.unitId, now, clock));
  if (hasRole(viewer, 'bureau_reviewer')) parts.push(bureauEntries(viewer, now, clock));
  if (hasRole(viewer, 'leader')) parts.push(leaderEntries(viewer, now, options.latestBulletin ?? latestPublished));
  if (hasRole(viewer, 'system_admin')) parts.push(adminEntries());
  const seen = new Set<string>();
  return (await Promise.all(parts)).flat().filter((e) => !seen.has(e.key) && seen.add(e.key));
}
