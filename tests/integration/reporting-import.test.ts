// Excel round trip: the template of a unit's month, a dry-run preview that writes nothing, a confirm that writes
// every row in one transaction or none, and re-uploading the same file changing nothing.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/actor';
import { fixedClock } from '@/lib/clock';
import { getDb } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { buildTemplate, META_SHEET, VALUE_COLUMNS, VALUES_SHEET } from '@/lib/excel/template';
import { saveDraft } from '@/lib/mutations/reporting/entry';
import { confirmImport } from '@/lib/mutations/reporting/import';
import { fillRegistryFigures } from '@/lib/mutations/registry/derived';
import { previewImport } from '@/lib/queries/reporting/import-preview';
import { getReportForm } from '@/lib/queries/reporting/form';
import { ReportValidationError } from '@/lib/reporting/errors';
import { setupTestDatabase } from '../support/db';
import { loadBundledPlan, makeReportingActor, snapshot, type LoadedPlan } from '../support/reporting';
import { openWorkbook, saveWorkbook, setValue, taskRows, valueRows } from '../support/workbook';

setupTestDatabase();

const MONTH = '2026-03';
const clock = fixedClock('2026-04-02T02:00:00Z');

let plan: LoadedPlan;
let kjj: number;
let reporter: Actor;
let colleague: Actor;

beforeAll(async () => {
  plan = await loadBundledPlan();
  kjj = plan.unit('区科技局');
  reporter = await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj, displayName: '科技局 李填报' });
  colleague = await makeReportingActor({ roles: ['unit_reporter'], unitId: kjj, displayName: '科技局 赵填报' });
});

async function template(month = MONTH, at = clock): Promise<Uint8Array> {
  return new Uint8Array(await buildTemplate(await getReportForm(reporter, { month }, at)));
}

const file = (bytes: Uint8Array, name = 'report.xlsx') => ({ name, bytes });

describe('the template', () => {
  test('holds one row per figure of the form with hidden keys and versions, and the tasks the unit leads or shares', async () => {
    const form = await getReportForm(reporter, { month: MONTH }, clock);
    const workbook = await openWorkbook(await template());
    const rows = valueRows(workbook);
    expect([...rows.keys()].sort()).toEqual(form.indicators.flatMap((i) => i.items.map((x) => x.key)).sort());
    const sheet = workbook.getWorksheet(VALUES_SHEET)!;
    expect(sheet.getColumn(VALUE_COLUMNS.key).hidden).toBe(true);
    expect(sheet.getColumn(VALUE_COLUMNS.version).hidden).toBe(true);
    expect(workbook.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    const row = rows.get(`tech_smes:${plan.regionId}:${MONTH}:final`)!;
    expect(row.getCell(VALUE_COLUMNS.value).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 1e15] });
    expect(row.getCell(VALUE_COLUMNS.target2025).value).toBe('超过4500家');
    expect([...taskRows(workbook).keys()].sort()).toEqual(form.tasks.map((t) => t.id).sort());
  });
});

describe('upload', () => {
  let filled: Uint8Array;

  test('the preview shows what would be created, row by row, and writes nothing', async () => {
    const workbook = await openWorkbook(await template());
    const rows = valueRows(workbook);
    setValue(rows.get(`incubated_enterprises:${plan.regionId}:${MONTH}:final`)!, 420);
    setValue(rows.get(`tech_contract_turnover:${plan.regionId}:${MONTH}:final`)!, '12.35', '一季度合同集中登记');
    const [firstTask] = taskRows(workbook).values();
    firstTask.getCell(4).value = '滞后';
    firstTask.getCell(5).value = '=本月完成 2 家企业培育'; // text that looks like a formula, typed as text
    filled = await saveWorkbook(workbook);
    const before = await snapshot();
    const preview = await previewImport(reporter, { month: MONTH, file: file(filled) }, clock);
    expect(await snapshot()).toEqual(before);
    expect(preview.counts).toMatchObject({ create: 3, change: 0, reject: 0 }); // blank rows are "unchanged"
    expect(preview.canConfirm).toBe(true);
    expect(preview.rows.find((r) => r.label.startsWith('技术合同'))).toMatchObject({ action: 'create', newValue: '12.35' });
  });

  test('confirming writes every row in one transaction, marked as imported', async () => {
    const preview = await previewImport(reporter, { month: MONTH, file: file(filled) }, clock);
    await expect(confirmImport(reporter, { month: MONTH, fileHash: '0'.repeat(64), file: file(filled) }, clock)).rejects.toBeInstanceOf(ReportValidationError);
    const result = await confirmImport(reporter, { month: MONTH, fileHash: preview.fileHash, file: file(filled) }, clock);
    expect(result).toMatchObject({ created: 3, changed: 0 });
    const db = await getDb();
    const value = await db.indicatorValue.findFirstOrThrow({ where: { month: MONTH, unitId: plan.regionId, indicator: { code: 'tech_contract_turnover' } } });
    expect(value).toMatchObject({ source: 'import', status: 'draft', comment: '一季度合同集中登记' });
    expect(value.value.toString()).toBe('12.35');
    expect(await db.valueEvent.count({ where: { action: 'imported' } })).toBe(3);
    const audit = await db.auditLog.findMany({ where: { event: 'reporting.import.confirmed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ fileHash: preview.fileHash, fileName: 'report.xlsx' });
    const task = await db.taskReport.findFirstOrThrow({ where: { unitId: kjj, month: MONTH } });
    expect(task).toMatchObject({ progress: 'behind', narrative: '=本月完成 2 家企业培育' });
  });

  test('uploading the same file again changes nothing', async () => {
    const before = await snapshot();
    const preview = await previewImport(reporter, { month: MONTH, file: file(filled) }, clock);
    expect(preview.counts).toMatchObject({ create: 0, change: 0, reject: 0 });
    expect(preview.canConfirm).toBe(false);
    const result = await confirmImport(reporter, { month: MONTH, fileHash: preview.fileHash, file: file(filled) }, clock);
    expect(result).toMatchObject({ created: 0, changed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  test('a template downloaded before someone else changed a figure is refused for that row', async () => {
    const old = await openWorkbook(await template());
    const key = `incubated_enterprises:${plan.regionId}:${MONTH}:final`;
    const form = await getReportForm(colleague, { month: MONTH }, clock);
    const current = form.indicators.flatMap((i) => i.items).find((i) => i.key === key)!.current!;
    await saveDraft(colleague, { month: MONTH, values: { [key]: { value: '430', version: current.version } } }, clock);
    setValue(valueRows(old).get(key)!, 425);
    const bytes = await saveWorkbook(old);
    const before = await snapshot();
    const preview = await previewImport(reporter, { month: MONTH, file: file(bytes) }, clock);
    const row = preview.rows.find((r) => r.action === 'reject')!;
    expect(row).toMatchObject({ reasons: ['validation.stale'], oldValue: '430', newValue: '425' });
    await expect(confirmImport(reporter, { month: MONTH, fileHash: preview.fileHash, file: file(bytes) }, clock)).rejects.toBeInstanceOf(ReportValidationError);
    expect(await snapshot()).toEqual(before);
  });

  test('a figure changed between preview and confirm fails the whole import', async () => {
    const workbook = await openWorkbook(await template());
    const rows = valueRows(workbook);
    const key = `incubated_enterprises:${plan.regionId}:${MONTH}:final`;
    setValue(rows.get(key)!, 431);
    setValue(rows.get(`tech_contract_turnover:${plan.regionId}:${MONTH}:final`)!, '13.5');
    const bytes = await saveWorkbook(workbook);
    const preview = await previewImport(reporter, { month: MONTH, file: file(bytes) }, clock);
    expect(preview.canConfirm).toBe(true);
    const form = await getReportForm(colleague, { month: MONTH }, clock);
    const current = form.indicators.flatMap((i) => i.items).find((i) => i.key === key)!.current!;
    await saveDraft(colleague, { month: MONTH, values: { [key]: { value: '432', version: current.version } } }, clock);
    const before = await snapshot();
    const error = await confirmImport(reporter, { month: MONTH, fileHash: preview.fileHash, file: file(bytes) }, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect(JSON.stringify((error as ReportValidationError).fieldErrors)).toContain('validation.stale');
    expect(await snapshot()).toEqual(before);
  });
});

describe('a registry-counted indicator', () => {
  test('a figure typed into the file for it is refused in the preview, with its row and reason, and confirm writes nothing', async () => {
    const month = '2026-04';
    const at = fixedClock('2026-05-02T02:00:00Z');
    const workbook = await openWorkbook(await template(month, at));
    const rows = valueRows(workbook);
    const counted = `tech_smes:${plan.regionId}:${month}:final`;
    setValue(rows.get(counted)!, 4200);
    setValue(rows.get(`incubated_enterprises:${plan.regionId}:${month}:final`)!, 150);
    const bytes = await saveWorkbook(workbook);
    const before = await snapshot();
    const preview = await previewImport(reporter, { month, file: file(bytes) }, at);
    expect(preview.counts).toMatchObject({ create: 1, reject: 1 });
    expect(preview.canConfirm).toBe(false);
    expect(preview.rows.find((r) => r.action === 'reject')).toMatchObject({ row: rows.get(counted)!.number, newValue: '4200', reasons: ['validation.registryCounted'] });
    const error = await confirmImport(reporter, { month, fileHash: preview.fileHash, file: file(bytes) }, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect(Object.values((error as ReportValidationError).fieldErrors).flat()).toContain('validation.registryCounted');
    expect(await snapshot()).toEqual(before);
  });
});

describe('a registry-counted indicator, filled from the registry', () => {
  test('the template carries the filled counts, marked not to type; re-uploaded as it is, every row is unchanged', async () => {
    const month = '2026-06';
    const at = fixedClock('2026-07-02T02:00:00Z');
    const filledNow = await fillRegistryFigures(reporter, { month }, at);
    expect(filledNow.filled).toBeGreaterThan(0);
    const workbook = await openWorkbook(await template(month, at));
    const row = valueRows(workbook).get(`tech_smes:${plan.regionId}:${month}:final`)!;
    expect(String(row.getCell(VALUE_COLUMNS.status).value)).toContain('企业库计数，勿填');
    const bytes = await saveWorkbook(workbook);
    const before = await snapshot();
    const preview = await previewImport(reporter, { month, file: file(bytes) }, at);
    expect(preview.counts).toMatchObject({ create: 0, change: 0, reject: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a thousand rows', () => {
  const BIG_MONTH = '2026-05';
  const bigClock = fixedClock('2026-06-02T02:00:00Z');
  let keys: string[];

  beforeAll(async () => {
    // A breakdown over ~1,000 member units (firms) of incubated_enterprises gives 区科技局 exactly 1,000 figures to
    // type (its registry-counted indicators are on the form too, read only: never typed, left blank in the file).
    const db = await getDb();
    const counted = new Set((await db.indicator.findMany({ select: { code: true, registryRule: true } })).filter((i) => i.registryRule !== null).map((i) => i.code));
    const typedKeys = (form: Awaited<ReturnType<typeof getReportForm>>) => form.indicators.filter((i) => !counted.has(i.code)).flatMap((i) => i.items.map((x) => x.key));
    const base = typedKeys(await getReportForm(reporter, { month: BIG_MONTH }, bigClock)).length;
    const extra = 1000 - base;
    await db.unit.createMany({ data: Array.from({ length: extra }, (_, i) => ({ planId: plan.planId, name: `测试企业${String(i).padStart(4, '0')}`, kind: 'company' as const, position: 1000 + i })) });
    const firms = await db.unit.findMany({ where: { planId: plan.planId, name: { startsWith: '测试企业' } }, orderBy: { position: 'asc' } });
    const group = await db.unitGroup.create({ data: { planId: plan.planId, name: '测试企业组', position: 99 } });
    await db.unitGroupMember.createMany({ data: firms.map((f, i) => ({ groupId: group.id, unitId: f.id, position: i })) });
    await db.indicatorBreakdown.create({ data: { indicatorId: await plan.indicatorId('incubated_enterprises'), groupId: group.id } });
    keys = typedKeys(await getReportForm(reporter, { month: BIG_MONTH }, bigClock));
    expect(keys).toHaveLength(1000);
  });

  async function fill(transform: (index: number) => ExcelJS.CellValue): Promise<Uint8Array> {
    const workbook = await openWorkbook(await template(BIG_MONTH, bigClock));
    const rows = valueRows(workbook);
    keys.forEach((key, i) => setValue(rows.get(key)!, transform(i)));
    return saveWorkbook(workbook);
  }

  test('a bad value on row 500 of 1,000: shown in the preview with its row, and nothing is written', async () => {
    const bytes = await fill((i) => (i === 499 ? '约300' : 10 + i));
    const before = await snapshot();
    const preview = await previewImport(reporter, { month: BIG_MONTH, file: file(bytes) }, bigClock);
    expect(preview.counts).toMatchObject({ create: 999, reject: 1 });
    // The 500th typed figure's Excel row (the header is row 1; the registry-counted rows sit among them, left blank).
    const excelRow = valueRows(await openWorkbook(await template(BIG_MONTH, bigClock))).get(keys[499])!.number;
    expect(preview.rows.find((r) => r.action === 'reject')).toMatchObject({ row: excelRow, reasons: ['validation.number'] });
    const error = await confirmImport(reporter, { month: BIG_MONTH, fileHash: preview.fileHash, file: file(bytes) }, bigClock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).fieldErrors[`rows.values.${excelRow}`]).toEqual(['validation.number']);
    expect(await snapshot()).toEqual(before);
  });

  test('a write failing on row 500 of 1,000 rolls back the 499 rows written before it', async () => {
    const first = await fill((i) => 10 + i);
    const preview = await previewImport(reporter, { month: BIG_MONTH, file: file(first) }, bigClock);
    expect((await confirmImport(reporter, { month: BIG_MONTH, fileHash: preview.fileHash, file: file(first) }, bigClock)).created).toBe(1000);

    // Every figure changes; the database refuses the 500th update (a test-only trigger), after 499 have run.
    const second = await fill((i) => (i === 499 ? 424242 : 20 + i));
    const db = await getDb();
    await db.$executeRawUnsafe(`CREATE FUNCTION test_refuse_424242() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."value" = 424242 THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_refuse_424242 BEFORE INSERT OR UPDATE ON "IndicatorValue" FOR EACH ROW EXECUTE FUNCTION test_refuse_424242()`);
    try {
      const before = await snapshot();
      const check = await previewImport(reporter, { month: BIG_MONTH, file: file(second) }, bigClock);
      expect(check.counts).toMatchObject({ change: 1000, reject: 0 });
      await expect(confirmImport(reporter, { month: BIG_MONTH, fileHash: check.fileHash, file: file(second) }, bigClock)).rejects.toThrow(/refused by test trigger/);
      expect(await snapshot()).toEqual(before);
      const sum = await db.indicatorValue.aggregate({ where: { month: BIG_MONTH }, _sum: { value: true } });
      expect(sum._sum.value!.toNumber()).toBe(Array.from({ length: 1000 }, (_, i) => 10 + i).reduce((a, b) => a + b, 0));
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER test_refuse_424242 ON "IndicatorValue"');
      await db.$executeRawUnsafe('DROP FUNCTION test_refuse_424242()');
    }
    const check = await previewImport(reporter, { month: BIG_MONTH, file: file(second) }, bigClock);
    expect((await confirmImport(reporter, { month: BIG_MONTH, fileHash: check.fileHash, file: file(second) }, bigClock)).changed).toBe(1000);
  });

  test('a save conflict during confirm names who changed the figure', async () => {
    const bytes = await fill((i) => 30 + i);
    const preview = await previewImport(reporter, { month: BIG_MONTH, file: file(bytes) }, bigClock);
    const form = await getReportForm(colleague, { month: BIG_MONTH }, bigClock);
    const item = form.indicators.flatMap((i) => i.items).find((i) => i.key === keys[10])!;
    await saveDraft(colleague, { month: BIG_MONTH, values: { [keys[10]]: { value: '7', version: item.current!.version } } }, bigClock);
    const error = await confirmImport(reporter, { month: BIG_MONTH, fileHash: preview.fileHash, file: file(bytes) }, bigClock).catch((e: unknown) => e);
    expect(error instanceof ReportValidationError || error instanceof ConflictError).toBe(true);
  });
});

import type ExcelJS from 'exceljs';
