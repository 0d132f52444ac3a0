// Server only (reads a stream, no database): the rows of a workbook's first sheet, streamed with exceljs's
// WorkbookReader so that memory stays bounded whatever the number of rows. Values only: a formula cell is reported
// by its column (its cached result is never trusted), rich text and hyperlinks become their text.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '@/lib/registry/import-columns';

export interface StreamedRow {
  /** The Excel row number (1-based). */
  row: number;
  /** 0-based cells. */
  cells: CellValue[];
  /** 0-based columns holding formulas. */
  formulas: number[];
}

function cellValue(v: unknown): CellValue | 'formula' {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return 'formula';
    if ('richText' in v && Array.isArray((v as { richText: unknown[] }).richText)) {
      return (v as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return null;
  }
  return null;
}

/** Yields the first sheet's rows in order; `maxRows` stops a file that is longer than the caller accepts. */
export async function* streamFirstSheetRows(input: Uint8Array | Readable | string, maxRows = Infinity): AsyncGenerator<StreamedRow> {
  const source = input instanceof Uint8Array ? Readable.from(Buffer.from(input.buffer, input.byteOffset, input.byteLength)) : input;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source as never, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let count = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (++count > maxRows) throw new RangeError(`more than ${maxRows} rows`);
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      const formulas: number[] = [];
      for (let i = 1; i < values.length; i += 1) {
        const v = cellValue(values[i]);
        if (v === 'formula') {
          formulas.push(i - 1);
          cells.push(null);
        } else cells.push(v);
      }
      yield { row: row.number, cells, formulas };
    }
    // Only the first sheet is a list; the reader still has to drain the rest of the archive.
    break;
  }
}
