// Server only. Every function takes the acting user first. The reporter's monthly form: saving it as a draft (by
// hand or from an Excel upload) and submitting it. Each write is one transaction: load → permission (with unit
// context) → state transition → write with a version check → ValueEvent rows + audit row. A reporter's unit is
// always the actor's own, never taken from input.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit, type AuditEvent } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { InvalidTransitionError } from '@/lib/errors';
import type { ValueSource, ValueStatus } from '@/lib/generated/prisma/enums';
import {
  loadFormDefinition,
  loadPreviousValues,
  loadReportingSettings,
  loadStoredTasks,
  loadStoredValues,
} from '@/lib/mutations/reporting/form-store';
import { writePlans } from '@/lib/mutations/reporting/form-write';
import { getPlanStructure, type PlanStructure } from '@/lib/mutations/reporting/plan-structure';
import {
  actorName,
  assertCan,
  lastChangeOf,
  lockSubmission,
  parse,
  planIdOfUnit,
  refreshSubmission,
  reporterUnit,
  TX_OPTIONS,
  type EventRow,
  type Tx,
} from '@/lib/mutations/reporting/store';
import { effectiveClosesAt, timeliness, windowState } from '@/lib/reporting/deadlines';
import { ReportValidationError, staleVersionError } from '@/lib/reporting/errors';
import {
  planTasks,
  planValues,
  rejectionErrors,
  submitProblems,
  type TaskEntry,
  type TaskPlan,
  type ValueEntry,
  type ValuePlan,
} from '@/lib/reporting/form-plan';
import type { SoftWarning } from '@/lib/reporting/soft-checks';
import { nextItemState } from '@/lib/reporting/state-machine';
import {
  saveDraftSchema,
  submitMonthSchema,
  type SaveDraftRawInput,
  type SubmitMonthInput,
} from '@/lib/schemas/reporting';
import type { z } from 'zod';

export interface SaveResult {
  /** null when nothing was written for a month that had no submission yet. */
  submissionId: number | null;
  /** The submission's version after the save: the next submit names it. */
  version: number;
  status: ValueStatus;
  created: number;
  changed: number;
  unchanged: number;
  /** Each saved figure's new id, version and status, so the page can go on without reloading. */
  values: Record<string, { id: number; version: number; status: ValueStatus; warnings: SoftWarning[] }>;
  tasks: Record<string, { id: number; version: number; status: ValueStatus }>;
}

export interface ApplyOptions {
  /** 'registry': figures filled from the enterprise registry's count (lib/mutations/registry/derived.ts). */
  source: Extract<ValueSource, 'manual' | 'import' | 'api' | 'registry'>;
  /** Entries carry no version: each starts from the stored one (an API push; the submission lock orders writers). */
  startFromStored?: boolean;
  /** Extra facts for the audit row (an upload's file hash and name). */
  audit?: Record<string, unknown>;
}

/** What the audit log calls a write from each source: a registry fill or an upload is not a figure typed into the form. */
const AUDIT_EVENT_BY_SOURCE: Record<ApplyOptions['source'], AuditEvent> = {
  manual: 'reporting.draft.saved',
  import: 'reporting.import.confirmed',
  api: 'reporting.api.pushed',
  registry: 'reporting.registry.filled',
};

function toEntries(input: z.output<typeof saveDraftSchema>): { values: ValueEntry[]; tasks: TaskEntry[] } {
  return {
    values: Object.entries(input.values).map(([key, v]) => ({
      key,
      value: v.value,
      version: v.version,
      comment: v.comment,
    })),
    tasks: Object.entries(input.tasks).map(([taskId, t]) => ({
      taskId: Number(taskId),
      progress: t.progress,
      narrative: t.narrative,
      note: t.note,
      version: t.version,
    })),
  };
}

/** Saves the whole form (figures and task progress) as a draft. Unchanged fields are left alone. */
export async function saveDraft(
  actor: Actor,
  input: SaveDraftRawInput,
  clock: Clock = systemClock,
): Promise<SaveResult> {
  const data = parse(saveDraftSchema, input);
  const unitId = reporterUnit(actor, 'figure.enter');
  const entries = toEntries(data);
  if (entries.tasks.length > 0) reporterUnit(actor, 'task.reportProgress');
  return applyForm(actor, unitId, data.month, entries.values, entries.tasks, { source: 'manual' }, clock);
}

/**
 * Plans the entries against what is stored (under the submission's lock) and writes them, all or nothing. Invalid
 * entries fail with per-field messages; entries started from an older version fail with "changed by X at T". Shared
 * by saveDraft and the Excel import; checks again that the actor may write for `unitId`.
 */
export async function applyForm(
  actor: Actor,
  unitId: number,
  month: string,
  valueEntries: ValueEntry[],
  taskEntries: TaskEntry[],
  options: ApplyOptions,
  clock: Clock,
): Promise<SaveResult> {
  assertCan(actor, options.source === 'import' ? 'figure.import' : 'figure.enter', { unitId });
  if (taskEntries.length > 0) assertCan(actor, 'task.reportProgress', { unitId });
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, unitId));
  const now = clock();
  return db.$transaction((tx) => applyFormIn(tx, actor, structure, unitId, month, valueEntries, taskEntries, options, now), TX_OPTIONS);
}

/**
 * applyForm's transaction body, for a caller that adds its own steps to the same transaction (the API's push
 * submits what it saved and records its idempotency row). The caller has checked the permission for `unitId`.
 */
export async function applyFormIn(
  tx: Tx,
  actor: Actor,
  structure: PlanStructure,
  unitId: number,
  month: string,
  valueEntries: ValueEntry[],
  taskEntries: TaskEntry[],
  options: ApplyOptions,
  now: Date,
): Promise<SaveResult> {
  const def = await loadFormDefinition(tx, structure, unitId, month);
  const submission = (await lockSubmission(tx, unitId, month, true, now))!;
  const settings = await loadReportingSettings(tx);
  const window = windowState(now, {
    month,
    dueDay: settings.dueDay,
    extendedUntil: submission.extendedUntil,
    reopened: submission.reopened,
  });
  const stored = await loadStoredValues(tx, def);
  const previous = await loadPreviousValues(tx, def);
  const storedTasks = await loadStoredTasks(tx, unitId, month);
  const ctx = { window, jumpThreshold: settings.jumpThreshold, source: options.source };
  // A client system pushes figures, not edits of a form it saw: it starts from whatever is stored.
  const entries = options.startFromStored ? valueEntries.map((e) => ({ ...e, version: stored.get(e.key)?.version ?? 0 })) : valueEntries;
  const valuePlans = planValues(entries, def.itemMap, stored, previous, ctx);
  const taskPlans = planTasks(taskEntries, def.taskMap, storedTasks, ctx);
  throwRejections(valuePlans, taskPlans);

  const name = await actorName(tx, actor);
  const result = await writePlans(tx, actor, name, def, submission.id, valuePlans, taskPlans, options.source, now);
  if (result.created + result.changed === 0) {
    // A save that changes nothing leaves no trace, not even an empty submission.
    if (submission.created) await tx.submission.delete({ where: { id: submission.id } });
    return {
      ...result,
      submissionId: submission.created ? null : submission.id,
      version: submission.created ? 0 : submission.version,
      status: submission.status,
    };
  }
  const refreshed = await refreshSubmission(tx, submission.id, {}, now);
  await recordAudit(tx, actor, {
    event: AUDIT_EVENT_BY_SOURCE[options.source],
    targetType: 'submission',
    targetId: submission.id,
    after: {
      unitId,
      month,
      created: result.created,
      changed: result.changed,
      values: Object.keys(result.values),
      tasks: Object.keys(result.tasks).map(Number),
      ...options.audit,
    },
  });
  return { ...result, submissionId: submission.id, ...refreshed };
}

function throwRejections(valuePlans: ValuePlan[], taskPlans: TaskPlan[]): void {
  const rejects = [...valuePlans, ...taskPlans].filter((p) => p.kind === 'reject');
  if (rejects.length === 0) return;
  const stale = rejects.filter((p) => p.reason === 'validation.stale');
  if (stale.length === rejects.length) throw staleVersionError(stale.map((p) => p.conflict!).filter(Boolean));
  throw new ReportValidationError(rejectionErrors(valuePlans, taskPlans));
}

export interface SubmitResult {
  submissionId: number;
  version: number;
  status: ValueStatus;
  submitted: number;
  timeliness: 'on_time' | 'late';
}

/**
 * Submits the unit's month: every draft and returned item becomes submitted. Refused with per-field messages while a
 * required figure or a lead task's progress is missing, or a warning has no comment; bound to the submission version
 * the user saw.
 */
export async function submitMonth(
  actor: Actor,
  input: SubmitMonthInput,
  clock: Clock = systemClock,
): Promise<SubmitResult> {
  const data = parse(submitMonthSchema, input);
  const unitId = reporterUnit(actor, 'figure.submit');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, unitId));
  const now = clock();
  return db.$transaction(async (tx) => {
    const def = await loadFormDefinition(tx, structure, unitId, data.month);
    if (def.tasks.length > 0) assertCan(actor, 'task.reportProgress', { unitId });
    const submission = await lockSubmission(tx, unitId, data.month, false, now);
    if (!submission)
      throw new InvalidTransitionError('本月尚未填报任何内容', 'Nothing has been entered for this month');
    if (submission.version !== data.version) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
    const settings = await loadReportingSettings(tx);
    const window = windowState(now, {
      month: data.month,
      dueDay: settings.dueDay,
      extendedUntil: submission.extendedUntil,
      reopened: submission.reopened,
    });
    const stored = await loadStoredValues(tx, def);
    const storedTasks = await loadStoredTasks(tx, unitId, data.month);

    const problems = submitProblems(def.items, stored, def.tasks, storedTasks);
    if (Object.keys(problems).length > 0)
      throw new ReportValidationError(problems, '尚有必填项未完成，不能报送', 'Some required fields are not complete');

    const values = await tx.indicatorValue.findMany({
      where: { submissionId: submission.id, status: { in: ['draft', 'returned'] } },
      select: { id: true, status: true, version: true, value: true },
    });
    const tasks = await tx.taskReport.findMany({
      where: { submissionId: submission.id, status: { in: ['draft', 'returned'] } },
      select: { id: true, status: true, version: true },
    });
    if (values.length + tasks.length === 0) throw new InvalidTransitionError('没有需要报送的内容', 'Nothing to submit');
    const ctx = { window };
    for (const item of [...values, ...tasks]) nextItemState(item.status, 'submit', ctx);

    const name = await actorName(tx, actor);
    const events: EventRow[] = [];
    const submittedData = {
      status: 'submitted' as const,
      submittedAt: now,
      submittedById: actor.userId,
      returnReason: null,
      updatedAt: now,
      version: { increment: 1 },
    };
    for (const v of values) {
      const { count } = await tx.indicatorValue.updateMany({
        where: { id: v.id, version: v.version },
        data: submittedData,
      });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({
        valueId: v.id,
        action: 'submitted',
        actorId: actor.userId,
        actorName: name,
        at: now,
        fromStatus: v.status,
        toStatus: 'submitted',
        newValue: v.value,
        version: v.version + 1,
      });
    }
    for (const t of tasks) {
      const { count } = await tx.taskReport.updateMany({
        where: { id: t.id, version: t.version },
        data: submittedData,
      });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({
        taskReportId: t.id,
        action: 'submitted',
        actorId: actor.userId,
        actorName: name,
        at: now,
        fromStatus: t.status,
        toStatus: 'submitted',
        version: t.version + 1,
      });
    }
    await tx.valueEvent.createMany({ data: events });
    const firstSubmittedAt = submission.firstSubmittedAt ?? now;
    const closesAt = effectiveClosesAt({
      month: data.month,
      dueDay: settings.dueDay,
      extendedUntil: submission.extendedUntil,
    });
    const onTime = timeliness(now, closesAt, firstSubmittedAt) === 'on_time' ? 'on_time' : 'late';
    const refreshed = await refreshSubmission(tx, submission.id, {
      submittedAt: now,
      submittedById: actor.userId,
      firstSubmittedAt,
      reopened: false,
      withdrawnAt: null,
      withdrawnById: null,
    }, now);
    await recordAudit(tx, actor, {
      event: 'reporting.submitted',
      targetType: 'submission',
      targetId: submission.id,
      before: { status: submission.status, version: submission.version },
      after: {
        unitId,
        month: data.month,
        status: refreshed.status,
        values: values.length,
        tasks: tasks.length,
        timeliness: onTime,
        resubmission: submission.firstSubmittedAt !== null,
      },
    });
    return { submissionId: submission.id, ...refreshed, submitted: values.length + tasks.length, timeliness: onTime };
  }, TX_OPTIONS);
}
