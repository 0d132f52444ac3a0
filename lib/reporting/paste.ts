// Pure: a column copied from Excel and pasted into one cell of the form's grid fills that cell and the ones below it.
// The pasted figures are checked with the server's own schema (saveDraftSchemaFor), all or nothing: a paste that does
// not fit fills no cell and says why.
import type { FigureRules } from '@/lib/reporting/figures';
import { saveDraftSchemaFor } from '@/lib/schemas/reporting';

export interface PasteTarget {
  key: string;
  /** The row's name (朝阳街道), for messages. */
  label: string;
  rules: FigureRules;
}

export type PasteOutcome =
  /** One value on one line: the browser pastes it as usual. */
  | { kind: 'single' }
  | { kind: 'fill'; values: { key: string; value: string }[] }
  | { kind: 'tooMany'; pasted: number; rows: number }
  | { kind: 'columns'; columns: number }
  | { kind: 'invalid'; errors: { row: number; label: string; value: string; message: string }[] };

/** Excel puts a line break after every row (CRLF on Windows) and a tab between columns. */
export function splitPasted(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/**
 * What pasting `text` into the first of `targets` (the cell pasted into, then the editable cells below it) does.
 * Blank lines leave their cell empty, as an empty Excel cell would.
 */
export function planPaste(text: string, month: string, targets: readonly PasteTarget[]): PasteOutcome {
  const rows = splitPasted(text);
  if (rows.length <= 1 && (rows[0]?.length ?? 1) <= 1) return { kind: 'single' };
  const columns = Math.max(...rows.map((r) => r.filter((cell, i) => i === 0 || cell.trim() !== '').length));
  if (columns > 1) return { kind: 'columns', columns };
  const cells = rows.map((r) => r[0].trim());
  if (cells.length > targets.length) return { kind: 'tooMany', pasted: cells.length, rows: targets.length };

  const used = targets.slice(0, cells.length);
  const schema = saveDraftSchemaFor(new Map(used.map((t) => [t.key, t.rules])));
  const parsed = schema.safeParse({ month, values: Object.fromEntries(used.map((t, i) => [t.key, { value: cells[i], version: 0 }])) });
  if (!parsed.success) {
    const row = new Map(used.map((t, i) => [t.key, i]));
    const errors = parsed.error.issues
      .map((issue) => ({ index: issue.path[0] === 'values' ? row.get(String(issue.path[1])) : undefined, message: issue.message }))
      .filter((e): e is { index: number; message: string } => e.index !== undefined)
      .sort((a, b) => a.index - b.index)
      .map((e) => ({ row: e.index + 1, label: used[e.index].label, value: cells[e.index], message: e.message }));
    // An issue not about one cell (none is expected: the month and keys come from the page) still refuses the paste.
    return { kind: 'invalid', errors: errors.length > 0 ? errors : [{ row: 1, label: used[0].label, value: cells[0], message: 'validation.number' }] };
  }
  return { kind: 'fill', values: used.map((t, i) => ({ key: t.key, value: cells[i] })) };
}
