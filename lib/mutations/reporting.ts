// Server only. Every function takes the acting user first. Monthly reporting: saving and submitting a unit's form,
// reviewing it, deadlines and reminders. Each write is one transaction: load → permission (with unit and submitter
// context) → state transition → write with a version check → ValueEvent rows + audit row. A reporter's unit is
// always the actor's own, never taken from input.
//
// Lock order, to rule out deadlocks: the Submission row first (SELECT … FOR UPDATE), then its figures and task
// reports. Every write to a form's items takes its submission's lock, so two saves of one unit's month run one
// after the other and the second sees the first's versions.
import 'server-only';
import type { Actor } from '@/lib/actor';
import { recordAudit, type AuditEvent } from '@/lib/audit';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ValueEventAction, ValueSource, ValueStatus } from '@/lib/generated/prisma/enums';
import { can, type Action } from '@/lib/permissions';
import {
  loadFirstReportingMonth,
  loadFormDefinition,
  getPlanStructure,
  loadPreviousValues,
  loadReportingSettings,
  loadStoredTasks,
  loadStoredValues,
  type Client,
  type FormDefinition,
} from '@/lib/queries/reporting-form';
import { defaultClosesAt, effectiveClosesAt, endOfCstDay, timeliness, windowState, type WindowState } from '@/lib/reporting/deadlines';
import { ReportValidationError, staleVersionError, type ConflictDetail } from '@/lib/reporting/errors';
import { planTasks, planValues, rejectionErrors, submitProblems, type TaskEntry, type TaskPlan, type TaskWrite, type ValueEntry, type ValuePlan, type ValueWrite } from '@/lib/reporting/form-plan';
import { REPORTING_SETTING_KEY } from '@/lib/reporting/settings';
import type { SoftWarning } from '@/lib/reporting/soft-checks';
import { nextItemState, permissionForAction, permissionForTask, submissionStatus, type ItemAction } from '@/lib/reporting/state-machine';
import {
  approveSubmissionSchema,
  approveTaskReportsSchema,
  approveValuesSchema,
  extendDeadlineSchema,
  markRemindersSeenSchema,
  reopenMonthSchema,
  reportingSettingsSchema,
  returnSubmissionSchema,
  returnTaskReportSchema,
  returnValueSchema,
  saveDraftSchema,
  saveTaskProgressSchema,
  sendReminderSchema,
  submitMonthSchema,
  unlockTaskReportSchema,
  unlockValueSchema,
  type ApproveSubmissionInput,
  type ApproveTaskReportsInput,
  type ApproveValuesInput,
  type ExtendDeadlineInput,
  type MarkRemindersSeenInput,
  type ReopenMonthInput,
  type ReportingSettingsInput,
  type ReturnSubmissionInput,
  type ReturnTaskReportInput,
  type ReturnValueInput,
  type SaveDraftRawInput,
  type SaveTaskProgressInput,
  type SendReminderInput,
  type SubmitMonthInput,
  type UnlockValueInput,
} from '@/lib/schemas/reporting';
import type { z } from 'zod';

type Tx = Prisma.TransactionClient;

/** Interactive transactions wait for a pooled connection under load (20 units saving at once) rather than fail. */
const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 } as const;

// ── Shared steps ───────────────────────────────────────────────────────────────────────────────────────────────

/** Domain functions check their input again: scripts and tests call them without an action in front. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  throw new ReportValidationError(fieldErrors);
}

function assertCan(actor: Actor, action: Action, context: Parameters<typeof can>[2] = {}, message?: [string, string]): void {
  if (!can(actor, action, context)) throw message ? new ForbiddenError(...message) : new ForbiddenError();
}

/** The reporter's unit is the actor's own: input never names it. */
function reporterUnit(actor: Actor, action: Action): number {
  if (actor.unitId === null) throw new ForbiddenError('您的账户未关联填报单位', 'Your account belongs to no reporting unit');
  assertCan(actor, action, { unitId: actor.unitId });
  return actor.unitId;
}

async function planIdOfUnit(client: Client, unitId: number): Promise<string> {
  const unit = await client.unit.findUnique({ where: { id: unitId }, select: { planId: true, kind: true } });
  if (!unit || unit.kind === 'region') throw new NotFoundError('单位不存在', 'No such unit');
  return unit.planId;
}

interface LockedSubmission {
  id: number;
  unitId: number;
  month: string;
  status: ValueStatus;
  version: number;
  firstSubmittedAt: Date | null;
  submittedById: number | null;
  extendedUntil: Date | null;
  reopened: boolean;
}

const submissionSelect = {
  id: true,
  unitId: true,
  month: true,
  status: true,
  version: true,
  firstSubmittedAt: true,
  submittedById: true,
  extendedUntil: true,
  reopened: true,
} as const;

/** The unit's submission for the month, created on first use, locked until the transaction ends. */
async function lockSubmission(tx: Tx, unitId: number, month: string, create = true): Promise<(LockedSubmission & { created: boolean }) | null> {
  const created = create ? (await tx.submission.createMany({ data: [{ unitId, month }], skipDuplicates: true })).count === 1 : false;
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Submission" WHERE "unitId" = ${unitId} AND "month" = ${month} FOR UPDATE`;
  if (locked.length === 0) return null;
  return { ...(await tx.submission.findUniqueOrThrow({ where: { id: locked[0].id }, select: submissionSelect })), created };
}

async function lockSubmissionsById(tx: Tx, ids: number[]): Promise<void> {
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) await tx.$queryRaw`SELECT "id" FROM "Submission" WHERE "id" = ${id} FOR UPDATE`;
}

/** Recomputes a submission's status from its items and moves its version: approval of "the whole" is bound to it. */
async function refreshSubmission(tx: Tx, submissionId: number, extra: Prisma.SubmissionUpdateInput = {}): Promise<{ status: ValueStatus; version: number }> {
  // Sequential: one connection per transaction, and node-postgres wants one query at a time on it.
  const values = await tx.indicatorValue.findMany({ where: { submissionId }, select: { status: true } });
  const tasks = await tx.taskReport.findMany({ where: { submissionId }, select: { status: true } });
  const status = submissionStatus([...values, ...tasks].map((i) => i.status));
  const updated = await tx.submission.update({ where: { id: submissionId }, data: { ...extra, status, version: { increment: 1 } }, select: { status: true, version: true } });
  return updated;
}

async function actorName(tx: Tx, actor: Actor): Promise<string> {
  if (actor.userId === null) return actor.username;
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } });
  return user?.displayName ?? actor.username;
}

/** "Changed by X at T" for a whole submission: the newest event on any of its items. */
async function lastChangeOf(tx: Tx, submissionId: number): Promise<ConflictDetail> {
  const last = await tx.valueEvent.findFirst({
    where: { OR: [{ value: { submissionId } }, { taskReport: { submissionId } }] },
    orderBy: { id: 'desc' },
    select: { actorName: true, at: true },
  });
  return { field: 'submission', changedBy: last?.actorName ?? null, changedAt: last?.at ?? null };
}

async function windowOf(client: Client, submission: Pick<LockedSubmission, 'month' | 'extendedUntil' | 'reopened'> | null, month: string, now: Date): Promise<WindowState> {
  const settings = await loadReportingSettings(client);
  return windowState(now, { month, dueDay: settings.dueDay, extendedUntil: submission?.extendedUntil ?? null, reopened: submission?.reopened ?? false });
}

type EventRow = Prisma.ValueEventCreateManyInput;

// ── The form: save, submit ─────────────────────────────────────────────────────────────────────────────────────

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
  source: Extract<ValueSource, 'manual' | 'import'>;
  /** Extra facts for the audit row (an upload's file hash and name). */
  audit?: Record<string, unknown>;
}

function toEntries(input: z.output<typeof saveDraftSchema>): { values: ValueEntry[]; tasks: TaskEntry[] } {
  return {
    values: Object.entries(input.values).map(([key, v]) => ({ key, value: v.value, version: v.version, comment: v.comment })),
    tasks: Object.entries(input.tasks).map(([taskId, t]) => ({ taskId: Number(taskId), progress: t.progress, narrative: t.narrative, note: t.note, version: t.version })),
  };
}

/** Saves the whole form (figures and task progress) as a draft. Unchanged fields are left alone. */
export async function saveDraft(actor: Actor, input: SaveDraftRawInput, clock: Clock = systemClock): Promise<SaveResult> {
  const data = parse(saveDraftSchema, input);
  const unitId = reporterUnit(actor, 'figure.enter');
  const entries = toEntries(data);
  if (entries.tasks.length > 0) reporterUnit(actor, 'task.reportProgress');
  return applyForm(actor, unitId, data.month, entries.values, entries.tasks, { source: 'manual' }, clock);
}

/** One task's progress on its own (the same rules as the whole form). */
export async function saveTaskProgress(actor: Actor, input: SaveTaskProgressInput, clock: Clock = systemClock): Promise<SaveResult> {
  const data = parse(saveTaskProgressSchema, input);
  const unitId = reporterUnit(actor, 'task.reportProgress');
  const entry: TaskEntry = { taskId: data.taskId, progress: data.progress, narrative: data.narrative, note: data.note, version: data.version };
  return applyForm(actor, unitId, data.month, [], [entry], { source: 'manual' }, clock);
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
  return db.$transaction(async (tx) => {
    const def = await loadFormDefinition(tx, structure, unitId, month);
    const submission = (await lockSubmission(tx, unitId, month))!;
    const settings = await loadReportingSettings(tx);
    const window = windowState(now, { month, dueDay: settings.dueDay, extendedUntil: submission.extendedUntil, reopened: submission.reopened });
    const stored = await loadStoredValues(tx, def);
    const previous = await loadPreviousValues(tx, def);
    const storedTasks = await loadStoredTasks(tx, unitId, month);
    const ctx = { window, jumpThreshold: settings.jumpThreshold };
    const valuePlans = planValues(valueEntries, def.itemMap, stored, previous, ctx);
    const taskPlans = planTasks(taskEntries, def.taskMap, storedTasks, ctx);
    throwRejections(valuePlans, taskPlans);

    const name = await actorName(tx, actor);
    const result = await writePlans(tx, actor, name, def, submission.id, valuePlans, taskPlans, options.source, now);
    if (result.created + result.changed === 0) {
      // A save that changes nothing leaves no trace, not even an empty submission.
      if (submission.created) await tx.submission.delete({ where: { id: submission.id } });
      return { ...result, submissionId: submission.created ? null : submission.id, version: submission.created ? 0 : submission.version, status: submission.status };
    }
    const refreshed = await refreshSubmission(tx, submission.id);
    await recordAudit(tx, actor, {
      event: options.source === 'import' ? 'reporting.import.confirmed' : 'reporting.draft.saved',
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
  }, TX_OPTIONS);
}

function throwRejections(valuePlans: ValuePlan[], taskPlans: TaskPlan[]): void {
  const rejects = [...valuePlans, ...taskPlans].filter((p) => p.kind === 'reject');
  if (rejects.length === 0) return;
  const stale = rejects.filter((p) => p.reason === 'validation.stale');
  if (stale.length === rejects.length) throw staleVersionError(stale.map((p) => p.conflict!).filter(Boolean));
  throw new ReportValidationError(rejectionErrors(valuePlans, taskPlans));
}

async function writePlans(
  tx: Tx,
  actor: Actor,
  name: string,
  def: FormDefinition,
  submissionId: number,
  valuePlans: ValuePlan[],
  taskPlans: TaskPlan[],
  source: ApplyOptions['source'],
  now: Date,
): Promise<Omit<SaveResult, 'submissionId' | 'version' | 'status'>> {
  const events: EventRow[] = [];
  const out: Omit<SaveResult, 'submissionId' | 'version' | 'status'> = { created: 0, changed: 0, unchanged: 0, values: {}, tasks: {} };
  const base = { actorId: actor.userId, actorName: name, at: now };

  const creates = valuePlans.filter((p): p is ValueWrite => p.kind === 'create');
  if (creates.length > 0) {
    const rows = await tx.indicatorValue.createManyAndReturn({
      data: creates.map((p) => ({
        indicatorId: p.item.indicatorId,
        unitId: p.item.subjectUnitId,
        reporterUnitId: def.unit.id,
        month: p.item.period,
        stage: p.item.stage,
        value: p.value,
        source,
        status: p.nextStatus,
        comment: p.comment,
        warnings: p.warnings,
        updatedById: actor.userId,
        submissionId,
      })),
      select: { id: true, indicatorId: true, unitId: true, month: true, stage: true, version: true, status: true },
    });
    const byKey = new Map(rows.map((r) => [`${r.indicatorId}|${r.unitId}|${r.month}|${r.stage}`, r]));
    for (const p of creates) {
      const row = byKey.get(`${p.item.indicatorId}|${p.item.subjectUnitId}|${p.item.period}|${p.item.stage}`)!;
      out.values[p.key] = { id: row.id, version: row.version, status: row.status, warnings: p.warnings };
      events.push({ ...base, valueId: row.id, action: source === 'import' ? 'imported' : 'entered', fromStatus: null, toStatus: row.status, oldValue: null, newValue: p.value, comment: p.comment, version: row.version });
    }
    out.created += creates.length;
  }

  const changes = valuePlans.filter((p): p is ValueWrite => p.kind === 'change');
  out.unchanged += valuePlans.filter((p) => p.kind === 'unchanged').length;
  if (changes.length > 0) {
    // One statement for every changed figure, each still bound to the version it was planned from.
    const rows = Prisma.join(
      changes.map((p) => {
        const leavesSubmitted = p.stored!.status === 'submitted' && p.nextStatus === 'draft';
        return Prisma.sql`(${p.stored!.id}::int, ${p.stored!.version}::int, ${p.value}::numeric, ${p.comment}::text, ${p.warnings}::text[], ${p.nextStatus}::text, ${leavesSubmitted}::boolean)`;
      }),
    );
    const updated = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "IndicatorValue" AS v SET
        "value" = d.value, "comment" = d.comment, "warnings" = d.warnings, "status" = d.status::"ValueStatus",
        "source" = ${source}::"ValueSource", "isDemo" = false, "submissionId" = ${submissionId}::int, "reporterUnitId" = ${def.unit.id}::int,
        "updatedById" = ${actor.userId}::int, "version" = v."version" + 1, "updatedAt" = now(),
        "submittedAt" = CASE WHEN d.leaves THEN NULL ELSE v."submittedAt" END,
        "submittedById" = CASE WHEN d.leaves THEN NULL ELSE v."submittedById" END
      FROM (VALUES ${rows}) AS d(id, version, value, comment, warnings, status, leaves)
      WHERE v."id" = d.id AND v."version" = d.version
      RETURNING v."id"`;
    if (updated.length !== changes.length) {
      const done = new Set(updated.map((r) => r.id));
      throw staleVersionError(changes.filter((p) => !done.has(p.stored!.id)).map((p) => ({ field: `values.${p.key}.value`, changedBy: p.stored!.updatedByName, changedAt: p.stored!.updatedAt })));
    }
    for (const p of changes) {
      const stored = p.stored!;
      out.values[p.key] = { id: stored.id, version: stored.version + 1, status: p.nextStatus, warnings: p.warnings };
      events.push({
        ...base,
        valueId: stored.id,
        action: source === 'import' ? 'imported' : 'changed',
        fromStatus: stored.status,
        toStatus: p.nextStatus,
        oldValue: stored.value,
        newValue: p.value,
        comment: p.comment,
        version: stored.version + 1,
      });
    }
    out.changed += changes.length;
  }

  out.unchanged += taskPlans.filter((p) => p.kind === 'unchanged').length;
  const taskCreates = taskPlans.filter((p): p is TaskWrite => p.kind === 'create');
  const taskChanges = taskPlans.filter((p): p is TaskWrite => p.kind === 'change');
  const written: { plan: TaskWrite; id: number; version: number }[] = [];
  if (taskCreates.length > 0) {
    const rows = await tx.taskReport.createManyAndReturn({
      data: taskCreates.map((p) => ({ taskId: p.taskId, unitId: def.unit.id, month: def.month, submissionId, role: p.expected.role, ...p.content, status: p.nextStatus, updatedById: actor.userId })),
      select: { id: true, taskId: true, version: true },
    });
    const byTask = new Map(rows.map((r) => [r.taskId, r]));
    for (const p of taskCreates) written.push({ plan: p, id: byTask.get(p.taskId)!.id, version: byTask.get(p.taskId)!.version });
    out.created += taskCreates.length;
  }
  if (taskChanges.length > 0) {
    const rows = Prisma.join(
      taskChanges.map((p) => {
        const leavesSubmitted = p.stored!.status === 'submitted' && p.nextStatus === 'draft';
        return Prisma.sql`(${p.stored!.id}::int, ${p.stored!.version}::int, ${p.content.progress}::text, ${p.content.narrative}::text, ${p.content.note}::text, ${p.nextStatus}::text, ${leavesSubmitted}::boolean)`;
      }),
    );
    const updated = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "TaskReport" AS t SET
        "progress" = d.progress::"TaskProgress", "narrative" = d.narrative, "note" = d.note, "status" = d.status::"ValueStatus",
        "updatedById" = ${actor.userId}::int, "version" = t."version" + 1, "updatedAt" = now(),
        "submittedAt" = CASE WHEN d.leaves THEN NULL ELSE t."submittedAt" END,
        "submittedById" = CASE WHEN d.leaves THEN NULL ELSE t."submittedById" END
      FROM (VALUES ${rows}) AS d(id, version, progress, narrative, note, status, leaves)
      WHERE t."id" = d.id AND t."version" = d.version
      RETURNING t."id"`;
    if (updated.length !== taskChanges.length) {
      const done = new Set(updated.map((r) => r.id));
      throw staleVersionError(taskChanges.filter((p) => !done.has(p.stored!.id)).map((p) => ({ field: `tasks.${p.taskId}.narrative`, changedBy: p.stored!.updatedByName, changedAt: p.stored!.updatedAt })));
    }
    for (const p of taskChanges) written.push({ plan: p, id: p.stored!.id, version: p.stored!.version + 1 });
    out.changed += taskChanges.length;
  }
  for (const { plan: p, id, version } of written) {
    const before = p.stored ? { progress: p.stored.progress, narrative: p.stored.narrative, note: p.stored.note } : null;
    out.tasks[String(p.taskId)] = { id, version, status: p.nextStatus };
    events.push({
      ...base,
      taskReportId: id,
      action: source === 'import' ? 'imported' : p.kind === 'create' ? 'entered' : 'changed',
      fromStatus: p.stored?.status ?? null,
      toStatus: p.nextStatus,
      detail: { before, after: { ...p.content } },
      version,
    });
  }
  if (events.length > 0) await tx.valueEvent.createMany({ data: events });
  return out;
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
export async function submitMonth(actor: Actor, input: SubmitMonthInput, clock: Clock = systemClock): Promise<SubmitResult> {
  const data = parse(submitMonthSchema, input);
  const unitId = reporterUnit(actor, 'figure.submit');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, unitId));
  const now = clock();
  return db.$transaction(async (tx) => {
    const def = await loadFormDefinition(tx, structure, unitId, data.month);
    if (def.tasks.length > 0) assertCan(actor, 'task.reportProgress', { unitId });
    const submission = await lockSubmission(tx, unitId, data.month, false);
    if (!submission) throw new InvalidTransitionError('本月尚未填报任何内容', 'Nothing has been entered for this month');
    if (submission.version !== data.version) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
    const settings = await loadReportingSettings(tx);
    const window = windowState(now, { month: data.month, dueDay: settings.dueDay, extendedUntil: submission.extendedUntil, reopened: submission.reopened });
    const stored = await loadStoredValues(tx, def);
    const storedTasks = await loadStoredTasks(tx, unitId, data.month);

    const problems = submitProblems(def.items, stored, def.tasks, storedTasks);
    if (Object.keys(problems).length > 0) throw new ReportValidationError(problems, '尚有必填项未完成，不能报送', 'Some required fields are not complete');

    const values = await tx.indicatorValue.findMany({ where: { submissionId: submission.id, status: { in: ['draft', 'returned'] } }, select: { id: true, status: true, version: true, value: true } });
    const tasks = await tx.taskReport.findMany({ where: { submissionId: submission.id, status: { in: ['draft', 'returned'] } }, select: { id: true, status: true, version: true } });
    if (values.length + tasks.length === 0) throw new InvalidTransitionError('没有需要报送的内容', 'Nothing to submit');
    const ctx = { window };
    for (const item of [...values, ...tasks]) nextItemState(item.status, 'submit', ctx);

    const name = await actorName(tx, actor);
    const events: EventRow[] = [];
    const submittedData = { status: 'submitted' as const, submittedAt: now, submittedById: actor.userId, returnReason: null, version: { increment: 1 } };
    for (const v of values) {
      const { count } = await tx.indicatorValue.updateMany({ where: { id: v.id, version: v.version }, data: submittedData });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({ valueId: v.id, action: 'submitted', actorId: actor.userId, actorName: name, at: now, fromStatus: v.status, toStatus: 'submitted', newValue: v.value, version: v.version + 1 });
    }
    for (const t of tasks) {
      const { count } = await tx.taskReport.updateMany({ where: { id: t.id, version: t.version }, data: submittedData });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submission.id)]);
      events.push({ taskReportId: t.id, action: 'submitted', actorId: actor.userId, actorName: name, at: now, fromStatus: t.status, toStatus: 'submitted', version: t.version + 1 });
    }
    await tx.valueEvent.createMany({ data: events });
    const firstSubmittedAt = submission.firstSubmittedAt ?? now;
    const closesAt = effectiveClosesAt({ month: data.month, dueDay: settings.dueDay, extendedUntil: submission.extendedUntil });
    const onTime = timeliness(now, closesAt, firstSubmittedAt) === 'on_time' ? 'on_time' : 'late';
    const refreshed = await refreshSubmission(tx, submission.id, { submittedAt: now, submittedById: actor.userId, firstSubmittedAt, reopened: false });
    await recordAudit(tx, actor, {
      event: 'reporting.submitted',
      targetType: 'submission',
      targetId: submission.id,
      before: { status: submission.status, version: submission.version },
      after: { unitId, month: data.month, status: refreshed.status, values: values.length, tasks: tasks.length, timeliness: onTime, resubmission: submission.firstSubmittedAt !== null },
    });
    return { submissionId: submission.id, ...refreshed, submitted: values.length + tasks.length, timeliness: onTime };
  }, TX_OPTIONS);
}

// ── Review ─────────────────────────────────────────────────────────────────────────────────────────────────────

type ReviewAction = Extract<ItemAction, 'approve' | 'return' | 'unlock'>;
type ItemKind = 'value' | 'task';

const reviewEvent: Record<ReviewAction, ValueEventAction> = { approve: 'approved', return: 'returned', unlock: 'unlocked' };
const reviewAudit: Record<ReviewAction, AuditEvent> = { approve: 'reporting.approved', return: 'reporting.returned', unlock: 'reporting.unlocked' };

export interface ReviewResult {
  items: { id: number; version: number; status: ValueStatus }[];
}

interface ReviewRow {
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
  const select = { id: true, status: true, version: true, submissionId: true, submittedById: true, updatedAt: true, updatedById: true } as const;
  return kind === 'value'
    ? tx.indicatorValue.findMany({ where: { id: { in: ids } }, select: { ...select, value: true } })
    : tx.taskReport.findMany({ where: { id: { in: ids } }, select });
}

function reviewPermission(kind: ItemKind, action: ReviewAction): Action {
  return kind === 'value' ? permissionForAction[action] : permissionForTask(action);
}

const ownSubmission: [string, string] = ['不能审核本人报送的数据', 'You cannot review what you submitted yourself'];

/**
 * Approves, returns or unlocks items, each bound to the version the reviewer saw. All or nothing: one stale or
 * invalid item fails the whole call with a message naming it.
 */
async function reviewItems(actor: Actor, kind: ItemKind, items: { id: number; version: number }[], action: ReviewAction, reason: string | null, clock: Clock): Promise<ReviewResult> {
  const permission = reviewPermission(kind, action);
  assertCan(actor, permission);
  const ids = [...new Set(items.map((i) => i.id))];
  if (ids.length !== items.length) throw new ReportValidationError({ items: ['validation.duplicateRow'] });
  const db = await getDb();
  const now = clock();
  return db.$transaction(async (tx) => {
    const first = await loadReviewRows(tx, kind, ids);
    if (first.length !== ids.length) throw new NotFoundError('数据不存在', 'No such figure');
    await lockSubmissionsById(tx, first.map((r) => r.submissionId).filter((id): id is number => id !== null));
    const rows = new Map((await loadReviewRows(tx, kind, ids)).map((r) => [r.id, r]));
    const names = await userNamesOf(tx, [...rows.values()].map((r) => r.updatedById));
    const conflicts: ConflictDetail[] = [];
    for (const item of items) {
      const row = rows.get(item.id)!;
      if (row.version !== item.version) {
        conflicts.push({ field: `items.${item.id}`, changedBy: row.updatedById ? (names.get(row.updatedById) ?? null) : null, changedAt: row.updatedAt });
      }
    }
    if (conflicts.length > 0) throw staleVersionError(conflicts);
    for (const item of items) {
      const row = rows.get(item.id)!;
      if (action !== 'unlock') assertCan(actor, permission, { submittedById: row.submittedById }, ownSubmission);
      nextItemState(row.status, action, { window: 'open' });
    }

    const name = await actorName(tx, actor);
    const events: EventRow[] = [];
    const result: ReviewResult = { items: [] };
    for (const item of items) {
      const row = rows.get(item.id)!;
      const to = nextItemState(row.status, action, { window: 'open' });
      const data =
        action === 'approve'
          ? { status: to, approvedAt: now, approvedById: actor.userId, returnReason: null, version: { increment: 1 } }
          : { status: to, returnReason: reason, approvedAt: null, approvedById: null, version: { increment: 1 } };
      const where = { id: row.id, version: row.version };
      const { count } = kind === 'value' ? await tx.indicatorValue.updateMany({ where, data }) : await tx.taskReport.updateMany({ where, data });
      if (count !== 1) throw staleVersionError([{ field: `items.${row.id}`, changedBy: null, changedAt: null }]);
      events.push({
        ...(kind === 'value' ? { valueId: row.id, oldValue: row.value, newValue: row.value } : { taskReportId: row.id }),
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
    const submissions = [...new Set([...rows.values()].map((r) => r.submissionId).filter((id): id is number => id !== null))];
    for (const id of submissions) await refreshSubmission(tx, id);
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
}

async function userNamesOf(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
}

export async function approveValues(actor: Actor, input: ApproveValuesInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(approveValuesSchema, input);
  return reviewItems(actor, 'value', data.items.map((i) => ({ id: i.valueId, version: i.version })), 'approve', null, clock);
}

export async function returnValue(actor: Actor, input: ReturnValueInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(returnValueSchema, input);
  return reviewItems(actor, 'value', [{ id: data.valueId, version: data.version }], 'return', data.reason, clock);
}

/** Only the bureau unlocks an approved figure, with a reason; the unit may then correct and resubmit it. */
export async function unlockValue(actor: Actor, input: UnlockValueInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(unlockValueSchema, input);
  return reviewItems(actor, 'value', [{ id: data.valueId, version: data.version }], 'unlock', data.reason, clock);
}

export async function approveTaskReports(actor: Actor, input: ApproveTaskReportsInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(approveTaskReportsSchema, input);
  return reviewItems(actor, 'task', data.items.map((i) => ({ id: i.taskReportId, version: i.version })), 'approve', null, clock);
}

export async function returnTaskReport(actor: Actor, input: ReturnTaskReportInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(returnTaskReportSchema, input);
  return reviewItems(actor, 'task', [{ id: data.taskReportId, version: data.version }], 'return', data.reason, clock);
}

export async function unlockTaskReport(actor: Actor, input: ReturnTaskReportInput, clock: Clock = systemClock): Promise<ReviewResult> {
  const data = parse(unlockTaskReportSchema, input);
  return reviewItems(actor, 'task', [{ id: data.taskReportId, version: data.version }], 'unlock', data.reason, clock);
}

/** Approves or returns every submitted item of a submission, bound to the submission version the reviewer saw. */
async function reviewSubmission(actor: Actor, submissionId: number, version: number, action: 'approve' | 'return', reason: string | null, clock: Clock): Promise<ReviewResult & { status: ValueStatus; version: number }> {
  assertCan(actor, 'figure.review');
  const db = await getDb();
  const now = clock();
  return db.$transaction(async (tx) => {
    await lockSubmissionsById(tx, [submissionId]);
    const submission = await tx.submission.findUnique({ where: { id: submissionId }, select: submissionSelect });
    if (!submission) throw new NotFoundError('报表不存在', 'No such submission');
    if (submission.version !== version) throw staleVersionError([await lastChangeOf(tx, submissionId)]);
    const values = await tx.indicatorValue.findMany({ where: { submissionId, status: 'submitted' }, select: { id: true, status: true, version: true, submittedById: true, value: true } });
    const tasks = await tx.taskReport.findMany({ where: { submissionId, status: 'submitted' }, select: { id: true, status: true, version: true, submittedById: true } });
    if (values.length + tasks.length === 0) throw new InvalidTransitionError('没有待审核的内容', 'Nothing is awaiting review');
    for (const item of [...values, ...tasks]) assertCan(actor, 'figure.review', { submittedById: item.submittedById }, ownSubmission);

    const name = await actorName(tx, actor);
    const to = nextItemState('submitted', action, { window: 'open' });
    const data =
      action === 'approve'
        ? { status: to, approvedAt: now, approvedById: actor.userId, returnReason: null, version: { increment: 1 } }
        : { status: to, returnReason: reason, version: { increment: 1 } };
    const events: EventRow[] = [];
    const result: ReviewResult = { items: [] };
    for (const v of values) {
      const { count } = await tx.indicatorValue.updateMany({ where: { id: v.id, version: v.version, status: 'submitted' }, data });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submissionId)]);
      events.push({ valueId: v.id, action: reviewEvent[action], actorId: actor.userId, actorName: name, at: now, fromStatus: 'submitted', toStatus: to, oldValue: v.value, newValue: v.value, reason, version: v.version + 1 });
      result.items.push({ id: v.id, version: v.version + 1, status: to });
    }
    for (const t of tasks) {
      const { count } = await tx.taskReport.updateMany({ where: { id: t.id, version: t.version, status: 'submitted' }, data });
      if (count !== 1) throw staleVersionError([await lastChangeOf(tx, submissionId)]);
      events.push({ taskReportId: t.id, action: reviewEvent[action], actorId: actor.userId, actorName: name, at: now, fromStatus: 'submitted', toStatus: to, reason, version: t.version + 1 });
    }
    await tx.valueEvent.createMany({ data: events });
    const refreshed = await refreshSubmission(tx, submissionId);
    await recordAudit(tx, actor, {
      event: action === 'approve' ? 'reporting.submission.approved' : 'reporting.submission.returned',
      targetType: 'submission',
      targetId: submissionId,
      reason: reason ?? undefined,
      before: { status: submission.status, version: submission.version },
      after: { unitId: submission.unitId, month: submission.month, status: refreshed.status, values: values.length, tasks: tasks.length },
    });
    return { ...result, ...refreshed };
  }, TX_OPTIONS);
}

export async function approveSubmission(actor: Actor, input: ApproveSubmissionInput, clock: Clock = systemClock) {
  const data = parse(approveSubmissionSchema, input);
  return reviewSubmission(actor, data.submissionId, data.version, 'approve', null, clock);
}

export async function returnSubmission(actor: Actor, input: ReturnSubmissionInput, clock: Clock = systemClock) {
  const data = parse(returnSubmissionSchema, input);
  return reviewSubmission(actor, data.submissionId, data.version, 'return', data.reason, clock);
}

// ── Deadlines, reopening, settings ─────────────────────────────────────────────────────────────────────────────

/** Extends one unit's deadline for one month (end of the given CST day). On time is then judged against it. */
export async function extendDeadline(actor: Actor, input: ExtendDeadlineInput, clock: Clock = systemClock): Promise<{ submissionId: number; closesAt: Date }> {
  const data = parse(extendDeadlineSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, data.unitId));
  await loadFormDefinition(db, structure, data.unitId, data.month);
  const closesAt = endOfCstDay(data.until);
  return db.$transaction(async (tx) => {
    const settings = await loadReportingSettings(tx);
    if (closesAt <= defaultClosesAt(data.month, settings.dueDay)) throw new ReportValidationError({ until: ['validation.extensionTooEarly'] });
    const submission = (await lockSubmission(tx, data.unitId, data.month))!;
    await tx.submission.update({
      where: { id: submission.id },
      // Not the version: it tracks the items a reviewer approves and a reporter submits, which did not change.
      data: { extendedUntil: closesAt, extensionReason: data.reason, extendedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      event: 'reporting.deadline.extended',
      targetType: 'submission',
      targetId: submission.id,
      reason: data.reason,
      before: { extendedUntil: submission.extendedUntil },
      after: { unitId: data.unitId, month: data.month, extendedUntil: closesAt, at: clock() },
    });
    return { submissionId: submission.id, closesAt };
  }, TX_OPTIONS);
}

/** Reopens a closed month for one unit, with a reason, until its next submit. A late report stays late. */
export async function reopenMonth(actor: Actor, input: ReopenMonthInput, clock: Clock = systemClock): Promise<{ submissionId: number }> {
  const data = parse(reopenMonthSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  const structure = await getPlanStructure(db, await planIdOfUnit(db, data.unitId));
  await loadFormDefinition(db, structure, data.unitId, data.month);
  const now = clock();
  return db.$transaction(async (tx) => {
    const submission = (await lockSubmission(tx, data.unitId, data.month))!;
    const window = await windowOf(tx, submission, data.month, now);
    if (window === 'open' || window === 'not_open') throw new InvalidTransitionError('尚未过截止时间，无需重新开放', 'The month is not closed yet');
    if (window === 'reopened') throw new InvalidTransitionError('该月已重新开放', 'The month is already reopened');
    await tx.submission.update({
      where: { id: submission.id },
      data: { reopened: true, reopenReason: data.reason, reopenedAt: now, reopenedById: actor.userId },
    });
    await recordAudit(tx, actor, { event: 'reporting.reopened', targetType: 'submission', targetId: submission.id, reason: data.reason, after: { unitId: data.unitId, month: data.month } });
    return { submissionId: submission.id };
  }, TX_OPTIONS);
}

export async function updateReportingSettings(actor: Actor, input: ReportingSettingsInput): Promise<{ version: number }> {
  const data = parse(reportingSettingsSchema, input);
  assertCan(actor, 'reporting.manageDeadlines');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await loadReportingSettings(tx);
    const value = { dueDay: data.dueDay, jumpThreshold: data.jumpThresholdPercent / 100, firstMonth: data.firstMonth };
    if (before.version === 0 && data.version === 0) {
      const created = await tx.appSetting.createMany({ data: [{ key: REPORTING_SETTING_KEY, value }], skipDuplicates: true });
      if (created.count !== 1) throw staleVersionError([{ field: 'settings', changedBy: null, changedAt: null }]);
    } else {
      const { count } = await tx.appSetting.updateMany({ where: { key: REPORTING_SETTING_KEY, version: data.version }, data: { value, version: { increment: 1 } } });
      if (count !== 1) throw staleVersionError([{ field: 'settings', changedBy: null, changedAt: null }]);
    }
    const { version: _v, ...was } = before;
    await recordAudit(tx, actor, { event: 'reporting.settings.changed', targetType: 'setting', targetId: REPORTING_SETTING_KEY, before: was, after: value });
    return { version: data.version + 1 };
  });
}

// ── Reminders (催办) ───────────────────────────────────────────────────────────────────────────────────────────

/** A second click within this window sends nothing new: one reminder per unit and month is enough. */
const REMINDER_DEDUP_MS = 10 * 60 * 1000;

export interface ReminderResult {
  sent: { unitId: number; reminderId: number }[];
  skipped: { unitId: number; reason: 'alreadySubmitted' | 'recentlyReminded' | 'notExpected' }[];
}

/** 催办: reminds units that have not submitted a month (or have returned items), recorded, shown to their users. */
export async function sendReminder(actor: Actor, input: SendReminderInput, clock: Clock = systemClock): Promise<ReminderResult> {
  const data = parse(sendReminderSchema, input);
  assertCan(actor, 'reporting.remind');
  const db = await getDb();
  const now = clock();
  const unitIds = [...new Set(data.unitIds)];
  const planIds = new Set(await Promise.all(unitIds.map((id) => planIdOfUnit(db, id))));
  const structures = new Map(await Promise.all([...planIds].map(async (id) => [id, await getPlanStructure(db, id)] as const)));
  const settings = await loadReportingSettings(db);
  const firstMonths = new Map(await Promise.all([...structures].map(async ([id, s]) => [id, await loadFirstReportingMonth(db, s, settings)] as const)));
  return db.$transaction(async (tx) => {
    const name = await actorName(tx, actor);
    const result: ReminderResult = { sent: [], skipped: [] };
    for (const unitId of unitIds) {
      const structure = [...structures.values()].find((s) => s.units.has(unitId))!;
      const def = await loadFormDefinition(tx, structure, unitId, data.month);
      if (!def.items.some((i) => i.required) && !def.tasks.some((t) => t.required)) {
        result.skipped.push({ unitId, reason: 'notExpected' });
        continue;
      }
      const first = firstMonths.get(structure.planId);
      if (!first || data.month < first) {
        result.skipped.push({ unitId, reason: 'notExpected' });
        continue;
      }
      const submission = await tx.submission.findUnique({ where: { unitId_month: { unitId, month: data.month } }, select: { firstSubmittedAt: true, status: true } });
      if (submission?.firstSubmittedAt && submission.status !== 'returned' && submission.status !== 'draft') {
        result.skipped.push({ unitId, reason: 'alreadySubmitted' });
        continue;
      }
      const recent = await tx.reminder.findFirst({ where: { unitId, month: data.month, sentAt: { gt: new Date(now.getTime() - REMINDER_DEDUP_MS) } }, select: { id: true } });
      if (recent) {
        result.skipped.push({ unitId, reason: 'recentlyReminded' });
        continue;
      }
      const reminder = await tx.reminder.create({ data: { unitId, month: data.month, message: data.message || null, sentAt: now, sentById: actor.userId, sentByName: name }, select: { id: true } });
      await recordAudit(tx, actor, { event: 'reporting.reminder.sent', targetType: 'reminder', targetId: reminder.id, after: { unitId, month: data.month, message: data.message ?? null } });
      result.sent.push({ unitId, reminderId: reminder.id });
    }
    return result;
  }, TX_OPTIONS);
}

/** A user of the reminded unit has seen the reminders (each user acknowledges for themself). */
export async function markRemindersSeen(actor: Actor, input: MarkRemindersSeenInput, clock: Clock = systemClock): Promise<{ seen: number }> {
  const data = parse(markRemindersSeenSchema, input);
  if (actor.userId === null || actor.unitId === null) throw new ForbiddenError();
  const db = await getDb();
  const reminders = await db.reminder.findMany({ where: { id: { in: data.reminderIds } }, select: { id: true, unitId: true } });
  if (reminders.length !== new Set(data.reminderIds).size) throw new NotFoundError('催办记录不存在', 'No such reminder');
  if (reminders.some((r) => r.unitId !== actor.unitId)) throw new ForbiddenError();
  const { count } = await db.reminderReceipt.createMany({ data: reminders.map((r) => ({ reminderId: r.id, userId: actor.userId!, seenAt: clock() })), skipDuplicates: true });
  return { seen: count };
}
