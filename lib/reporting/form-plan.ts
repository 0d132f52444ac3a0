// Pure: what saving a form (or confirming an Excel upload) would do, entry by entry: create, change, leave
// unchanged, or reject with a reason. The mutation applies the plan inside its transaction; the Excel preview shows
// it without writing. One planner for both, so the preview never promises what the save would refuse.
import type { IndicatorKind, TaskPartyRole, TaskProgress, ValueStatus } from '@/lib/generated/prisma/enums';
import type { Month } from '@/lib/periods';
import type { WindowState } from '@/lib/reporting/deadlines';
import type { ConflictDetail } from '@/lib/reporting/errors';
import type { ExpectedItem, ExpectedTask } from '@/lib/reporting/expected';
import { parseFigure, sameFigure, type FigureRules } from '@/lib/reporting/figures';
import { softChecks, type SoftWarning } from '@/lib/reporting/soft-checks';
import { canTransition, nextItemState, type ItemState } from '@/lib/reporting/state-machine';

export const MAX_COMMENT = 500;
export const MAX_NARRATIVE = 2000;

export interface FormItem extends ExpectedItem {
  rules: FigureRules;
  kind: IndicatorKind;
  /** Counted from the enterprise registry: only a `registry` write may set its figure (lib/mutations/registry/derived.ts). */
  registryCounted?: boolean;
}

export interface StoredItem {
  id: number;
  value: string;
  status: ValueStatus;
  version: number;
  comment: string | null;
  warnings: string[];
  updatedByName: string | null;
  updatedAt: Date | null;
}

export interface ValueEntry {
  key: string;
  /** As typed; blank means "not entered" (a stored figure is never cleared, its history stays). */
  value: unknown;
  /** The version the user started from; 0 when the field was empty. */
  version: number;
  /** undefined keeps the stored comment; '' removes it. */
  comment?: string | null;
}

export type RejectReason =
  | 'validation.unknownItem'
  | 'validation.locked'
  | 'validation.submittedReadOnly'
  | 'validation.closed'
  | 'validation.notOpen'
  | 'validation.stale'
  | 'validation.commentTooLong'
  | 'validation.leadOnly'
  | 'validation.responsibleOnly'
  | 'validation.narrativeTooLong'
  | 'validation.registryCounted'
  | `validation.${string}`;

export interface ValueWrite {
  kind: 'create' | 'change';
  key: string;
  item: FormItem;
  stored: StoredItem | null;
  value: string;
  comment: string | null;
  warnings: SoftWarning[];
  nextStatus: ValueStatus;
}

export type ValuePlan =
  | ValueWrite
  | { kind: 'unchanged'; key: string; item: FormItem; stored: StoredItem | null }
  | { kind: 'reject'; key: string; field: 'value' | 'comment'; reason: RejectReason; conflict?: ConflictDetail };

export interface PlanContext {
  window: WindowState;
  jumpThreshold: number;
  /** Where the figures come from; a typed one (not `registry`) is refused for a registry-counted indicator. */
  source?: 'manual' | 'import' | 'api' | 'registry';
}

function normaliseComment(comment: string | null | undefined, stored: string | null): string | null {
  if (comment === undefined) return stored;
  const trimmed = (comment ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function blocked(state: ItemState, window: WindowState): RejectReason {
  if (state === 'approved') return 'validation.locked';
  if (state === 'submitted') return 'validation.submittedReadOnly';
  return window === 'not_open' ? 'validation.notOpen' : 'validation.closed';
}

export function planValues(
  entries: ValueEntry[],
  items: Map<string, FormItem>,
  stored: Map<string, StoredItem>,
  previous: Map<string, { period: Month; value: number }>,
  ctx: PlanContext,
): ValuePlan[] {
  return entries.map((entry): ValuePlan => {
    const item = items.get(entry.key);
    if (!item) return { kind: 'reject', key: entry.key, field: 'value', reason: 'validation.unknownItem' };
    const current = stored.get(entry.key) ?? null;
    const blank = entry.value === undefined || entry.value === null || (typeof entry.value === 'string' && entry.value.trim() === '');
    if (blank && !current && (entry.comment ?? '').trim() !== '') return { kind: 'reject', key: entry.key, field: 'value', reason: 'validation.required' };
    if (blank && (entry.comment === undefined || !current)) return { kind: 'unchanged', key: entry.key, item, stored: current };

    let value: string;
    if (blank) value = current!.value;
    else {
      const parsed = parseFigure(entry.value, item.rules);
      if (!parsed.ok) return { kind: 'reject', key: entry.key, field: 'value', reason: parsed.error };
      value = parsed.value;
      // Its figure is the registry's count, written only by the fill (source `registry`). The stored figure sent back
      // unchanged (a downloaded template re-uploaded) is not a new figure; a comment may still be added.
      if (item.registryCounted && ctx.source !== 'registry' && !(current && sameFigure(current.value, value))) return { kind: 'reject', key: entry.key, field: 'value', reason: 'validation.registryCounted' };
    }
    const comment = normaliseComment(entry.comment, current?.comment ?? null);
    if (comment !== null && comment.length > MAX_COMMENT) return { kind: 'reject', key: entry.key, field: 'comment', reason: 'validation.commentTooLong' };
    if (current && sameFigure(current.value, value) && current.comment === comment) return { kind: 'unchanged', key: entry.key, item, stored: current };

    const startedFrom = current?.version ?? 0;
    if (entry.version !== startedFrom) {
      return {
        kind: 'reject',
        key: entry.key,
        field: 'value',
        reason: 'validation.stale',
        conflict: { field: `values.${entry.key}.value`, changedBy: current?.updatedByName ?? null, changedAt: current?.updatedAt ?? null },
      };
    }
    const state: ItemState = current?.status ?? 'none';
    if (!canTransition(state, 'save', ctx)) return { kind: 'reject', key: entry.key, field: 'value', reason: blocked(state, ctx.window) };
    const prev = previous.get(entry.key) ?? null;
    const warnings = softChecks({ kind: item.kind, period: item.period, value: Number(value), previous: prev, threshold: ctx.jumpThreshold });
    return {
      kind: current ? 'change' : 'create',
      key: entry.key,
      item,
      stored: current,
      value,
      comment,
      warnings,
      nextStatus: nextItemState(state, 'save', ctx),
    };
  });
}

export interface StoredTask {
  id: number;
  role: TaskPartyRole;
  progress: TaskProgress | null;
  narrative: string | null;
  note: string | null;
  status: ValueStatus;
  version: number;
  updatedByName: string | null;
  updatedAt: Date | null;
}

export interface TaskEntry {
  taskId: number;
  progress?: TaskProgress | null;
  narrative?: string | null;
  note?: string | null;
  version: number;
}

export interface TaskContent {
  progress: TaskProgress | null;
  narrative: string | null;
  note: string | null;
}

export interface TaskWrite {
  kind: 'create' | 'change';
  taskId: number;
  expected: ExpectedTask;
  stored: StoredTask | null;
  content: TaskContent;
  nextStatus: ValueStatus;
}

export type TaskPlan =
  | TaskWrite
  | { kind: 'unchanged'; taskId: number }
  | { kind: 'reject'; taskId: number; field: 'progress' | 'narrative' | 'note'; reason: RejectReason; conflict?: ConflictDetail };

const text = (entry: string | null | undefined, stored: string | null) => (entry === undefined ? stored : (entry ?? '').trim() || null);

export function planTasks(entries: TaskEntry[], expected: Map<number, ExpectedTask>, stored: Map<number, StoredTask>, ctx: PlanContext): TaskPlan[] {
  return entries.map((entry): TaskPlan => {
    const task = expected.get(entry.taskId);
    if (!task) return { kind: 'reject', taskId: entry.taskId, field: 'narrative', reason: 'validation.unknownItem' };
    const current = stored.get(entry.taskId) ?? null;
    if (task.role === 'responsible' && (entry.progress != null || (entry.narrative ?? '').trim() !== '')) {
      return { kind: 'reject', taskId: entry.taskId, field: entry.progress != null ? 'progress' : 'narrative', reason: 'validation.leadOnly' };
    }
    if (task.role === 'lead' && (entry.note ?? '').trim() !== '') return { kind: 'reject', taskId: entry.taskId, field: 'note', reason: 'validation.responsibleOnly' };
    const content: TaskContent = {
      progress: entry.progress === undefined ? (current?.progress ?? null) : entry.progress,
      narrative: text(entry.narrative, current?.narrative ?? null),
      note: text(entry.note, current?.note ?? null),
    };
    if ((content.narrative?.length ?? 0) > MAX_NARRATIVE) return { kind: 'reject', taskId: entry.taskId, field: 'narrative', reason: 'validation.narrativeTooLong' };
    if ((content.note?.length ?? 0) > MAX_COMMENT) return { kind: 'reject', taskId: entry.taskId, field: 'note', reason: 'validation.commentTooLong' };
    const same = current
      ? current.progress === content.progress && current.narrative === content.narrative && current.note === content.note
      : content.progress === null && content.narrative === null && content.note === null;
    if (same) return { kind: 'unchanged', taskId: entry.taskId };
    if (entry.version !== (current?.version ?? 0)) {
      return {
        kind: 'reject',
        taskId: entry.taskId,
        field: 'narrative',
        reason: 'validation.stale',
        conflict: { field: `tasks.${entry.taskId}.narrative`, changedBy: current?.updatedByName ?? null, changedAt: current?.updatedAt ?? null },
      };
    }
    const state: ItemState = current?.status ?? 'none';
    if (!canTransition(state, 'save', ctx)) return { kind: 'reject', taskId: entry.taskId, field: 'narrative', reason: blocked(state, ctx.window) };
    return { kind: current ? 'change' : 'create', taskId: entry.taskId, expected: task, stored: current, content, nextStatus: nextItemState(state, 'save', ctx) };
  });
}

/**
 * What stops a month from being submitted, per field: required figures not entered, warnings without a comment,
 * lead tasks without a status or a narrative.
 */
export function submitProblems(
  items: FormItem[],
  stored: Map<string, StoredItem>,
  tasks: ExpectedTask[],
  storedTasks: Map<number, StoredTask>,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, key: string) => (problems[field] ??= []).push(key);
  for (const item of items) {
    const current = stored.get(item.key);
    if (!current) {
      if (item.required) add(`values.${item.key}.value`, 'validation.required');
      continue;
    }
    if (current.warnings.length > 0 && !current.comment) add(`values.${item.key}.comment`, 'validation.commentRequired');
  }
  for (const task of tasks) {
    if (!task.required) continue;
    const current = storedTasks.get(task.taskId);
    if (!current?.progress) add(`tasks.${task.taskId}.progress`, 'validation.progressRequired');
    if (!current?.narrative) add(`tasks.${task.taskId}.narrative`, 'validation.narrativeRequired');
  }
  return problems;
}

/** Field errors of a plan's rejected entries (message keys), for a ReportValidationError. */
export function rejectionErrors(values: ValuePlan[], tasks: TaskPlan[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of values) if (p.kind === 'reject') (out[`values.${p.key}.${p.field}`] ??= []).push(p.reason);
  for (const p of tasks) if (p.kind === 'reject') (out[`tasks.${p.taskId}.${p.field}`] ??= []).push(p.reason);
  return out;
}
