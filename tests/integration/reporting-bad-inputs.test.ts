// A corpus of bad inputs and bad files. Each one: refused with a message the user can read (in Chinese and English,
// next to the field or the file), and nothing changed in the database.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { DomainError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { buildTemplate, META_SHEET, VALUE_COLUMNS, VALUES_SHEET } from '@/lib/excel/template';
import { extendDeadline } from '@/lib/mutations/reporting/deadlines';
import { saveDraft } from '@/lib/mutations/reporting/entry';
import { sendReminder } from '@/lib/mutations/reporting/reminders';
import { approveValues, returnValue } from '@/lib/mutations/reporting/review';
import { confirmImport } from '@/lib/mutations/reporting/import';
import { previewImport } from '@/lib/queries/reporting/import-preview';
import { getReportForm } from '@/lib/queries/reporting/form';
import { ReportValidationError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';
import { buildZip, openWorkbook, saveWorkbook, setValue, valueRows } from '../support/workbook';

setupTestDatabase();

const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let kjj: Actor;
let stats: Actor;
let reviewer: Actor;
let nobody: Actor;
let region: number;
let responsibleTaskId: number;
let leadTaskId: number;

beforeAll(async () => {
  plan = await loadBundledPlan();
  region = plan.regionId;
  expect(region).toBe(REGION);
  kjj = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区科技局') });
  stats = await makeReportingActor({ roles: ['unit_reporter'], unitId: plan.unit('区统计局') });
  reviewer = await makeReportingActor({ roles: ['bureau_reviewer'] });
  nobody = await makeReportingActor({ roles: ['unit_reporter'], unitId: null });
  const form = await getReportForm(kjj, { month: MONTH }, clock);
  responsibleTaskId = form.tasks.find((t) => t.role === 'responsible')!.id;
  leadTaskId = form.tasks.find((t) => t.role === 'lead')!.id;
  // One stored figure, so that review actions have something to refuse.
  await saveDraft(kjj, { month: MONTH, values: { [`tech_contract_turnover:${region}:${MONTH}:final`]: { value: '4100', version: 0 } } }, clock);
});

// The region's id is 1 in a fresh database (the plan loader creates it first); checked in beforeAll.
const REGION = 1;
const k = (code: string, month = MONTH) => `${code}:${REGION}:${month}:final`;
const long = (n: number) => '字'.repeat(n);

/** Refused with a readable message, and the listed message keys on the listed fields (when given). */
async function expectRefused(run: () => Promise<unknown>, keys?: Record<string, string>, kind: new (...args: never[]) => DomainError = ReportValidationError) {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'should have been refused').toBeInstanceOf(kind);
  const domain = error as DomainError;
  expect(domain.message).toMatch(/[\u4e00-\u9fff]/);
  expect(domain.messageEn).toMatch(/[a-z]/);
  if (keys) {
    const fieldErrors = (error as ReportValidationError).fieldErrors;
    for (const [name, key] of Object.entries(keys)) {
      const field = name.replace('LEAD', String(leadTaskId)).replace('RESPONSIBLE', String(responsibleTaskId));
      expect(fieldErrors[field], `errors on ${field}: ${JSON.stringify(fieldErrors)}`).toContain(key);
      // Translated for the user: no raw keys in what is shown.
      expect(domain.fields![field].zh.join('')).not.toContain('validation.');
      expect(domain.fields![field].en.join('')).not.toContain('validation.');
    }
  }
  expect(await snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const save = (actor: () => Actor, input: unknown) => () => saveDraft(actor(), (typeof input === 'function' ? input() : input) as never, clock);
const value = (key: string, v: unknown, extra: Record<string, unknown> = {}) => ({ month: MONTH, values: { [key]: { value: v, version: 0, ...extra } } });

describe('bad form input', () => {
  const cases: [string, () => Promise<unknown>, Record<string, string>][] = [
    ['a figure typed for an indicator counted from the registry', save(() => kjj, value(k('tech_smes'), '4100')), { [`values.${k('tech_smes')}.value`]: 'validation.registryCounted' }],
    ['letters in a number', save(() => kjj, value(k('incubated_enterprises'), 'abc')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.number' }],
    ['a unit typed into the box', save(() => kjj, value(k('incubated_enterprises'), '约4100家')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.number' }],
    ['a negative count', save(() => kjj, value(k('incubated_enterprises'), '-5')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.nonNegative' }],
    ['decimals on a count', save(() => kjj, value(k('incubated_enterprises'), '12.5')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.maxDecimals_0' }],
    ['too many decimals', save(() => kjj, value(k('tech_contract_turnover'), '1.234')), { [`values.${k('tech_contract_turnover')}.value`]: 'validation.maxDecimals_2' }],
    ['a percentage above 100', save(() => kjj, value(k('rd_institution_coverage'), '120')), { [`values.${k('rd_institution_coverage')}.value`]: 'validation.percentRange' }],
    ['an exponent', save(() => kjj, value(k('incubated_enterprises'), '1e5')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.number' }],
    ['a number too large to store', save(() => kjj, value(k('incubated_enterprises'), '10000000000000000000')), { [`values.${k('incubated_enterprises')}.value`]: 'validation.tooLarge' }],
    ['a comment without a figure', save(() => kjj, value(k('incubated_enterprises'), '', { comment: '说明' })), { [`values.${k('incubated_enterprises')}.value`]: 'validation.required' }],
    ['a comment too long', save(() => kjj, value(k('incubated_enterprises'), '5', { comment: long(501) })), { [`values.${k('incubated_enterprises')}.comment`]: 'validation.commentTooLong' }],
    ['another unit\'s figure', save(() => kjj, value(k('little_giants'), '5')), { [`values.${k('little_giants')}.value`]: 'validation.unknownItem' }],
    ['a figure of a month not on this form', save(() => kjj, value(k('incubated_enterprises', '2026-02'), '5')), { [`values.${k('incubated_enterprises', '2026-02')}.value`]: 'validation.unknownItem' }],
    ['a malformed key', save(() => kjj, { month: MONTH, values: { '../../etc/passwd': { value: '1', version: 0 } } }), { 'values.../../etc/passwd': 'validation.unknownItem' }],
    ['a unit smuggled in', save(() => kjj, { month: MONTH, unitId: 26, values: {} }), {}],
    ['a status smuggled into a figure', save(() => kjj, value(k('incubated_enterprises'), '5', { status: 'approved' })), {}],
    ['a month that does not exist', save(() => kjj, { month: '2026-13', values: {} }), { month: 'validation.month' }],
    ['a version that is not a number', save(() => kjj, { month: MONTH, values: { [k('incubated_enterprises')]: { value: '5', version: 'x' } } }), { [`values.${k('incubated_enterprises')}.version`]: 'validation.number' }],
    ['a negative version', save(() => kjj, { month: MONTH, values: { [k('incubated_enterprises')]: { value: '5', version: -1 } } }), { [`values.${k('incubated_enterprises')}.version`]: 'validation.number' }],
    ['an object as a value', save(() => kjj, value(k('incubated_enterprises'), { valueOf: 5 })), {}],
    ['a rank of zero', save(() => stats, { month: '2025-12', values: { [k('rd_gdp_rank', '2025-12').replace(':final', ':provisional')]: { value: '0', version: 0 } } }), {
      [`values.${k('rd_gdp_rank', '2025-12').replace(':final', ':provisional')}.value`]: 'validation.rank',
    }],
    ['an unknown progress status', save(() => kjj, () => ({ month: MONTH, tasks: { [leadTaskId]: { progress: 'great', narrative: 'x', version: 0 } } })), { 'tasks.LEAD.progress': 'validation.progress' }],
    ['a narrative too long', save(() => kjj, () => ({ month: MONTH, tasks: { [leadTaskId]: { progress: 'done', narrative: long(2001), version: 0 } } })), { 'tasks.LEAD.narrative': 'validation.narrativeTooLong' }],
    ['a progress status from a responsible unit', save(() => kjj, () => ({ month: MONTH, tasks: { [responsibleTaskId]: { progress: 'done', version: 0 } } })), { 'tasks.RESPONSIBLE.progress': 'validation.leadOnly' }],
    ['too many entries', save(() => kjj, { month: MONTH, values: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`x${i}:1:${MONTH}:final`, { value: '1', version: 0 }])) }), { form: 'validation.tooManyEntries' }],
    ['an empty return reason', () => returnValue(reviewer, { valueId: 1, version: 1, reason: ' ' }, clock), { reason: 'validation.reasonRequired' }],
    ['a return reason too long', () => returnValue(reviewer, { valueId: 1, version: 1, reason: long(501) }, clock), { reason: 'validation.reasonTooLong' }],
    ['an empty approval', () => approveValues(reviewer, { items: [] }, clock), { items: 'validation.required' }],
    ['the same figure twice in one approval', () => approveValues(reviewer, { items: [{ valueId: 1, version: 1 }, { valueId: 1, version: 1 }] }, clock), { items: 'validation.duplicateRow' }],
    ['a date that does not exist', () => extendDeadline(reviewer, { unitId: plan.unit('区科技局'), month: MONTH, until: '2026-02-30', reason: '系统故障' }, clock), { until: 'validation.date' }],
    ['a reminder to nobody', () => sendReminder(reviewer, { month: MONTH, unitIds: [] }, clock), { unitIds: 'validation.required' }],
  ];
  test.each(cases)('%s', async (_name, run, keys) => {
    await expectRefused(run, keys);
  });

  test('a __proto__ key in JSON input is dropped: it pollutes nothing and writes nothing', async () => {
    const input = JSON.parse(`{"month":"${MONTH}","values":{"__proto__":{"polluted":true,"value":"1","version":0}}}`);
    const before = await snapshot();
    expect(await saveDraft(kjj, input, clock)).toMatchObject({ created: 0, changed: 0 });
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a user without a unit cannot save anything', async () => {
    await expectRefused(() => saveDraft(nobody, { month: MONTH, values: {} }, clock), undefined, ForbiddenError);
  });

  test('a month outside the plan', async () => {
    await expectRefused(() => saveDraft(kjj, { month: '2030-01', values: { [k('incubated_enterprises', '2030-01')]: { value: '1', version: 0 } } }, clock), undefined, NotFoundError);
  });
});

describe('bad files', () => {
  const upload = (bytes: Uint8Array, actor: () => Actor = () => kjj, month = MONTH) => () => previewImport(actor(), { month, file: { name: 'x.xlsx', bytes } }, clock);
  let good: Uint8Array;

  beforeAll(async () => {
    good = new Uint8Array(await buildTemplate(await getReportForm(kjj, { month: MONTH }, clock)));
  });

  async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const workbook = await openWorkbook(good);
    edit(workbook);
    return saveWorkbook(workbook);
  }

  test.each([
    ['an empty file', () => new Uint8Array(), 'validation.fileEmpty'],
    ['a text file', () => new TextEncoder().encode('指标,数值\nincubated_enterprises,1\n'), 'validation.fileNotXlsx'],
    ['a file over 2 MB', () => new Uint8Array(2 * 1024 * 1024 + 1).fill(80), 'validation.fileTooLarge'],
    ['a truncated workbook', () => good.slice(0, Math.floor(good.length / 2)), 'validation.fileNotXlsx'],
    ['a zip that is not a workbook', () => buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'validation.fileNotXlsx'],
    ['a zip bomb', () => buildZip([{ name: '[Content_Types].xml', data: Buffer.alloc(10) }, { name: 'xl/workbook.xml', data: Buffer.alloc(45 * 1024 * 1024) }]), 'validation.fileUnreadable'],
    ['a zip entry escaping its folder', () => buildZip([{ name: '[Content_Types].xml', data: Buffer.alloc(10) }, { name: 'xl/workbook.xml', data: Buffer.alloc(10) }, { name: '../../evil.sh', data: Buffer.from('rm -rf /') }]), 'validation.fileUnreadable'],
    ['a zip lying about sizes', () => buildZip([{ name: '[Content_Types].xml', data: Buffer.alloc(10) }, { name: 'xl/workbook.xml', data: Buffer.alloc(10), claimSize: 0xffffffff }]), 'validation.fileUnreadable'],
  ] as const)('%s', async (_name, bytes, key) => {
    await expectRefused(upload(bytes()), { file: key });
  });

  test('a workbook that is not our template', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['incubated_enterprises', 5]);
    await expectRefused(upload(await saveWorkbook(workbook)), { file: 'validation.fileWrongTemplate' });
  });

  test('another unit\'s template, another month\'s template', async () => {
    await expectRefused(upload(good, () => stats), { file: 'validation.fileWrongUnit' });
    await expectRefused(upload(good, () => kjj, '2026-02'), { file: 'validation.fileWrongMonth' });
    const tampered = await edited((w) => (w.getWorksheet(META_SHEET)!.getCell('B4').value = plan.unit('区统计局')));
    await expectRefused(upload(tampered), { file: 'validation.fileWrongUnit' });
  });

  test('__proto__ and constructor rows in the metadata pollute nothing', async () => {
    const bytes = await edited((w) => {
      const meta = w.getWorksheet(META_SHEET)!;
      meta.addRow(['__proto__', '{"polluted":true}']);
      meta.addRow(['constructor', 'x']);
    });
    const preview = await previewImport(kjj, { month: MONTH, file: { name: 'x.xlsx', bytes } }, clock);
    expect(preview.counts.reject).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a renamed key column', async () => {
    await expectRefused(upload(await edited((w) => (w.getWorksheet(VALUES_SHEET)!.getCell(1, VALUE_COLUMNS.key).value = 'id'))), { file: 'validation.fileWrongTemplate' });
  });

  test('more than 5,000 rows', async () => {
    const bytes = await edited((w) => {
      const sheet = w.getWorksheet(VALUES_SHEET)!;
      for (let i = 0; i < 5_001; i++) sheet.addRow(['x', 'x', MONTH, '正式数', '家', null, 1, null, null, null, null, null, `incubated_enterprises:${region}:${MONTH}:final`, 0]);
    });
    await expectRefused(upload(bytes), { file: 'validation.fileTooManyRows' });
  });

  const rowEdits: [string, (row: ExcelJS.Row) => void, string][] = [
    ['a formula', (row: ExcelJS.Row) => setValue(row, { formula: 'SUM(1,2)', result: 3 }), 'validation.formula'],
    ['a formula elsewhere in the row', (row: ExcelJS.Row) => void (row.getCell(VALUE_COLUMNS.comment).value = { formula: 'HYPERLINK("http://x")', result: 'x' }), 'validation.formula'],
    ['a date', (row: ExcelJS.Row) => {
      const cell = row.getCell(VALUE_COLUMNS.value);
      cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' }; // a style of its own: exceljs shares style objects
      setValue(row, new Date('2026-03-01'));
    }, 'validation.number'],
    ['a boolean', (row: ExcelJS.Row) => setValue(row, true), 'validation.number'],
    ['a negative number', (row: ExcelJS.Row) => setValue(row, -3), 'validation.nonNegative'],
    ['text', (row: ExcelJS.Row) => setValue(row, '四千'), 'validation.number'],
    ['a key of __proto__', (row: ExcelJS.Row) => void (row.getCell(VALUE_COLUMNS.key).value = '__proto__'), 'validation.unknownItem'],
    ['a key of another unit', (row: ExcelJS.Row) => void (row.getCell(VALUE_COLUMNS.key).value = k('little_giants')), 'validation.unknownItem'],
    ['a version that is text', (row: ExcelJS.Row) => void (row.getCell(VALUE_COLUMNS.version).value = 'v1'), 'validation.unknownItem'],
  ];
  test.each(rowEdits)('a row with %s: rejected with its row number, nothing written on confirm', async (_name, edit, key) => {
    const bytes = await edited((w) => {
      const row = valueRows(w).get(k('incubated_enterprises'))!;
      setValue(valueRows(w).get(k('tech_contract_turnover'))!, 3.5); // a good row beside it
      edit(row);
    });
    const before = await snapshot();
    const preview = await previewImport(kjj, { month: MONTH, file: { name: 'x.xlsx', bytes } }, clock);
    const rejected = preview.rows.filter((r) => r.action === 'reject');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reasons).toEqual([key]);
    expect(rejected[0].row).toBeGreaterThan(1);
    expect(preview.canConfirm).toBe(false);
    await expectRefused(() => confirmImport(kjj, { month: MONTH, fileHash: preview.fileHash, file: { name: 'x.xlsx', bytes } }, clock), { file: 'validation.rejectedRows' });
    expect(await snapshot()).toEqual(before);
  });

  test('a duplicated row', async () => {
    const bytes = await edited((w) => {
      const sheet = w.getWorksheet(VALUES_SHEET)!;
      const row = valueRows(w).get(k('incubated_enterprises'))!;
      sheet.addRow((row.values as ExcelJS.CellValue[]).slice(1));
    });
    const preview = await previewImport(kjj, { month: MONTH, file: { name: 'x.xlsx', bytes } }, clock);
    expect(preview.rows.filter((r) => r.action === 'reject').map((r) => r.reasons[0])).toEqual(['validation.duplicateRow']);
  });

  test('the zip bomb is refused before anything inflates it', () => {
    const bomb = deflateRawSync(Buffer.alloc(45 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000); // small enough to pass the 2 MB limit: only the ratio check stops it
  });
});
