// Server only (node:zlib). Counts an uploaded .xlsx's rows, cells and shared strings by streaming each part's XML
// through inflate, stopping as soon as a limit is passed, before any parser builds the workbook in memory: a 1.9 MB
// file of 150,000 rows inflates to tens of MB and took exceljs 7 s and 330 MiB only to be refused for its row count.
import { createInflateRaw } from 'node:zlib';
import { zipEntries, type ZipEntry } from '@/lib/excel/zip-guard';

export interface CensusLimits {
  rows: number;
  cells: number;
  strings: number;
}

export type CensusProblem = 'tooManyRows' | 'tooManyCells' | 'unreadable';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
// `<row …>`, `<c …>`, `<si>`, with or without a namespace prefix; not `<rowBreaks>`, `<col>` or `<cfRule>`.
const ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?(row|c|si)[\s>/]/g;
// Longer than any match, so that a match cut by a chunk boundary is found whole in the next pass.
const OVERLAP = 40;

type Tally = { row: number; c: number; si: number };

/** Streams one entry, adding to `tally`; resolves false as soon as `over(tally)` says a limit is passed. */
function tallyEntry(bytes: Uint8Array, entry: ZipEntry, tally: Tally, over: (t: Tally) => boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (entry.dataOffset < 0 || entry.dataOffset + entry.compressedSize > bytes.length || (entry.method !== 0 && entry.method !== 8)) {
      reject(new Error('unreadable entry'));
      return;
    }
    const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize);
    let carry = '';
    let stopped = false;
    const take = (chunk: Buffer) => {
      // latin1 keeps one character per byte; UTF-8 continuation bytes never look like `<row`.
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(ELEMENT)) {
        // A match lying wholly inside the carried overlap was counted in the previous pass.
        if (m.index + m[0].length > carry.length) tally[m[1] as keyof Tally]++;
      }
      carry = text.slice(-OVERLAP);
      return over(tally);
    };
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += 64 * 1024) if (take(data.subarray(at, at + 64 * 1024))) return resolve(false);
      return resolve(true);
    }
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.on('data', (chunk: Buffer) => {
      if (stopped || !take(chunk)) return;
      stopped = true;
      inflate.destroy();
      resolve(false);
    });
    inflate.on('end', () => resolve(true));
    inflate.on('error', (error) => (stopped ? undefined : reject(error)));
    inflate.end(data);
  });
}

/** null when every worksheet and the shared strings stay within the limits. The archive must have passed `inspectXlsxZip`. */
export async function censusProblem(bytes: Uint8Array, limits: CensusLimits): Promise<CensusProblem | null> {
  const tally: Tally = { row: 0, c: 0, si: 0 };
  const over = (t: Tally) => t.row > limits.rows || t.c > limits.cells || t.si > limits.strings;
  try {
    for (const entry of zipEntries(bytes)) {
      if (!WORKSHEET.test(entry.name) && entry.name !== SHARED_STRINGS) continue;
      if (!(await tallyEntry(bytes, entry, tally, over))) return tally.row > limits.rows ? 'tooManyRows' : 'tooManyCells';
    }
  } catch {
    return 'unreadable';
  }
  return null;
}
