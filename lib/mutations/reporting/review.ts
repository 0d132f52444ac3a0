// Server only. Every function takes the acting user first. The bureau's review: approving, returning or unlocking
// figures and task reports one by one or a unit's whole month at once, each bound to the version the reviewer saw and
// never by the person who submitted it. One transaction per call: lock the submissions → check versions, permission
// and transition → write → ValueEvent rows → refresh the submissions' status → audit row.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit, type AuditEvent } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { InvalidTransitionError, NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ValueEventAction, ValueStatus } from '@/lib/generated/prisma/enums';
import { userNames } from '@/lib/mutations/reporting/form-store';
import { dispatchOutward } from '@/lib/mutations/notices/dispatch';
import { noticeReturn } from '@/lib/mutations/reporting/return-notice';
import type { StoredNotice } from '@/lib/notices/channel';
import {
  actorName,
  assertCan,
  lastChangeOf,
  lockSubmissionsById,
  parse,
  refreshSubmission,
  submissionSelect,
  TX_OPTIONS,
  type EventRow,
  type Tx,
} from '@/lib/mutations/reporting/store';
import type { Action } from '@/lib/permissions';
import { ReportValidationError, staleVersionError, type ConflictDetail } from '@/lib/reporting/errors';
import { nextItemState, permissionForAction, permissionForTask, type ItemAction } from '@/lib/reporting/state-machine';
import {
  approveSubmissionSchema,
  approveTaskReportsSchema,
  approveValuesSchema,
  returnSubmissionSchema,
  returnTaskReportSchema,
  returnValueSchema,
  unlockTaskReportSchema,
  unlockValueSchema,
  type ApproveSubmissionInput,
  type ApproveTaskReportsInput,
  type ApproveValuesInput,
  type ReturnSubmissionInput,
  type ReturnTaskReportInput,
  type ReturnValueInput,
  type UnlockTaskReportInput,
  type UnlockValueInput,
} from '@/lib/schemas/reporting';

type ReviewAction = Extract<ItemAction, 'approve' | 'return' | 'unlock'>;
type ItemKind = 'value' | 'task';

const reviewEvent: Record<ReviewAction, ValueEventAction> = {
  approve: 'approved',
  return: 'returned',
  unlock: 'unlocked',
};
const reviewAudit: Record<ReviewAction, AuditEvent> = {
  approve: 'reporting.approved',
  return: 'reporting.returned',
  unlock: 'reporting.unlocked',
};

export interface ReviewResult {
  items: { id: number; version: number; status: ValueStatus }[];
}

interface ReviewRow {
  kind: ItemKind;
  id: number;
  status: ValueStatus;
  version: number;
  submissionId: number | null;
  submittedById: number | null;
  updatedAt: Date;
  updatedById: number | null;
  value?: Prisma.Decimal;
}

async function loadReviewRows(tx: Tx, kind: ItemKind, ids: number[]): Promise<ReviewRow[]> {
  const select = {
    id: true,
    status: true,
    version: true,
    submissionId: true,
    submittedById: true,
    updatedAt: true,
    updatedById: true,
  } as const;
  const rows =
    kind === 'value'
      ? await tx.indicatorValue.findMany({ where: { id: { in: ids } }, select: { ...select, value: true } })
      : await tx.taskReport.findMany({ where: { id: { in: ids } }, select });
  return rows.map((r) => ({ ...r, kind }));
}

function reviewPermission(kind: ItemKind, action: ReviewAction): Action {
  return kind === 'value' ? permissionForAction[action] : permissionForTask(action);
}

const ownSubmission: [string, string] = ['不能审核本人报送的数据', 'You cannot review what you submitted yourself'];

/**
 * Moves each row (read under its submission's lock) from its status by `action`, bound to its version, with one
 * ValueEvent each. A row whose version moved meanwhile fails the whole call with the conflict `onStale` names.
 */
async function applyReview(
  tx: Tx,
  actor: Actor,
  rows: ReviewRow[],
  step: {
    action: ReviewAction;
    reason: string | null;
    now: Date;
    onStale: (row: ReviewRow) => Promise<ConflictDetail>;
  },
): Promise<ReviewResult> {
  const { action, reason, now } = step;
  const name = await actorName(tx, actor);
  const events: EventRow[] = [];
  const result: ReviewResult = { items: [] };
  for (const row of rows) {
    const to = nextItemState(row.status, action, { window: 'open' });
    const data =
      action === 'approve'
        ? { status: to, approvedAt: now, approvedById: actor.userId, returnReason: null, updatedAt: now, version: { increment: 1 } }
        : { status: to, returnReason: reason, approvedAt: null, approvedById: null, updatedAt: now, version: { increment: 1 } };
    const where = { id: row.id, version: row.version, status: row.status };
    const { count } =
      row.kind === 'value'
        ? await tx.indicatorValue.updateMany({ where, data })
        : await tx.taskReport.updateMany({ where, data });
    if (count !== 1) throw staleVersionError([await step.onStale(row)]);
    events.push({
      ...(row.kind === 'value'
        ? { valueId: row.id, oldValue: row.value, newValue: row.value }
        : { taskReportId: row.id }),
      action: reviewEvent[action],
      actorId: actor.userId,
      actorName: name,
      at: now,
      fromStatus: row.status,
      toStatus: to,
      reason,
      version: row.version + 1,
    });
    result.items.push({ id: row.id, version: row.version + 1, status: to });
  }
  await tx.valueEvent.createMany({ data: events });
  return result;
}

/**
 * Approves, returns or unlocks items, each bound to the version the reviewer saw. All or nothing: one stale or
 * invalid item fails the whole call with a message naming it.
 */
async function reviewItems(
  actor: Actor,
  kind: ItemKind,
  items: { id: number; version: number }[],
  action: ReviewAction,
  reason: string | null,
  clock: Clock,
): Promise<ReviewResult> {
  const permission = reviewPermission(kind, action);
  assertCan(actor, permission);
  const ids = [...new Set(items.map((i) => i.id))];
  if (ids.length !== items.length) throw new ReportValidationError({ items: ['validation.duplicateRow'] });
  const db = await getDb();
  const now = clock();
  // Return notices recorded in the transaction, delivered outward only once it has committed.
  const outbox: StoredNotice[] = [];
  const reviewed = await db.$transaction(async (tx) => {
    const first = await loadReviewRows(tx, kind, ids);
    if (first.length !== ids.length) throw new NotFoundError('数据不存在', 'No such figure');
    await lockSubmissionsById(
      tx,
      first.map((r) => r.submissionId).filter((id): id is number => id !== null),
    );
    const rows = new Map((await loadReviewRows(tx, kind, ids)).map((r) => [r.id, r]));
    const names = await userNames(
      tx,
      [...rows.values()].map((r) => r.updatedById),
    );
    const conflicts: ConflictDetail[] = [];
    for (const item of items) {
      const row = rows.get(item.id)!;
      if (row.version !== item.version) {
        const changedBy = row.updatedById ? (names.get(row.updatedById) ?? null) : null;
        conflicts.push({ field: `items.${item.id}`, changedBy, changedAt: row.updatedAt });
      }
    }
    if (conflicts.length > 0) throw staleVersionError(conflicts);
    for (const item of items) {
      const row = rows.get(item.id)!;
      if (action !== 'unlock') assertCan(actor, permission, { submittedById: row.submittedById }, ownSubmission);
      nextItemState(row.status, action, { window: 'open' });
    }

    const ordered = items.map((item) => rows.get(item.id)!);
    const result = await applyReview(tx, actor, ordered, {
      action,
      reason,
      now,
      onStale: async (row) => ({ field: `items.${row.id}`, changedBy: null, changedAt: null }),
    });
    const submissions = [...new Set(ordered.map((r) => r.submissionId).filter((id): id is number => id !== null))];
    for (const id of submissions) await refreshSubmission(tx, id, {}, now);
    if (action === 'return') outbox.push(...(await noticeReturn(tx, actor, submissions, reason, now)));
    await recordAudit(tx, actor, {
      event: reviewAudit[action],
      targetType: kind === 'value' ? 'indicatorValue' : 'taskReport',
      targetId: ids.join(','),
      reason: reason ?? undefined,
      before: items.map((i) => ({ id: i.id, status: rows.get(i.id)!.status, version: i.version })),
      after: result.items,
    });
    return result;
  }, TX_OPTIONS);
  void dispatchOutward(outbox);
  return reviewed;
}

export async function approveValues(
  actor: Actor,
  input: ApproveValuesInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(approveValuesSchema, input);
  return reviewItems(
    actor,
    'value',
    data.items.map((i) => ({ id: i.valueId, version: i.version })),
    'approve',
    null,
    clock,
  );
}

export async function returnValue(
  actor: Actor,
  input: ReturnValueInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(returnValueSchema, input);
  return reviewItems(actor, 'value', [{ id: data.valueId, version: data.version }], 'return', data.reason, clock);
}

/** Only the bureau unlocks an approved figure, with a reason; the unit may then correct and resubmit it. */
export async function unlockValue(
  actor: Actor,
  input: UnlockValueInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(unlockValueSchema, input);
  return reviewItems(actor, 'value', [{ id: data.valueId, version: data.version }], 'unlock', data.reason, clock);
}

export async function approveTaskReports(
  actor: Actor,
  input: ApproveTaskReportsInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(approveTaskReportsSchema, input);
  return reviewItems(
    actor,
    'task',
    data.items.map((i) => ({ id: i.taskReportId, version: i.version })),
    'approve',
    null,
    clock,
  );
}

export async function returnTaskReport(
  actor: Actor,
  input: ReturnTaskReportInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(returnTaskReportSchema, input);
  return reviewItems(actor, 'task', [{ id: data.taskReportId, version: data.version }], 'return', data.reason, clock);
}

export async function unlockTaskReport(
  actor: Actor,
  input: UnlockTaskReportInput,
  clock: Clock = systemClock,
): Promise<ReviewResult> {
  const data = parse(unlockTaskReportSchema, input);
  return reviewItems(actor, 'task', [{ id: data.taskReportId, version: data.version }], 'unlock', data.reason, clock);
}

/** Approves or returns every submitted item of a submission, bound to the submission version the reviewer saw. */
async function reviewSubmission(
  actor: Actor,
  submissionId: number,
  version: number,
  action: 'approve' | 'return',
  reason: string | null,
  clock: Clock,
): Promise<ReviewResult & { status: ValueStatus; version: number }> {
  assertCan(actor, 'figure.review');
  const db = await getDb();
  const now = clock();
  const outbox: StoredNotice[] = [];
  const reviewed = await db.$transaction(async (tx) => {
    await lockSubmissionsById(tx, [submissionId]);
    const submission = await tx.submission.findUnique({ where: { id: submissionId }, select: submissionSelect });
    if (!submission) throw new NotFoundError('报表不存在', 'No such submission');
    if (submission.version !== version) throw staleVersionError([await lastChangeOf(tx, submissionId)]);
    const where = { submissionId, status: 'submitted' as const };
    const select = {
      id: true,
      status: true,
      version: true,
      submissionId: true,
      submittedById: true,
      updatedAt: true,
      updatedById: true,
    } as const;
    const values = await tx.indicatorValue.findMany({ where, select: { ...select, value: true } });
    const tasks = await tx.taskReport.findMany({ where, select });
    if (values.length + tasks.length === 0)
      throw new InvalidTransitionError('没有待审核的内容', 'Nothing is awaiting review');
    const rows: ReviewRow[] = [
      ...values.map((v) => ({ ...v, kind: 'value' as const })),
      ...tasks.map((t) => ({ ...t, kind: 'task' as const })),
    ];
    for (const row of rows) assertCan(actor, 'figure.review', { submittedById: row.submittedById }, ownSubmission);

    const result = await applyReview(tx, actor, rows, {
      action,
      reason,
      now,
      onStale: () => lastChangeOf(tx, submissionId),
    });
    const refreshed = await refreshSubmission(tx, submissionId, {}, now);
    if (action === 'return') outbox.push(...(await noticeReturn(tx, actor, [submissionId], reason, now)));
    await recordAudit(tx, actor, {
      event: action === 'approve' ? 'reporting.submission.approved' : 'reporting.submission.returned',
      targetType: 'submission',
      targetId: submissionId,
      reason: reason ?? undefined,
      before: { status: submission.status, version: submission.version },
      after: {
        unitId: submission.unitId,
        month: submission.month,
        status: refreshed.status,
        values: values.length,
        tasks: tasks.length,
      },
    });
    return { ...result, ...refreshed };
  }, TX_OPTIONS);
  void dispatchOutward(outbox);
  return reviewed;
}

export async function approveSubmission(actor: Actor, input: ApproveSubmissionInput, clock: Clock = systemClock) {
  const data = parse(approveSubmissionSchema, input);
  return reviewSubmission(actor, data.submissionId, data.version, 'approve', null, clock);
}

export async function returnSubmission(actor: Actor, input: ReturnSubmissionInput, clock: Clock = systemClock) {
  const data = parse(returnSubmissionSchema, input);
  return reviewSubmission(actor, data.submissionId, data.version, 'return', data.reason, clock);
}
