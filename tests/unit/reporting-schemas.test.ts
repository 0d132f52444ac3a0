import { describe, expect, test } from 'vitest';
import { approveValuesSchema, saveDraftSchema, saveDraftSchemaFor, sendReminderSchema, unflattenFields, reportingSettingsSchema, withdrawSchema } from '@/lib/schemas/reporting';
import { formDataToObject, parseInput } from '@/lib/validation/parse';

const KEY = 'tech_smes:1:2026-03:final';
const PCT = 'rd_institution_coverage:1:2026-03:final';

describe('the save-draft schema', () => {
  test('takes values keyed by item and tasks keyed by id, each with the version started from', () => {
    const parsed = saveDraftSchema.parse({ month: '2026-03', values: { [KEY]: { value: '12', version: '3', comment: '说明' } }, tasks: { '5': { progress: 'behind', narrative: 'x', version: 0 } } });
    expect(parsed.values[KEY]).toEqual({ value: '12', version: 3, comment: '说明' });
    expect(parsed.tasks['5'].progress).toBe('behind');
  });

  test('refuses any field it does not know: no status, unit or reviewer rides along', () => {
    expect(saveDraftSchema.safeParse({ month: '2026-03', unitId: 3 }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ month: '2026-03', values: { [KEY]: { value: '1', version: 0, status: 'approved' } } }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ month: '2026-03', tasks: { '5': { role: 'lead', version: 0 } } }).success).toBe(false);
  });

  test('checks each figure by its indicator and reports per field, in the user’s language', () => {
    const schema = saveDraftSchemaFor(new Map([[KEY, { unit: '家', decimals: 0 }], [PCT, { unit: '%', decimals: 1 }]]));
    const zh = parseInput(schema, { month: '2026-03', values: { [KEY]: { value: '-1', version: 0 }, [PCT]: { value: '101', version: 0 }, 'other:1:2026-03:final': { value: '1', version: 0 } } }, 'zh-CN');
    expect(zh.success).toBe(false);
    if (zh.success) return;
    expect(zh.fieldErrors[`values.${KEY}.value`]).toEqual(['不能为负数']);
    expect(zh.fieldErrors[`values.${PCT}.value`]).toEqual(['百分比应在 0–100 之间']);
    expect(zh.fieldErrors['values.other:1:2026-03:final.value']).toEqual(['该项不在本单位本月的报表中']);
    const en = parseInput(schema, { month: '2026-3', values: { [KEY]: { value: '1.5', version: 0 } } }, 'en');
    expect(en.success ? {} : en.fieldErrors).toEqual({ month: ['Month must be YYYY-MM'], [`values.${KEY}.value`]: ['Enter a whole number'] });
  });
});

describe('form data', () => {
  test('flat field names become the nested input; prototype keys are dropped', () => {
    const form = new FormData();
    form.append('month', '2026-03');
    form.append(`values.${KEY}.value`, '12');
    form.append(`values.${KEY}.version`, '2');
    form.append('tasks.5.narrative', '进展');
    form.append('tasks.5.version', '0');
    form.append('values.__proto__.polluted', 'yes');
    form.append('constructor.prototype.polluted', 'yes');
    const nested = unflattenFields(formDataToObject(form));
    expect(nested).toEqual({ month: '2026-03', values: { [KEY]: { value: '12', version: '2' } }, tasks: { '5': { narrative: '进展', version: '0' } } });
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(saveDraftSchema.safeParse(nested).success).toBe(true);
  });

  test('review lists arrive as checkbox values "id@version"', () => {
    expect(approveValuesSchema.parse({ items: '12@3' })).toEqual({ items: [{ valueId: 12, version: 3 }] });
    expect(approveValuesSchema.parse({ items: ['12@3', '13@1'] }).items).toHaveLength(2);
    expect(approveValuesSchema.safeParse({ items: 'twelve' }).success).toBe(false);
    expect(sendReminderSchema.parse({ month: '2026-03', unitIds: '7' }).unitIds).toEqual([7]);
  });

  test('settings are typed as a percentage', () => {
    expect(reportingSettingsSchema.parse({ dueDay: '5', jumpThresholdPercent: '30', firstMonth: '', version: '1' })).toEqual({ dueDay: 5, jumpThresholdPercent: 30, firstMonth: null, version: 1 });
    expect(reportingSettingsSchema.safeParse({ dueDay: '31', jumpThresholdPercent: '30', version: '1' }).success).toBe(false);
  });
});

describe('the withdraw schema', () => {
  test('an item id past PostgreSQL integer range is refused on its field, not sent to the database', () => {
    expect(withdrawSchema.safeParse({ month: '2026-01', version: 1, item: 'v:2147483647' }).success).toBe(true);
    const refused = withdrawSchema.safeParse({ month: '2026-01', version: 1, item: 'v:2147483648' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['item'], message: 'validation.unknownItem' });
  });
});
