// Pure (no database): every table of a 月通报 as one .xlsx, one sheet per table, cells that a spreadsheet would run
// as formulas neutralised (lib/excel/export.ts).
import ExcelJS from 'exceljs';
import type { BulletinContent } from '@/lib/bulletin/types';
import { neutralise } from '@/lib/excel/export';

export async function bulletinToXlsx(content: BulletinContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const section of content.sections) {
    for (const table of section.tables) {
      // Sheet names: at most 31 characters, no []:*?/\ and unique.
      const base = table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}(${i})`;
      used.add(name);
      const sheet = workbook.addWorksheet(name);
      sheet.addRow([table.title]).font = { bold: true };
      sheet.addRow(table.columns).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row.map((c) => neutralise(c)));
      sheet.columns.forEach((col, i) => (col.width = i === 0 ? 28 : 16));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
