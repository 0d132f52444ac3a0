// Pure: input schemas of monthly reporting, shared by forms, server actions and domain functions. `.strict()`
// everywhere: no status, unit or reviewer field can ride along. Messages are keys of the `validation` namespace
// (lib/i18n/messages/*/validation.json), shown in the user's language by parseInput.
import { z } from 'zod';
import { isDateString } from '@/lib/reporting/deadlines';
import { MAX_COMMENT, MAX_NARRATIVE } from '@/lib/reporting/form-plan';
import { parseFigure, type FigureRules } from '@/lib/reporting/figures';
import { ITEM_KEY_RE, TASK_KEY_RE } from '@/lib/reporting/keys';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/schemas/text';

const MAX_INT = 2_147_483_647;
/** More entries than any unit's form has (the largest has ~90), small enough to bound the work of one request. */
export const MAX_FORM_ENTRIES = 2_000;

export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.month');
const idField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(1, 'validation.number').max(MAX_INT, 'validation.number');
const versionField = z.coerce.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.number').max(MAX_INT, 'validation.number');
export const reasonField = z.string('validation.reasonRequired').trim().min(2, 'validation.reasonRequired').max(500, 'validation.reasonTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE);

/** A single form value arrives as a string, several as an array (formDataToObject). */
function listOf<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item, 'validation.required').min(1, 'validation.required').max(max, 'validation.tooManyEntries'),
  );
}

/** "12@3" (id 12 at version 3), as a checkbox value in a review list, or {id, version}. */
function idAtVersion(raw: unknown, idKey: string): unknown {
  if (typeof raw !== 'string') return raw;
  const m = /^(\d{1,10})@(\d{1,10})$/.exec(raw.trim());
  return m ? { [idKey]: m[1], version: m[2] } : raw;
}
const valueAtVersion = z.preprocess((v) => idAtVersion(v, 'valueId'), z.object({ valueId: idField, version: versionField }).strict());
const taskReportAtVersion = z.preprocess((v) => idAtVersion(v, 'taskReportId'), z.object({ taskReportId: idField, version: versionField }).strict());

// ── The monthly form ──────────────────────────────────────────────────────────────────────────────────────────

const valueEntrySchema = z
  .object({
    value: z.union([z.string().max(64, 'validation.number'), z.number()]).optional(),
    version: versionField,
    comment: z.string().max(MAX_COMMENT, 'validation.commentTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
  })
  .strict();

export const taskProgressValues = ['on_track', 'behind', 'done'] as const;
const progressField = z
  .enum([...taskProgressValues, ''], 'validation.progress')
  .optional()
  .transform((v) => (v === '' ? null : v));

const taskEntrySchema = z
  .object({
    progress: progressField,
    narrative: z.string().max(MAX_NARRATIVE, 'validation.narrativeTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
    note: z.string().max(MAX_COMMENT, 'validation.commentTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
    version: versionField,
  })
  .strict();

/** A key that is no item of any form. (Zod drops `__proto__` keys of records silently: they never reach the code.) */
const unknownKey = (issue: { code?: string }) => (issue.code === 'invalid_key' ? 'validation.unknownItem' : undefined);

/**
 * Saving the whole form as a draft: values keyed by item key (indicator code : subject unit id : period : stage),
 * tasks keyed by task id, each with the version the user started from (0 for an empty field). The unit is never
 * part of the input: it is the acting user's.
 */
export const saveDraftSchema = z
  .object({
    month: monthField,
    values: z.record(z.string().regex(ITEM_KEY_RE), valueEntrySchema, { error: unknownKey }).default({}),
    tasks: z.record(z.string().regex(TASK_KEY_RE), taskEntrySchema, { error: unknownKey }).default({}),
  })
  .strict()
  .refine((input) => Object.keys(input.values).length + Object.keys(input.tasks).length <= MAX_FORM_ENTRIES, 'validation.tooManyEntries');

export type SaveDraftInput = z.output<typeof saveDraftSchema>;
export type SaveDraftRawInput = z.input<typeof saveDraftSchema>;

/**
 * The same schema, checking each figure against its indicator's rules (unit, decimals), so the action can show a
 * message next to each field before the domain function checks again.
 */
export function saveDraftSchemaFor(rules: ReadonlyMap<string, FigureRules>) {
  return saveDraftSchema.superRefine((input, ctx) => {
    for (const [key, entry] of Object.entries(input.values)) {
      const itemRules = rules.get(key);
      if (!itemRules) {
        ctx.addIssue({ code: 'custom', path: ['values', key, 'value'], message: 'validation.unknownItem' });
        continue;
      }
      if (entry.value === undefined || (typeof entry.value === 'string' && entry.value.trim() === '')) continue;
      const parsed = parseFigure(entry.value, itemRules);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['values', key, 'value'], message: parsed.error });
    }
  });
}


/** Submitting is bound to the submission version the user saw (0 when nothing was saved yet). */
export const submitMonthSchema = z.object({ month: monthField, version: versionField }).strict();
export type SubmitMonthInput = z.output<typeof submitMonthSchema>;

/**
 * 撤回: the submission version the reporter saw, and optionally one item (`v:<value id>` or `t:<task report id>`);
 * without one, everything still awaiting review.
 */
export const withdrawSchema = z
  .object({
    month: monthField,
    version: versionField,
    // Ten digits reach past PostgreSQL's integer ids: an item beyond them names nothing, like any unknown item.
    item: z
      .string()
      .regex(/^[vt]:\d{1,10}$/, 'validation.unknownItem')
      .refine((v) => Number(v.slice(2)) <= MAX_INT, 'validation.unknownItem')
      .optional(),
  })
  .strict();
export type WithdrawRawInput = z.input<typeof withdrawSchema>;

// ── Review ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const approveValuesSchema = z.object({ items: listOf(valueAtVersion, 1_000) }).strict();
export type ApproveValuesInput = z.output<typeof approveValuesSchema>;

export const approveTaskReportsSchema = z.object({ items: listOf(taskReportAtVersion, 1_000) }).strict();
export type ApproveTaskReportsInput = z.output<typeof approveTaskReportsSchema>;

export const returnValueSchema = z.object({ valueId: idField, version: versionField, reason: reasonField }).strict();
export type ReturnValueInput = z.output<typeof returnValueSchema>;

export const unlockValueSchema = returnValueSchema;
export type UnlockValueInput = ReturnValueInput;

export const returnTaskReportSchema = z.object({ taskReportId: idField, version: versionField, reason: reasonField }).strict();
export type ReturnTaskReportInput = z.output<typeof returnTaskReportSchema>;

/** Only the bureau unlocks an approved task report, with a reason, like a figure. */
export const unlockTaskReportSchema = z.object({ taskReportId: idField, version: versionField, reason: reasonField }).strict();
export type UnlockTaskReportInput = z.output<typeof unlockTaskReportSchema>;

export const approveSubmissionSchema = z.object({ submissionId: idField, version: versionField }).strict();
export type ApproveSubmissionInput = z.output<typeof approveSubmissionSchema>;

export const returnSubmissionSchema = z.object({ submissionId: idField, version: versionField, reason: reasonField }).strict();
export type ReturnSubmissionInput = z.output<typeof returnSubmissionSchema>;

// ── Deadlines and reminders ────────────────────────────────────────────────────────────────────────────────────

export const extendDeadlineSchema = z
  .object({
    unitId: idField,
    month: monthField,
    /** The new last day ('YYYY-MM-DD', China Standard Time), inclusive. */
    until: z.string().refine(isDateString, 'validation.date'),
    reason: reasonField,
  })
  .strict();
export type ExtendDeadlineInput = z.output<typeof extendDeadlineSchema>;

export const reopenMonthSchema = z.object({ unitId: idField, month: monthField, reason: reasonField }).strict();
export type ReopenMonthInput = z.output<typeof reopenMonthSchema>;

export const sendReminderSchema = z
  .object({
    month: monthField,
    unitIds: listOf(idField, 200),
    message: z.string().trim().max(200, 'validation.commentTooLong').refine(isStorableText, STORABLE_TEXT_MESSAGE).optional(),
  })
  .strict();
export type SendReminderInput = z.output<typeof sendReminderSchema>;

export const markRemindersSeenSchema = z
  .object({ reminderIds: listOf(idField, 200) })
  .strict();
export type MarkRemindersSeenInput = z.output<typeof markRemindersSeenSchema>;

export const reportingSettingsSchema = z
  .object({
    dueDay: z.coerce.number({ error: 'validation.dueDay' }).int('validation.dueDay').min(1, 'validation.dueDay').max(28, 'validation.dueDay'),
    /** Typed as a percentage (30 = 30 %); stored as a share. */
    jumpThresholdPercent: z.coerce.number({ error: 'validation.number' }).min(1, 'validation.jumpThreshold').max(1000, 'validation.jumpThreshold'),
    firstMonth: z.union([monthField, z.literal('')]).optional().transform((v) => (v ? v : null)),
    version: versionField,
  })
  .strict();
export type ReportingSettingsInput = z.output<typeof reportingSettingsSchema>;

// ── Excel ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const importPreviewSchema = z.object({ month: monthField }).strict();
/** Confirming names the file the preview was made from (sha256): a different file is a new preview. */
export const importConfirmSchema = z.object({ month: monthField, fileHash: z.string().regex(/^[0-9a-f]{64}$/, 'validation.fileChanged') }).strict();
export type ImportConfirmInput = z.output<typeof importConfirmSchema>;

export const exportFormats = ['xlsx', 'csv'] as const;
export const exportMonthSchema = z.object({ month: monthField, unitId: idField.optional(), format: z.enum(exportFormats).default('xlsx') }).strict();
export type ExportMonthInput = z.output<typeof exportMonthSchema>;
export const exportHistorySchema = z
  .object({ code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'validation.unknownItem'), format: z.enum(exportFormats).default('xlsx') })
  .strict();
export type ExportHistoryInput = z.output<typeof exportHistorySchema>;

// ── Form data ──────────────────────────────────────────────────────────────────────────────────────────────────

const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Flat form field names (`values.<itemKey>.value`, `tasks.12.narrative`, `month`) → the nested shape of
 * saveDraftSchema. Item keys contain no dots. Prototype-polluting segments are dropped; objects have no prototype
 * while being built and come out as plain objects.
 */
export function unflattenFields(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(flat)) {
    const path = name.split('.');
    if (path.some((segment) => segment === '' || UNSAFE_SEGMENTS.has(segment))) continue;
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined) node = node[segment] = Object.create(null) as Record<string, unknown>;
      else if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
      else {
        node = Object.create(null) as Record<string, unknown>;
        break;
      }
    }
    node[path[path.length - 1]] = value;
  }
  return toPlain(root) as Record<string, unknown>;
}

function toPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
}
