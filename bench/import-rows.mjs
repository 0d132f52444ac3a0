// Benchmark (issue 9 item 17): a 1.9 MB .xlsx of 150,000 rows, under the 2 MB upload limit, must be refused in under
// 300 ms with under 50 MiB of memory growth, before any parser builds the workbook in memory. For comparison it also
// times what the import did before (exceljs loading the whole workbook, which then failed the row count).
//
//   npx tsx bench/import-rows.mjs [rows=150000]
//
// No database or server: the file is generated here with exceljs's streaming writer, shaped like the real template.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { MAX_UPLOAD_BYTES, parseTemplateUpload } from '@/lib/excel/parse';
import { META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, VALUES_SHEET } from '@/lib/excel/template';

const rows = Number(process.argv[2] ?? 150_000);
const MiB = 1024 * 1024;

async function hostileWorkbook() {
  const file = path.join(os.tmpdir(), `bench-import-rows-${process.pid}.xlsx`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const meta = writer.addWorksheet(META_SHEET);
  for (const [k, v] of [['template', TEMPLATE_ID], ['version', TEMPLATE_VERSION], ['planId', 'beibei-2023-2027'], ['unitId', 10], ['month', '2026-10']]) meta.addRow([k, v]).commit();
  await meta.commit();
  const sheet = writer.addWorksheet(VALUES_SHEET);
  sheet.addRow(['指标', '对象', '期间', '口径', '单位', '上月', '本月', '说明', '', '', '', '', 'key', 'version']).commit();
  for (let r = 0; r < rows; r++) sheet.addRow([null, null, null, null, null, null, r % 97, null, null, null, null, null, 'k']).commit();
  await sheet.commit();
  await writer.commit();
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(file);
  return bytes;
}

/** Wall time and the peak growth of resident memory over `run`, sampled every 2 ms. */
async function measure(run) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const started = performance.now();
  let outcome;
  try {
    outcome = `ok (${await run()})`;
  } catch (error) {
    outcome = `refused: ${error?.fieldErrors?.file?.join(', ') ?? error?.message}`;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: Math.round(ms), growthMiB: Math.round(((peak - base) / MiB) * 10) / 10, outcome };
}

const bytes = await hostileWorkbook();
console.log(`file: ${rows} rows, ${(bytes.length / MiB).toFixed(2)} MiB (upload limit ${MAX_UPLOAD_BYTES / MiB} MiB)`);
// Warm the modules once on a tiny file so that the figures are the file's, not the first import's.
await parseTemplateUpload(new Uint8Array([0x50, 0x4b, 3, 4])).catch(() => null);

const now = await measure(() => parseTemplateUpload(bytes));
console.log(`now:    ${now.ms} ms, +${now.growthMiB} MiB resident, ${now.outcome}`);
const before = await measure(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes));
  return `${workbook.getWorksheet(VALUES_SHEET)?.rowCount} rows loaded`;
});
console.log(`before: ${before.ms} ms, +${before.growthMiB} MiB resident (exceljs loads it all), ${before.outcome}`);
const pass = now.outcome.includes('fileTooManyRows') && now.ms < 300 && now.growthMiB < 50;
console.log(pass ? 'PASS: refused in under 300 ms with under 50 MiB growth' : 'FAIL');
process.exit(pass ? 0 : 1);
