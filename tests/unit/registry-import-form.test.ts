import { describe, expect, test } from 'vitest';
import { fillRegistryFiguresSchema, registryImportFormSchema } from '@/lib/schemas/registry/import';

const file = new File([new Uint8Array([80, 75, 3, 4])], 'list.xlsx');
const base = { list: 'high_tech', intent: 'preview', fileHash: '', file };

describe('the upload form', () => {
  test('a plain preview: no hash, no mapping', () => {
    const parsed = registryImportFormSchema.safeParse({ ...base, mapping: '' });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data).toMatchObject({ list: 'high_tech', intent: 'preview', fileHash: undefined, mapping: null });
  });

  test('a corrected mapping travels as JSON field → column', () => {
    const parsed = registryImportFormSchema.safeParse({ ...base, mapping: JSON.stringify({ creditCode: 1, name: 2, validFrom: 5 }) });
    expect(parsed.success && parsed.data.mapping).toEqual({ creditCode: 1, name: 2, validFrom: 5 });
  });

  test.each([
    ['not JSON', '{creditCode:1'],
    ['an array', '[1,2]'],
    ['an unknown field', JSON.stringify({ creditCode: 1, status: 2 })],
    ['two fields on one column', JSON.stringify({ creditCode: 1, name: 1 })],
    ['a negative column', JSON.stringify({ creditCode: -1 })],
    ['a fractional column', JSON.stringify({ creditCode: 1.5 })],
  ])('refuses a mapping that is %s, with the mapping message', (_name, mapping) => {
    const parsed = registryImportFormSchema.safeParse({ ...base, mapping });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toEqual(['validation.columnMapping']);
  });

  test.each([
    ['an unknown list', { ...base, list: 'delisted' }, 'list'],
    ['no file', { ...base, file: undefined }, 'file'],
    ['an empty file', { ...base, file: new File([], 'x.xlsx') }, 'file'],
    ['a hash that is not sha256', { ...base, intent: 'confirm', fileHash: 'abc' }, 'fileHash'],
    ['an extra field', { ...base, version: 3 }, ''],
  ])('refuses %s', (_name, input, path) => {
    const parsed = registryImportFormSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

test.each([
  [{ month: '2026-10' }, true],
  [{ month: '2026-13' }, false],
  [{ month: '2026-10', unitId: 3 }, false], // the unit is the session's, never named
])('the fill form %j', (input, ok) => expect(fillRegistryFiguresSchema.safeParse(input).success).toBe(ok));
