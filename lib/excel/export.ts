// Pure (no database): turns export tables into .xlsx and CSV. Text that a spreadsheet would run as a formula
// (starting with = + - @, or a tab / carriage return that hides one) is neutralised with a leading apostrophe.
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text only: numbers stay numbers (a negative number is a number, not a formula). */
export function neutralise(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse for our own templates coming back: `'=x` typed by us becomes `=x` again, as text. */
export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function csvField(value: Cell): string {
  const safe = neutralise(value);
  if (safe === null) return '';
  const text = typeof safe === 'number' ? String(safe) : safe;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so that Excel opens Chinese text correctly. */
export function tableToCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

export async function tableToXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'beibei-double-doubling';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map(neutralise));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutralise));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...[table.columns[i], ...table.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    column.width = Math.min(60, Math.max(8, longest * 1.6));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
