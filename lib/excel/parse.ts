// Pure (no database): reads an uploaded template safely. Limits first (size, archive sizes, rows), then values only:
// formula cells are refused with a row message (their cached result is never trusted), keys from the file never
// become object keys, and every problem is reported per row so that nothing is written on a guess.
import ExcelJS from 'exceljs';
import { unneutralise } from '@/lib/excel/export';
import { censusProblem } from '@/lib/excel/sheet-census';
import { inspectXlsxZip } from '@/lib/excel/zip-guard';
import { META_SHEET, progressLabels, TASK_COLUMNS, TASKS_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, VALUE_COLUMNS, VALUES_SHEET } from '@/lib/excel/template';
import type { TaskProgress } from '@/lib/generated/prisma/enums';
import { isMonth, type Month } from '@/lib/periods';
import { ReportValidationError } from '@/lib/reporting/errors';
import { ITEM_KEY_RE } from '@/lib/reporting/keys';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 5_000;
/** Before parsing (lib/excel/sheet-census.ts): the rows of every sheet (meta and headers included), cells, strings. */
const CENSUS_LIMITS = { rows: MAX_UPLOAD_ROWS + 100, cells: (MAX_UPLOAD_ROWS + 100) * 20, strings: (MAX_UPLOAD_ROWS + 100) * 20 };

export type SheetKind = 'values' | 'tasks';

export interface RowProblem {
  sheet: SheetKind;
  row: number;
  field: string;
  reason: string;
}

export interface ParsedValueRow {
  row: number;
  key: string;
  version: number;
  value: string | number | null;
  comment: string | null;
}

export interface ParsedTaskRow {
  row: number;
  taskId: number;
  version: number;
  /** undefined: left blank (keep what is stored). */
  progress: TaskProgress | undefined;
  text: string | null;
}

export interface ParsedUpload {
  meta: { planId: string; unitId: number; month: Month };
  values: ParsedValueRow[];
  tasks: ParsedTaskRow[];
  problems: RowProblem[];
}

const fileError = (key: string) => new ReportValidationError({ file: [key] }, '文件无法导入', 'The file cannot be imported');

type Scalar = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'formula' } | { kind: 'other' };

/** A cell's own value; a formula is reported as such whatever result the file caches. */
function scalar(cell: ExcelJS.Cell): Scalar {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'other' };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: v };
  if (typeof v === 'boolean' || v instanceof Date) return { kind: 'other' };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('richText' in v && Array.isArray(v.richText)) {
      const text = v.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
    if ('text' in v && typeof v.text === 'string') return { kind: 'text', value: v.text };
  }
  return { kind: 'other' };
}

function textOf(s: Scalar): string | null {
  if (s.kind === 'text') return s.value.trim();
  if (s.kind === 'number') return String(s.value);
  return null;
}

function readMeta(sheet: ExcelJS.Worksheet): Record<string, string> {
  // No prototype, and only the names we know: a file cannot add `__proto__` or `constructor` to anything.
  const known = new Set(['template', 'version', 'planId', 'unitId', 'month']);
  const meta: Record<string, string> = Object.create(null);
  for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
    const name = textOf(scalar(sheet.getRow(r).getCell(1)));
    const value = textOf(scalar(sheet.getRow(r).getCell(2)));
    if (name && value !== null && known.has(name)) meta[name] = value;
  }
  return meta;
}

function rowHasFormula(row: ExcelJS.Row, columns: number): boolean {
  for (let c = 1; c <= columns; c++) if (scalar(row.getCell(c)).kind === 'formula') return true;
  return false;
}

const progressByLabel = new Map<string, TaskProgress>(Object.entries(progressLabels).map(([k, v]) => [v, k as TaskProgress]));

export async function parseTemplateUpload(bytes: Uint8Array): Promise<ParsedUpload> {
  if (bytes.byteLength === 0) throw fileError('validation.fileEmpty');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw fileError('validation.fileTooLarge');
  const zip = inspectXlsxZip(bytes);
  if (zip === 'notZip' || zip === 'notXlsx') throw fileError('validation.fileNotXlsx');
  if (zip) throw fileError('validation.fileUnreadable');
  const census = await censusProblem(bytes, CENSUS_LIMITS);
  if (census === 'tooManyRows') throw fileError('validation.fileTooManyRows');
  if (census) throw fileError('validation.fileUnreadable');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw fileError('validation.fileUnreadable');
  }
  const metaSheet = workbook.getWorksheet(META_SHEET);
  const valuesSheet = workbook.getWorksheet(VALUES_SHEET);
  const tasksSheet = workbook.getWorksheet(TASKS_SHEET);
  if (!metaSheet || !valuesSheet) throw fileError('validation.fileWrongTemplate');
  const meta = readMeta(metaSheet);
  const unitId = Number(meta.unitId);
  if (meta.template !== TEMPLATE_ID || Number(meta.version) !== TEMPLATE_VERSION || !meta.planId || !Number.isInteger(unitId) || unitId <= 0 || !isMonth(meta.month ?? '')) {
    throw fileError('validation.fileWrongTemplate');
  }
  if (valuesSheet.rowCount - 1 + (tasksSheet ? tasksSheet.rowCount - 1 : 0) > MAX_UPLOAD_ROWS) throw fileError('validation.fileTooManyRows');
  if (valuesSheet.getRow(1).getCell(VALUE_COLUMNS.key).text !== 'key' || valuesSheet.getRow(1).getCell(VALUE_COLUMNS.version).text !== 'version') {
    throw fileError('validation.fileWrongTemplate');
  }

  const problems: RowProblem[] = [];
  const values: ParsedValueRow[] = [];
  const seen = new Set<string>();
  for (let r = 2; r <= valuesSheet.rowCount; r++) {
    const row = valuesSheet.getRow(r);
    const keyCell = scalar(row.getCell(VALUE_COLUMNS.key));
    const valueCell = scalar(row.getCell(VALUE_COLUMNS.value));
    const commentCell = scalar(row.getCell(VALUE_COLUMNS.comment));
    if (keyCell.kind === 'empty' && valueCell.kind === 'empty' && commentCell.kind === 'empty') continue;
    if (rowHasFormula(row, VALUE_COLUMNS.version)) {
      problems.push({ sheet: 'values', row: r, field: 'value', reason: 'validation.formula' });
      continue;
    }
    const key = textOf(keyCell);
    const version = scalar(row.getCell(VALUE_COLUMNS.version));
    if (!key || !ITEM_KEY_RE.test(key) || version.kind !== 'number' || !Number.isInteger(version.value) || version.value < 0) {
      problems.push({ sheet: 'values', row: r, field: 'key', reason: 'validation.unknownItem' });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ sheet: 'values', row: r, field: 'key', reason: 'validation.duplicateRow' });
      continue;
    }
    seen.add(key);
    if (valueCell.kind === 'other') {
      problems.push({ sheet: 'values', row: r, field: 'value', reason: 'validation.number' });
      continue;
    }
    values.push({
      row: r,
      key,
      version: version.value,
      value: valueCell.kind === 'number' ? valueCell.value : valueCell.kind === 'text' ? valueCell.value : null,
      comment: commentCell.kind === 'text' ? unneutralise(commentCell.value.trim()) : null,
    });
  }

  const tasks: ParsedTaskRow[] = [];
  const seenTasks = new Set<number>();
  if (tasksSheet) {
    for (let r = 2; r <= tasksSheet.rowCount; r++) {
      const row = tasksSheet.getRow(r);
      const idCell = scalar(row.getCell(TASK_COLUMNS.taskId));
      if (idCell.kind === 'empty' && scalar(row.getCell(TASK_COLUMNS.text)).kind === 'empty' && scalar(row.getCell(TASK_COLUMNS.progress)).kind === 'empty') continue;
      if (rowHasFormula(row, TASK_COLUMNS.version)) {
        problems.push({ sheet: 'tasks', row: r, field: 'narrative', reason: 'validation.formula' });
        continue;
      }
      const version = scalar(row.getCell(TASK_COLUMNS.version));
      if (idCell.kind !== 'number' || !Number.isInteger(idCell.value) || idCell.value <= 0 || version.kind !== 'number' || !Number.isInteger(version.value) || version.value < 0) {
        problems.push({ sheet: 'tasks', row: r, field: 'narrative', reason: 'validation.unknownItem' });
        continue;
      }
      if (seenTasks.has(idCell.value)) {
        problems.push({ sheet: 'tasks', row: r, field: 'narrative', reason: 'validation.duplicateRow' });
        continue;
      }
      seenTasks.add(idCell.value);
      const progressText = textOf(scalar(row.getCell(TASK_COLUMNS.progress)));
      const progress = progressText ? progressByLabel.get(progressText) : undefined;
      if (progressText && !progress) {
        problems.push({ sheet: 'tasks', row: r, field: 'progress', reason: 'validation.progress' });
        continue;
      }
      const text = scalar(row.getCell(TASK_COLUMNS.text));
      if (text.kind === 'other') {
        problems.push({ sheet: 'tasks', row: r, field: 'narrative', reason: 'validation.narrativeRequired' });
        continue;
      }
      tasks.push({ row: r, taskId: idCell.value, version: version.value, progress, text: text.kind === 'text' ? unneutralise(text.value.trim()) : text.kind === 'number' ? String(text.value) : null });
    }
  }
  return { meta: { planId: meta.planId, unitId, month: meta.month }, values, tasks, problems };
}
