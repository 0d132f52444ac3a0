// Pure: CSV that Excel opens correctly and safely: UTF-8 with a byte-order mark (or Chinese turns into mojibake),
// CRLF line ends, every cell quoted, and cells that a spreadsheet would run as a formula neutralised.
const BOM = '\uFEFF';

/** = + - @ start a formula in Excel, LibreOffice and WPS; a leading tab or CR can hide one (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
