// Server only. Every function takes the acting user first. 撤回: a unit takes back what it submitted, before review,
// one figure or task report or everything still awaiting review. Submitted items are read-only, so this is the only
// way to change them. One transaction: lock the submission → check the version the reporter saw → transition each
// item submitted → draft → ValueEvent rows → mark the submission withdrawn (the reviewer's queue shows it) → audit.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { InvalidTransitionError, NotFoundError } from '@/lib/errors';
import { loadReportingSettings } from '@/lib/mutations/reporting/form-store';
import {
  actorName,
  lastChangeOf,
  lockSubmission,
  parse,
  refreshSubmission,
  reporterUnit,
  TX_OPTIONS,
  type EventRow,
} from '@/lib/mutations/reporting/store';
import { windowState } from '@/lib/reporting/deadlines';
import { staleVersionError } from '@/lib/reporting/errors';
import { nextItemState } from '@/lib/reporting/state-machine';
import { withdrawSchema, type WithdrawRawInput } from '@/lib/schemas/reporting';
import type { ValueStatus } from '@/lib/generated/prisma/enums';

export interface WithdrawResult {
  submissionId: number;
  version: number;
  status: ValueStatus;
  withdrawn: number;
}

/**
 * Withdraws the unit's own submitted items for a month: the one named (`item` = `v:<id>` or `t:<id>`) or every
 * submitted one. Bound to the submission version the reporter saw; refused once the window has closed (a draft could
 * not be submitted again) and for items already approved or returned.
 */
export async function withdrawSubmission(
  actor: Actor,
  input: WithdrawRawInput,
  clock: Clock = systemClock,
): Promise<WithdrawResult> {
  const data = parse(withdrawSchema, input);
  const unitId = reporterUnit(actor, 'figure.submit');
  const db = await getDb();
  const now = clock();
  return db.$transaction(async (tx) => {
    const submission = await lockSubmission(tx, unitId, data.month, false, now);
    if (!submission) throw new NotFoundError('本月没有已报送的内容', 'Nothing has been submitted for this month');
    if (submission.version !== data.version) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
    const settings = await loadReportingSettings(tx);
    const ctx = {
      window: windowState(now, {
        month: data.month,
        dueDay: settings.dueDay,
        extendedUntil: submission.extendedUntil,
        reopened: submission.reopened,
      }),
    };
    const only = data.item ? { kind: data.item[0], id: Number(data.item.slice(2)) } : null;
    const select = { id: true, status: true, version: true } as const;
    const values =
      only?.kind === 't'
        ? []
        : await tx.indicatorValue.findMany({
            where: { submissionId: submission.id, ...(only ? { id: only.id } : { status: 'submitted' }) },
            select: { ...select, value: true },
          });
    const tasks =
      only?.kind === 'v'
        ? []
        : await tx.taskReport.findMany({
            where: { submissionId: submission.id, ...(only ? { id: only.id } : { status: 'submitted' }) },
            select,
          });
    if (only && values.length + tasks.length === 0)
      throw new NotFoundError('该项不在本单位本月的报表中', 'This item is not on your form for the month');
    if (values.length + tasks.length === 0)
      throw new InvalidTransitionError('没有可撤回的内容', 'Nothing awaiting review to withdraw');
    for (const item of [...values, ...tasks]) nextItemState(item.status, 'withdraw', ctx);

    const name = await actorName(tx, actor);
    const events: EventRow[] = [];
    const draft = { status: 'draft' as const, updatedAt: now, updatedById: actor.userId, version: { increment: 1 } };
    for (const v of values) {
      const { count } = await tx.indicatorValue.updateMany({ where: { id: v.id, version: v.version }, data: draft });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({
        valueId: v.id,
        action: 'withdrawn',
        actorId: actor.userId,
        actorName: name,
        at: now,
        fromStatus: v.status,
        toStatus: 'draft',
        newValue: v.value,
        version: v.version + 1,
      });
    }
    for (const t of tasks) {
      const { count } = await tx.taskReport.updateMany({ where: { id: t.id, version: t.version }, data: draft });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({
        taskReportId: t.id,
        action: 'withdrawn',
        actorId: actor.userId,
        actorName: name,
        at: now,
        fromStatus: t.status,
        toStatus: 'draft',
        version: t.version + 1,
      });
    }
    await tx.valueEvent.createMany({ data: events });
    const refreshed = await refreshSubmission(tx, submission.id, { withdrawnAt: now, withdrawnById: actor.userId, updatedAt: now });
    await recordAudit(tx, actor, {
      event: 'reporting.withdrawn',
      targetType: 'submission',
      targetId: submission.id,
      before: { status: submission.status, version: submission.version },
      after: {
        unitId,
        month: data.month,
        status: refreshed.status,
        whole: only === null,
        values: values.map((v) => v.id),
        tasks: tasks.map((t) => t.id),
      },
    });
    return { submissionId: submission.id, ...refreshed, withdrawn: values.length + tasks.length };
  }, TX_OPTIONS);
}
