// Server only (reads a stream, no database): the rows of a workbook's first sheet, streamed with exceljs's
// WorkbookReader so that memory stays bounded whatever the number of rows. Values only: a formula cell is reported
// by its column (its cached result is never trusted), rich text and hyperlinks become their text.
import { Readable, Transform } from 'node:stream';
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

/** Bytes at the end of `buf` that start a UTF-8 character the buffer does not finish. */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back += 1) {
    const byte = buf[buf.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Re-cuts a byte stream so that no chunk ends inside a UTF-8 character. */
export async function* utf8Aligned(chunks: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, Buffer.from(chunk as Uint8Array)]) : Buffer.from(chunk as Uint8Array);
    const cut = buf.length - incompleteTail(buf);
    carry = buf.subarray(cut);
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry.length) yield carry;
}

function utf8AlignedStream(): Transform {
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = buf.length - incompleteTail(buf);
      carry = buf.subarray(cut);
      callback(null, cut > 0 ? buf.subarray(0, cut) : undefined);
    },
    flush(callback) {
      callback(null, carry.length ? carry : undefined);
    },
  });
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
};

/**
 * exceljs 4.4.0's streaming reader decodes every chunk of XML on its own, so a Chinese character whose three bytes
 * straddle two chunks comes out as U+FFFD (北温泉街道 → 北温泉���道). This reader hands it chunks cut on character
 * boundaries, for the sheet and for the shared strings (where Excel keeps the text of real lists).
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string) {
    return (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals)._parseWorksheet.call(this, utf8Aligned(iterator), sheetNo);
  }

  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    return (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals)._parseSharedStrings.call(this, entry.pipe(utf8AlignedStream()));
  }
}

/** Yields the first sheet's rows in order; `maxRows` stops a file that is longer than the caller accepts. */
export async function* streamFirstSheetRows(input: Uint8Array | Readable | string, maxRows = Infinity): AsyncGenerator<StreamedRow> {
  const source = input instanceof Uint8Array ? Readable.from(Buffer.from(input.buffer, input.byteOffset, input.byteLength)) : input;
  const reader = new Utf8SafeWorkbookReader(source as never, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
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
