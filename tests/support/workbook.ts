// Helpers to edit a downloaded template the way a user would (exceljs), and to build hostile archives by hand.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { TASK_COLUMNS, TASKS_SHEET, VALUE_COLUMNS, VALUES_SHEET } from '@/lib/excel/template';

export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Data rows of the values sheet by key: [rowNumber, row]. */
export function valueRows(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Row> {
  const sheet = workbook.getWorksheet(VALUES_SHEET)!;
  const out = new Map<string, ExcelJS.Row>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.set(String(row.getCell(VALUE_COLUMNS.key).value), row);
  }
  return out;
}

export function setValue(row: ExcelJS.Row, value: ExcelJS.CellValue, comment?: string): void {
  row.getCell(VALUE_COLUMNS.value).value = value;
  if (comment !== undefined) row.getCell(VALUE_COLUMNS.comment).value = comment;
}

export function taskRows(workbook: ExcelJS.Workbook): Map<number, ExcelJS.Row> {
  const sheet = workbook.getWorksheet(TASKS_SHEET)!;
  const out = new Map<number, ExcelJS.Row>();
  for (let r = 2; r <= sheet.rowCount; r++) out.set(Number(sheet.getRow(r).getCell(TASK_COLUMNS.taskId).value), sheet.getRow(r));
  return out;
}

/** A zip archive from raw entries (stored sizes are what the central directory claims; CRCs are not checked here). */
export function buildZip(entries: { name: string; data: Buffer; claimSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.claimSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(centralSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, eocd]));
}
