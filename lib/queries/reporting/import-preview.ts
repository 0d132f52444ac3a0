// Server only. Every function takes the viewer first. The dry run of an Excel upload of a unit's month: what the file
// would create, change, leave unchanged or reject, row by row. Reads only; lib/mutations/reporting/import.ts writes
// the same file once confirmed, planned by the same steps.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/actor';
import { systemClock, type Clock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ForbiddenError } from '@/lib/errors';
import { parseTemplateUpload, type ParsedUpload, type RowProblem } from '@/lib/excel/parse';
import type { ValueStage } from '@/lib/generated/prisma/enums';
import {
  loadFormDefinition,
  loadPreviousValues,
  loadReportingSettings,
  loadStoredTasks,
  loadStoredValues,
  type FormDefinition,
} from '@/lib/mutations/reporting/form-store';
import { getPlanStructure } from '@/lib/mutations/reporting/plan-structure';
import { can } from '@/lib/permissions';
import type { Month } from '@/lib/periods';
import { checkBreakdown, groupCoverage, type BreakdownCheck } from '@/lib/reporting/breakdown-check';
import { windowState } from '@/lib/reporting/deadlines';
import { ReportValidationError } from '@/lib/reporting/errors';
import { withImportSlot } from '@/lib/reporting/import-slots';
import { planTasks, planValues, type TaskEntry, type ValueEntry } from '@/lib/reporting/form-plan';
import { importPreviewSchema } from '@/lib/schemas/reporting';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportRowAction = 'create' | 'change' | 'unchanged' | 'reject';

export interface ImportPreviewRow {
  sheet: 'values' | 'tasks';
  /** The Excel row number. */
  row: number;
  label: string;
  action: ImportRowAction;
  oldValue: string | null;
  newValue: string | null;
  /** Message keys of the `validation` namespace, for rejected rows. */
  reasons: string[];
}

export interface ImportPreview {
  fileHash: string;
  fileName: string;
  month: Month;
  unit: { id: number; name: string };
  rows: ImportPreviewRow[];
  counts: Record<ImportRowAction, number>;
  /** Only a file with no rejected row, and something to write, can be confirmed. */
  canConfirm: boolean;
  /**
   * Each breakdown of an indicator on the form against its total, as the month would stand after the import (the
   * file's figures over what is stored): a soft check, never a reason to refuse the file.
   */
  breakdowns: { indicator: string; unit: string; group: string; groupId: number; check: BreakdownCheck }[];
}

const stageLabel: Record<ValueStage, string> = { final: '正式数', provisional: '快报数' };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertImporter(actor: Actor): number {
  if (actor.unitId === null || !can(actor, 'figure.import', { unitId: actor.unitId })) throw new ForbiddenError();
  return actor.unitId;
}

export function toEntries(parsed: ParsedUpload, def: FormDefinition): { values: ValueEntry[]; tasks: TaskEntry[] } {
  return {
    // A blank comment cell means "no comment in the file": keep what is stored (never wipe a comment by omission).
    values: parsed.values.map((r) => ({
      key: r.key,
      value: r.value,
      version: r.version,
      comment: r.comment ?? undefined,
    })),
    tasks: parsed.tasks.map((r) => {
      const role = def.taskMap.get(r.taskId)?.role;
      return role === 'responsible'
        ? { taskId: r.taskId, version: r.version, note: r.text ?? undefined }
        : { taskId: r.taskId, version: r.version, progress: r.progress, narrative: r.text ?? undefined };
    }),
  };
}

export async function buildPreview(
  actor: Actor,
  month: Month,
  file: UploadedFile,
  clock: Clock,
): Promise<{ preview: ImportPreview; parsed: ParsedUpload; def: FormDefinition }> {
  const unitId = assertImporter(actor);
  const parsed = await withImportSlot(String(actor.userId ?? actor.username), () => parseTemplateUpload(file.bytes));
  if (parsed.meta.unitId !== unitId)
    throw new ReportValidationError(
      { file: ['validation.fileWrongUnit'] },
      '文件无法导入',
      'The file cannot be imported',
    );
  if (parsed.meta.month !== month)
    throw new ReportValidationError(
      { file: ['validation.fileWrongMonth'] },
      '文件无法导入',
      'The file cannot be imported',
    );
  const db = await getDb();
  const structure = await getPlanStructure(db, parsed.meta.planId).catch(() => {
    throw new ReportValidationError(
      { file: ['validation.fileWrongTemplate'] },
      '文件无法导入',
      'The file cannot be imported',
    );
  });
  if (!structure.units.has(unitId))
    throw new ReportValidationError(
      { file: ['validation.fileWrongUnit'] },
      '文件无法导入',
      'The file cannot be imported',
    );
  const def = await loadFormDefinition(db, structure, unitId, month);
  const [settings, submission, stored, previous, storedTasks] = await Promise.all([
    loadReportingSettings(db),
    db.submission.findUnique({
      where: { unitId_month: { unitId, month } },
      select: { extendedUntil: true, reopened: true },
    }),
    loadStoredValues(db, def),
    loadPreviousValues(db, def),
    loadStoredTasks(db, unitId, month),
  ]);
  const window = windowState(clock(), {
    month,
    dueDay: settings.dueDay,
    extendedUntil: submission?.extendedUntil ?? null,
    reopened: submission?.reopened ?? false,
  });
  const ctx = { window, jumpThreshold: settings.jumpThreshold, source: 'import' as const };
  const entries = toEntries(parsed, def);
  const valuePlans = planValues(entries.values, def.itemMap, stored, previous, ctx);
  const taskPlans = planTasks(entries.tasks, def.taskMap, storedTasks, ctx);

  const indicatorName = new Map(structure.indicators.map((i) => [i.id, i.name]));
  const taskTitle = new Map(structure.tasks.map((t) => [t.id, `${t.no}. ${t.title}`]));
  const rows: ImportPreviewRow[] = [];
  const problemRow = (p: RowProblem): ImportPreviewRow => ({
    sheet: p.sheet,
    row: p.row,
    label: '',
    action: 'reject',
    oldValue: null,
    newValue: null,
    reasons: [p.reason],
  });
  parsed.values.forEach((r, i) => {
    const plan = valuePlans[i];
    const item = def.itemMap.get(r.key);
    const subject = item ? structure.units.get(item.subjectUnitId)?.name : undefined;
    const label = item
      ? `${indicatorName.get(item.indicatorId)} · ${subject} · ${item.period} · ${stageLabel[item.stage]}`
      : r.key;
    const old = stored.get(r.key)?.value ?? null;
    if (plan.kind === 'reject')
      rows.push({
        sheet: 'values',
        row: r.row,
        label,
        action: 'reject',
        oldValue: old,
        newValue: r.value === null ? null : String(r.value),
        reasons: [plan.reason],
      });
    else
      rows.push({
        sheet: 'values',
        row: r.row,
        label,
        action: plan.kind,
        oldValue: old,
        newValue: plan.kind === 'unchanged' ? old : plan.value,
        reasons: [],
      });
  });
  parsed.tasks.forEach((r, i) => {
    const plan = taskPlans[i];
    const old = storedTasks.get(r.taskId);
    const oldText = old ? (old.role === 'lead' ? old.narrative : old.note) : null;
    rows.push({
      sheet: 'tasks',
      row: r.row,
      label: taskTitle.get(r.taskId) ?? String(r.taskId),
      action: plan.kind,
      oldValue: oldText,
      newValue:
        plan.kind === 'create' || plan.kind === 'change'
          ? plan.expected.role === 'lead'
            ? plan.content.narrative
            : plan.content.note
          : oldText,
      reasons: plan.kind === 'reject' ? [plan.reason] : [],
    });
  });
  rows.push(...parsed.problems.map(problemRow));
  rows.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === 'values' ? -1 : 1));
  const after = new Map<string, string>();
  for (const [key, v] of stored) after.set(key, v.value);
  for (const plan of valuePlans) if (plan.kind === 'create' || plan.kind === 'change') after.set(plan.key, plan.value);
  const breakdowns: ImportPreview['breakdowns'] = [];
  for (const ind of structure.indicators) {
    for (const g of ind.breakdowns) {
      const members = def.items.filter((i) => i.indicatorId === ind.id && i.groupId === g.groupId);
      if (members.length === 0) continue;
      const total = def.items.find((i) => i.indicatorId === ind.id && i.groupId === null && i.period === members[0].period && i.stage === members[0].stage);
      const coverage = groupCoverage(g.memberIds.map((id) => structure.units.get(id)?.kind ?? 'other'));
      const check = checkBreakdown({ unit: ind.unit, kind: ind.kind, coverage, total: total ? (after.get(total.key) ?? null) : null, values: members.map((m) => after.get(m.key) ?? null) });
      if (check.status !== 'notAdditive') breakdowns.push({ indicator: ind.name, unit: ind.unit, group: g.groupName, groupId: g.groupId, check });
    }
  }
  const counts: Record<ImportRowAction, number> = { create: 0, change: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.action]++;
  return {
    preview: {
      fileHash: sha256(file.bytes),
      fileName: file.name,
      month,
      unit: { id: def.unit.id, name: def.unit.name },
      rows,
      counts,
      canConfirm: counts.reject === 0 && counts.create + counts.change > 0,
      breakdowns,
    },
    parsed,
    def,
  };
}

/** Dry run: what the upload would create, change, leave unchanged or reject, row by row. Writes nothing. */
export async function previewImport(
  actor: Actor,
  input: { month: string; file: UploadedFile },
  clock: Clock = systemClock,
): Promise<ImportPreview> {
  const parsedInput = importPreviewSchema.safeParse({ month: input.month });
  if (!parsedInput.success) throw new ReportValidationError({ month: ['validation.month'] });
  const { month } = parsedInput.data;
  return (await buildPreview(actor, month, input.file, clock)).preview;
}
