// Server only (no database): writes a plain list workbook (one header row, then rows) with exceljs's streaming
// writer, so a 100,000-row export or test file never sits in memory as a workbook model.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralise } from '@/lib/excel/export';

export type ListCell = string | number | Date | null;

export async function writeListWorkbook(sheetTitle: string, headers: string[], rows: Iterable<ListCell[]>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetTitle.slice(0, 31));
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 2) }));
  for (const row of rows) {
    const out = sheet.addRow(row.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
    row.forEach((c, i) => {
      if (c instanceof Date) out.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    out.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
