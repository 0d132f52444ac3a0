import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import { parseTemplateUpload } from '@/lib/excel/parse';
import { censusProblem } from '@/lib/excel/sheet-census';
import { buildZip } from '../support/workbook';

const xml = (s: string) => Buffer.from(s);
const sheet = (rows: number, prefix = '') =>
  xml(`<?xml version="1.0"?><${prefix}worksheet><${prefix}cols><${prefix}col min="1" max="2"/></${prefix}cols><${prefix}sheetData>` +
    Array.from({ length: rows }, (_, i) => `<${prefix}row r="${i + 1}"><${prefix}c r="A${i + 1}"><${prefix}v>${i}</${prefix}v></${prefix}c><${prefix}c r="B${i + 1}" t="s"><${prefix}v>0</${prefix}v></${prefix}c></${prefix}row>`).join('') +
    `</${prefix}sheetData><${prefix}rowBreaks count="1"><${prefix}brk id="3"/></${prefix}rowBreaks></${prefix}worksheet>`);
const xlsx = (...sheets: Buffer[]) =>
  buildZip([
    { name: '[Content_Types].xml', data: xml('<Types/>') },
    { name: 'xl/workbook.xml', data: xml('<workbook/>') },
    { name: 'xl/sharedStrings.xml', data: xml('<sst><si><t>a</t></si><si><t>b</t></si></sst>') },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ]);
const limits = (rows: number, cells = 1e9, strings = 1e9) => ({ rows, cells, strings });

describe('counting rows before any parser runs', () => {
  // 30,000 rows inflate to about 2 MB: many 64 KB chunks, so matches cut by a chunk boundary are exercised.
  const big = xlsx(sheet(20_000), sheet(10_000));
  test('rows are counted exactly across sheets and chunk boundaries; <rowBreaks> and <col> are not rows', async () => {
    expect(await censusProblem(big, limits(30_000))).toBeNull();
    expect(await censusProblem(big, limits(29_999))).toBe('tooManyRows');
  });
  test('cells and shared strings have limits of their own', async () => {
    expect(await censusProblem(big, limits(1e9, 60_000))).toBeNull();
    expect(await censusProblem(big, limits(1e9, 59_999))).toBe('tooManyCells');
    expect(await censusProblem(big, limits(1e9, 1e9, 1))).toBe('tooManyCells');
  });
  test('namespace prefixes do not hide rows', async () => {
    expect(await censusProblem(xlsx(sheet(50, 'x:')), limits(49))).toBe('tooManyRows');
  });
  test('a corrupt deflate stream is unreadable, not a crash', async () => {
    const bytes = xlsx(sheet(10));
    const broken = new Uint8Array(bytes);
    // The last sheet's data lies before the central directory; overwrite its middle.
    broken.fill(0xff, broken.length - 400, broken.length - 200);
    expect(await censusProblem(broken, limits(1_000))).toBe('unreadable');
  });
  test('a 150,000-row file under the upload limit is refused for its rows in well under a second', async () => {
    const bomb = xlsx(sheet(150_000));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    await expect(parseTemplateUpload(bomb)).rejects.toMatchObject({ fieldErrors: { file: ['validation.fileTooManyRows'] } });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
