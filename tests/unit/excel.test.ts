import { describe, expect, test } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { neutralise, sheetName, tableToCsv, tableToXlsx, unneutralise } from '@/lib/excel/export';
import { parseTemplateUpload } from '@/lib/excel/parse';
import { buildTemplate } from '@/lib/excel/template';
import { inspectXlsxZip } from '@/lib/excel/zip-guard';
import type { ReportFormDto } from '@/lib/queries/reporting/form';
import { ReportValidationError } from '@/lib/reporting/errors';
import { buildZip, openWorkbook } from '../support/workbook';

describe('formula injection', () => {
  test.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['区科技局', '区科技局'],
    [-5, -5],
    [12.5, 12.5],
    [null, null],
  ] as const)('%j → %j', (input, output) => {
    expect(neutralise(input)).toEqual(output);
  });

  test('our own neutralised text comes back as typed', () => {
    expect(unneutralise(`'=1+1`)).toBe('=1+1');
    expect(unneutralise(`'quoted`)).toBe(`'quoted`);
  });

  test('CSV: BOM, CRLF, quoting, neutralised text, numbers as numbers', () => {
    const csv = tableToCsv({ title: 't', columns: ['指标', '数值', '说明'], rows: [['高企', 484, '=cmd|"/c calc"'], ['a,b', -1, 'line\nbreak']] });
    expect(csv.startsWith('\uFEFF指标,数值,说明\r\n')).toBe(true);
    expect(csv).toContain(`高企,484,"'=cmd|""/c calc"""`);
    expect(csv).toContain('"a,b",-1,"line\nbreak"');
  });

  test('xlsx export holds neutralised text', async () => {
    const bytes = await tableToXlsx({ title: '2026-03 月度数据', columns: ['说明'], rows: [['=1+1'], ['@x']] });
    const workbook = await openWorkbook(new Uint8Array(bytes));
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A2').value).toBe(`'=1+1`);
    expect(sheet.getCell('A3').value).toBe(`'@x`);
    expect(sheetName('a/b:c*?[x]'.repeat(5)).length).toBeLessThanOrEqual(31);
  });
});

describe('the zip guard', () => {
  const xlsxParts = [{ name: '[Content_Types].xml', data: Buffer.from('<x/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<x/>') }];
  test.each([
    ['a workbook', () => buildZip(xlsxParts), null],
    ['not a zip', () => new TextEncoder().encode('PK? no'), 'notZip'],
    ['a zip without workbook parts', () => buildZip([{ name: 'a.txt', data: Buffer.from('a') }]), 'notXlsx'],
    ['a bomb', () => buildZip([...xlsxParts, { name: 'xl/big.xml', data: Buffer.alloc(20 * 1024 * 1024) }]), 'tooBig'],
    ['claimed sizes beyond the limit', () => buildZip([...xlsxParts, { name: 'xl/a.xml', data: Buffer.alloc(10), claimSize: 50 * 1024 * 1024 }]), 'tooBig'],
    ['a path escaping the archive', () => buildZip([...xlsxParts, { name: '../x', data: Buffer.from('x') }]), 'badEntry'],
    ['too many entries', () => buildZip([...xlsxParts, ...Array.from({ length: 600 }, (_, i) => ({ name: `xl/${i}.xml`, data: Buffer.from('x') }))]), 'tooManyEntries'],
  ] as const)('%s → %s', (_name, bytes, problem) => {
    expect(inspectXlsxZip(bytes())).toBe(problem);
  });

  test('a bomb is small enough to pass the size limit', () => {
    expect(deflateRawSync(Buffer.alloc(20 * 1024 * 1024)).length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('template round trip (no database)', () => {
  const form = {
    planId: 'beibei-2023-2027',
    month: '2026-03',
    unit: { id: 10, name: '区科技局' },
    indicators: [
      {
        id: 1,
        code: 'tech_smes',
        name: '科技型企业',
        nameEn: 'x',
        unit: '家',
        decimals: 0,
        kind: 'stock',
        frequency: 'monthly',
        lagged: false,
        milestones: [{ year: 2025, value: 4500, comparator: 'gt', text: '超过4500家' }],
        items: [
          { key: 'tech_smes:1:2026-03:final', subject: { id: 1, name: '北碚区' }, period: '2026-03', stage: 'final', required: true, groupId: null, previous: { period: '2026-02', value: 4000, status: 'approved' }, current: { id: 5, value: 4100, text: '4100', status: 'draft', version: 2, comment: '=说明', warnings: [], returnReason: null, updatedBy: null, updatedAt: null, isDemo: false }, editable: true },
          { key: 'tech_smes:20:2026-03:final', subject: { id: 20, name: '天生街道' }, period: '2026-03', stage: 'final', required: true, groupId: 1, previous: null, current: null, editable: true },
        ],
        groups: [],
      },
    ],
    tasks: [{ id: 3, no: 1, title: '鼓励科技人员领办创办科技型企业', role: 'lead', required: true, leadLabels: ['区科技局'], previous: null, current: { id: 8, progress: 'behind', narrative: '进展', note: null, status: 'draft', version: 4, returnReason: null, updatedBy: null, updatedAt: null }, editable: true }],
  } as unknown as ReportFormDto;

  test('what the template holds is read back exactly, with versions and the unit and month', async () => {
    const parsed = await parseTemplateUpload(new Uint8Array(await buildTemplate(form)));
    expect(parsed.meta).toEqual({ planId: 'beibei-2023-2027', unitId: 10, month: '2026-03' });
    expect(parsed.values).toEqual([
      { row: 2, key: 'tech_smes:1:2026-03:final', version: 2, value: 4100, comment: '=说明' }, // neutralised on the way out, restored on the way in
      { row: 3, key: 'tech_smes:20:2026-03:final', version: 0, value: null, comment: null },
    ]);
    expect(parsed.tasks).toEqual([{ row: 2, taskId: 3, version: 4, progress: 'behind', text: '进展' }]);
    expect(parsed.problems).toEqual([]);
  });

  test('limits come before parsing', async () => {
    await expect(parseTemplateUpload(new Uint8Array(0))).rejects.toBeInstanceOf(ReportValidationError);
    await expect(parseTemplateUpload(new Uint8Array(3 * 1024 * 1024))).rejects.toMatchObject({ fieldErrors: { file: ['validation.fileTooLarge'] } });
  });
});
