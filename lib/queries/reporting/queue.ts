// Server only. Every function takes the viewer first. The bureau's review queue for a month (per unit: submitted and
// awaiting review, missing, late, returned) and the list of overdue months.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import type { ValueStatus } from '@/lib/generated/prisma/enums';
import { makeMonth, monthOf, monthRange, parseMonth, type Month } from '@/lib/periods';
import { assertCanViewAll } from '@/lib/queries/reporting/access';
import { expectedOf, monthContext, reportingUnits } from '@/lib/queries/reporting/month-context';
import {
  dueDateOf,
  effectiveClosesAt,
  timeliness,
  windowState,
  type Timeliness,
  type WindowState,
} from '@/lib/reporting/deadlines';
import { queueCounts, queueState, type QueueCounts, type QueueState } from '@/lib/reporting/queue-state';


export interface QueueRowDto {
  unit: { id: number; name: string; kind: string };
  expected: boolean;
  dueDate: string;
  extended: boolean;
  reopened: boolean;
  window: WindowState;
  timeliness: Timeliness;
  submission: {
    id: number;
    status: ValueStatus;
    version: number;
    submittedAt: Date | null;
    firstSubmittedAt: Date | null;
    /** The unit's last 撤回 since its last submit. */
    withdrawnAt: Date | null;
  } | null;
  items: { total: number; draft: number; submitted: number; returned: number; approved: number; withWarnings: number };
  reminders: { count: number; lastSentAt: Date | null };
  /** The unit's one state for the month (lib/reporting/queue-state): decides its table and every count. */
  state: QueueState;
}

export interface ReviewQueueDto {
  month: Month;
  dueDate: string;
  rows: QueueRowDto[];
  counts: QueueCounts;
}

/** The bureau's queue for a month: every unit due (and any that reported without being due), each in one state. */
export async function getReviewQueue(
  viewer: Actor,
  params: { planId: string; month: Month },
  clock: Clock = systemClock,
): Promise<ReviewQueueDto> {
  assertCanViewAll(viewer);
  const db = await getDb();
  const ctx = await monthContext(params.planId);
  const now = clock();
  const units = reportingUnits(ctx.structure);
  const [submissions, reminderRows, activeUnits] = await Promise.all([
    db.submission.findMany({ where: { month: params.month, unit: { planId: params.planId } } }),
    db.reminder.groupBy({
      by: ['unitId'],
      where: { kind: 'remind', month: params.month, unit: { planId: params.planId } },
      _count: { _all: true },
      _max: { sentAt: true },
    }),
    db.unit.findMany({ where: { planId: params.planId, active: true }, select: { id: true } }),
  ]);
  const active = new Set(activeUnits.map((u) => u.id));
  const bySubmission = new Map(submissions.map((s) => [s.unitId, s]));
  const submissionIds = submissions.map((s) => s.id);
  const [valueCounts, taskCounts, warned] = await Promise.all([
    db.indicatorValue.groupBy({
      by: ['submissionId', 'status'],
      where: { submissionId: { in: submissionIds } },
      _count: { _all: true },
    }),
    db.taskReport.groupBy({
      by: ['submissionId', 'status'],
      where: { submissionId: { in: submissionIds } },
      _count: { _all: true },
    }),
    db.indicatorValue.groupBy({
      by: ['submissionId'],
      where: { submissionId: { in: submissionIds }, NOT: { warnings: { isEmpty: true } } },
      _count: { _all: true },
    }),
  ]);
  const reminders = new Map(reminderRows.map((r) => [r.unitId, { count: r._count._all, lastSentAt: r._max.sentAt }]));
  const dueDate = dueDateOf(
    effectiveClosesAt({ month: params.month, dueDay: ctx.settings.dueDay, extendedUntil: null }),
  );

  const rows: QueueRowDto[] = [];
  for (const unit of units) {
    const submission = bySubmission.get(unit.id) ?? null;
    const expected = expectedOf(ctx, unit.id, params.month);
    if (!expected && !submission) continue;
    if (!active.has(unit.id) && !submission) continue;
    const deadline = {
      month: params.month,
      dueDay: ctx.settings.dueDay,
      extendedUntil: submission?.extendedUntil ?? null,
      reopened: submission?.reopened ?? false,
    };
    const closesAt = effectiveClosesAt(deadline);
    const items = { total: 0, draft: 0, submitted: 0, returned: 0, approved: 0, withWarnings: 0 };
    if (submission) {
      for (const c of [...valueCounts, ...taskCounts].filter((c) => c.submissionId === submission.id)) {
        items[c.status] += c._count._all;
        items.total += c._count._all;
      }
      items.withWarnings = warned.find((w) => w.submissionId === submission.id)?._count._all ?? 0;
    }
    const when = timeliness(now, closesAt, submission?.firstSubmittedAt ?? null);
    const state = queueState({
      items,
      firstSubmittedAt: submission?.firstSubmittedAt ?? null,
      withdrawnAt: submission?.withdrawnAt ?? null,
      pastDue: now >= closesAt,
    });
    rows.push({
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      expected,
      dueDate: dueDateOf(closesAt),
      extended: Boolean(submission?.extendedUntil),
      reopened: submission?.reopened ?? false,
      window: windowState(now, deadline),
      timeliness: when,
      submission: submission
        ? {
            id: submission.id,
            status: submission.status,
            version: submission.version,
            submittedAt: submission.submittedAt,
            firstSubmittedAt: submission.firstSubmittedAt,
            withdrawnAt: submission.withdrawnAt,
          }
        : null,
      items,
      reminders: reminders.get(unit.id) ?? { count: 0, lastSentAt: null },
      state,
    });
  }
  return { month: params.month, dueDate, rows, counts: queueCounts(rows) };
}

export interface OverdueDto {
  unit: { id: number; name: string };
  month: Month;
  dueDate: string;
  daysOverdue: number;
  reminders: { count: number; lastSentAt: Date | null };
}

/** Months past their deadline and not submitted, newest first, over the last `months` months (default 12). */
export async function listOverdue(
  viewer: Actor,
  params: { planId: string; months?: number },
  clock: Clock = systemClock,
): Promise<OverdueDto[]> {
  assertCanViewAll(viewer);
  const db = await getDb();
  const ctx = await monthContext(params.planId);
  const now = clock();
  const current = monthOf(now);
  const span = Math.min(Math.max(params.months ?? 12, 1), 60);
  const first = ctx.firstMonth;
  if (first === null) return [];
  const months = monthRange(makeMonth(parseMonth(current).year, parseMonth(current).month - span), current).filter(
    (m) =>
      m >= first && parseMonth(m).year >= ctx.structure.periodStart && parseMonth(m).year <= ctx.structure.periodEnd,
  );
  if (months.length === 0) return [];
  const units = reportingUnits(ctx.structure);
  const [submissions, reminderRows] = await Promise.all([
    db.submission.findMany({
      where: { month: { in: months }, unit: { planId: params.planId } },
      select: { unitId: true, month: true, firstSubmittedAt: true, extendedUntil: true },
    }),
    db.reminder.groupBy({
      by: ['unitId', 'month'],
      where: { kind: 'remind', month: { in: months }, unit: { planId: params.planId } },
      _count: { _all: true },
      _max: { sentAt: true },
    }),
  ]);
  const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.month}`, s]));
  const reminders = new Map(
    reminderRows.map((r) => [`${r.unitId}|${r.month}`, { count: r._count._all, lastSentAt: r._max.sentAt }]),
  );
  const out: OverdueDto[] = [];
  for (const month of [...months].reverse()) {
    for (const unit of units) {
      const s = byKey.get(`${unit.id}|${month}`);
      if (s?.firstSubmittedAt) continue;
      const closesAt = effectiveClosesAt({
        month,
        dueDay: ctx.settings.dueDay,
        extendedUntil: s?.extendedUntil ?? null,
      });
      if (now < closesAt || !expectedOf(ctx, unit.id, month)) continue;
      out.push({
        unit: { id: unit.id, name: unit.name },
        month,
        dueDate: dueDateOf(closesAt),
        daysOverdue: Math.floor((now.getTime() - closesAt.getTime()) / 86_400_000) + 1,
        reminders: reminders.get(`${unit.id}|${month}`) ?? { count: 0, lastSentAt: null },
      });
    }
  }
  return out;
}
