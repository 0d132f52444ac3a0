// The reporter's flat form fields → saveDraft's input, and the import form's schema.
import { describe, expect, test } from 'vitest';
import { draftStorageKey, formEntryInput, importFormSchema } from '@/lib/reporting/entry-form';
import { saveDraftSchema } from '@/lib/schemas/reporting';

const KEY = 'tech_smes:7:2026-10:final';

describe('formEntryInput', () => {
  test('nests values and tasks by their dotted names and takes the button pressed', () => {
    const { input, intent } = formEntryInput({ month: '2026-10', intent: 'submit', [`values.${KEY}.value`]: '12', [`values.${KEY}.version`]: '0', 'tasks.3.progress': 'on_track', 'tasks.3.narrative': '进展顺利', 'tasks.3.version': '2' });
    expect(intent).toBe('submit');
    expect(input).toEqual({ month: '2026-10', values: { [KEY]: { value: '12', version: '0' } }, tasks: { '3': { progress: 'on_track', narrative: '进展顺利', version: '2' } } });
    const parsed = saveDraftSchema.safeParse(input);
    expect(parsed.success).toBe(true);
  });

  test.each([[undefined], ['save'], ['publish'], [['submit', 'submit']]])('anything but a single "submit" (%j) saves a draft', (intent) => {
    expect(formEntryInput({ month: '2026-10', intent }).intent).toBe('save');
  });

  test('a unit, status or stray field is not dropped silently: the strict schema refuses it', () => {
    const { input } = formEntryInput({ month: '2026-10', unitId: '9', [`values.${KEY}.status`]: 'approved', [`values.${KEY}.version`]: '0' });
    const parsed = saveDraftSchema.safeParse(input);
    expect(parsed.success).toBe(false);
  });

  test('prototype-polluting names pollute nothing', () => {
    const { input } = formEntryInput({ month: '2026-10', '__proto__.admin': 'yes', 'values.__proto__.value': '1' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.keys(input)).toEqual(['month']);
  });
});

describe('importFormSchema', () => {
  const file = new File([new Uint8Array([80, 75, 3, 4])], 'report.xlsx');
  const hash = 'a'.repeat(64);

  test('a preview needs a month and a non-empty file; an empty hash means none', () => {
    const parsed = importFormSchema.parse({ month: '2026-10', intent: 'preview', fileHash: '', file });
    expect(parsed.fileHash).toBeUndefined();
    expect(parsed.file).toBe(file);
  });

  test('a confirm carries the previewed sha256', () => {
    expect(importFormSchema.parse({ month: '2026-10', intent: 'confirm', fileHash: hash, file }).fileHash).toBe(hash);
  });

  test.each([
    ['no file', { month: '2026-10', intent: 'preview' }, 'file'],
    ['an empty file', { month: '2026-10', intent: 'preview', file: new File([], 'x.xlsx') }, 'file'],
    ['a string for a file', { month: '2026-10', intent: 'preview', file: 'x' }, 'file'],
    ['a bad hash', { month: '2026-10', intent: 'confirm', fileHash: 'zz', file }, 'fileHash'],
    ['a bad month', { month: '2026-13', intent: 'preview', file }, 'month'],
    ['an unknown intent', { month: '2026-10', intent: 'delete', file }, 'intent'],
    ['a unit', { month: '2026-10', intent: 'preview', file, unitId: '3' }, ''],
  ])('refuses %s', (_name, input, path) => {
    const parsed = importFormSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (path) expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

test('the browser copy is kept per unit and month', () => {
  expect(draftStorageKey(7, '2026-10')).toBe('report-draft:7:2026-10');
  expect(draftStorageKey(7, '2026-10')).not.toBe(draftStorageKey(8, '2026-10'));
});
